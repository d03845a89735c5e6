/**
 * E3050, as in cfn-lint: a CodeBuild project's ServiceRole given as `!Ref` of a role of the
 * template whose Path is not `/`. Ref gives the role's name, and CodeBuild turns a name into the
 * ARN `arn:aws:iam::<account>:role/<name>`, without the path, which names no role: the project
 * fails to create (or to build) because CodeBuild cannot assume it. `!GetAtt Role.Arn` carries the
 * path. A Path not written out (a parameter) is left alone.
 */
import type { Rule } from "../rule";
import { USER_GUIDE } from "../template-index";
import { literalString, presentEntry, propertySets, referenceTarget, resourcesOfType } from "./values";

export const codeBuildRolePath: Rule = {
  id: "E3050",
  severity: "error",
  shortDescription: "A CodeBuild ServiceRole given by Ref is a role with the path /",
  description:
    "Ref of an IAM role gives its name, which CodeBuild reads as a role with the path /; a role with another " +
    "Path must be given as its ARN (GetAtt Role.Arn).",
  source: `${USER_GUIDE}/aws-resource-codebuild-project.html`,
  tags: ["resources", "iam", "codebuild"],
  resourceTypes: ["AWS::CodeBuild::Project"],
  check({ template, report }) {
    for (const project of resourcesOfType(template, "AWS::CodeBuild::Project")) {
      for (const { properties } of propertySets(project)) {
        const role = presentEntry(properties, "ServiceRole")?.value;
        const target = role && referenceTarget(role);
        if (!role || !target || target.attribute !== undefined) continue;
        const resource = template.resources.get(target.name);
        if (resource?.type !== "AWS::IAM::Role") continue;
        const paths = propertySets(resource).map(({ properties: roleProperties }) =>
          literalString(presentEntry(roleProperties, "Path")?.value),
        );
        const path = paths.find((written) => written !== undefined && written !== "/");
        if (path === undefined) continue;
        report(
          role,
          `ServiceRole !Ref ${target.name} gives the role's name, and CodeBuild looks the name up as a role with ` +
            `the path /, but '${target.name}' has the path '${path}'; use !GetAtt ${target.name}.Arn`,
          { path: ["Resources", project.name, "Properties", "ServiceRole"] },
        );
      }
    }
  },
};
