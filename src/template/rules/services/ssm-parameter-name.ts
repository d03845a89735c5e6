/**
 * W3701: SSM parameter names that begin with "aws" or "ssm" (in any case, with or without a
 * leading slash) are reserved: Systems Manager refuses to create them for most callers. A warning,
 * as cfn-lint has it, since some AWS services may write in that namespace.
 */
import type { Rule } from "../rule";
import { literalString, presentEntry, propertySets, resourcesOfType } from "./values";

const RESERVED = /^\/?(aws|ssm)/i;

export const ssmParameterName: Rule = {
  id: "W3701",
  severity: "warning",
  shortDescription: "SSM parameter names do not begin with aws or ssm",
  description: "Parameter names that begin with aws or ssm (with or without a leading slash) are reserved.",
  source: "https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-su-create.html",
  tags: ["resources", "ssm"],
  resourceTypes: ["AWS::SSM::Parameter"],
  check({ template, report }) {
    for (const resource of resourcesOfType(template, "AWS::SSM::Parameter")) {
      for (const set of propertySets(resource)) {
        const entry = presentEntry(set.properties, "Name");
        const name = literalString(entry?.value);
        if (!entry || name === undefined || !RESERVED.test(name)) continue;
        report(
          entry.value,
          `SSM parameter names that begin with "aws" or "ssm" are reserved; choose a name with another prefix`,
          { path: ["Resources", resource.name, "Properties", "Name"] },
        );
      }
    }
  },
};
