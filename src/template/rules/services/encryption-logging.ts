/**
 * Settings a service refuses together or without their counterpart (our own ids):
 * - E3926: an SQS queue with both SqsManagedSseEnabled: true and a KmsMasterKeyId. A queue has one
 *   kind of server-side encryption ("You can use one type of server-side encryption (SSE) at one
 *   time"); the key asks for SSE-KMS, the flag for SSE-SQS.
 * - E3927: a state machine whose logging Level is not OFF with no log destination, or more than
 *   one: Step Functions logs to exactly one CloudWatch Logs group ("Must specify exactly one Log
 *   Destination if logging level is not OFF"). Read from LoggingConfiguration, and from a SAM
 *   state machine's Logging.
 */
import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import {
  literalBoolean,
  literalString,
  plainMap,
  presentEntry,
  propertySets,
  resourcesOfType,
} from "./values";

export const sqsEncryptionKind: Rule = {
  id: "E3926",
  severity: "error",
  shortDescription: "An SQS queue uses one kind of server-side encryption",
  description:
    "An SQS queue sets either KmsMasterKeyId (SSE-KMS) or SqsManagedSseEnabled: true (SSE-SQS), not both.",
  source:
    "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html",
  tags: ["resources", "sqs"],
  resourceTypes: ["AWS::SQS::Queue"],
  check({ template, report }) {
    for (const queue of resourcesOfType(template, "AWS::SQS::Queue")) {
      for (const { properties } of propertySets(queue)) {
        const managed = presentEntry(properties, "SqsManagedSseEnabled");
        if (!managed || literalBoolean(managed.value) !== true || !presentEntry(properties, "KmsMasterKeyId"))
          continue;
        report(
          managed.keyRange,
          `Queue '${queue.name}' asks for SSE-SQS (SqsManagedSseEnabled) and SSE-KMS (KmsMasterKeyId) at once, and SQS ` +
            "takes one kind of server-side encryption; remove SqsManagedSseEnabled to encrypt with the key, or the key",
          { path: ["Resources", queue.name, "Properties", "SqsManagedSseEnabled"] },
        );
      }
    }
  },
};

const LOGGING: Record<string, string> = {
  "AWS::StepFunctions::StateMachine": "LoggingConfiguration",
  "AWS::Serverless::StateMachine": "Logging",
};

export const stateMachineLogging: Rule = {
  id: "E3927",
  severity: "error",
  shortDescription: "A state machine that logs has exactly one log destination",
  description:
    "The LoggingConfiguration of a state machine (Logging in SAM) whose Level is not OFF has exactly one Destinations " +
    "entry.",
  source: "https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html",
  tags: ["resources", "stepfunctions", "serverless"],
  resourceTypes: [...Object.keys(LOGGING)],
  check({ template, report }) {
    for (const machine of resourcesOfType(template, ...Object.keys(LOGGING))) {
      const key = LOGGING[machine.type as string];
      for (const { properties } of propertySets(machine)) {
        const logging = plainMap(presentEntry(properties, key)?.value);
        const level = literalString(mapGet(logging, "Level")?.value);
        if (!logging || level === undefined || level === "OFF") continue;
        const destinations = mapGet(logging, "Destinations")?.value;
        if (destinations && destinations.kind !== "seq") continue; // an intrinsic: unknown
        const count = destinations?.kind === "seq" ? destinations.items.length : 0;
        if (count === 1) continue;
        report(
          mapGet(logging, "Level")?.value ?? logging,
          `State machine '${machine.name}' logs at Level ${level} to ${count === 0 ? "no destination" : `${count} destinations`}, ` +
            "and Step Functions takes exactly one; give Destinations one CloudWatchLogsLogGroup with the log group's ARN",
          { path: ["Resources", machine.name, "Properties", key] },
        );
      }
    }
  },
};
