/**
 * The deploy bundle when the AWS endpoint goes away mid-wait: the fake stops listening (connections
 * are refused) while the stack is being created or the change set computed. Time is shared and
 * compressed (see preview-fixture.ts). AWS_MAX_ATTEMPTS keeps the SDK's own retries, whose pauses are real
 * time, to two attempts, so each refused call costs milliseconds and the waits' own backoff (on the
 * compressed clock) does the waiting.
 */
import { afterEach, describe, expect, it } from "vitest";
import { pullRequestEvent } from "./events";
import { HEAD, PreviewFixture } from "./preview-fixture";

const STACK = "shop-pr-12";

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: shop
Outputs:
  ApiUrl:
    Value: !Sub "https://\${Api}.execute-api.\${AWS::Region}.amazonaws.com/prod"
`;

let f: PreviewFixture;

async function start(options: { resourceDelayMs?: number; changeSetDelayMs?: number }): Promise<void> {
  f = await PreviewFixture.start({
    template: TEMPLATE,
    resourceDelayMs: options.resourceDelayMs,
    aws: { changeSetDelayMs: options.changeSetDelayMs },
    inputs: { "url-output": "ApiUrl" },
    env: { AWS_MAX_ATTEMPTS: "2" },
  });
}

afterEach(async () => {
  await f?.close();
});

function deploy(inputs: Record<string, string> = {}) {
  return f.deploy(inputs, { event: pullRequestEvent({ number: 12, sha: HEAD }) });
}

/** Polls (every few real milliseconds, while the bundle runs) until `ready` holds. */
async function until(ready: () => boolean): Promise<void> {
  for (let i = 0; i < 4_000 && !ready(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!ready()) throw new Error("the deploy never got that far");
}

const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * True once the bundle has made a call after `action`: it has had the answer to `action`, so going
 * offline now cannot drop that answer.
 */
const calledAfter = (action: string) => () => {
  const cfn = f.aws.callsOf("cloudformation");
  const at = cfn.findIndex((c) => c.action === action);
  return at >= 0 && at < cfn.length - 1;
};

describe("deploy action bundle when the AWS endpoint goes away", () => {
  it("fails saying the endpoint could not be reached, not that the deploy was too slow", async () => {
    await start({ resourceDelayMs: 10 * 60_000 });
    const running = deploy({ "timeout-minutes": "3" });
    await until(calledAfter("ExecuteChangeSet"));
    await f.aws.goOffline();

    const run = await running;

    expect(run.exitCode, run.stdout).toBe(1);
    const refused = `connection refused (ECONNREFUSED) by 127.0.0.1:${f.aws.port}`;
    expect(run.stdout).toMatch(
      new RegExp(
        `Cannot reach CloudFormation \\(DescribeStack(s|Events)\\): ${literally(refused)}; retrying with backoff\\.`,
      ),
    );
    const error = run.annotations.find((a) => a.level === "error")?.message ?? "";
    expect(error).toMatch(
      new RegExp(
        `^Could not reach the AWS endpoint while waiting for stack ${STACK}: ${literally(refused)}, since \\d\\d:\\d\\d:\\d\\d UTC, (\\d+m)?\\d+s before the wait's deadline passed\\. The stack's state is unknown( \\(last seen CREATE_IN_PROGRESS\\))?\\. Check the runner's network, AWS_ENDPOINT_URL`,
      ),
    );
    expect(run.stdout).not.toContain("Raise timeout-minutes");
    expect(f.gh.state.deployments[0].statuses.map((s) => s.state)).toEqual(["in_progress", "failure"]);
  });

  it("says the same when the endpoint goes away while the change set is computed", async () => {
    await start({ changeSetDelayMs: 10 * 60_000 });
    const running = deploy({ "timeout-minutes": "2" });
    await until(calledAfter("CreateChangeSet"));
    await f.aws.goOffline();

    const run = await running;

    expect(run.exitCode, run.stdout).toBe(1);
    const error = run.annotations.find((a) => a.level === "error")?.message ?? "";
    expect(error).toMatch(
      new RegExp(
        `^Could not reach the AWS endpoint while waiting for change set \\S+ of stack ${STACK}: connection refused \\(ECONNREFUSED\\) by 127\\.0\\.0\\.1:${f.aws.port}, since .* The stack's state is unknown \\(the change set was last seen CREATE_(PENDING|IN_PROGRESS)\\)\\.`,
      ),
    );
    expect(run.stdout).not.toContain("timeout-minutes (2) ran out");
  });

  it("rides out the endpoint going away for a minute, logging the cause, and deploys", async () => {
    await start({ resourceDelayMs: 90_000 });
    const running = deploy();
    await until(calledAfter("ExecuteChangeSet"));
    await f.aws.goOffline();
    const offlineAt = f.aws.clock.now();
    await until(() => f.aws.clock.now() >= offlineAt + 60_000);
    await f.aws.goOnline();

    const run = await running;

    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.status).toBe("CREATE_COMPLETE");
    const refused = `connection refused (ECONNREFUSED) by 127.0.0.1:${f.aws.port}`;
    expect(run.stdout).toMatch(
      new RegExp(
        `Cannot reach CloudFormation \\(DescribeStack(s|Events)\\): ${literally(refused)}; retrying with backoff\\.`,
      ),
    );
    // Exact heartbeat timing is the unit tests' business; under load the compressed clock runs late.
    expect(run.stdout).toMatch(
      new RegExp(`Still cannot reach CloudFormation: ${literally(refused)}; retrying, \\d+s so far\\.`),
    );
    // Counted from the action's first failed call, which may come a little after the endpoint went away.
    expect(run.stdout).toMatch(/CloudFormation answered again after (1m)?\d+s\./);
  });
});
