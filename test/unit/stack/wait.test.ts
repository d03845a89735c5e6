import {
  CloudFormationClient,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  type StackStatus,
} from "@aws-sdk/client-cloudformation";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { StackEventPoller } from "../../../src/stack/events";
import { operationRoundMs, waitForStack } from "../../../src/stack/wait";
import { awsError, event, fakeTime, STACK_ID, T0 } from "./support";

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
