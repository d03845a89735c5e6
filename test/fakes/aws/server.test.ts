import {
  CloudFormationClient,
  CreateStackCommand,
  DescribeStacksCommand,
} from "@aws-sdk/client-cloudformation";
import { afterEach, describe, expect, it } from "vitest";
import { networkCause } from "../../../src/aws/errors";
import { type FakeAws, startFakeAws } from "./index";

const START = Date.parse("2026-03-01T12:00:00.000Z");
const TEMPLATE = JSON.stringify({ Resources: { Bucket: { Type: "AWS::S3::Bucket" } } });

let aws: FakeAws;
let cfn: CloudFormationClient;

async function start() {
  aws = await startFakeAws({ startTime: START, resourceDelayMs: 60_000 });
  cfn = new CloudFormationClient({ ...aws.clientConfig(), maxAttempts: 1 });
}

afterEach(async () => {
  cfn?.destroy();
  await aws?.close();
});

const status = async (name: string) =>
  (await cfn.send(new DescribeStacksCommand({ StackName: name }))).Stacks?.[0]?.StackStatus;

/** Waits (in real time, briefly) until `ready` holds. */
async function until(ready: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !ready(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!ready()) throw new Error("condition not reached");
}

describe("fake AWS outage: goOffline / goOnline", () => {
  it("refuses connections while offline, then serves the same state on the same port", async () => {
    await start();
    await cfn.send(new CreateStackCommand({ StackName: "app", TemplateBody: TEMPLATE }));
    expect(await status("app")).toBe("CREATE_IN_PROGRESS");

    await aws.goOffline();
    expect(aws.online).toBe(false);
    const error = await status("app").catch((e: unknown) => e);
    expect(networkCause(error)).toEqual({
      kind: "refused",
      code: "ECONNREFUSED",
      text: `connection refused (ECONNREFUSED) by 127.0.0.1:${aws.port}`,
    });
    // The stack carries on meanwhile, as it would in AWS.
    aws.clock.advance(120_000);

    await aws.goOnline();
    expect(aws.online).toBe(true);
    expect(await status("app")).toBe("CREATE_COMPLETE");
    expect(aws.endpoint).toBe(`http://127.0.0.1:${aws.port}`);
  });

  it("drops a request in flight when it goes offline", async () => {
    await start();
    aws.inject.latency({ action: "DescribeStacks" }, 100);
    const pending = status("app").catch((e: unknown) => e);
    await until(() => aws.callsOf("cloudformation", "DescribeStacks").length === 1);

    await aws.goOffline();

    expect(networkCause(await pending)?.kind).toBe("reset");
  });

  it("can be closed while offline, and going offline or online twice is harmless", async () => {
    await start();
    await aws.goOffline();
    await aws.goOffline();
    await aws.goOnline();
    await aws.goOnline();
    expect(await status("app").catch((e: unknown) => (e as Error).message)).toMatch(/does not exist/);
    await aws.goOffline();
    await aws.close();
  });
});
