import type { MapEntry, Node } from "../../model";
import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { intrinsicName, isString, USER_GUIDE } from "../template-index";
import { realResources } from "./shared";

/** Values that keep the resource's data; `Delete` keeps nothing, so it needs no partner. */
const KEEPS = new Set(["Retain", "RetainExceptOnCreate", "Snapshot"]);

/**
 * A replaced Lambda version or layer version is a new one beside the old, so only deletion
 * matters to them (cfn-lint leaves them out too).
 */
const EXEMPT = new Set([
  "AWS::Lambda::Version",
  "AWS::Lambda::LayerVersion",
  "AWS::Serverless::LayerVersion",
]);

/** The protective value the policy may take: a literal, or a literal branch of Fn::If. */
function keptValue(node: Node): string | undefined {
  if (isString(node)) return KEEPS.has(node.value) ? node.value : undefined;
  if (intrinsicName(node) !== "Fn::If" || node.kind !== "map") return undefined;
  const args = node.entries[0].value;
  if (args.kind !== "seq") return undefined;
  for (const branch of args.items.slice(1, 3)) {
    const value = keptValue(branch);
    if (value) return value;
  }
  return undefined;
}

function message(name: string, present: MapEntry, value: string): string {
  // UpdateReplacePolicy takes Delete, Retain and Snapshot; DeletionPolicy also RetainExceptOnCreate.
  const partner = value === "RetainExceptOnCreate" ? "Retain" : value;
  return present.key === "DeletionPolicy"
    ? `DeletionPolicy ${value} keeps resource '${name}' when it is deleted, but an update that replaces it ` +
        `deletes the old one and its data: add UpdateReplacePolicy: ${partner} as well`
    : `UpdateReplacePolicy ${value} keeps the old resource when an update replaces '${name}', but deleting ` +
        `it or the stack does not: add DeletionPolicy: ${partner} as well`;
}

/**
 * W3011, as in cfn-lint: a resource that sets one of DeletionPolicy and UpdateReplacePolicy to
 * keep its data (Retain, Snapshot) sets the other too. The usual trap is a table or bucket with
 * DeletionPolicy: Retain: a change that replaces it (a new key schema, a new name) still deletes
 * the old one. A value given through Ref or another intrinsic is only known at deploy time and is
 * not judged; Fn::If counts when a branch keeps the data.
 */
export const retentionPair: Rule = {
  id: "W3011",
  severity: "warning",
  shortDescription: "DeletionPolicy and UpdateReplacePolicy keep data together",
  description:
    "A resource whose DeletionPolicy or UpdateReplacePolicy keeps its data (Retain, Snapshot) sets the other " +
    "policy too, or a replacement (or a deletion) still loses the data.",
  source: `${USER_GUIDE}/aws-attribute-updatereplacepolicy.html`,
  tags: ["resources", "deletionpolicy", "updatereplacepolicy"],
  check({ template, report }) {
    for (const resource of realResources(template)) {
      if (resource.type && EXEMPT.has(resource.type)) continue;
      const deletion = mapGet(resource.body, "DeletionPolicy");
      const replace = mapGet(resource.body, "UpdateReplacePolicy");
      if (!deletion === !replace) continue;
      const present = (deletion ?? replace) as MapEntry;
      const value = keptValue(present.value);
      if (!value) continue;
      report(present.value, message(resource.name, present, value), {
        path: ["Resources", resource.name, present.key],
      });
    }
  },
};
