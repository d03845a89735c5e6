/**
 * E0001: a SAM resource whose Properties is a function (`Properties: !If [Prod, {...}, {...}]`).
 * CloudFormation takes a Fn::If there for its own types, but the SAM transform reads each key of
 * Properties as a property name before any condition is resolved, and refuses the resource
 * ("property Fn::If not defined for resource of type AWS::Serverless::Function"; for an
 * application or a GraphQL API, a required property it then lacks). samtranslator 1.110 refuses
 * it for every AWS::Serverless type.
 */

import { realResources } from "../resources/shared";
import type { Rule } from "../rule";
import { intrinsicName } from "../template-index";
import { SAM_GUIDE } from "./events";

export const samPropertiesFunction: Rule = {
  id: "E0001",
  severity: "error",
  shortDescription: "SAM resources write Properties as a mapping",
  description:
    "The Properties of an AWS::Serverless resource are a mapping: the SAM transform reads each key as a property " +
    "name, so a Fn::If (or another function) given for the whole Properties is refused; put it on the properties " +
    "that differ.",
  source: `${SAM_GUIDE}/sam-specification-resources-and-properties.html`,
  tags: ["sam"],
  check({ template, report }) {
    if (!template.sam) return;
    for (const resource of realResources(template)) {
      const value = resource.properties?.value;
      const fn = value && resource.type?.startsWith("AWS::Serverless::") ? intrinsicName(value) : undefined;
      if (!value || fn === undefined) continue;
      report(
        resource.properties?.keyRange ?? value,
        `Properties of ${resource.name} is a ${fn}, and the SAM transform reads each key of Properties as a ` +
          `property name, so it refuses ${resource.type} (property ${fn} not defined); write Properties as a ` +
          `mapping and put the ${fn} on the properties that differ`,
        { path: ["Resources", resource.name, "Properties"] },
      );
    }
  },
};
