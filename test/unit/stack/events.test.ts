import {
  CloudFormationClient,
  DescribeStackEventsCommand,
  type ResourceStatus,
  type StackEvent,
} from "@aws-sdk/client-cloudformation";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { diagnose, findRootCause } from "../../../src/stack/diagnose";
import { formatEvent, StackEventPoller } from "../../../src/stack/events";
import { pollDelay } from "../../../src/stack/wait";
import { event, STACK_ID, T0 } from "./support";

const cfnMock = mockClient(CloudFormationClient);
const cfn = new CloudFormationClient({ region: "eu-west-1" });
const NESTED_ID = "arn:aws:cloudformation:eu-west-1:123456789012:stack/app-pr-7-Api-XYZ/abcd";

function nestedEvent(
  id: string,
  seconds: number,
  logicalId: string,
  status: string,
  reason?: string,
): StackEvent {
  const own = logicalId === "app-pr-7-Api-XYZ";
  return {
    EventId: id,
    StackId: NESTED_ID,
    StackName: "app-pr-7-Api-XYZ",
    Timestamp: new Date(T0 + seconds * 1000),
    LogicalResourceId: logicalId,
    PhysicalResourceId: own ? NESTED_ID : "fn-physical",
    ResourceType: own ? "AWS::CloudFormation::Stack" : "AWS::Lambda::Function",
    ResourceStatus: status as ResourceStatus,
    ResourceStatusReason: reason,
  };
}

const apiEvent = (id: string, seconds: number, status: string, reason?: string) =>
  event(id, seconds, "Api", status, {
    ResourceType: "AWS::CloudFormation::Stack",
    PhysicalResourceId: NESTED_ID,
    ResourceStatusReason: reason,
  });

beforeEach(() => cfnMock.reset());

describe("StackEventPoller", () => {
  it("with a ClientRequestToken, leaves out what other operations did at the same time, and keeps unstamped events", async () => {
    cfnMock.on(DescribeStackEventsCommand).resolves({
      StackEvents: [
        event("e4", 3, "Queue", "DELETE_COMPLETE", { ClientRequestToken: "run-2" }),
        event("e3", 3, "Bucket", "DELETE_COMPLETE"),
        event("e2", 3, "Queue", "DELETE_FAILED", { ClientRequestToken: "run-1" }),
        event("e1", 3, "app-pr-7", "DELETE_IN_PROGRESS", { ClientRequestToken: "run-2" }),
      ],
    });
    const poller = new StackEventPoller(cfn, { stack: STACK_ID, startTime: T0, clientRequestToken: "run-2" });
    expect((await poller.poll()).map((e) => e.eventId)).toEqual(["e1", "e3", "e4"]);
  });

  it("pages newest-first only back to the last event seen, and returns events oldest first", async () => {
    cfnMock
      .on(DescribeStackEventsCommand, { StackName: STACK_ID, NextToken: undefined })
      .resolvesOnce({
        StackEvents: [
          event("e2", 2, "Bucket", "CREATE_IN_PROGRESS"),
          event("e1", 1, "Queue", "CREATE_IN_PROGRESS"),
        ],
      })
      .resolves({
        StackEvents: [
          event("e5", 5, "Bucket", "CREATE_COMPLETE"),
          event("e4", 4, "Queue", "CREATE_COMPLETE"),
        ],
        NextToken: "p2",
      });
    cfnMock.on(DescribeStackEventsCommand, { StackName: STACK_ID, NextToken: "p2" }).resolves({
      StackEvents: [
        event("e3", 3, "Topic", "CREATE_IN_PROGRESS"),
        event("e2", 2, "Bucket", "CREATE_IN_PROGRESS"),
      ],
      NextToken: "p3",
    });
    const poller = new StackEventPoller(cfn, { stack: STACK_ID, startTime: T0 });

    expect((await poller.poll()).map((e) => e.eventId)).toEqual(["e1", "e2"]);
    expect((await poller.poll()).map((e) => e.eventId)).toEqual(["e3", "e4", "e5"]);
    // Page p3 is never read: e2 on page two was already seen.
    expect(cfnMock.commandCalls(DescribeStackEventsCommand)).toHaveLength(3);
  });

  it("ignores events from before the operation started", async () => {
    cfnMock.on(DescribeStackEventsCommand).resolves({
      StackEvents: [
        event("new", 1, "Bucket", "UPDATE_IN_PROGRESS"),
        event("old", -5, "Bucket", "UPDATE_FAILED"),
      ],
      NextToken: "more",
    });
    const poller = new StackEventPoller(cfn, { stack: STACK_ID, startTime: T0 });
    expect((await poller.poll()).map((e) => e.eventId)).toEqual(["new"]);
    expect(cfnMock.calls()).toHaveLength(1);
  });

  it("follows a nested stack it discovers in the parent's events", async () => {
    cfnMock
      .on(DescribeStackEventsCommand, { StackName: STACK_ID })
      .resolves({ StackEvents: [apiEvent("p1", 1, "CREATE_IN_PROGRESS")] });
    cfnMock.on(DescribeStackEventsCommand, { StackName: NESTED_ID }).resolves({
      StackEvents: [
        nestedEvent("n2", 3, "Fn", "CREATE_IN_PROGRESS"),
        nestedEvent("n1", 2, "app-pr-7-Api-XYZ", "CREATE_IN_PROGRESS"),
      ],
    });
    const poller = new StackEventPoller(cfn, { stack: STACK_ID, startTime: T0 });
    const events = await poller.poll();
    expect(events.map(formatEvent)).toEqual([
      "10:00:01  Api  AWS::CloudFormation::Stack  CREATE_IN_PROGRESS",
      "10:00:03  Api/Fn  AWS::Lambda::Function  CREATE_IN_PROGRESS",
    ]);
  });
});

describe("diagnosis", () => {
  it("finds the earliest failure, skipping cancellations and the stack's own events", () => {
    const poller = [
      event("a", 1, "Queue", "CREATE_FAILED", { ResourceStatusReason: "Resource creation cancelled" }),
      event("b", 2, "Bucket", "CREATE_FAILED", { ResourceStatusReason: "bucket exists" }),
      event("c", 3, "app-pr-7", "ROLLBACK_FAILED", { ResourceStatusReason: "whatever" }),
    ];
    const records = poller.map((e) => ({
      eventId: e.EventId ?? "",
      stackName: "app-pr-7",
      stackId: STACK_ID,
      timestamp: e.Timestamp as Date,
      logicalId: e.LogicalResourceId ?? "",
      physicalId: e.PhysicalResourceId,
      resourceType: e.ResourceType ?? "",
      status: e.ResourceStatus ?? "",
      reason: e.ResourceStatusReason,
      parentPath: [],
    }));
    expect(findRootCause(records)).toMatchObject({ logicalId: "Bucket", reason: "bucket exists" });
    expect(findRootCause(records.slice(0, 1))).toBeUndefined();
  });

  it("reads into a nested stack whose events were not streamed", async () => {
    cfnMock.on(DescribeStackEventsCommand, { StackName: STACK_ID }).resolves({
      StackEvents: [
        apiEvent("p2", 9, "CREATE_FAILED", "Embedded stack app-pr-7-Api-XYZ was not successfully created"),
      ],
    });
    cfnMock.on(DescribeStackEventsCommand, { StackName: NESTED_ID }).resolves({
      StackEvents: [
        nestedEvent("n3", 6, "Role", "CREATE_FAILED", "Resource creation cancelled"),
        nestedEvent("n2", 5, "Fn", "CREATE_FAILED", "Runtime python2.7 is not supported"),
      ],
    });
    const parent = await new StackEventPoller(cfn, { stack: STACK_ID, startTime: T0 + 8_000 }).poll();
    const cause = await diagnose(cfn, parent, T0);
    expect(cause).toMatchObject({
      logicalId: "Fn",
      parentPath: ["Api"],
      reason: "Runtime python2.7 is not supported",
    });
  });
});

describe("pollDelay", () => {
  it("rises from the first delay to the cap, with ±20% jitter", () => {
    const backoff = { initialMs: 1000, maxMs: 10_000, factor: 1.5 };
    expect([0, 1, 2, 3, 10].map((r) => pollDelay(r, backoff, () => 0.5))).toEqual([
      1000, 1500, 2250, 3375, 10_000,
    ]);
    expect(pollDelay(0, backoff, () => 0)).toBe(800);
    expect(pollDelay(10, backoff, () => 0.999999)).toBe(12_000);
  });
});
