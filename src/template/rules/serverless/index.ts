/** Serverless checks: deprecated Lambda runtimes, IAM policy documents, Step Functions definitions. */

import type { Rule } from "../rule";
import { bucketPolicyObjectActions } from "./bucket-policy-actions";
import { functionCreateRole } from "./create-role";
import { deprecatedRuntimeCreate } from "./deprecated-runtime-create";
import { deprecatedRuntimeEol } from "./deprecated-runtime-eol";
import { deprecatedRuntimeUpdate } from "./deprecated-runtime-update";
import { eventSourceRole } from "./event-source-role";
import { identityPolicy } from "./identity-policy";
import { managedPolicyNames, managedPolicyPaths } from "./managed-policy-arns";
import { policyActions } from "./policy-actions";
import { policyVersion } from "./policy-version";
import {
  blockedPublicPolicy,
  bucketPolicyResource,
  repositoryPolicy,
  resourcePolicy,
} from "./resource-policy";
import { roleTrustOnCreate, roleTrustOnUse } from "./role-trust";
import { stateMachineDefinition, stateMachineErrorNames } from "./state-machine-definition";
import { trustPolicy } from "./trust-policy";
import { vpcFunctionRole } from "./vpc-role";

export const serverlessRules: Rule[] = [
  deprecatedRuntimeUpdate,
  deprecatedRuntimeCreate,
  deprecatedRuntimeEol,
  identityPolicy,
  resourcePolicy,
  repositoryPolicy,
  bucketPolicyResource,
  bucketPolicyObjectActions,
  trustPolicy,
  roleTrustOnCreate,
  roleTrustOnUse,
  vpcFunctionRole,
  functionCreateRole,
  eventSourceRole,
  policyActions,
  policyVersion,
  stateMachineDefinition,
  stateMachineErrorNames,
  managedPolicyPaths,
  managedPolicyNames,
  blockedPublicPolicy,
];
