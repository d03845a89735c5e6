/**
 * An AWS::Serverless::SimpleTable's PrimaryKey Type is String, Number or Binary, written so (the
 * transform turns it into S, N or B, and refuses anything else: "Invalid 'Type'").
 */
import { mapGet } from "../../nodes";
import { didYouMean } from "../../suggest";
import type { Rule } from "../rule";
import { literalString, presentEntry, propertySets, resourcesOfType } from "../services/values";
import { SAM_GUIDE } from "./events";

const KEY_TYPES = ["String", "Number", "Binary"];

export const samSimpleTableKey: Rule = {
  id: "E0001",
  severity: "error",
  shortDescription: "SAM SimpleTable primary keys are String, Number or Binary",
  description:
    "The PrimaryKey Type of an AWS::Serverless::SimpleTable is String, Number or Binary, in that case.",
  source: `${SAM_GUIDE}/sam-resource-simpletable.html`,
  tags: ["sam", "dynamodb"],
  resourceTypes: ["AWS::Serverless::SimpleTable"],
  check({ template, report }) {
    for (const table of resourcesOfType(template, "AWS::Serverless::SimpleTable")) {
      for (const { properties } of propertySets(table)) {
        const type = mapGet(presentEntry(properties, "PrimaryKey")?.value, "Type")?.value;
        const written = literalString(type);
        if (!type || written === undefined || KEY_TYPES.includes(written)) continue;
        report(
          type,
          `PrimaryKey Type '${written}' of ${table.name} is not String, Number or Binary, so the SAM transform ` +
            `refuses it${didYouMean(written, KEY_TYPES)}`,
          { path: ["Resources", table.name, "Properties", "PrimaryKey", "Type"] },
        );
      }
    }
  },
};
