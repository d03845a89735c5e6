/**
 * The Rules section (parameter rules), as cfn-lint checks it: E1700 its shape, E1701 each
 * Assertions item's Assert, E1702 each RuleCondition. CloudFormation evaluates rules before it
 * creates anything and refuses a template whose rules it cannot read.
 *
 * A rule is a mapping with Assertions (a list, required) and RuleCondition (optional); an
 * assertion is a mapping with Assert (required) and AssertDescription (a string). Assert and
 * RuleCondition are conditions: true or false, or one of the rule functions that give a boolean
 * (Fn::And, Fn::Or, Fn::Not, Fn::Equals, Fn::Contains, Fn::EachMemberEquals, Fn::EachMemberIn),
 * or Fn::If or Condition, whose value is not judged here. Fn::RefAll, Fn::ValueOf and
 * Fn::ValueOfAll and Ref give values, not conditions. Inside Fn::And, Fn::Or and Fn::Not every
 * operand is held to the same. Beyond cfn-lint: a missing Assert (a misspelt key, such as `Asert`,
 * leaves the assertion empty) with the key it was probably meant to be, and a Ref in Rules to a
 * resource, which does not exist yet when rules run.
 */
import type { MapEntry, Node } from "../../model";
import { mapGet } from "../../nodes";
import { closest } from "../../suggest";
import { conditionLogic } from "../conditions/logic";
import { functionName } from "../functions/calls";
import type { Report, Rule } from "../rule";
import { isString, type TemplateIndex, USER_GUIDE } from "../template-index";

const RULES_PAGE = `${USER_GUIDE}/rules-section-structure.html`;

/** Rule functions whose value is a condition. */
const CONDITION_FUNCTIONS = new Set([
  "Fn::And",
  "Fn::Or",
  "Fn::Not",
  "Fn::Equals",
  "Fn::Contains",
  "Fn::EachMemberEquals",
  "Fn::EachMemberIn",
]);

/** Functions whose value may be a condition but is not judged here. */
const UNJUDGED = new Set(["Fn::If", "Condition"]);

const RULE_KEYS = ["RuleCondition", "Assertions"];
const ASSERTION_KEYS = ["Assert", "AssertDescription"];

export const rulesConfiguration: Rule = {
  id: "E1700",
  severity: "error",
  shortDescription: "Rules have the appropriate configuration",
  description:
    "Each rule of the Rules section has an alphanumeric name and is a mapping with a list of Assertions (and an " +
    "optional RuleCondition); each assertion has an Assert, and an AssertDescription that is a string.",
  source: RULES_PAGE,
  tags: ["rules"],
  check({ template, report }) {
    const section = template.sections.get("Rules")?.map;
    if (!section) return;
    for (const rule of section.entries) {
      const name = rule.key;
      if (!/^[A-Za-z0-9]+$/.test(name))
        report(rule.keyRange, `Rule name "${name}" must contain only letters and digits (A-Z, a-z, 0-9)`, {
          path: ["Rules", name],
        });
      const body = rule.value;
      if (body.kind !== "map") {
        report(body, `Rule ${name} must be a mapping with Assertions (and RuleCondition)`, {
          path: ["Rules", name],
        });
        continue;
      }
      const assertions = mapGet(body, "Assertions");
      if (!assertions) {
        report(
          rule.keyRange,
          `Rule ${name} has no Assertions${unknownKeyNote(body.entries, RULE_KEYS, "Assertions")}`,
          {
            path: ["Rules", name, "Assertions"],
          },
        );
        continue;
      }
      if (assertions.value.kind !== "seq") {
        report(assertions.value, `Assertions of rule ${name} must be a list of mappings with Assert`, {
          path: ["Rules", name, "Assertions"],
        });
        continue;
      }
      assertions.value.items.forEach((assertion, index) => {
        const path = ["Rules", name, "Assertions", index];
        if (assertion.kind !== "map" || functionName(assertion)) {
          report(assertion, `Assertion ${index + 1} of rule ${name} must be a mapping with Assert`, { path });
          return;
        }
        if (!mapGet(assertion, "Assert"))
          report(
            assertion,
            `Assertion ${index + 1} of rule ${name} has no Assert${unknownKeyNote(assertion.entries, ASSERTION_KEYS, "Assert")}`,
            { path },
          );
        const description = mapGet(assertion, "AssertDescription");
        if (description && !isString(description.value))
          report(description.value, `AssertDescription of rule ${name} must be a string`, {
            path: [...path, "AssertDescription"],
          });
      });
    }
    checkRuleReferences(template, report);
  },
};

/** A rule over each Assert (E1701) or each RuleCondition (E1702): it must be a condition. */
function conditionRule(id: string, key: "Assert" | "RuleCondition", whose: string): Rule {
  return {
    id,
    severity: "error",
    shortDescription: key === "Assert" ? "Rule assertions are conditions" : "Rule conditions are conditions",
    description:
      `${whose} is true or false, or a rule function that gives a condition: Fn::And, Fn::Or, Fn::Not, ` +
      "Fn::Equals, Fn::Contains, Fn::EachMemberEquals or Fn::EachMemberIn.",
    source: RULES_PAGE,
    tags: ["rules"],
    check({ template, report }) {
      for (const { name, entry, path } of ruleEntries(template, key))
        checkCondition(entry.value, `${key} of rule ${name}`, path, report);
    },
  };
}

/**
 * E3947: a rule the values a deploy passes break. CloudFormation evaluates every rule whose
 * RuleCondition holds (or that has none) with the values it is given, and refuses the change set,
 * before it makes anything, with the AssertDescription of an assertion that is false. Where the
 * values passed (and the stack's name) decide both (Fn::Equals of literals, Refs, Fn::Sub and
 * Fn::FindInMap, Fn::And, Fn::Or, Fn::Not, and Fn::Contains, Fn::EachMemberEquals and
 * Fn::EachMemberIn of lists written out or passed, as ConditionLogic.decidedRule reads them), the
 * deploy stops before any AWS call instead. A parameter not passed decides nothing, as its Default
 * and a stack's previous value are not told apart here; neither does a pseudo parameter other than
 * the stack's name, nor Fn::ValueOf, Fn::ValueOfAll or Fn::RefAll, which read the account.
 */
export const rulesPassed: Rule = {
  id: "E3947",
  severity: "error",
  shortDescription: "The values passed at deploy meet the template's Rules",
  description:
    "A rule of the Rules section whose RuleCondition the values passed (parameter-overrides) make true, or " +
    "that has none, must have every assertion true with those values: CloudFormation refuses the change set " +
    "with the AssertDescription otherwise. Judged where the values passed decide both.",
  source: RULES_PAGE,
  tags: ["rules", "parameters", "preview"],
  check({ template, report }) {
    if (!template.parameterValues) return;
    const logic = conditionLogic(template);
    for (const { name, rule, entry, holder, path } of ruleEntries(template, "Assert")) {
      const condition = mapGet(rule, "RuleCondition")?.value;
      if ((condition && logic.decidedRule(condition) !== true) || logic.decidedRule(entry.value) !== false)
        continue;
      const description = mapGet(holder, "AssertDescription")?.value;
      const why =
        isString(description) && description.value.trim() !== "" ? `: "${description.value.trim()}"` : "";
      report(
        entry.value,
        `Rule ${name} fails with the values passed${condition ? " (its RuleCondition holds)" : ""}${why}; CloudFormation refuses the change set. Pass values its assertion ${Number(path[3]) + 1} accepts`,
        { path },
      );
    }
  },
};

export const rulesAssert = conditionRule("E1701", "Assert", "Each Assert of a rule");
export const rulesCondition = conditionRule("E1702", "RuleCondition", "A rule's RuleCondition");

/** An Assert or RuleCondition entry, the rule it belongs to, and the mapping that holds it. */
interface RuleEntry {
  name: string;
  /** The rule's body. */
  rule: Node;
  /** The assertion (for Assert) or the rule (for RuleCondition) the entry is in. */
  holder: Node;
  entry: MapEntry;
  path: (string | number)[];
}

/** The Assert entries of every assertion, or the RuleCondition entry of every rule, that are written. */
function ruleEntries(template: TemplateIndex, key: "Assert" | "RuleCondition"): RuleEntry[] {
  const found: RuleEntry[] = [];
  const section = template.sections.get("Rules")?.map;
  for (const { key: name, value: rule } of section?.entries ?? []) {
    if (key === "RuleCondition") {
      const entry = mapGet(rule, key);
      if (entry) found.push({ name, rule, holder: rule, entry, path: ["Rules", name, key] });
      continue;
    }
    const assertions = mapGet(rule, "Assertions")?.value;
    if (assertions?.kind !== "seq") continue;
    assertions.items.forEach((assertion, index) => {
      const entry = functionName(assertion) ? undefined : mapGet(assertion, key);
      if (entry)
        found.push({ name, rule, holder: assertion, entry, path: ["Rules", name, "Assertions", index, key] });
    });
  }
  return found;
}

/** Reports a value that is not a condition; the operands of Fn::And, Fn::Or and Fn::Not too. */
function checkCondition(value: Node, what: string, path: (string | number)[], report: Report): void {
  if (
    value.kind === "scalar" &&
    (typeof value.value === "boolean" || value.value === "true" || value.value === "false")
  )
    return;
  const fn = functionName(value);
  if (fn && UNJUDGED.has(fn)) return;
  if (!fn || !CONDITION_FUNCTIONS.has(fn)) {
    const given = fn
      ? `${fn}, which gives a value`
      : value.kind === "scalar"
        ? "a plain value"
        : `a ${value.kind === "seq" ? "list" : "mapping"}`;
    report(
      value,
      `${what} must be a condition (true, false, or Fn::And, Fn::Or, Fn::Not, Fn::Equals, Fn::Contains, ` +
        `Fn::EachMemberEquals or Fn::EachMemberIn), not ${given}`,
      { path },
    );
    return;
  }
  if (fn !== "Fn::And" && fn !== "Fn::Or" && fn !== "Fn::Not") return;
  const operands = value.kind === "map" ? value.entries[0].value : undefined;
  if (operands?.kind !== "seq") return;
  operands.items.forEach((operand, index) => {
    checkCondition(operand, `Operand ${index + 1} of ${fn} in ${what}`, [...path, fn, index], report);
  });
}

/** `; is 'Asert' meant to be Assert?` for an unknown key of `entries` close to the `missing` one. */
function unknownKeyNote(entries: MapEntry[], known: string[], missing: string): string {
  for (const entry of entries) {
    if (!known.includes(entry.key) && closest(entry.key, [missing]))
      return `; is '${entry.key}' meant to be ${missing}?`;
  }
  return "";
}

/** Ref in Rules to a resource: rules run before CloudFormation creates anything. */
function checkRuleReferences(template: TemplateIndex, report: Report): void {
  for (const ref of template.references) {
    if (ref.from[0] !== "Rules" || ref.kind !== "Ref" || !template.resources.has(ref.target)) continue;
    report(
      ref.range,
      `Ref ${ref.target} in Rules names a resource, and rules run before any resource exists; rules can refer ` +
        "to parameters only",
      { path: ["Rules"] },
    );
  }
}
