/**
 * E3024: the tags of a taggable resource. Every AWS service that takes tags refuses a key that
 * starts with `aws:` (the prefix is reserved for AWS), a key that is empty or longer than 128
 * characters, a value longer than 256, and, in a list of `{Key, Value}`, the same key twice.
 *
 * The types checked are those the resource provider schemas mark taggable through their Tags
 * property (cfn-lint applies its tagging schema to the same ones; see scripts/build-spec.mjs, `tg`),
 * in either form a type takes (a list of Key/Value pairs or a mapping), and the SAM resources,
 * whose Tags are a mapping, with the Tags of SAM Globals. Keys and values given through an intrinsic
 * are not judged, except that the same expression twice is the same key; an item under a condition
 * is left out. Where the type's own schema already refuses the value (a Key pattern that excludes
 * `aws:`, a length), that finding (E3031, E3033) stands alone; so does E3032 for an item repeated
 * whole.
 */
import type { Node, Range } from "../../model";
import { mapGet } from "../../nodes";
import { canonical, constraintProblems } from "../constraints/walk";
import type { Report, Rule } from "../rule";
import { dependsOnCondition, literalString, plainMap, propertySets } from "../services/values";
import { intrinsicName, USER_GUIDE } from "../template-index";
import { realResources, SAM_GLOBALS } from "./shared";

const RESERVED = "aws:";
const MAX_KEY = 128;
const MAX_VALUE = 256;

export const tags: Rule = {
  id: "E3024",
  severity: "error",
  shortDescription:
    "Tags have unique keys of 1 to 128 characters, not starting with aws:, and values of at most 256",
  description:
    "Tag keys starting with aws: are reserved for AWS; keys are 1 to 128 characters and values at most 256; " +
    "a list of tags names each key once.",
  source: `${USER_GUIDE}/aws-properties-resource-tags.html`,
  tags: ["resources", "tags"],
  check({ template, spec, report }) {
    let judged: Set<Node | Range> | undefined;
    const reported = () => {
      judged ??= new Set(constraintProblems(template, spec).map((problem) => problem.at));
      return judged;
    };
    const check = (value: Node) => checkTags(value, report, reported);
    for (const resource of realResources(template)) {
      const type = resource.type;
      if (!type || !resource.body) continue;
      const sam = type.startsWith("AWS::Serverless::");
      if (sam ? !template.sam : spec.constraints(type)?.tg !== 1) continue;
      for (const { properties } of propertySets(resource)) {
        const value = mapGet(properties, "Tags")?.value;
        if (value && (!sam || plainMap(value))) check(value);
      }
    }
    if (!template.sam) return;
    const globals = plainMap(template.sections.get("Globals")?.map);
    for (const entry of globals?.entries ?? []) {
      if (!SAM_GLOBALS[entry.key]) continue;
      const value = mapGet(plainMap(entry.value), "Tags")?.value;
      if (value && plainMap(value)) check(value);
    }
  },
};

function checkTags(value: Node, report: Report, reported: () => Set<Node | Range>): void {
  const map = plainMap(value);
  if (map) {
    for (const entry of map.entries) {
      const problem = keyProblem(entry.key);
      if (problem) report(entry.keyRange, problem);
      valueLength(entry.value, report, reported);
    }
    return;
  }
  if (value.kind !== "seq") return;
  const seen = new Map<string, number>();
  value.items.forEach((item, index) => {
    const tag = plainMap(item);
    if (!tag || dependsOnCondition(tag)) return;
    const key = mapGet(tag, "Key")?.value;
    if (key && (key.kind === "scalar" || intrinsicName(key))) {
      const text = literalString(key);
      const problem = text === undefined ? undefined : keyProblem(text);
      if (problem && !reported().has(key)) report(key, problem);
      const id = canonical(key);
      const first = seen.get(id);
      if (first === undefined) seen.set(id, index);
      else if (!reported().has(item))
        report(key, `Tags[${index}] repeats the key of Tags[${first}]: each tag key may appear once`);
    }
    const tagValue = mapGet(tag, "Value")?.value;
    if (tagValue) valueLength(tagValue, report, reported);
  });
}

function keyProblem(key: string): string | undefined {
  if (key.startsWith(RESERVED))
    return `Tag key "${key}" starts with "${RESERVED}", which is reserved for AWS`;
  if (key.length === 0) return "A tag key must not be empty";
  const length = characters(key);
  if (length > MAX_KEY) return `A tag key is at most ${MAX_KEY} characters (this one has ${length})`;
  return undefined;
}

function valueLength(value: Node, report: Report, reported: () => Set<Node | Range>): void {
  const text = literalString(value);
  const length = text === undefined ? 0 : characters(text);
  if (length > MAX_VALUE && !reported().has(value))
    report(value, `A tag value is at most ${MAX_VALUE} characters (this one has ${length})`);
}

/** Tag limits count Unicode characters, not UTF-16 code units. */
function characters(text: string): number {
  return /[\uD800-\uDFFF]/.test(text) ? Array.from(text).length : text.length;
}
