/**
 * AWS managed policy ARNs that IAM does not have, in a role's, user's or group's
 * ManagedPolicyArns, a PermissionsBoundary, and the Policies of SAM functions and state machines:
 * - E3921 (our own id): a policy name AWS keeps under another path, the classic
 *   `arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole` for `.../policy/service-role/...`. IAM
 *   refuses it ("does not exist or is not attachable") and the stack fails. Also a name alone in SAM
 *   Policies that differs from an AWS managed policy's only in case (`AWSLAMBDABASICEXECUTIONROLE`):
 *   the transform looks names up exactly (role_constructor.py) and passes this one to IAM as an
 *   ARN, and IAM keeps names unique without case, so no policy AWS adds can be named so.
 *   And a name that is one of the list's without its underscores (`AWSLambdaFullAccess`,
 *   `AWSLambdaReadOnlyAccess`): the policies AWS deprecated and replaced by the underscored ones
 *   (the Lambda Developer Guide's managed policies), which IAM attaches to no new role, user or
 *   group (IAM's "Deprecated AWS managed policies"); cfn-lint reports them as E3031.
 * - W3921 (our own id): a name the list of managed policies does not have at all, with the one
 *   probably meant, in an ARN or as a name alone in SAM Policies (which SAM looks up among the AWS
 *   managed policies, on any path, and otherwise passes to IAM as an ARN). A warning: AWS adds
 *   managed policies every month, and the list (cfn-lint's, read by `npm run spec`) may not have a
 *   new one yet.
 * ARNs are read as `arn:aws:iam::aws:policy/...`, as `!Sub arn:${AWS::Partition}:iam::aws:policy/...`,
 * or as the `Fn::Join` CDK writes; the China and GovCloud partitions, whose lists differ, are left
 * alone.
 */
import type { Node } from "../../model";
import type { SpecIndex } from "../../spec/types";
import { closest, didYouMeanNote } from "../../suggest";
import type { Rule } from "../rule";
import { propertySets, resourcesOfType, samNamedRole, valuesAtPath } from "../services/values";
import { intrinsicName, isString, type TemplateIndex } from "../template-index";

const PREFIX = ":iam::aws:policy/";
const LITERAL = /^arn:aws:iam::aws:policy\/(.+)$/;
const SUB = /^arn:\$\{AWS::Partition\}:iam::aws:policy\/([^${}]+)$/;

/** The places, by type, that hold managed policy ARNs; `*` is every item of a list. */
const PLACES: Record<string, string[][]> = {
  "AWS::IAM::Role": [["ManagedPolicyArns", "*"], ["PermissionsBoundary"]],
  "AWS::IAM::User": [["ManagedPolicyArns", "*"], ["PermissionsBoundary"]],
  "AWS::IAM::Group": [["ManagedPolicyArns", "*"]],
  "AWS::Serverless::Function": [["Policies"], ["Policies", "*"], ["PermissionsBoundary"]],
  "AWS::Serverless::StateMachine": [["Policies"], ["Policies", "*"], ["PermissionsBoundary"]],
};
const TYPES = Object.keys(PLACES);

/** The path and name after `arn:<partition>:iam::aws:policy/` of a managed policy ARN, when written out. */
export function managedPolicyPath(node: Node): string | undefined {
  if (isString(node)) return LITERAL.exec(node.value)?.[1];
  const fn = intrinsicName(node);
  if (node.kind !== "map" || !fn) return undefined;
  const arg = node.entries[0].value;
  if (fn === "Fn::Sub") {
    const text = arg.kind === "seq" ? arg.items[0] : arg;
    return isString(text) ? SUB.exec(text.value)?.[1] : undefined;
  }
  if (fn !== "Fn::Join" || arg.kind !== "seq" || arg.items.length !== 2) return undefined;
  const [delimiter, parts] = arg.items;
  if (!isString(delimiter) || delimiter.value !== "" || parts.kind !== "seq" || parts.items.length === 0)
    return undefined;
  const last = parts.items[parts.items.length - 1];
  const at = isString(last) ? last.value.indexOf(PREFIX) : -1;
  if (!isString(last) || at < 0 || last.value.includes("${")) return undefined;
  // The partition: !Ref AWS::Partition, or written out as aws (not aws-cn, aws-us-gov).
  const written = parts.items
    .slice(0, -1)
    .map((part) => (isString(part) ? part.value : ""))
    .join("");
  if (/^arn:aws-/.test(written + last.value)) return undefined;
  return last.value.slice(at + PREFIX.length) || undefined;
}

interface PolicyProblem {
  /**
   * "path": the name is at another path; "case": a SAM policy name in another case than AWS's;
   * "replaced": a deprecated policy whose name the list has with underscores; "unknown": the list
   * does not have the name.
   */
  kind: "path" | "case" | "replaced" | "unknown";
  at: Node;
  message: string;
  path: (string | number)[];
}

/** A managed policy's name without its path (`service-role/AWSLambdaRole` is AWSLambdaRole). */
function nameOf(policy: string): string {
  return policy.slice(policy.lastIndexOf("/") + 1);
}

function problemOf(
  node: Node,
  policy: string,
  known: ReadonlySet<string>,
  owner: string,
): Omit<PolicyProblem, "path"> {
  const name = nameOf(policy);
  const elsewhere = [...known].find((entry) => nameOf(entry) === name);
  if (elsewhere)
    return {
      kind: "path",
      at: node,
      message:
        `${owner} names the AWS managed policy ${name} at 'policy/${policy}', where IAM has no such policy, so the ` +
        `stack fails; AWS keeps it at 'policy/${elsewhere}': write arn:\${AWS::Partition}:iam::aws:policy/${elsewhere}`,
    };
  const successor = replacement(name, known);
  if (successor) return replaced(node, name, successor, owner);
  const meant = closest(name, [...known].map(nameOf));
  const full = meant === undefined ? undefined : [...known].find((entry) => nameOf(entry) === meant);
  return {
    kind: "unknown",
    at: node,
    message:
      `${owner} names 'policy/${policy}', which is not an AWS managed policy the list of this release knows` +
      `${didYouMeanNote(full && `policy/${full}`)}; IAM refuses a policy that does not exist (one AWS added since ` +
      "is fine)",
  };
}

/** A policy written by its name alone (SAM Policies), not an ARN nor text for Fn::Sub. */
function isPlainName(text: string): boolean {
  return /^[\w+=,.@-]+$/.test(text);
}

const names = new WeakMap<ReadonlySet<string>, ReadonlySet<string>>();

/** The names of the managed policies of the list, without their paths (SAM looks a name up on any path). */
function namesOf(known: ReadonlySet<string>): ReadonlySet<string> {
  let set = names.get(known);
  if (!set) {
    set = new Set([...known].map(nameOf));
    names.set(known, set);
  }
  return set;
}

/**
 * A SAM policy name the list does not have. SAM turns a name it finds among the AWS managed
 * policies into its ARN, and passes any other name to IAM as it is, which IAM refuses as an ARN.
 * A name that is a known one in another case is certain to fail: the lookup is exact, and IAM
 * keeps names unique without case, so no policy AWS adds later can take it.
 */
function unknownName(
  node: Node,
  name: string,
  known: ReadonlySet<string>,
  owner: string,
): Omit<PolicyProblem, "path"> {
  const lower = name.toLowerCase();
  const cased = [...namesOf(known)].find((entry) => entry.toLowerCase() === lower);
  if (cased)
    return {
      kind: "case",
      at: node,
      message:
        `${owner} names '${name}', which is the AWS managed policy ${cased} in another case: SAM looks names up ` +
        `exactly and passes this one to IAM as an ARN, which IAM refuses; write ${cased}`,
    };
  const successor = replacement(name, known);
  if (successor) return replaced(node, name, successor, owner);
  return {
    kind: "unknown",
    at: node,
    message:
      `${owner} names '${name}', which is not an AWS managed policy the list of this release knows` +
      `${didYouMeanNote(closest(name, [...namesOf(known)]))}; SAM passes a name it does not find to IAM as an ARN, ` +
      "which IAM refuses (a policy AWS added since is fine)",
  };
}

/** The policy of the list whose name, without its underscores, is `name` (AWSLambda_FullAccess for AWSLambdaFullAccess). */
function replacement(name: string, known: ReadonlySet<string>): string | undefined {
  if (name.includes("_")) return undefined;
  for (const entry of namesOf(known))
    if (entry.includes("_") && entry.replaceAll("_", "") === name) return entry;
  return undefined;
}

function replaced(node: Node, name: string, successor: string, owner: string): Omit<PolicyProblem, "path"> {
  return {
    kind: "replaced",
    at: node,
    message:
      `${owner} names ${name}, the AWS managed policy AWS deprecated for ${successor}, and IAM attaches a ` +
      `deprecated policy to no new role, user or group, so the stack fails; use ${successor}`,
  };
}

const cache = new WeakMap<TemplateIndex, PolicyProblem[]>();

/** The managed policy ARNs of the template that name no policy of the list, found once for both rules. */
function policyProblems(template: TemplateIndex, spec: SpecIndex): PolicyProblem[] {
  let problems = cache.get(template);
  if (problems) return problems;
  problems = [];
  cache.set(template, problems);
  for (const resource of resourcesOfType(template, ...TYPES)) {
    for (const set of propertySets(resource)) {
      const { properties } = set;
      // With its own Role, SAM ignores a function's Policies (W0001 says so): no name reaches IAM.
      const ownRole = samNamedRole(properties) !== undefined;
      for (const path of PLACES[resource.type as string]) {
        for (const value of valuesAtPath(properties, path)) {
          if (path[0] === "Policies" && isString(value) && isPlainName(value.value)) {
            if (ownRole) continue;
            const known = spec.managedPolicies();
            if (namesOf(known).has(value.value)) continue;
            const problem = unknownName(value, value.value, known, `Policies of ${resource.name}`);
            problems.push({ ...problem, path: ["Resources", resource.name, "Properties", "Policies"] });
            continue;
          }
          const policy = managedPolicyPath(value);
          if (!policy) continue;
          const known = spec.managedPolicies();
          if (known.has(policy)) continue;
          const problem = problemOf(value, policy, known, `${path[0]} of ${resource.name}`);
          problems.push({ ...problem, path: ["Resources", resource.name, "Properties", path[0]] });
        }
      }
    }
  }
  return problems;
}

/** A rule that reports the problems of some kinds from the shared walk. */
function policyRule(
  kinds: PolicyProblem["kind"][],
  rule: Pick<Rule, "id" | "severity" | "shortDescription" | "description">,
): Rule {
  return {
    ...rule,
    source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html",
    tags: ["resources", "iam", "serverless"],
    check({ template, spec, report }) {
      for (const problem of policyProblems(template, spec))
        if (kinds.includes(problem.kind)) report(problem.at, problem.message, { path: problem.path });
    },
  };
}

export const managedPolicyPaths = policyRule(["path", "case", "replaced"], {
  id: "E3921",
  severity: "error",
  shortDescription:
    "AWS managed policy ARNs give the policy's path, SAM policy names its case, and neither a deprecated one",
  description:
    "An arn:aws:iam::aws:policy/ ARN in ManagedPolicyArns, a PermissionsBoundary or SAM Policies names an AWS managed " +
    "policy at the path AWS keeps it (service-role/ and others); a name alone in SAM Policies is written in AWS's case; " +
    "neither names a policy AWS deprecated for an underscored one (AWSLambdaFullAccess for AWSLambda_FullAccess).",
});

export const managedPolicyNames = policyRule(["unknown"], {
  id: "W3921",
  severity: "warning",
  shortDescription: "AWS managed policy ARNs name managed policies that exist",
  description:
    "An arn:aws:iam::aws:policy/ ARN, or a policy named alone in SAM Policies, names a policy in the list of AWS " +
    "managed policies of this release (one AWS added since is fine).",
});
