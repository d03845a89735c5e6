/**
 * Deploy benchmark: runs dist/deploy/index.js as the runner does (test/e2e/harness.ts) against the
 * local fake AWS and fake GitHub, for a create, an update and a no-op of a ten-resource stack whose
 * resources take 20-60 simulated seconds each, and prints per scenario:
 *
 * - the AWS calls made, in total and by action (from the fake's call log);
 * - the overhead between the stack reaching its final status and the action exiting;
 * - DescribeStacks / DescribeStackEvents calls per 2 simulated seconds while the stack operation runs.
 *
 * Time: the fake's clock and the bundle's clock (PREVIEW_STACKS_TIME_SCALE) both run SCALE times
 * faster than real time from the same origin, so the bundle's polling and backoff behave as against
 * AWS, only compressed. Run with `npx vitest run --config bench/vitest.config.ts`; nothing here is
 * asserted about time, only that each run succeeded.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { pullRequestEvent } from "../test/e2e/events";
import { runAction } from "../test/e2e/harness";
import { type FakeAws, type RecordedCall, startFakeAws } from "../test/fakes/aws/index";
import { type FakeGitHub, startFakeGitHub } from "../test/fakes/github/index";
import { byAction, table } from "./table";

const SCALE = Number(process.env.BENCH_TIME_SCALE ?? 20);
const STACK = "shop-pr-12";
const HEAD = "1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d";

/** Simulated time per resource operation, in the range real CloudFormation takes for these types. */
const RESOURCE_DELAY_MS: Record<string, number> = {
  "AWS::DynamoDB::Table": 60_000,
  "AWS::Lambda::Function": 45_000,
  "AWS::IAM::Role": 40_000,
  "AWS::IAM::Policy": 40_000,
  "AWS::SQS::Queue": 30_000,
  "AWS::S3::Bucket": 25_000,
  "AWS::ApiGateway::RestApi": 25_000,
  "AWS::SNS::Topic": 20_000,
  "AWS::Logs::LogGroup": 20_000,
  "AWS::SSM::Parameter": 20_000,
  "*": 30_000,
};

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Description: The shop preview, ten resources
Parameters:
  Stage:
    Type: String
    Default: preview
Resources:
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions:
        - AttributeName: id
          AttributeType: S
      KeySchema:
        - AttributeName: id
          KeyType: HASH
  Queue:
    Type: AWS::SQS::Queue
  Topic:
    Type: AWS::SNS::Topic
  Bucket:
    Type: AWS::S3::Bucket
  Logs:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: 7
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
  Access:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: table-access
      Roles: [!Ref Role]
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: [dynamodb:GetItem, dynamodb:PutItem]
            Resource: !GetAtt Table.Arn
  Handler:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      MemorySize: 256
      Role: !GetAtt Role.Arn
      Code:
        ZipFile: "exports.handler = async () => ({ statusCode: 200 });"
      Environment:
        Variables:
          TABLE: !Ref Table
          QUEUE: !Ref Queue
          TOPIC: !Ref Topic
          BUCKET: !Ref Bucket
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: !Sub "shop-\${Stage}"
  HandlerArn:
    Type: AWS::SSM::Parameter
    Properties:
      Type: String
      Value: !GetAtt Handler.Arn
Outputs:
  ApiUrl:
    Value: !Sub "https://\${Api}.execute-api.\${AWS::Region}.amazonaws.com/prod"
`;

/** An ordinary push: the function gets more memory (a Modify that its parameter waits on), a queue is added. */
const TEMPLATE_V2 = TEMPLATE.replace("MemorySize: 256", "MemorySize: 512").replace(
  "  Topic:\n",
  "  DeadLetters:\n    Type: AWS::SQS::Queue\n  Topic:\n",
);

let aws: FakeAws;
let gh: FakeGitHub;
let workspace: string;
let origin = 0;
/** Real instant and simulated instant read together, to turn a simulated time into a real one. */
let anchor = { real: 0, sim: 0 };
let runs = 0;

beforeAll(async () => {
  origin = Date.now();
  aws = await startFakeAws({ startTime: origin, timeScale: SCALE, resourceDelayMs: RESOURCE_DELAY_MS });
  anchor = { real: Date.now(), sim: aws.clock.now() };
  gh = await startFakeGitHub({ repo: "acme/shop" });
  gh.state.addPullRequest({ number: 12, headSha: HEAD });
  workspace = mkdtempSync(join(tmpdir(), "preview-stacks-bench-deploy-"));
});

afterAll(async () => {
  await aws?.close();
  await gh?.close();
});

function realAt(sim: number): number {
  return anchor.real + (sim - anchor.sim) / SCALE;
}

interface Row {
  scenario: string;
  calls: RecordedCall[];
  /** Simulated span of the stack operation: ExecuteChangeSet to the stack's final status event. */
  operation?: { start: number; end: number; status: string };
  /** Real time at which the action process had exited. */
  exitedAt: number;
}

async function deploy(scenario: string, template: string): Promise<Row> {
  writeFileSync(join(workspace, "template.yaml"), template);
  const first = aws.calls.length;
  const run = await runAction({
    action: "deploy",
    workspace,
    event: pullRequestEvent({ number: 12, sha: HEAD }),
    awsEndpoint: aws.endpoint,
    githubApiUrl: gh.url,
    inputs: { template: "template.yaml", "github-token": gh.token, "url-output": "ApiUrl" },
    env: {
      AWS_S3_FORCE_PATH_STYLE: "true",
      PREVIEW_STACKS_TIME_SCALE: String(SCALE),
      PREVIEW_STACKS_TIME_ORIGIN: String(origin),
    },
    runId: String(5000 + runs++),
    timeoutMs: 120_000,
  });
  const exitedAt = Date.now();
  expect(run.exitCode, `${scenario}\n${run.stdout}\n${run.stderr}`).toBe(0);
  const calls = aws.calls.slice(first);
  const execute = calls.find((c) => c.action === "ExecuteChangeSet");
  const stack = [...aws.state.cloudformation.stacks.values()].find((s) => s.stackName === STACK);
  const final = stack?.events
    .filter((e) => e.logicalId === STACK && e.type === "AWS::CloudFormation::Stack")
    .filter((e) => !e.status.endsWith("_IN_PROGRESS"))
    .at(-1);
  const operation =
    execute && final && final.timestamp >= execute.time
      ? { start: execute.time, end: final.timestamp, status: final.status }
      : undefined;
  return { scenario, calls, operation, exitedAt };
}

/**
 * The overhead, in two parts that scale differently:
 * - detection (simulated ms): from the stack's final status event to the first DescribeStacks that
 *   could see it. It is set by the poll interval, which runs on the simulated clock, so against AWS it
 *   would be the same number of real ms;
 * - finish (real ms): from that DescribeStacks to the process exit: reading outputs, the PR comment,
 *   the deployment status, the summary, and the process shutting down. This work is not compressed.
 * Their sum is what a user would wait against AWS. `raw` is the compressed run's own figure (final
 * status event, converted to real time, to exit), for reference.
 */
function overhead(row: Row): { detectionMs: number; finishMs: number; rawMs: number } | undefined {
  if (!row.operation) return undefined;
  const end = row.operation.end;
  const seen = row.calls.find((c) => c.action === "DescribeStacks" && c.time >= end);
  if (!seen) return undefined;
  return {
    detectionMs: seen.time - end,
    finishMs: row.exitedAt - realAt(seen.time),
    rawMs: row.exitedAt - realAt(end),
  };
}

/** Calls per 2 simulated seconds while the stack operation ran. */
function pollRate(row: Row, action: string): number | undefined {
  if (!row.operation) return undefined;
  const { start, end } = row.operation;
  const n = row.calls.filter((c) => c.action === action && c.time >= start && c.time <= end).length;
  return n / ((end - start) / 2_000);
}

it("benchmarks create, update and no-op deploys against the fake AWS", async () => {
  const rows = [
    await deploy("create", TEMPLATE),
    await deploy("update", TEMPLATE_V2),
    await deploy("no-op", TEMPLATE_V2),
  ];
  const fmt = (n: number | undefined, digits = 0) => (n === undefined ? "-" : n.toFixed(digits));
  const main = rows.map((row) => {
    const o = overhead(row);
    return [
      row.scenario,
      String(row.calls.length),
      row.operation
        ? `${row.operation.status} in ${fmt((row.operation.end - row.operation.start) / 1000)} s`
        : "-",
      fmt(o?.detectionMs),
      fmt(o?.finishMs),
      o ? fmt(o.detectionMs + o.finishMs) : "-",
      fmt(o?.rawMs),
      fmt(pollRate(row, "DescribeStacks"), 2),
      fmt(pollRate(row, "DescribeStackEvents"), 2),
    ];
  });
  console.log(
    `\nDeploy benchmark: ${STACK}, 10 resources of 20-60 simulated s each, time scale ${SCALE}x\n\n${table(
      [
        "scenario",
        "AWS calls",
        "operation (simulated)",
        "detect ms (sim)",
        "finish ms (real)",
        "overhead ms",
        "raw ms",
        "DescribeStacks /2 s",
        "DescribeStackEvents /2 s",
      ],
      main,
    )}\n\n${table(
      ["scenario", "AWS calls by action"],
      rows.map((row) => [row.scenario, byAction(row.calls)]),
    )}\n\nTargets: no-op at most 4 AWS calls; overhead under 1000 ms; at most one DescribeStacks/DescribeStackEvents pair per 2 s.\n`,
  );
});
