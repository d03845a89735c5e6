/**
 * The template's Metadata section, beyond its Interface (interface.ts), with cfn-lint's ids:
 * - E4002: a null value in it (`Owner:` with nothing after it, a list item left empty).
 *   CloudFormation refuses the whole template ("'null' values are not allowed in templates"), as
 *   for a null in a resource (E3943, whose walk this rule shares). A Metadata section that is not
 *   a mapping is E1001's.
 * - W4005: a `cfn-lint: config` that does not do what it says, in the template's Metadata or a
 *   resource's (both turn rules off here, see suppressions.ts): a key neither tool reads (a typo
 *   such as `ignore_check`, whose rules then run), a value of the wrong kind, or an
 *   `ignore_checks` item that is not a rule id or prefix (`E3030`, `W`). An item of another kind
 *   stops cfn-lint 1.51 with a Python error, and text given in place of the list turns nothing
 *   off in cfn-lint: here such text is one id, and the warning asks for a list that both tools
 *   read alike. An empty id turns nothing off in either tool.
 *
 * A template with a macro or an AWS::Include snippet is not judged for nulls: the macro may fill
 * the value in.
 */
import type { MapNode, Node, Range } from "../../model";
import { mapGet } from "../../nodes";
import { didYouMean } from "../../suggest";
import { eachNull, nullMessage } from "../resources/null-values";
import { realResources } from "../resources/shared";
import type { Report, Rule } from "../rule";
import { isString, USER_GUIDE } from "../template-index";
import { hasOpaqueTransform } from "./names";

export const metadataNulls: Rule = {
  id: "E4002",
  severity: "error",
  shortDescription: "The Metadata section holds no null values",
  description:
    "CloudFormation refuses a template with a null value anywhere in it ('null' values are not allowed in " +
    "templates), its Metadata section too; give the key a value, or leave it out.",
  source: `${USER_GUIDE}/metadata-section-structure.html`,
  tags: ["metadata"],
  check({ template, report }) {
    const metadata = template.sections.get("Metadata")?.entry.value;
    if (metadata?.kind !== "map" || hasOpaqueTransform(template)) return;
    for (const entry of metadata.entries) {
      eachNull(entry.value, entry.keyRange, entry.key, (at, path) =>
        report(at, nullMessage(path, "the template's Metadata"), { path: ["Metadata", ...path] }),
      );
    }
  },
};

/** The kinds of value each key of a `cfn-lint: config` takes (cfn-lint's metadata schema). */
const CONFIG_KEYS: Record<string, "list" | "mapping" | "boolean"> = {
  append_rules: "list",
  configure_rules: "mapping",
  ignore_bad_template: "boolean",
  ignore_checks: "list",
  include_experimental: "boolean",
  merge_configs: "boolean",
  regions: "list",
};

/**
 * A rule id or id prefix: a capital letter, letters, then digits. cfn-lint's own ids have one
 * letter (E, W, I) and four digits; a plugin's may have more letters (the serverless rules'
 * ES1007, a partner's EIAMPolicyWildcardResource). Digits before a letter (`E3O30`) are a typo.
 */
const RULE_ID = /^[A-Z][A-Za-z]*[0-9]*$/;

/** What is wrong with a value of `kind`, and what to write instead; undefined when it fits. */
function kindProblem(value: Node, kind: "list" | "mapping" | "boolean"): string | undefined {
  if (kind === "list") {
    if (value.kind !== "seq") return "is not a list; write a list of text";
    return value.items.every(isString) ? undefined : "has an item that is not text; write each item as text";
  }
  if (kind === "mapping") return value.kind === "map" ? undefined : "is not a mapping; write a mapping";
  return value.kind === "scalar" && typeof value.value === "boolean"
    ? undefined
    : "is not a boolean; write true or false";
}

/** Reports what is wrong with the `cfn-lint` entry of a Metadata mapping, `where` naming its owner. */
function checkConfig(
  metadata: Node | undefined,
  where: string,
  path: readonly (string | number)[],
  report: Report,
): void {
  const entry = mapGet(metadata, "cfn-lint");
  if (!entry) return;
  const say = (range: Node | Range, message: string, tail: (string | number)[]) =>
    report(range, message, { path: [...path, "cfn-lint", ...tail] });
  if (entry.value.kind !== "map") {
    say(
      entry.keyRange,
      `The cfn-lint configuration of ${where} is not a mapping, and neither cfn-lint nor this validator reads it; ` +
        "write cfn-lint: {config: {ignore_checks: [...]}}",
      [],
    );
    return;
  }
  const config = mapGet(entry.value, "config");
  if (!config) return;
  const of = `of the cfn-lint configuration of ${where}`;
  if (config.value.kind !== "map") {
    say(config.keyRange, `config ${of} is not a mapping; write config: {ignore_checks: [...]}`, ["config"]);
    return;
  }
  for (const setting of (config.value as MapNode).entries) {
    const kind = Object.hasOwn(CONFIG_KEYS, setting.key) ? CONFIG_KEYS[setting.key] : undefined;
    const tail = ["config", setting.key];
    if (!kind) {
      const shown = setting.key.length <= 32 ? `Key '${setting.key}'` : "A key";
      say(
        setting.keyRange,
        `${shown} ${of} is not one cfn-lint or this validator reads, and does nothing` +
          `${didYouMean(setting.key, Object.keys(CONFIG_KEYS))}; the keys are ${Object.keys(CONFIG_KEYS).join(", ")}`,
        tail,
      );
    } else if (setting.key === "ignore_checks" && isString(setting.value)) {
      say(
        setting.value,
        `ignore_checks ${of} is text, not a list: this validator takes it as one id, and cfn-lint turns ` +
          "nothing off with it; write a list, such as [E3030]",
        tail,
      );
    } else {
      const problem = kindProblem(setting.value, kind);
      if (problem) say(setting.value, `${setting.key} ${of} ${problem}`, tail);
      else if (setting.key === "ignore_checks" && setting.value.kind === "seq") {
        setting.value.items.forEach((item, index) => {
          if (isString(item) && !RULE_ID.test(item.value))
            say(
              item,
              `Item ${index + 1} of ignore_checks ${of} is not a rule id or prefix, and turns nothing off; write ` +
                "capital letters and digits, such as E3030, W or a plugin's ES1007",
              [...tail, index],
            );
        });
      }
    }
  }
}

export const lintConfiguration: Rule = {
  id: "W4005",
  severity: "warning",
  shortDescription: "A cfn-lint configuration in Metadata is one the linters read",
  description:
    "The `cfn-lint: config` of the template's or a resource's Metadata has only the keys cfn-lint reads " +
    "(ignore_checks and the like), each with a value of its kind, and ignore_checks lists rule ids or prefixes.",
  source: "https://github.com/aws-cloudformation/cfn-lint#metadata",
  tags: ["metadata"],
  check({ template, report }) {
    checkConfig(
      template.sections.get("Metadata")?.entry.value,
      "the template's Metadata",
      ["Metadata"],
      report,
    );
    for (const resource of realResources(template)) {
      const metadata = mapGet(resource.body, "Metadata")?.value;
      if (metadata)
        checkConfig(
          metadata,
          `resource '${resource.name}'`,
          ["Resources", resource.name, "Metadata"],
          report,
        );
    }
  },
};
