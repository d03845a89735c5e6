import {
  CloudFormationClient,
  type CloudFormationClientConfig,
  DescribeChangeSetCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  type StackStatus,
} from "@aws-sdk/client-cloudformation";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { AwsActionableError } from "../../../src/aws/errors";
import { waitForChangeSet } from "../../../src/stack/changeset";
import { StackEventPoller } from "../../../src/stack/events";
import { preflight } from "../../../src/stack/preflight";
import type { CfnClient } from "../../../src/stack/runtime";
import { operationRoundMs, unreachableMessage, waitForStack } from "../../../src/stack/wait";
import { awsError, CHANGE_SET_ID, event, fakeTime, networkError, STACK_ID, T0 } from "./support";

const cfnMock = mockClient(CloudFormationClient);
const cfn = new CloudFormationClient({ region: "eu-west-1" });

beforeEach(() => cfnMock.reset());

const described = (status: string) => ({
  Stacks: [
    {
      StackName: "app-pr-7",
      StackId: STACK_ID,
      StackStatus: status as StackStatus,
      CreationTime: new Date(T0),
    },
  ],
});

/** A stack that is UPDATE_IN_PROGRESS until `endSeconds` after T0, then UPDATE_COMPLETE, judged by the fake clock. */
function operation(time: ReturnType<typeof fakeTime>, endSeconds: number) {
  const done = () => time.clock() >= T0 + endSeconds * 1000;
  cfnMock
    .on(DescribeStacksCommand)
    .callsFake(() => described(done() ? "UPDATE_COMPLETE" : "UPDATE_IN_PROGRESS"));
  cfnMock.on(DescribeStackEventsCommand).callsFake(() => ({
    StackEvents: done()
      ? [
          event("end", endSeconds, "app-pr-7", "UPDATE_COMPLETE"),
          event("start", 0, "app-pr-7", "UPDATE_IN_PROGRESS"),
        ]
      : [event("start", 0, "app-pr-7", "UPDATE_IN_PROGRESS")],
  }));
}

function run(time: ReturnType<typeof fakeTime>, lines: string[] = [], deadline = T0 + 3_600_000) {
  const poller = new StackEventPoller(cfn, { stack: STACK_ID, startTime: T0 });
  return waitForStack(
    cfn,
    { stack: STACK_ID, deadline, poller },
    { clock: time.clock, sleep: time.sleep, log: (line) => lines.push(line), random: () => 0.5 },
  );
}

describe("waitForStack", () => {
  it("polls quickly for a few rounds once every resource has settled, as the stack's end is then near", async () => {
    const time = fakeTime();
    // The bucket settles at 10 s; CloudFormation writes the stack's own final event at 12 s.
    const at = (seconds: number) => time.clock() >= T0 + seconds * 1000;
    cfnMock
      .on(DescribeStacksCommand)
      .callsFake(() => described(at(12) ? "UPDATE_COMPLETE" : "UPDATE_IN_PROGRESS"));
    cfnMock.on(DescribeStackEventsCommand).callsFake(() => ({
      StackEvents: [
        ...(at(12) ? [event("end", 12, "app-pr-7", "UPDATE_COMPLETE")] : []),
        ...(at(10) ? [event("b2", 10, "Bucket", "UPDATE_COMPLETE")] : []),
        event("b1", 1, "Bucket", "UPDATE_IN_PROGRESS"),
        event("start", 0, "app-pr-7", "UPDATE_IN_PROGRESS"),
      ],
    }));

    const result = await run(time);

    expect(result.status).toBe("UPDATE_COMPLETE");
    // Rounds of 1 s (random 0.5 gives the base pause) until the events show the bucket settled,
    // then eight quarter-second rounds: the end at 12 s is seen on the round at 12 s.
    expect(time.sleeps.slice(0, 10)).toEqual([1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000]);
    expect(time.sleeps.slice(10)).toEqual([250, 250, 250, 250, 250, 250, 250, 250]);
    expect(time.clock()).toBe(T0 + 12_000);
  });

  it("reads events and the stack in alternate rounds: one pair per 2 s over the first five minutes", async () => {
    const time = fakeTime();
    operation(time, 300);

    const result = await run(time);

    expect(result).toMatchObject({ status: "UPDATE_COMPLETE", timedOut: false });
    const pairs = (time.clock() - T0) / 2_000;
    expect(cfnMock.commandCalls(DescribeStacksCommand).length).toBeLessThanOrEqual(pairs + 1);
    expect(cfnMock.commandCalls(DescribeStackEventsCommand).length).toBeLessThanOrEqual(pairs + 1);
    // Seen within one round (1 s) of the end.
    expect(time.clock() - (T0 + 300_000)).toBeLessThanOrEqual(1_000);
  });

  it("slows to one pair per 6 s over a 60-minute operation, and still sees the end within one round", async () => {
    const time = fakeTime();
    operation(time, 3_600);

    const result = await run(time, [], T0 + 7_200_000);

    expect(result).toMatchObject({ status: "UPDATE_COMPLETE", timedOut: false });
    // The first five minutes as before: 1 s rounds at 0 s, 1 s, ... 300 s.
    expect(time.sleeps.slice(0, 301)).toEqual(Array(301).fill(1_000));
    expect(time.sleeps[301]).toBeGreaterThan(1_000);
    // From 15 minutes on, 3 s rounds; never longer.
    expect(time.sleeps.slice(-900)).toEqual(Array(900).fill(3_000));
    expect(Math.max(...time.sleeps)).toBe(3_000);
    // 301 rounds in the first five minutes, 300 s × ln 3 ≈ 330 while the round grows from 1 s to
    // 3 s over the next ten, and 2,700 s / 3 s = 900 after: about 1,530 calls, 765 of each,
    // where one pair per 2 s would have made 1,800 of each.
    expect(cfnMock.commandCalls(DescribeStacksCommand).length).toBeGreaterThanOrEqual(760);
    expect(cfnMock.commandCalls(DescribeStacksCommand).length).toBeLessThanOrEqual(770);
    expect(cfnMock.commandCalls(DescribeStackEventsCommand).length).toBeGreaterThanOrEqual(760);
    expect(cfnMock.commandCalls(DescribeStackEventsCommand).length).toBeLessThanOrEqual(770);
    // Seen within one round (3 s) of the end.
    expect(time.clock() - (T0 + 3_600_000)).toBeLessThanOrEqual(3_000);
  });

  it("keeps the quick rounds when every resource settles late in a long operation", async () => {
    const time = fakeTime();
    // The bucket settles at 40 min; the stack's own final event follows 10 s later.
    const at = (seconds: number) => time.clock() >= T0 + seconds * 1000;
    cfnMock
      .on(DescribeStacksCommand)
      .callsFake(() => described(at(2_410) ? "UPDATE_COMPLETE" : "UPDATE_IN_PROGRESS"));
    cfnMock.on(DescribeStackEventsCommand).callsFake(() => ({
      StackEvents: [
        ...(at(2_410) ? [event("end", 2_410, "app-pr-7", "UPDATE_COMPLETE")] : []),
        ...(at(2_400) ? [event("b2", 2_400, "Bucket", "UPDATE_COMPLETE")] : []),
        event("b1", 1, "Bucket", "UPDATE_IN_PROGRESS"),
        event("start", 0, "app-pr-7", "UPDATE_IN_PROGRESS"),
      ],
    }));

    const result = await run(time);

    expect(result.status).toBe("UPDATE_COMPLETE");
    // Once a round sees the bucket settled: eight quarter-second rounds, a quarter of the usual
    // 1 s round (not of the long 3 s one), then 3 s rounds again until the end.
    const settled = time.sleeps.indexOf(250);
    expect(time.sleeps.slice(settled - 1, settled + 9)).toEqual([
      3000, 250, 250, 250, 250, 250, 250, 250, 250, 3000,
    ]);
    expect(time.sleeps.filter((ms) => ms < 1_000)).toHaveLength(8);
    expect(time.clock() - (T0 + 2_410_000)).toBeLessThanOrEqual(3_000);
  });

  it("ends on the stack's final event, reading the stack once for its status and outputs", async () => {
    const time = fakeTime();
    cfnMock.on(DescribeStacksCommand).resolves(described("UPDATE_COMPLETE"));
    cfnMock.on(DescribeStackEventsCommand).resolves({
      StackEvents: [
        event("end", 0, "app-pr-7", "UPDATE_COMPLETE"),
        event("b", 0, "Bucket", "UPDATE_COMPLETE"),
      ],
    });
    const lines: string[] = [];

    const result = await run(time, lines);

    expect(result.status).toBe("UPDATE_COMPLETE");
    expect(result.stack?.StackId).toBe(STACK_ID);
    expect(result.events.map((e) => e.eventId)).toEqual(["b", "end"]);
    expect(cfnMock.calls().map((c) => c.args[0].constructor.name)).toEqual([
      "DescribeStackEventsCommand",
      "DescribeStacksCommand",
    ]);
    expect(time.sleeps).toEqual([]);
  });

  it("streams the last events when the stack read sees the end first", async () => {
    const time = fakeTime();
    cfnMock.on(DescribeStacksCommand).resolves(described("UPDATE_ROLLBACK_COMPLETE"));
    cfnMock
      .on(DescribeStackEventsCommand)
      .resolvesOnce({ StackEvents: [] })
      .resolves({
        StackEvents: [event("f", 1, "Bucket", "UPDATE_FAILED", { ResourceStatusReason: "denied" })],
      });

    const result = await run(time);

    expect(result.status).toBe("UPDATE_ROLLBACK_COMPLETE");
    expect(result.events.map((e) => `${e.logicalId} ${e.status}`)).toEqual(["Bucket UPDATE_FAILED"]);
    expect(cfnMock.commandCalls(DescribeStackEventsCommand)).toHaveLength(2);
  });

  it("backs off while AWS throttles, and returns to one-second rounds when it answers", async () => {
    const time = fakeTime();
    const throttled = () => awsError("Throttling", "Rate exceeded");
    cfnMock
      .on(DescribeStackEventsCommand)
      .rejectsOnce(throttled())
      .rejectsOnce(throttled())
      .resolves({ StackEvents: [] });
    cfnMock
      .on(DescribeStacksCommand)
      .rejectsOnce(throttled())
      .resolvesOnce(described("UPDATE_IN_PROGRESS"))
      .resolves(described("UPDATE_COMPLETE"));

    const result = await run(time);

    expect(result.status).toBe("UPDATE_COMPLETE");
    // Events throttled, stack throttled, events throttled: 1.5 s, 2.25 s, 3.375 s; then answers.
    expect(time.sleeps).toEqual([1500, 2250, 3375, 1000, 1000]);
  });
});

describe("waitForStack at the deadline", () => {
  it("reads the stack once more when the last round read only events, to report its status", async () => {
    const time = fakeTime();
    cfnMock.on(DescribeStackEventsCommand).resolves({ StackEvents: [] });
    cfnMock.on(DescribeStacksCommand).resolves(described("CREATE_IN_PROGRESS"));
    const poller = new StackEventPoller(cfn, { stack: STACK_ID, startTime: T0 });

    const result = await waitForStack(
      cfn,
      { stack: STACK_ID, deadline: T0, poller },
      { clock: time.clock, sleep: time.sleep, log: () => {}, random: () => 0.5 },
    );

    expect(result).toMatchObject({ status: "CREATE_IN_PROGRESS", timedOut: true });
    expect(cfnMock.commandCalls(DescribeStacksCommand)).toHaveLength(1);
  });
});

describe("operationRoundMs", () => {
  it("keeps the usual round for five minutes, then grows it over ten minutes to 3 s", () => {
    expect(operationRoundMs(0, 1_000)).toBe(1_000);
    expect(operationRoundMs(300_000, 1_000)).toBe(1_000);
    expect(operationRoundMs(600_000, 1_000)).toBe(2_000);
    expect(operationRoundMs(900_000, 1_000)).toBe(3_000);
    expect(operationRoundMs(3_600_000, 1_000)).toBe(3_000);
  });

  it("never shortens a usual round that is already longer than 3 s", () => {
    expect(operationRoundMs(0, 5_000)).toBe(5_000);
    expect(operationRoundMs(3_600_000, 5_000)).toBe(5_000);
  });
});

/** Log lines with the fake clock's seconds since T0 in front: "40s Still cannot reach ...". */
function timedLog(time: ReturnType<typeof fakeTime>): { lines: string[]; log: (line: string) => void } {
  const lines: string[] = [];
  return { lines, log: (line) => lines.push(`${(time.clock() - T0) / 1000}s ${line}`) };
}

/** Events and stack reads fail with `fail()` while `down(seconds since T0)` holds; the update ends at `endSeconds`. */
function outage(
  time: ReturnType<typeof fakeTime>,
  down: (seconds: number) => boolean,
  fail: () => Error,
  endSeconds = 150,
) {
  const seconds = () => (time.clock() - T0) / 1000;
  const done = () => seconds() >= endSeconds;
  cfnMock.on(DescribeStacksCommand).callsFake(() => {
    if (down(seconds())) throw fail();
    return described(done() ? "UPDATE_COMPLETE" : "UPDATE_IN_PROGRESS");
  });
  cfnMock.on(DescribeStackEventsCommand).callsFake(() => {
    if (down(seconds())) throw fail();
    return {
      StackEvents: [
        ...(done() ? [event("end", endSeconds, "app-pr-7", "UPDATE_COMPLETE")] : []),
        event("start", 0, "app-pr-7", "UPDATE_IN_PROGRESS"),
      ],
    };
  });
}

function waitWithLog(time: ReturnType<typeof fakeTime>, log: (line: string) => void, deadline: number) {
  const poller = new StackEventPoller(cfn, { stack: STACK_ID, startTime: T0 });
  return waitForStack(
    cfn,
    { stack: STACK_ID, deadline, poller },
    { clock: time.clock, sleep: time.sleep, log, random: () => 0.5 },
  );
}

/** The seconds (since T0) at which trouble lines were written: everything but event lines. */
function troubleTimes(lines: string[]): number[] {
  return lines.filter((l) => !/^\d+(\.\d+)?s \d\d:\d\d:\d\d {2}/.test(l)).map((l) => Number.parseFloat(l));
}

describe("waitForStack when AWS cannot be reached", () => {
  const refused = () => networkError("ECONNREFUSED");

  it("logs the cause when the spell starts, a heartbeat every 30 s while it lasts, and the recovery", async () => {
    const time = fakeTime();
    outage(time, (s) => s >= 10 && s < 110, refused);
    const { lines, log } = timedLog(time);

    const result = await waitWithLog(time, log, T0 + 3_600_000);

    expect(result).toMatchObject({ status: "UPDATE_COMPLETE", timedOut: false });
    expect(result.unreachable).toBeUndefined();
    expect(lines.filter((l) => !l.includes("  app-pr-7  "))).toEqual([
      "10s Cannot reach CloudFormation (DescribeStackEvents): connection refused (ECONNREFUSED) by 127.0.0.1:4566; retrying with backoff.",
      "40s Still cannot reach CloudFormation: connection refused (ECONNREFUSED) by 127.0.0.1:4566; retrying, 30s so far.",
      "70s Still cannot reach CloudFormation: connection refused (ECONNREFUSED) by 127.0.0.1:4566; retrying, 1m0s so far.",
      "100s Still cannot reach CloudFormation: connection refused (ECONNREFUSED) by 127.0.0.1:4566; retrying, 1m30s so far.",
      "110s CloudFormation answered again after 1m40s.",
    ]);
    // The usual backoff while it lasts (1.5 s growing to 10 s), each pause cut short where a heartbeat is due.
    const during = time.sleeps.slice(10, 21);
    expect(during).toEqual([1500, 2250, 3375, 5063, 7594, 10_000, 218, 10_000, 10_000, 10_000, 10_000]);
    // Back to one-second rounds once it answers.
    expect(time.sleeps.slice(-3)).toEqual([1000, 1000, 1000]);
  });

  it("reports the endpoint unreachable, with its cause and since when, when the deadline passes", async () => {
    const time = fakeTime();
    outage(time, (s) => s >= 10, refused);
    const { lines, log } = timedLog(time);

    const result = await waitWithLog(time, log, T0 + 120_000);

    expect(result).toMatchObject({ status: "UPDATE_IN_PROGRESS", timedOut: true });
    expect(result.unreachable).toEqual({
      cause: "connection refused (ECONNREFUSED) by 127.0.0.1:4566",
      code: "ECONNREFUSED",
      sinceMs: T0 + 10_000,
    });
    expect(troubleTimes(lines)).toEqual([10, 40, 70, 100]);
    expect(time.clock()).toBe(T0 + 120_000);
  });

  it("keeps waiting through DNS and TLS failures, naming the latest cause", async () => {
    const time = fakeTime();
    const dns = () => networkError("ENOTFOUND", { hostname: "cloudformation.eu-west-1.amazonaws.com" });
    const tls = () =>
      Object.assign(new Error("unable to verify the first certificate"), {
        code: "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
        $metadata: { attempts: 1, totalRetryDelay: 0 },
      });
    let seconds = 0;
    outage(
      time,
      (s) => {
        seconds = s;
        return s >= 5 && s < 40;
      },
      () => (seconds < 20 ? dns() : tls()),
    );
    const { lines, log } = timedLog(time);

    const result = await waitWithLog(time, log, T0 + 3_600_000);

    expect(result.status).toBe("UPDATE_COMPLETE");
    expect(lines.filter((l) => !l.includes("  app-pr-7  "))).toEqual([
      "5s Cannot reach CloudFormation (DescribeStacks): DNS lookup failed (ENOTFOUND) for cloudformation.eu-west-1.amazonaws.com; retrying with backoff.",
      "35s Still cannot reach CloudFormation: TLS handshake failed (UNABLE_TO_VERIFY_LEAF_SIGNATURE: unable to verify the first certificate); retrying, 30s so far.",
      "45s CloudFormation answered again after 40s.",
    ]);
  });

  it("writes a heartbeat every 30 s while AWS keeps throttling, where it used to log once", async () => {
    const time = fakeTime();
    outage(
      time,
      (s) => s >= 10 && s < 100,
      () => awsError("Throttling", "Rate exceeded"),
    );
    const { lines, log } = timedLog(time);

    const result = await waitWithLog(time, log, T0 + 3_600_000);

    expect(result.status).toBe("UPDATE_COMPLETE");
    expect(lines.filter((l) => !l.includes("  app-pr-7  "))).toEqual([
      "10s AWS answered DescribeStackEvents with Throttling; retrying with backoff.",
      "11.5s AWS answered DescribeStacks with Throttling; retrying with backoff.",
      "41.5s Still retrying: AWS keeps answering DescribeStackEvents with Throttling, DescribeStacks with Throttling; 32s so far.",
      "71.5s Still retrying: AWS keeps answering DescribeStackEvents with Throttling, DescribeStacks with Throttling; 1m2s so far.",
      // Written as the round at 101.5 s begins, before its call is answered.
      "101.5s Still retrying: AWS keeps answering DescribeStackEvents with Throttling, DescribeStacks with Throttling; 1m32s so far.",
    ]);
    const gaps = troubleTimes(lines).map((t, i, all) => (i === 0 ? 0 : t - all[i - 1]));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(30);
  });

  it("writes heartbeats while one call spends minutes in the SDK's own retries", async () => {
    const time = fakeTime();
    const ticker = manualTicker();
    // Every attempt is answered with Throttling after 12 s (standing in for the SDK's backoff) until 90 s.
    const cfnViaSdk = sdkClient(async () => {
      ticker.pass(time, 12_000);
      return time.clock() >= T0 + 90_000 ? completeResponse() : throttledResponse();
    });
    const { lines, log } = timedLog(time);

    const result = await waitForStack(
      cfnViaSdk,
      { stack: STACK_ID, deadline: T0 + 3_600_000 },
      { clock: time.clock, sleep: time.sleep, log, random: () => 0.5, ticker: ticker.ticker },
    );

    expect(result.status).toBe("UPDATE_COMPLETE");
    // One call: the loop itself never got to sleep.
    expect(time.sleeps).toEqual([]);
    expect(lines).toEqual([
      "12s AWS answered DescribeStacks with Throttling; retrying with backoff.",
      "42s Still retrying: AWS keeps answering DescribeStacks with Throttling; 30s so far.",
      "72s Still retrying: AWS keeps answering DescribeStacks with Throttling; 1m0s so far.",
    ]);
    expect(ticker.running()).toBe(0);
  });

  it("writes heartbeats while a connection hangs, then names the timeout", async () => {
    const time = fakeTime();
    const ticker = manualTicker();
    let attempts = 0;
    const cfnViaSdk = sdkClient(async () => {
      if (++attempts === 1) {
        ticker.pass(time, 75_000);
        throw networkError("ETIMEDOUT");
      }
      ticker.pass(time, 1_000);
      return completeResponse();
    });
    const { lines, log } = timedLog(time);

    const result = await waitForStack(
      cfnViaSdk,
      { stack: STACK_ID, deadline: T0 + 3_600_000 },
      { clock: time.clock, sleep: time.sleep, log, random: () => 0.5, ticker: ticker.ticker },
    );

    expect(result.status).toBe("UPDATE_COMPLETE");
    expect(lines).toEqual([
      "30s Still waiting for CloudFormation to answer DescribeStacks; 30s so far.",
      "60s Still waiting for CloudFormation to answer DescribeStacks; 1m0s so far.",
      "75s Cannot reach CloudFormation (DescribeStacks): no answer in time (ETIMEDOUT) from 127.0.0.1:4566; retrying with backoff.",
      "76s CloudFormation answered again after 1s.",
    ]);
  });
});

/** A ticker the test drives: `pass` moves the fake clock a second at a time, ticking after each. */
function manualTicker() {
  const ticks = new Set<() => void>();
  return {
    ticker: (_ms: number, tick: () => void) => {
      ticks.add(tick);
      return () => ticks.delete(tick);
    },
    pass(time: ReturnType<typeof fakeTime>, ms: number) {
      for (let passed = 0; passed < ms; passed += 1_000) {
        time.advance(1_000);
        for (const tick of ticks) tick();
      }
    },
    running: () => ticks.size,
  };
}

const XMLNS = "http://cloudformation.amazonaws.com/doc/2010-05-15/";
const xmlResponse = (statusCode: number, body: string) => ({
  response: { statusCode, headers: { "content-type": "text/xml" }, body: new TextEncoder().encode(body) },
});
const throttledResponse = () =>
  xmlResponse(
    400,
    `<ErrorResponse xmlns="${XMLNS}"><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>r</RequestId></ErrorResponse>`,
  );
const completeResponse = () =>
  xmlResponse(
    200,
    `<DescribeStacksResponse xmlns="${XMLNS}"><DescribeStacksResult><Stacks><member><StackName>app-pr-7</StackName><StackId>${STACK_ID}</StackId><StackStatus>UPDATE_COMPLETE</StackStatus><CreationTime>2024-05-01T10:00:00Z</CreationTime></member></Stacks></DescribeStacksResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DescribeStacksResponse>`,
  );

/**
 * A real client, so the SDK's retry middleware runs, answered by `handle` instead of the network and
 * retrying without real pauses (the handler moves the fake clock instead).
 */
function sdkClient(handle: () => Promise<unknown>): CfnClient {
  const real = new CloudFormationClient({
    region: "eu-west-1",
    credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "test" },
    requestHandler: { handle },
    retryStrategy: {
      mode: "standard",
      acquireInitialRetryToken: async () => ({ getRetryCount: () => 0, getRetryDelay: () => 0 }),
      refreshRetryTokenForRetry: async (token: { getRetryCount(): number }) => {
        const count = token.getRetryCount() + 1;
        return { getRetryCount: () => count, getRetryDelay: () => 0 };
      },
      recordSuccess: () => {},
    },
  } as CloudFormationClientConfig);
  // This file mocks CloudFormationClient.prototype.send; the SDK's own send sits one prototype up.
  const sdkSend = Object.getPrototypeOf(CloudFormationClient.prototype).send;
  return { send: (command: unknown) => sdkSend.call(real, command) } as CfnClient;
}

describe("waitForChangeSet when AWS cannot be reached", () => {
  it("logs the cause and heartbeats, and says the endpoint was unreachable at the deadline", async () => {
    const time = fakeTime();
    cfnMock
      .on(DescribeChangeSetCommand)
      .resolvesOnce({ Status: "CREATE_IN_PROGRESS" })
      .rejects(networkError("ECONNREFUSED"));
    const { lines, log } = timedLog(time);

    const state = await waitForChangeSet(cfn, { id: CHANGE_SET_ID, stackName: "app-pr-7" }, T0 + 100_000, {
      clock: time.clock,
      sleep: time.sleep,
      log,
      random: () => 0.5,
    });

    expect(state).toEqual({
      state: "timed-out",
      status: "CREATE_IN_PROGRESS",
      unreachable: {
        cause: "connection refused (ECONNREFUSED) by 127.0.0.1:4566",
        code: "ECONNREFUSED",
        sinceMs: T0 + 500,
      },
    });
    expect(lines).toEqual([
      "0.5s Cannot reach CloudFormation (DescribeChangeSet): connection refused (ECONNREFUSED) by 127.0.0.1:4566; retrying with backoff.",
      "30.5s Still cannot reach CloudFormation: connection refused (ECONNREFUSED) by 127.0.0.1:4566; retrying, 30s so far.",
      "60.5s Still cannot reach CloudFormation: connection refused (ECONNREFUSED) by 127.0.0.1:4566; retrying, 1m0s so far.",
      "90.5s Still cannot reach CloudFormation: connection refused (ECONNREFUSED) by 127.0.0.1:4566; retrying, 1m30s so far.",
    ]);
  });
});

describe("preflight when AWS cannot be reached", () => {
  it("says the endpoint was unreachable, not that the other operation took too long", async () => {
    const time = fakeTime();
    cfnMock
      .on(DescribeStacksCommand)
      .resolvesOnce(described("UPDATE_IN_PROGRESS"))
      .rejects(networkError("ECONNREFUSED"));
    cfnMock.on(DescribeStackEventsCommand).rejects(networkError("ECONNREFUSED"));
    const lines: string[] = [];

    const error = await preflight(
      cfn,
      {
        stackName: "app-pr-7",
        preview: true,
        recreateFailed: false,
        continueRollback: false,
        deadline: T0 + 60_000,
      },
      { clock: time.clock, sleep: time.sleep, log: (line) => lines.push(line), random: () => 0.5 },
    ).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AwsActionableError);
    expect((error as AwsActionableError).kind).toBe("unreachable");
    expect((error as AwsActionableError).message).toBe(
      "Could not reach the AWS endpoint while waiting for another operation to finish on stack app-pr-7: connection refused (ECONNREFUSED) by 127.0.0.1:4566, since 10:00:00 UTC, 1m0s before the wait's deadline passed. The stack's state is unknown (last seen UPDATE_IN_PROGRESS). Check the runner's network, AWS_ENDPOINT_URL and any VPC endpoint or proxy, look at the stack in the CloudFormation console, then run again.",
    );
    expect(lines).toContain(
      "Cannot reach CloudFormation (DescribeStackEvents): connection refused (ECONNREFUSED) by 127.0.0.1:4566; retrying with backoff.",
    );
  });
});

describe("unreachableMessage", () => {
  it("says what could not be reached since when, that the state is unknown, and what to do", () => {
    const message = unreachableMessage(
      "stack app-pr-7",
      {
        cause: "connection refused (ECONNREFUSED) by 127.0.0.1:4566",
        code: "ECONNREFUSED",
        sinceMs: T0 + 65_000,
      },
      { status: "UPDATE_IN_PROGRESS" },
      T0 + 195_000,
    );
    expect(message).toBe(
      "Could not reach the AWS endpoint while waiting for stack app-pr-7: connection refused (ECONNREFUSED) by 127.0.0.1:4566, since 10:01:05 UTC, 2m10s before the wait's deadline passed. The stack's state is unknown (last seen UPDATE_IN_PROGRESS). Check the runner's network, AWS_ENDPOINT_URL and any VPC endpoint or proxy, look at the stack in the CloudFormation console, then run again.",
    );
    expect(message).not.toMatch(/timeout-minutes/);
  });
});
