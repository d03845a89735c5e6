/**
 * W3002: a local path in a property that CloudFormation reads from S3 (`Code: ./src`,
 * `BodyS3Location: api.yaml`, a nested stack's `TemplateURL: nested.yaml`). Packaging uploads the
 * file and writes its S3 location in its place; the template as written does not deploy. The
 * properties are the ones packaging knows (src/stack/local-artifacts.ts): cfn-lint's list, and
 * also ApiGatewayV2 BodyS3Location, AppSync CodeS3Location, a Glue job's ScriptLocation and the
 * CloudFormation registry packages. Under the SAM transform, as in cfn-lint, nothing is reported:
 * SAM templates are packaged by the tools that deploy them. The property type check (E3012)
 * leaves such a value alone, since it becomes the mapping the type wants.
 */
import { localValue, PACKAGED_PROPERTIES } from "../../../stack/local-artifacts";
import type { Rule } from "../rule";
import { propertySets, resourcesOfType, valuesAtPath } from "../services/values";

const TYPES = Object.keys(PACKAGED_PROPERTIES).filter((type) => !type.startsWith("AWS::Serverless::"));

export const packageOnly: Rule = {
  id: "W3002",
  severity: "warning",
  shortDescription: "Local paths in a template deploy only after packaging",
  description:
    "A property that CloudFormation reads from S3 (a function's Code, a layer's Content, a REST API's " +
    "BodyS3Location, a nested stack's TemplateURL, ...) given as a local path works only once packaging has " +
    "uploaded the file and written its S3 location: the deploy action and `preview-stacks package` do, as does " +
    "`aws cloudformation package`.",
  source: "https://docs.aws.amazon.com/cli/latest/reference/cloudformation/package.html",
  tags: ["resources", "package"],
  check({ template, report }) {
    if (template.sam) return;
    for (const resource of resourcesOfType(template, ...TYPES)) {
      for (const { properties } of propertySets(resource)) {
        for (const spec of PACKAGED_PROPERTIES[resource.type as string]) {
          for (const value of valuesAtPath(properties, spec.path)) {
            const node = localValue(value);
            if (!node) continue;
            report(
              node,
              `${spec.path.join(".")} '${String(node.value).trim()}' is a local path, which CloudFormation cannot ` +
                "read: deploy the template with the deploy action, which packages it, or package it first " +
                "(`preview-stacks package`, `aws cloudformation package`) and deploy the packaged template",
              { path: ["Resources", resource.name, "Properties", ...spec.path] },
            );
          }
        }
      }
    }
  },
};
