import { CloudFormationClient, type ResourceStatus, type StackEvent } from "@aws-sdk/client-cloudformation";
import { S3Client } from "@aws-sdk/client-s3";
import type { DeployDeps, DeployOptions } from "../../../src/stack/deploy";
import { NO_SECURITY_CHANGES } from "../../../src/stack/diff";
import type { TeardownResult } from "../../../src/stack/teardown";

/** Shared pieces for the stack tests: a clock that only sleeping moves, SDK-shaped errors, fixtures. */

export const T0 = Date.parse("2024-05-01T10:00:00Z");
export const STACK_ID =
  "arn:aws:cloudformation:eu-west-1:123456789012:stack/app-pr-7/11111111-2222-3333-4444-555555555555";
export const CHANGE_SET_ID =
  "arn:aws:cloudformation:eu-west-1:123456789012:changeSet/preview-stacks-99-1/66666666-7777-8888-9999-000000000000";

export interface FakeTime {
  clock: () => number;
  sleep: (ms: number) => Promise<void>;
  sleeps: number[];
  advance(ms: number): void;
}

export function fakeTime(start = T0): FakeTime {
  let now = start;
  const sleeps: number[] = [];
  return {
    clock: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    sleeps,
    advance(ms: number) {
      now += ms;
    },
  };
}

export function awsError(name: string, message: string, status = 400): Error {
  return Object.assign(new Error(message), {
    name,
    $fault: status >= 500 ? "server" : "client",
    $metadata: { httpStatusCode: status },
  });
}

export const missingStack = () => awsError("ValidationError", "Stack with id app-pr-7 does not exist");

export const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Stage:
    Type: String
    Default: dev
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Queue:
    Type: AWS::SQS::Queue
Outputs:
  Url:
    Value: !GetAtt Bucket.WebsiteURL
`;

export const SAM_TEMPLATE = `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      InlineCode: "def handler(e, c): return 1"
`;

export function event(
  id: string,
  secondsAfterT0: number,
  logicalId: string,
  status: string,
  extra: Partial<StackEvent> = {},
): StackEvent {
  const own = logicalId === "app-pr-7";
  return {
    EventId: id,
    StackId: STACK_ID,
    StackName: "app-pr-7",
    Timestamp: new Date(T0 + secondsAfterT0 * 1000),
    LogicalResourceId: logicalId,
    PhysicalResourceId: own ? STACK_ID : `${logicalId.toLowerCase()}-physical`,
    ResourceType: own ? "AWS::CloudFormation::Stack" : "AWS::S3::Bucket",
    ResourceStatus: status as ResourceStatus,
    ...extra,
  };
}

export function clients(): { cfn: CloudFormationClient; s3: S3Client } {
  return {
    cfn: new CloudFormationClient({ region: "eu-west-1" }),
    s3: new S3Client({ region: "eu-west-1" }),
  };
}

export function baseOptions(overrides: Partial<DeployOptions> = {}): DeployOptions {
  return {
    stackName: "app-pr-7",
    preview: { repository: "acme/app", pr: 7 },
    template: { file: "template.yaml", body: TEMPLATE },
    capabilities: ["CAPABILITY_IAM"],
    region: "eu-west-1",
    timeoutMinutes: 60,
    mode: "deploy",
    run: { id: 99, attempt: 1 },
    urlOutput: "Url",
    ...overrides,
  };
}

export function baseDeps(time: FakeTime, lines: string[], overrides: Partial<DeployDeps> = {}): DeployDeps {
  const { cfn, s3 } = clients();
  return {
    cfn,
    s3,
    clock: time.clock,
    sleep: time.sleep,
    log: (line) => lines.push(line),
    random: () => 0.5,
    readFile: async (path) => {
      throw new Error(`ENOENT: no such file ${path}`);
    },
    securityDiff: async () => NO_SECURITY_CHANGES,
    ...overrides,
  };
}

export const PREVIEW_TAGS = [
  { Key: "preview-stacks:managed", Value: "true" },
  { Key: "preview-stacks:repository", Value: "acme/app" },
  { Key: "preview-stacks:pr", Value: "7" },
];

/** A network failure as the SDK throws it: Node's socket error, with the SDK's `$metadata` and no HTTP status. */
export function networkError(
  code: string,
  extra: Record<string, unknown> = { address: "127.0.0.1", port: 4566 },
): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:4566`), {
    code,
    syscall: "connect",
    ...extra,
    $metadata: { attempts: 1, totalRetryDelay: 0 },
  });
}

/** A teardown that deleted shop-pr-12 and found nothing in the way; tests override what they look at. */
export function teardownResult(overrides: Partial<TeardownResult> = {}): TeardownResult {
  return {
    status: "deleted",
    stackName: "shop-pr-12",
    stackId: undefined,
    region: "us-east-1",
    message: "Stack shop-pr-12 deleted.",
    failure: undefined,
    buckets: [],
    objectsDeleted: 0,
    objectErrors: [],
    failures: [],
    retained: [],
    cancelledUpdate: false,
    waitedForOtherOperation: false,
    deleteAttempts: 1,
    consoleUrl: undefined,
    timings: { startedAt: 0, finishedAt: 0, totalMs: 0 },
    awsCalls: 0,
    awsCallsByOperation: {},
    ...overrides,
  };
}
