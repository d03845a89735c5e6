import { didYouMeanNote } from "../../suggest";
import type { Rule } from "../rule";
import { hasOpaqueTransform } from "../template/names";
import { SAM_TRANSFORM, USER_GUIDE } from "../template-index";
import { isCustomType, isModuleType, realResources } from "./shared";

/** The names the CloudFormation registry gives types (RegisterType's TypeName pattern). */
const REGISTRY_TYPE_NAME = /^[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}$/;

/**
 * E3006. Like cfn-lint, custom resources and modules are never reported. Unlike cfn-lint, which
 * errors, a type outside the AWS and Alexa namespaces that the spec does not know, and that is not
 * a near miss of a known type, is only a warning: it is most likely a third-party extension
 * activated in the account's registry, which no static spec can list. A name no registry type can
 * have (`AWS-Events`) stays an error, unless a macro, which may rewrite the resource, runs on the
 * template.
 */
export const resourceType: Rule = {
  id: "E3006",
  severity: "error",
  shortDescription: "Resource types exist",
  description:
    "Every resource Type must be a type CloudFormation knows, a custom resource (Custom::*) or a module " +
    "(*::MODULE). AWS::Serverless types need the AWS::Serverless-2016-10-31 transform.",
  source: `${USER_GUIDE}/aws-template-resource-type-ref.html`,
  tags: ["resources"],
  check({ template, spec, report }) {
    for (const resource of realResources(template)) {
      const type = resource.type;
      const node = resource.typeNode;
      if (type === undefined || !node) continue;
      if (isCustomType(type) || isModuleType(type)) continue;
      const path = ["Resources", resource.name, "Type"];
      if (type.startsWith("AWS::Serverless::") && spec.has(type)) {
        if (!template.sam) {
          report(
            node,
            `Resource type '${type}' needs the SAM transform: add 'Transform: ${SAM_TRANSFORM}' to the template`,
            {
              path,
            },
          );
        }
        continue;
      }
      if (spec.has(type)) continue;
      const suggestion = spec.suggest(type);
      const hint = suggestion === type ? "" : didYouMeanNote(suggestion);
      // A near miss of a known type is a typo, whatever its namespace. SAM gains resource types
      // faster than the spec's SAM table, so an unknown AWS::Serverless type is only a warning.
      const awsNamespace = type.startsWith("AWS::") || type.startsWith("Alexa::");
      if (hint || (awsNamespace && !(template.sam && type.startsWith("AWS::Serverless::")))) {
        report(node, `Unknown resource type '${type}'${hint}`, { path });
      } else if (!REGISTRY_TYPE_NAME.test(type) && !hasOpaqueTransform(template)) {
        // No registry extension has this name, so it cannot be one activated in the account; a
        // macro may still rewrite it (Boto3::CodeCommit.put_file), so with one it stays a warning.
        report(
          node,
          `Resource type '${type}' is not a type name: a type is written Vendor::Service::Resource (AWS::SNS::Topic), ` +
            "Custom::Name for a custom resource, or Vendor::Service::Resource::MODULE for a module",
          { path },
        );
      } else {
        report(
          node,
          awsNamespace
            ? `Resource type '${type}' is not in this validator's SAM resource table; check its spelling against the AWS SAM documentation`
            : `Resource type '${type}' is not in the resource specification${hint}; if it is a registry extension, make sure it is activated in every target account and region`,
          { path, severity: "warning" },
        );
      }
    }
  },
};
