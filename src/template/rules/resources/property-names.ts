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
  shortDescription: "SAM resources do not set read-only properties",
  description:
    "Read-only values of a resource (its Arn, ...) are set by CloudFormation and read with Fn::GetAtt; the SAM " +
    "transform refuses them in the Properties of its resource types.",
  source: `${USER_GUIDE}/resources-section-structure.html`,
  tags: ["resources", "properties", "sam"],
  check({ template, spec, report }) {
    for (const problem of propertyProblems(template, spec)) {
      if (problem.kind === "readOnly") report(problem.at, problem.message, { path: problem.path });
    }
  },
};

/**
 * W3040: a read-only property in Properties. The resource provider schema lists it (readOnlyProperties),
 * so CloudFormation takes the template, drops the value and never applies it (a Neptune cluster's
 * `Port`, where `DBPort` was meant, leaves the cluster on its default port): a warning, as the deploy
 * succeeds. cfn-lint's E3040 reports them as errors in principle; 1.51 reported neither a Neptune
 * cluster's Port nor a bucket's Arn (tried by hand).
 */
export const ignoredReadOnlyProperty: Rule = {
  id: "W3040",
  severity: "warning",
  shortDescription: "Resources do not set read-only properties, which CloudFormation ignores",
  description:
    "Read-only values of a resource (its Arn, a queue's QueueUrl, ...) are set by CloudFormation and read with " +
    "Fn::GetAtt; a value given for one in Properties is dropped without a word, so the resource does not get it.",
  source: "https://docs.aws.amazon.com/cloudformation-cli/latest/userguide/resource-type-schema.html",
  tags: ["resources", "properties"],
  check({ template, spec, report }) {
    for (const problem of propertyProblems(template, spec)) {
      if (problem.kind === "ignored") report(problem.at, problem.message, { path: problem.path });
    }
  },
};
