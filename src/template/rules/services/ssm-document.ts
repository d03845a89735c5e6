/**
 * E3051: the Content of an AWS::SSM::Document of a type that runs steps (Command, the default,
 * Automation, Session, Package, Policy) has a schemaVersion SSM knows (0.3, 1.0, 1.2, 2.0, 2.2), and
 * its description and assumeRole are text. CreateDocument refuses a document without one
 * ("InvalidDocumentContent").
 *
 * Content is read when it is a mapping or a JSON string; YAML strings, TEXT documents, intrinsic
 * functions and document types whose content is another kind of document (an
 * ApplicationConfigurationSchema is a JSON schema, a ChangeCalendar an iCalendar file) are not
 * judged. cfn-lint's E3051 also reports a schemaVersion written as a number (`schemaVersion: 2.2`);
 * CloudFormation passes it to SSM as JSON, and a number whose digits are a known version is taken
 * here.
 */
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { propertyPath, staticDocument } from "../serverless/documents";
import { intrinsicName, isString } from "../template-index";
import { hasDynamicReference, presentEntry, propertySets, resourcesOfType, stringProperty } from "./values";

const VERSIONS = ["0.3", "1.0", "1.2", "2.0", "2.2"];
const STEP_DOCUMENTS = ["Command", "Automation", "Session", "Package", "Policy"];

/** The version a schemaVersion value names, when it is one SSM knows (a number by its digits: 2.2). */
function knownVersion(node: Node): string | undefined {
  if (node.kind !== "scalar") return undefined;
  if (typeof node.value === "string") return VERSIONS.includes(node.value) ? node.value : undefined;
  if (typeof node.value !== "number") return undefined;
  return VERSIONS.find((version) => Number(version) === node.value);
}

export const ssmDocumentContent: Rule = {
  id: "E3051",
  severity: "error",
  shortDescription: "SSM documents have a schemaVersion SSM knows",
  description:
    "The Content of an AWS::SSM::Document of type Command, Automation, Session, Package or Policy has a " +
    `schemaVersion of ${VERSIONS.join(", ")}, and a text description and assumeRole.`,
  source:
    "https://docs.aws.amazon.com/systems-manager/latest/userguide/documents-syntax-data-elements-parameters.html",
  tags: ["resources", "ssm"],
  resourceTypes: ["AWS::SSM::Document"],
  check({ template, report }) {
    for (const document of resourcesOfType(template, "AWS::SSM::Document")) {
      for (const { properties } of propertySets(document)) {
        const type = stringProperty(properties, "DocumentType", "Command");
        const format = stringProperty(properties, "DocumentFormat", "JSON");
        if (!type || !STEP_DOCUMENTS.includes(type) || format === "TEXT") continue;
        const content = staticDocument(presentEntry(properties, "Content"));
        if (!content) continue;
        if (content.node.kind !== "map") {
          report(
            content.anchor,
            `Content of SSM document ${document.name} must be a document (a mapping), with a schemaVersion`,
            propertyPath(document, "Content"),
          );
          continue;
        }
        const version = mapGet(content.node, "schemaVersion");
        if (!version) {
          report(
            content.anchor,
            `Content of SSM document ${document.name} has no schemaVersion, which SSM requires; add schemaVersion: ` +
              `"${type === "Automation" ? "0.3" : type === "Session" ? "1.0" : "2.2"}"`,
            propertyPath(document, "Content"),
          );
        } else if (
          version.value.kind === "scalar" &&
          !knownVersion(version.value) &&
          // A dynamic reference's version is known only at deploy time.
          !(isString(version.value) && hasDynamicReference(version.value.value))
        ) {
          report(
            version.value,
            `schemaVersion of SSM document ${document.name} is not one SSM knows: ${VERSIONS.join(", ")}`,
            propertyPath(document, "Content", "schemaVersion"),
          );
        }
        for (const key of ["description", "assumeRole"]) {
          const entry = mapGet(content.node, key);
          if (
            entry &&
            (entry.value.kind === "seq" || (entry.value.kind === "map" && !intrinsicName(entry.value)))
          )
            report(
              entry.value,
              `${key} of SSM document ${document.name} must be text`,
              propertyPath(document, "Content", key),
            );
        }
      }
    }
  },
};
