/**
 * E3019: resources of one type that set the same primary identifier (a table's TableName, a
 * function's FunctionName, a bucket policy's Bucket, ...) name one resource in the account and
 * Region, so the second one fails to create. The identifiers are those of the resource provider
 * schemas that a template can set (see scripts/build-spec.mjs); a SAM function or simple table
 * counts as the Lambda function or DynamoDB table it becomes.
 *
 * Values are compared as written, intrinsics included (the same `!Sub '${AWS::StackName}-jobs'`
 * twice is the same name). A value that may be absent or differ by condition (a Fn::If, a
 * `Ref: AWS::NoValue`) and a pair of resources under two different conditions, which may never
 * exist together, are left alone, unless the values a deploy passes make both conditions true (a
 * condition they make false leaves its resource out).
 */
import type { MapEntry } from "../../model";
import { madeTogether, madeWhen, NEVER } from "../conditions/logic";
import { canonical } from "../constraints/walk";
import type { Rule } from "../rule";
import { dependsOnCondition, onlyPropertySet, presentEntry } from "../services/values";
import { type ResourceInfo, USER_GUIDE } from "../template-index";
import { realResources } from "./shared";

/** SAM types and the type the transform turns them into (their identifying properties keep their names). */
const SAM_TYPES: Record<string, string> = {
  "AWS::Serverless::Function": "AWS::Lambda::Function",
  "AWS::Serverless::SimpleTable": "AWS::DynamoDB::Table",
};

interface Identified {
  resource: ResourceInfo;
  entries: MapEntry[];
  /** When the resource is made (madeWhen). */
  when: string;
}

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
        const properties = onlyPropertySet(resource)?.properties;
        const entries = properties ? ids.map((id) => presentEntry(properties, id)) : [];
        if (!properties || entries.some((entry) => !entry || dependsOnCondition(entry.value))) continue;
        const found = entries as MapEntry[];
        const key = found.map((entry) => canonical(entry.value)).join("\u0000");
        const written = resource.condition?.value;
        // The values a deploy passes may decide the Condition: the resource is then made, or not.
        const when = madeWhen(template, written?.kind === "scalar" ? String(written.value) : undefined);
        if (when === NEVER) continue;
        const item = { resource, entries: found, when };
        const group = groups.get(key);
        if (group) group.push(item);
        else groups.set(key, [item]);
      }
      for (const group of groups.values()) {
        for (const item of group) {
          const others = group.filter((other) => other !== item && madeTogether(item.when, other.when));
          if (others.length === 0) continue;
          const names = ids.join(" and ");
          const plural = ids.length > 1;
          report(
            item.entries[0].value,
            `${names} ${plural ? "are" : "is"} the same as on ${others.map((o) => `'${o.resource.name}'`).join(", ")}: ` +
              `${plural ? "together they name" : "it names"} one ${type} in the account and Region, so only one ` +
              `of them can be created; give each its own ${names}`,
            { path: ["Resources", item.resource.name, "Properties", ids[0]] },
          );
        }
      }
    }
  },
};
