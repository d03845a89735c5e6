/**
 * E3902 and W3902 (checks cfn-lint does not have): a role of the template given to a service that
 * its trust policy does not let assume it. Lambda, Step Functions and CodeBuild check the trust
 * when the function, state machine or project is created, so the stack fails (E3902, e.g. "The
 * role defined for the function cannot be assumed by Lambda"); EventBridge rules and schedules,
 * Pipes, AppSync data sources and ECS tasks take the role as it is and fail on every use (W3902).
 *
 * Only a trust policy written out in full is judged: a statement, Effect, Action or principal
 * given through a function or a dynamic reference (known only at deploy time), a NotAction or
 * NotPrincipal, or a Principal of "*" (or `AWS: "*"`, which IAM documents as the same) counts as
 * allowing.
 * Regional service principals (states.us-east-1.amazonaws.com) and the .com.cn partition count.
 */
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { servicePrincipal } from "../services/delivery-grants";
import {
  literalString,
  propertySets,
  referenceTarget,
  resourcesOfType,
  valuesAtPath,
} from "../services/values";
import { isString, type ResourceInfo, type TemplateIndex } from "../template-index";
import { isDynamic, staticDocument } from "./documents";
import { allowsAction, fillsLater, readableStatements } from "./policy-document";

interface RoleUse {
  /** Property path of the role; `*` stands for every item of a list. */
  path: string[];
  service: string;
  /** Whether the service checks the trust when the resource is created. */
  checkedOnCreate: boolean;
  what: string;
}

const USES: Record<string, RoleUse[]> = {
  "AWS::Lambda::Function": [{ path: ["Role"], service: "lambda", checkedOnCreate: true, what: "function" }],
  "AWS::Serverless::Function": [
    { path: ["Role"], service: "lambda", checkedOnCreate: true, what: "function" },
  ],
  "AWS::StepFunctions::StateMachine": [
    { path: ["RoleArn"], service: "states", checkedOnCreate: true, what: "state machine" },
  ],
  "AWS::Serverless::StateMachine": [
    { path: ["Role"], service: "states", checkedOnCreate: true, what: "state machine" },
  ],
  "AWS::CodeBuild::Project": [
    { path: ["ServiceRole"], service: "codebuild", checkedOnCreate: true, what: "project" },
  ],
  "AWS::Events::Rule": [
    { path: ["Targets", "*", "RoleArn"], service: "events", checkedOnCreate: false, what: "rule" },
  ],
  "AWS::Scheduler::Schedule": [
    { path: ["Target", "RoleArn"], service: "scheduler", checkedOnCreate: false, what: "schedule" },
  ],
  "AWS::Pipes::Pipe": [{ path: ["RoleArn"], service: "pipes", checkedOnCreate: false, what: "pipe" }],
  "AWS::AppSync::DataSource": [
    { path: ["ServiceRoleArn"], service: "appsync", checkedOnCreate: false, what: "data source" },
  ],
  "AWS::ECS::TaskDefinition": [
    { path: ["ExecutionRoleArn"], service: "ecs-tasks", checkedOnCreate: false, what: "task definition" },
    { path: ["TaskRoleArn"], service: "ecs-tasks", checkedOnCreate: false, what: "task definition" },
  ],
};
const TYPES = Object.keys(USES);
const SOURCE =
  "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-trust-policy";

export const roleTrustOnCreate: Rule = {
  id: "E3902",
  severity: "error",
  shortDescription: "Roles given to Lambda, Step Functions and CodeBuild trust that service",
  description:
    "A role of the template whose trust policy does not let lambda.amazonaws.com (states, codebuild) assume it " +
    "fails the function, state machine or project on create.",
  source: SOURCE,
  tags: ["resources", "iam", "serverless"],
  check({ template, report }) {
    checkRoles(template, true, (at, message) => report(at, message));
  },
};

export const roleTrustOnUse: Rule = {
  id: "W3902",
  severity: "warning",
  shortDescription: "Roles given to EventBridge, Scheduler, Pipes, AppSync and ECS trust that service",
  description:
    "A role of the template whose trust policy does not let the service that uses it assume it deploys, but " +
    "every rule target, schedule, pipe, data source or task that uses it fails.",
  source: SOURCE,
  tags: ["resources", "iam", "serverless"],
  check({ template, report }) {
    checkRoles(template, false, (at, message) => report(at, message));
  },
};

function checkRoles(
  template: TemplateIndex,
  onCreate: boolean,
  report: (at: Node, message: string) => void,
): void {
  const trusted = new Map<string, boolean>();
  for (const resource of resourcesOfType(template, ...TYPES)) {
    for (const use of USES[resource.type as string]) {
      if (use.checkedOnCreate !== onCreate) continue;
      const principal = `${use.service}.amazonaws.com`;
      for (const { properties } of propertySets(resource)) {
        for (const value of valuesAtPath(properties, use.path)) {
          const name = referenceTarget(value)?.name;
          const role = name === undefined ? undefined : template.resources.get(name);
          if (role?.type !== "AWS::IAM::Role") continue;
          const key = `${role.name}\0${use.service}`;
          if (!trusted.has(key)) trusted.set(key, trusts(role, use.service));
          if (trusted.get(key)) continue;
          report(
            value,
            `Role '${role.name}' does not let ${principal} assume it (no Allow statement of its ` +
              `AssumeRolePolicyDocument names that service for sts:AssumeRole), so ` +
              (onCreate
                ? `${use.what} '${resource.name}' fails to create`
                : `${use.what} '${resource.name}' deploys but fails each time it uses the role`) +
              `; add ${principal} to Principal.Service of the role's trust policy`,
          );
        }
      }
    }
  }
}

/** Whether the role's trust policy may let `service` assume it; true whenever that is not known. */
function trusts(role: ResourceInfo, service: string): boolean {
  const sets = propertySets(role);
  return sets.some(({ properties }) => {
    const statements = readableStatements(staticDocument(mapGet(properties, "AssumeRolePolicyDocument")));
    if (!statements) return true;
    const pattern = servicePrincipal(service);
    return statements.some((item) => allows(item, pattern));
  });
}

function allows(statement: Node, service: RegExp): boolean {
  const action = allowsAction(statement, "sts:AssumeRole");
  if (action === "no") return false;
  if (action === "unknown" || mapGet(statement, "NotPrincipal")) return true;
  const principal = mapGet(statement, "Principal")?.value;
  if (!principal) return false;
  if (isString(principal)) return principal.value === "*" || fillsLater(principal.value);
  if (principal.kind !== "map" || isDynamic(principal)) return true;
  // IAM documents `{"AWS": "*"}` as the same as `"*"`: every principal.
  const accounts = mapGet(principal, "AWS")?.value;
  const anyone = accounts && (accounts.kind === "seq" ? accounts.items : [accounts]);
  if (anyone?.some((item) => literalString(item) === "*")) return true;
  const services = mapGet(principal, "Service")?.value;
  if (!services) return false;
  const list = services.kind === "seq" ? services.items : [services];
  return list.some((item) => {
    const text = literalString(item);
    return text === undefined || service.test(text);
  });
}
