import { mapGet } from "../../nodes";
import type { SpecIndex } from "../../spec/types";
import { closest, didYouMeanNote } from "../../suggest";
import { placedValues } from "../conditions/logic";
import type { Report, Rule } from "../rule";
import { literalString } from "../services/values";
import type { ResourceInfo, TemplateIndex } from "../template-index";
import { propertyPath } from "./documents";
import { identitySites } from "./identity-policy";
import { documentStatements, wildcardPattern } from "./policy-document";
import { forEachPolicy, type PolicySite, propertyPolicy } from "./policy-sites";
import { repositorySites, resourceSites } from "./resource-policy";
import { trustSites } from "./trust-policy";

/** The policies of these resources may name only their own service's actions; the service rejects others. */
const ONLY_SERVICE: Record<string, string> = {
  "AWS::S3::BucketPolicy": "s3",
  "AWS::SQS::QueuePolicy": "sqs",
  "AWS::SNS::TopicPolicy": "sns",
};

const ACTION_KEYS = ["Action", "NotAction"];

/**
 * Resource policies beyond the five E3512 reads (and the ECR repository's of E3513), whose actions
 * W3037 checks too: an API's, a secret's, a file system's, a log group resource policy's and a
 * backup vault's. Their grammar is left to the services (cfn-lint reads none of them).
 */
const OTHER_POLICY_PROPERTY: Record<string, string> = {
  "AWS::ApiGateway::RestApi": "Policy",
  "AWS::SecretsManager::ResourcePolicy": "ResourcePolicy",
  "AWS::EFS::FileSystem": "FileSystemPolicy",
  "AWS::Logs::ResourcePolicy": "PolicyDocument",
  "AWS::Backup::BackupVault": "AccessPolicy",
};

function otherResourceSites(resource: ResourceInfo): readonly PolicySite[] {
  const type = resource.type ?? "";
  if (Object.hasOwn(OTHER_POLICY_PROPERTY, type))
    return propertyPolicy(resource, OTHER_POLICY_PROPERTY[type]);
  return repositorySites(resource);
}

/**
 * The data's lowercase `suggestion` in the case of what was `written`, where the two agree from
 * the start and from the end: `GetObjects` suggests `GetObject`, `ReplicationTags` `ReplicateTags`.
 * Used for the actions no API operation gives a case to (spec's iamActionName).
 */
function casedLike(suggestion: string, written: string): string {
  const out = [...suggestion];
  let start = 0;
  while (start < out.length && start < written.length && written[start].toLowerCase() === out[start]) {
    out[start] = written[start];
    start++;
  }
  for (let i = out.length - 1, j = written.length - 1; i >= start && j >= start; i--, j--) {
    if (written[j].toLowerCase() !== out[i]) break;
    out[i] = written[j];
  }
  return out.join("");
}

/**
 * The answers already given, by the service a policy is limited to and the action: templates
 * repeat the same few hundred actions (logs:CreateLogStream, s3:GetObject*), and a wildcard is a
 * regular expression tested against every action of its service.
 */
const answersBySpec = new WeakMap<SpecIndex, Map<string, string | undefined>>();

/** Why `action` names no action that exists, or undefined when it does (or cannot be judged). */
function actionProblem(action: string, spec: SpecIndex, resource: ResourceInfo): string | undefined {
  let answers = answersBySpec.get(spec);
  if (!answers) {
    answers = new Map();
    answersBySpec.set(spec, answers);
  }
  // A policy limited to one service answers with its type's name.
  const key = `${resource.type && ONLY_SERVICE[resource.type] ? resource.type : ""}\0${action}`;
  if (answers.has(key)) return answers.get(key);
  const answer = findActionProblem(action, spec, resource);
  answers.set(key, answer);
  return answer;
}

function findActionProblem(action: string, spec: SpecIndex, resource: ResourceInfo): string | undefined {
  if (action === "*" || action.includes("${")) return undefined;
  const colon = action.indexOf(":");
  if (colon < 0) return `'${action}' is not an action: write service:action, such as s3:GetObject, or *`;
  const prefix = action.slice(0, colon);
  const service = prefix.toLowerCase();
  const permission = action.slice(colon + 1).toLowerCase();
  if (/[*?]/.test(service)) return undefined;
  const only = resource.type ? ONLY_SERVICE[resource.type] : undefined;
  if (only && service !== only) {
    return `A policy of ${resource.type} takes only ${only} actions; '${action}' is an action of '${service}'`;
  }
  const actions = spec.iamActions(service);
  if (!actions) {
    // An SDK client's name, such as bedrock-runtime or sagemaker-runtime, where IAM names the service.
    const dash = service.indexOf("-");
    const base = dash > 0 ? service.slice(0, dash) : undefined;
    const suggestion = base && spec.iamActions(base) ? base : closest(service, spec.iamServices());
    return `'${service}' in '${action}' is not a known IAM service prefix${didYouMeanNote(suggestion)}`;
  }
  if (/[*?]/.test(permission)) {
    // `Describe*`, the common form, needs no regular expression.
    const star = permission.indexOf("*");
    if (star === permission.length - 1 && !permission.includes("?")) {
      const start = permission.slice(0, -1);
      for (const name of actions) if (name.startsWith(start)) return undefined;
    } else {
      const pattern = wildcardPattern(permission);
      for (const name of actions) if (pattern.test(name)) return undefined;
    }
    return `'${action}' matches no action of ${service}`;
  }
  if (actions.has(permission)) return undefined;
  const suggestion = closest(permission, actions, Math.max(2, Math.floor(permission.length / 4)));
  const named = suggestion && spec.iamActionName(service, suggestion);
  const cased =
    suggestion &&
    `${prefix}:${named && named !== suggestion ? named : casedLike(suggestion, action.slice(colon + 1))}`;
  return `'${action}' is not an action of ${service}${didYouMeanNote(cased)}`;
}

function checkActions(template: TemplateIndex, spec: SpecIndex, report: Report, sites: typeof identitySites) {
  forEachPolicy(template, sites, (document, { resource, path }: PolicySite) => {
    for (const statement of documentStatements(document)) {
      for (const key of ACTION_KEYS) {
        const written = mapGet(statement, key)?.value;
        if (!written) continue;
        // A Fn::If's branches each, where the policy may be made with them.
        for (const value of placedValues(template, written)) {
          const items =
            value.kind === "seq" ? value.items.flatMap((item) => placedValues(template, item)) : [value];
          for (const item of items) {
            // Intrinsics and values of the wrong type are left to E3510, E3512 and E3530.
            const action = literalString(item);
            if (action === undefined) continue;
            const problem = actionProblem(action, spec, resource);
            if (problem) report(item, problem, propertyPath(resource, ...path));
          }
        }
      }
    }
  });
}

/**
 * W3037, as in cfn-lint: every action a policy names exists, as the service authorization
 * reference lists them (cfn-lint's copy, folded into the spec data by `npm run spec`), with
 * wildcards matching at least one action, and bucket, queue and topic policies naming only their
 * service's actions. IAM stores an identity policy with an unknown action and it then grants
 * nothing, so a typo such as `s3:GetObjects` fails only when the function runs; S3, SQS and SNS
 * reject their policy at deploy time. A warning, as in cfn-lint: a service or action newer than
 * the data is not an error. Unlike cfn-lint, which leaves templates with the SAM transform out, we
 * also check the inline policies of SAM functions and state machines as written; and we suggest
 * the closest action instead of listing them all, and read the resource policies of APIs, secrets,
 * file systems, repositories, log groups and backup vaults (otherResourceSites).
 */
export const policyActions: Rule = {
  id: "W3037",
  severity: "warning",
  shortDescription: "IAM policy actions exist",
  description:
    "Every Action and NotAction of a policy document names an action of its service, or a wildcard that " +
    "matches one; bucket, queue and topic policies name only their own service's actions. Besides identity, " +
    "trust and the resource policies E3512 reads, the policies of APIs, secrets, file systems, repositories, " +
    "log groups and backup vaults are read.",
  source:
    "https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html",
  tags: ["resources", "iam", "serverless"],
  check({ template, spec, report }) {
    checkActions(template, spec, report, identitySites);
    checkActions(template, spec, report, resourceSites);
    checkActions(template, spec, report, trustSites);
    checkActions(template, spec, report, otherResourceSites);
  },
};
