import type { Rule } from "../rule";
import { USER_GUIDE } from "../template-index";
import { propertyProblems } from "./properties";

export const unknownProperty: Rule = {
  id: "E3002",
  severity: "error",
  shortDescription: "Resource properties are valid",
  description:
    "Every property of a resource, and of the property types nested in it, must be one the resource type defines. " +
    "With the SAM transform, Globals sections are checked against their AWS::Serverless type too.",
  source: `${USER_GUIDE}/resources-section-structure.html`,
  tags: ["resources", "properties"],
  check({ template, spec, report }) {
    for (const problem of propertyProblems(template, spec)) {
      if (problem.kind === "unknown") report(problem.at, problem.message, { path: problem.path });
    }
  },
};

export const readOnlyProperty: Rule = {
  id: "E3040",
  severity: "error",
  shortDescription: "Resources do not set read-only properties",
  description:
    "Read-only values of a resource (its Arn, a queue's QueueUrl, ...) are set by CloudFormation and read with " +
    "Fn::GetAtt; a template cannot set them in Properties.",
  source: `${USER_GUIDE}/resources-section-structure.html`,
  tags: ["resources", "properties"],
  check({ template, spec, report }) {
    for (const problem of propertyProblems(template, spec)) {
      if (problem.kind === "readOnly") report(problem.at, problem.message, { path: problem.path });
    }
  },
};
