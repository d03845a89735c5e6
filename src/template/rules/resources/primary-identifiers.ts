/**
 * E3019: resources of one type that set the same primary identifier (a table's TableName, a
 * function's FunctionName, a bucket policy's Bucket, ...) name one resource in the account and
 * Region, so the second one fails to create. The identifiers are those of the resource provider
 * schemas that a template can set (see scripts/build-spec.mjs); a SAM function or simple table
 * counts as the Lambda function or DynamoDB table it becomes.
 *
 * Values are compared as written, intrinsics included (the same `!Sub '${AWS::StackName}-jobs'`
 * twice is the same name). A value a Fn::If chooses is compared branch by branch, with what each
 * branch needs (branchValues): a branch that gives AWS::NoValue names nothing (CloudFormation makes
 * a name). Two resources meet where their Conditions and branches certainly hold together: one is
 * always made, or one's conditions make the other's true (heldTogether), as the values a deploy
 * passes decide them (a condition they make false leaves its resource out). Two unrelated
 * conditions, which may never hold together, are left alone.
 */
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import {
  branchesText,
  branchValues,
  heldTogether,
  holderCondition,
  type Known,
  madeKnown,
} from "../conditions/logic";
import { canonical } from "../constraints/walk";
import type { Rule } from "../rule";
import { dependsOnCondition, onlyPropertySet } from "../services/values";
import { type ResourceInfo, type TemplateIndex, USER_GUIDE } from "../template-index";
import { realResources } from "./shared";

/** SAM types and the type the transform turns them into (their identifying properties keep their names). */
const SAM_TYPES: Record<string, string> = {
  "AWS::Serverless::Function": "AWS::Lambda::Function",
  "AWS::Serverless::SimpleTable": "AWS::DynamoDB::Table",
};

/** One way a resource sets its identifiers: their values, and the conditions that choose them. */
interface Identified {
  resource: ResourceInfo;
  values: Node[];
  /** Its Condition (unless the values passed decide it) and the Fn::If branches that lead to the values. */
  known: Known;
  /** How many of known.true are the Condition's (the rest are branches'). */
  own: number;
}

/** More ways than this to set one resource's identifiers (Fn::If over several of them) leave it alone. */
const MAX_WAYS = 32;

export const primaryIdentifiers: Rule = {
  id: "E3019",
  severity: "error",
  shortDescription: "Resources of a type do not share their primary identifier",
  description:
    "Two resources of the same type that set the same identifying properties (TableName, FunctionName, " +
    "BucketName, ...) name the same resource, so one of them fails to create.",
  source: `${USER_GUIDE}/resources-section-structure.html`,
  tags: ["resources"],
  check({ template, spec, report }) {
    const byType = new Map<string, ResourceInfo[]>();
    for (const resource of realResources(template)) {
      if (!resource.type) continue;
      const type = (template.sam && SAM_TYPES[resource.type]) || resource.type;
      const list = byType.get(type);
      if (list) list.push(resource);
      else byType.set(type, [resource]);
    }
    for (const [type, resources] of byType) {
      if (resources.length < 2) continue;
      const ids = spec.constraints(type)?.pi;
      if (!ids) continue;
      const groups = new Map<string, Identified[]>();
      for (const resource of resources) {
        for (const item of ways(template, resource, ids)) {
          const key = item.values.map(canonical).join("\u0000");
          const group = groups.get(key);
          if (group) group.push(item);
          else groups.set(key, [item]);
        }
      }
      // Each way a resource sets them, with the resources it meets: a Fn::If's branches apart.
      const met = new Map<Identified, Set<string>>();
      for (const group of groups.values()) {
        for (const item of group) {
          for (const other of group) {
            if (other.resource === item.resource || !heldTogether(template, item.known, other.known))
              continue;
            const seen = met.get(item);
            if (seen) seen.add(other.resource.name);
            else met.set(item, new Set([other.resource.name]));
          }
        }
      }
      const names = ids.join(" and ");
      const plural = ids.length > 1;
      for (const [item, others] of met) {
        report(
          item.values[0],
          `${names} ${plural ? "are" : "is"} the same as on ${[...others].map((name) => `'${name}'`).join(", ")}${branchesText(item.known, item.own)}: ` +
            `${plural ? "together they name" : "it names"} one ${type} in the account and Region, so only one ` +
            `of them can be created; give each its own ${names}`,
          { path: ["Resources", item.resource.name, "Properties", ids[0]] },
        );
      }
    }
  },
};

/**
 * The ways a resource sets its identifiers: one for values written out, one per Fn::If branch that
 * gives them all (branchValues). None where one is left out, or a branch holds a Fn::If deeper
 * inside (`!Sub` over one), or there are more than MAX_WAYS.
 */
function ways(template: TemplateIndex, resource: ResourceInfo, ids: string[]): Identified[] {
  const properties = onlyPropertySet(resource)?.properties;
  if (!properties) return [];
  // The values a deploy passes may decide the Condition: the resource is then made, or not.
  const base = madeKnown(template, holderCondition(template, "Resources", resource.name));
  if (!base) return [];
  let found: Identified[] = [{ resource, values: [], known: base, own: base.true.length }];
  for (const id of ids) {
    const value = mapGet(properties, id)?.value;
    if (!value) return [];
    const next: Identified[] = [];
    for (const way of found) {
      for (const branch of branchValues(template, value, way.known)) {
        if (dependsOnCondition(branch.node)) continue;
        next.push({
          resource,
          values: [...way.values, branch.node],
          known: branch.known,
          own: base.true.length,
        });
      }
    }
    if (next.length > MAX_WAYS) return [];
    found = next;
  }
  return found;
}
