/** Service-specific checks: DynamoDB keys and billing, SQS queues, Lambda configuration, string substitutions and dynamic references. */
import type { Rule } from "../rule";
import { dynamicReferenceSecrets } from "./dynamic-reference-secrets";
import { dynamicReferenceSecure } from "./dynamic-reference-secure";
import { dynamicReferenceSsm } from "./dynamic-reference-ssm";
import { dynamicReferenceSyntax } from "./dynamic-reference-syntax";
import { dynamodbAttributes } from "./dynamodb-attributes";
import { dynamodbPayPerRequest } from "./dynamodb-pay-per-request";
import { dynamodbProvisioned } from "./dynamodb-provisioned";
import { lambdaEnvironment } from "./lambda-environment";
import { lambdaImage } from "./lambda-image";
import { sqsDeadLetter } from "./sqs-dead-letter";
import { sqsFifo } from "./sqs-fifo";
import { sqsVisibilityTimeout } from "./sqs-visibility-timeout";
import { subNeeded } from "./sub-needed";

export const serviceRules: Rule[] = [
  dynamodbAttributes,
  dynamodbPayPerRequest,
  dynamodbProvisioned,
  sqsFifo,
  sqsDeadLetter,
  sqsVisibilityTimeout,
  lambdaImage,
  lambdaEnvironment,
  subNeeded,
  dynamicReferenceSyntax,
  dynamicReferenceSecrets,
  dynamicReferenceSsm,
  dynamicReferenceSecure,
];
