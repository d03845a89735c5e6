/**
 * E1041, for IAM's names: a Ref of another kind of resource where a role's, a user's or a group's
 * name is needed. A policy's Roles, Users and Groups, an instance profile's Roles, an inline policy's
 * RoleName, UserName or GroupName, a user's Groups, a group addition's GroupName and Users and an
 * access key's UserName take the names IAM knows them by, which `!Ref` of an AWS::IAM::Role, User or
 * Group gives. `!Ref` of a function gives the function's name: IAM finds no role of that name (or,
 * worse, another one) and the stack fails (round 41: a listener's policy attached to `!Ref
 * ListenerLambda`). The roles the SAM transform makes (`<Function>Role`) are roles. A Ref of a
 * custom resource, a nested stack, a module or a type outside AWS:: is left alone: what it gives is
 * not known here.
 */

import { templateNames } from "../functions/names";
import { displayPath } from "../resources/shared";
import type { Rule } from "../rule";
import { USER_GUIDE } from "../template-index";
import { REF_GIVES } from "./ref-arn";
import { propertySets, referenceTarget, resourcesOfType, valuesWithPaths } from "./values";

const ROLE = "AWS::IAM::Role";
const USER = "AWS::IAM::User";
const GROUP = "AWS::IAM::Group";

/** What each IAM name is called in messages. */
const NAMED: Record<string, string> = { [ROLE]: "role", [USER]: "user", [GROUP]: "group" };

/** Properties that take the name of an IAM role, user or group, by resource type; `*` is every item. */
const NAME_SITES: { type: string; path: string[]; of: string }[] = [
  ...["AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"].flatMap((type) => [
    { type, path: ["Roles", "*"], of: ROLE },
    { type, path: ["Users", "*"], of: USER },
    { type, path: ["Groups", "*"], of: GROUP },
  ]),
  { type: "AWS::IAM::InstanceProfile", path: ["Roles", "*"], of: ROLE },
  { type: "AWS::IAM::RolePolicy", path: ["RoleName"], of: ROLE },
  { type: "AWS::IAM::UserPolicy", path: ["UserName"], of: USER },
  { type: "AWS::IAM::GroupPolicy", path: ["GroupName"], of: GROUP },
  { type: "AWS::IAM::User", path: ["Groups", "*"], of: GROUP },
  { type: "AWS::IAM::UserToGroupAddition", path: ["GroupName"], of: GROUP },
  { type: "AWS::IAM::UserToGroupAddition", path: ["Users", "*"], of: USER },
  { type: "AWS::IAM::AccessKey", path: ["UserName"], of: USER },
];

const SITE_TYPES = [...new Set(NAME_SITES.map((site) => site.type))];

/**
 * Types whose Ref may give anything (custom resources, nested stacks and applications), or a role's
 * name too (a service-linked role's Ref gives its name).
 */
const OPEN_TYPES = new Set([
  "AWS::IAM::ServiceLinkedRole",
  "AWS::CloudFormation::CustomResource",
  "AWS::CloudFormation::Stack",
  "AWS::Serverless::Application",
]);

export const refNotIamName: Rule = {
  id: "E1041",
  severity: "error",
  shortDescription: "A Ref where an IAM role's, user's or group's name is needed names one",
  description:
    "A policy's Roles, Users and Groups, an instance profile's Roles, an inline policy's RoleName, UserName or " +
    "GroupName and the like take the name of an IAM role, user or group: !Ref of another kind of resource (a " +
    "function gives its own name) names none, and IAM refuses it when the stack is deployed.",
  source: `${USER_GUIDE}/intrinsic-function-reference-ref.html`,
  tags: ["functions", "ref", "iam"],
  resourceTypes: SITE_TYPES,
  check({ template, report }) {
    for (const resource of resourcesOfType(template, ...SITE_TYPES)) {
      const names = templateNames(template);
      for (const { type, path, of } of NAME_SITES) {
        if (type !== resource.type) continue;
        for (const { properties } of propertySets(resource)) {
          for (const found of valuesWithPaths(properties, path)) {
            const target = referenceTarget(found.node);
            if (!target || target.attribute !== undefined || template.parameters.has(target.name)) continue;
            const named = names.resourceType(target.name);
            if (!named?.startsWith("AWS::") || named === of || OPEN_TYPES.has(named)) continue;
            if (named.startsWith("AWS::Serverless::") && !template.sam) continue;
            const gives = Object.hasOwn(REF_GIVES, named) ? REF_GIVES[named] : `what an ${named}'s Ref gives`;
            report(
              found.node,
              `!Ref ${target.name} gives ${gives}, and ${displayPath(found.path)} takes the name of an IAM ` +
                `${NAMED[of]}: IAM finds no ${NAMED[of]} by it. Give !Ref of an ${of} there`,
              { path: ["Resources", resource.name, "Properties", ...found.path] },
            );
          }
        }
      }
    }
  },
};
