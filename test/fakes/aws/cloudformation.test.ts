import {
  CloudFormationClient,
  ContinueUpdateRollbackCommand,
  CreateChangeSetCommand,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeChangeSetCommand,
  type DescribeChangeSetCommandOutput,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  ListImportsCommand,
  ListStacksCommand,
  type Parameter,
  type StackEvent,
  UpdateStackCommand,
} from "@aws-sdk/client-cloudformation";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cloudFormationContract } from "./cloudformation-contract";
import { type FakeAws, type FakeAwsOptions, startFakeAws } from "./index";

const START = Date.parse("2026-03-01T12:00:00.000Z");

describe("fake AWS", () => {
  cloudFormationContract("fake", async () => {
    const aws = await startFakeAws({ startTime: START });
    return { name: "fake", endpoint: aws.endpoint, close: aws.close };
  });
});

let aws: FakeAws;
let cfn: CloudFormationClient;

async function start(options: FakeAwsOptions = {}, maxAttempts = 1) {
  aws = await startFakeAws({ startTime: START, ...options });
  cfn = new CloudFormationClient({ ...aws.clientConfig(), maxAttempts });
}

afterEach(async () => {
  cfn?.destroy();
  await aws?.close();
});

const describeStack = async (name: string) =>
  (await cfn.send(new DescribeStacksCommand({ StackName: name }))).Stacks?.[0];

async function changeSet(
  name: string,
  body: string,
  type: "CREATE" | "UPDATE",
  extra: { Parameters?: Parameter[]; Capabilities?: ("CAPABILITY_IAM" | "CAPABILITY_NAMED_IAM")[] } = {},
) {
  const cs = await cfn.send(
    new CreateChangeSetCommand({
      StackName: name,
      ChangeSetName: `cs-${Math.random().toString(36).slice(2, 8)}`,
      ChangeSetType: type,
      TemplateBody: body,
      ...extra,
    }),
  );
  return cfn.send(
    new DescribeChangeSetCommand({ ChangeSetName: cs.Id }),
  ) as Promise<DescribeChangeSetCommandOutput>;
}

/** Creates or updates through a change set and returns the stack after the next Describe. */
async function deploy(name: string, body: string, type: "CREATE" | "UPDATE", extra = {}) {
  const cs = await changeSet(name, body, type, extra);
  expect(cs.Status, cs.StatusReason).toBe("CREATE_COMPLETE");
  await cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: cs.ChangeSetId }));
  return describeStack(name);
}

async function allEvents(name: string, from?: string): Promise<StackEvent[]> {
  const out: StackEvent[] = [];
  let token = from;
  do {
    const page = await cfn.send(new DescribeStackEventsCommand({ StackName: name, NextToken: token }));
    out.push(...(page.StackEvents ?? []));
    token = page.NextToken;
  } while (token);
  return out;
}

const summary = (events: StackEvent[]) =>
  events.map(
    (e) =>
      `${e.LogicalResourceId} ${e.ResourceStatus}${e.ResourceStatusReason ? ` (${e.ResourceStatusReason})` : ""}`,
  );

const CHAIN = `
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      Tags:
        - Key: bucket
          Value: !Ref Bucket
Outputs:
  BucketName:
    Value: !Ref Bucket
    Export:
      Name: !Sub "\${AWS::StackName}-bucket"
`;

describe("status sequences in simulated time", () => {
  beforeEach(() => start({ resourceDelayMs: 1000 }));

  it("creates resources in dependency order, one event per resource per state change", async () => {
    const created = await deploy("seq", CHAIN, "CREATE");
    expect(created?.StackStatus).toBe("CREATE_IN_PROGRESS");
    aws.clock.advance(1000);
    expect((await describeStack("seq"))?.StackStatus).toBe("CREATE_IN_PROGRESS");
    aws.clock.advance(1000);
    const done = await describeStack("seq");
    expect(done?.StackStatus).toBe("CREATE_COMPLETE");
    expect(done?.Outputs?.[0]?.OutputValue).toMatch(/^seq-bucket-[a-z0-9]{12}$/);
    expect(done?.Outputs?.[0]?.ExportName).toBe("seq-bucket");
    expect(aws.state.s3.hasBucket(done?.Outputs?.[0]?.OutputValue as string)).toBe(true);

    const events = await allEvents("seq");
    expect(summary(events)).toEqual([
      "seq CREATE_COMPLETE",
      "Queue CREATE_COMPLETE",
      "Queue CREATE_IN_PROGRESS",
      "Bucket CREATE_COMPLETE",
      "Bucket CREATE_IN_PROGRESS",
      "seq CREATE_IN_PROGRESS (User Initiated)",
      "seq REVIEW_IN_PROGRESS (User Initiated)",
    ]);
    expect(events.map((e) => (e.Timestamp?.getTime() ?? 0) - START)).toEqual([
      2000, 2000, 1000, 1000, 0, 0, 0,
    ]);
    expect(events[0].PhysicalResourceId).toBe(done?.StackId);
    expect(events[0].ResourceType).toBe("AWS::CloudFormation::Stack");
  });

  it("pages events newest first with NextToken, stable while new events arrive", async () => {
    await aws.close();
    await start({ resourceDelayMs: 1000, eventPageSize: 2 });
    await deploy("paged", CHAIN, "CREATE");
    const first = await cfn.send(new DescribeStackEventsCommand({ StackName: "paged" }));
    expect(first.StackEvents).toHaveLength(2);
    expect(first.NextToken).toBeDefined();
    aws.clock.advance(5000);
    const rest = await allEvents("paged", first.NextToken);
    expect(summary([...(first.StackEvents ?? []), ...rest])).toEqual([
      "Bucket CREATE_IN_PROGRESS",
      "paged CREATE_IN_PROGRESS (User Initiated)",
      "paged REVIEW_IN_PROGRESS (User Initiated)",
    ]);
    expect(summary(await allEvents("paged"))[0]).toBe("paged CREATE_COMPLETE");
  });

  it("cancels running siblings, rolls back in reverse order and ends in ROLLBACK_COMPLETE", async () => {
    aws.inject.failResource("Queue", { on: "create", reason: "Queue quota exceeded" });
    await deploy("fails", CHAIN, "CREATE");
    aws.clock.advance(10_000);
    const stack = await describeStack("fails");
    expect(stack?.StackStatus).toBe("ROLLBACK_COMPLETE");
    expect(summary(await allEvents("fails")).slice(0, 6)).toEqual([
      "fails ROLLBACK_COMPLETE",
      "Bucket DELETE_COMPLETE",
      "Bucket DELETE_IN_PROGRESS",
      "Queue DELETE_COMPLETE",
      "Queue DELETE_IN_PROGRESS",
      "fails ROLLBACK_IN_PROGRESS (The following resource(s) failed to create: [Queue]. Rollback requested by user.)",
    ]);
    expect(aws.state.s3.buckets.size).toBe(0);
    await expect(changeSet("fails", CHAIN, "UPDATE")).rejects.toThrow(
      /is in ROLLBACK_COMPLETE state and can not be updated\.$/,
    );
  });
});

const TABLE = (name: string, keyType = "S") => `
Parameters:
  TableName: { Type: String }
Resources:
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: ${name}
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
      AttributeDefinitions: [{ AttributeName: id, AttributeType: ${keyType} }]
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub "\${Table}-assets"
`;

describe("change sets", () => {
  beforeEach(() => start());

  it("marks replacements True, False or Conditional from the property table", async () => {
    await deploy("repl", TABLE("!Ref TableName"), "CREATE", {
      Parameters: [{ ParameterKey: "TableName", ParameterValue: "one" }],
    });
    const renamed = await changeSet("repl", TABLE("!Ref TableName"), "UPDATE", {
      Parameters: [{ ParameterKey: "TableName", ParameterValue: "two" }],
    });
    const byId = Object.fromEntries(
      (renamed.Changes ?? []).map((c) => [c.ResourceChange?.LogicalResourceId, c.ResourceChange]),
    );
    expect(byId.Table).toMatchObject({ Action: "Modify", Replacement: "True", PhysicalResourceId: "one" });
    expect(byId.Table?.Details).toEqual([
      {
        Target: { Attribute: "Properties", Name: "TableName", RequiresRecreation: "Always" },
        Evaluation: "Static",
        ChangeSource: "ParameterReference",
      },
    ]);
    // The bucket's name comes from the replaced table: CloudFormation cannot know it yet.
    expect(byId.Bucket).toMatchObject({ Action: "Modify", Replacement: "Conditional" });
    expect(byId.Bucket?.Details?.[0]).toMatchObject({
      Evaluation: "Dynamic",
      ChangeSource: "ResourceReference",
      CausingEntity: "Table",
    });

    const attr = await changeSet("repl", TABLE("!Ref TableName", "N"), "UPDATE", {
      Parameters: [{ ParameterKey: "TableName", UsePreviousValue: true }],
    });
    expect(
      attr.Changes?.map((c) => [c.ResourceChange?.LogicalResourceId, c.ResourceChange?.Replacement]),
    ).toEqual([["Table", "False"]]);
  });

  it("replaces a resource: new physical id, old one deleted in cleanup", async () => {
    await deploy("swap", TABLE("!Ref TableName"), "CREATE", {
      Parameters: [{ ParameterKey: "TableName", ParameterValue: "one" }],
    });
    const stack = await deploy("swap", TABLE("!Ref TableName"), "UPDATE", {
      Parameters: [{ ParameterKey: "TableName", ParameterValue: "two" }],
    });
    expect(stack?.StackStatus).toBe("UPDATE_COMPLETE");
    expect(aws.state.s3.hasBucket("two-assets")).toBe(true);
    expect(aws.state.s3.hasBucket("one-assets")).toBe(false);
    expect(summary(await allEvents("swap")).slice(0, 9)).toEqual([
      "swap UPDATE_COMPLETE",
      "Table DELETE_COMPLETE",
      "Table DELETE_IN_PROGRESS",
      "Bucket DELETE_COMPLETE",
      "Bucket DELETE_IN_PROGRESS",
      "swap UPDATE_COMPLETE_CLEANUP_IN_PROGRESS",
      "Bucket UPDATE_COMPLETE",
      "Bucket UPDATE_IN_PROGRESS (Requested update requires the creation of a new physical resource; hence creating one.)",
      "Table UPDATE_COMPLETE",
    ]);
  });

  it("fails a change set after a transform when a generated role lacks CAPABILITY_IAM", async () => {
    const sam = `
Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties: { Runtime: nodejs20.x, Handler: index.handler, CodeUri: s3://b/k.zip }
`;
    const cs = await changeSet("sam", sam, "CREATE");
    expect(cs.Status).toBe("FAILED");
    expect(cs.StatusReason).toBe("Requires capabilities : [CAPABILITY_IAM]");
    expect((await describeStack("sam"))?.StackStatus).toBe("REVIEW_IN_PROGRESS");
    const ok = await changeSet("sam", sam, "CREATE", { Capabilities: ["CAPABILITY_IAM"] });
    expect(ok.Status).toBe("CREATE_COMPLETE");
  });

  it("rejects template errors synchronously without a transform", async () => {
    const role =
      "Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties: { RoleName: r, AssumeRolePolicyDocument: {} }\n";
    await expect(
      changeSet("caps", role, "CREATE", { Capabilities: ["CAPABILITY_IAM"] }),
    ).rejects.toMatchObject({
      name: "InsufficientCapabilitiesException",
      message: "Requires capabilities : [CAPABILITY_NAMED_IAM]",
    });
    await expect(changeSet("params", TABLE("x"), "CREATE")).rejects.toMatchObject({
      name: "ValidationError",
      message: "Parameters: [TableName] must have values",
    });
    await expect(
      changeSet(
        "dangling",
        "Resources:\n  A:\n    Type: AWS::SNS::Topic\n    Properties: { TopicName: !Ref Nope }\n",
        "CREATE",
      ),
    ).rejects.toMatchObject({
      message:
        "Template format error: Unresolved resource dependencies [Nope] in the Resources block of the template",
    });
    await expect(changeSet("bad", "Resources:\n  A: [\n", "CREATE")).rejects.toThrow(
      /^Template format error: YAML not well-formed/,
    );
    await expect(describeStack("params")).rejects.toThrow("Stack with id params does not exist");
  });

  it("refuses to execute a FAILED change set and deletes a stack left in review", async () => {
    const bad =
      "Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n";
    const cs = await changeSet("review", bad, "CREATE");
    await expect(
      cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: cs.ChangeSetId })),
    ).rejects.toMatchObject({
      name: "InvalidChangeSetStatusException",
      message: `ChangeSet [${cs.ChangeSetId}] cannot be executed in its current status of [FAILED]`,
    });
    await cfn.send(new DeleteStackCommand({ StackName: "review" }));
    expect((await describeStack(cs.StackId as string))?.StackStatus).toBe("DELETE_COMPLETE");
    expect(summary(await allEvents(cs.StackId as string))).toEqual([
      "review DELETE_COMPLETE",
      "review DELETE_IN_PROGRESS (User Initiated)",
      "review REVIEW_IN_PROGRESS (User Initiated)",
    ]);
  });

  it("reads a TemplateURL from the fake S3", async () => {
    aws.state.s3.createBucket("artifacts");
    aws.state.s3.putObject("artifacts", "t/template.yaml", Buffer.from(CHAIN));
    const cs = await cfn.send(
      new CreateChangeSetCommand({
        StackName: "from-url",
        ChangeSetName: "url",
        ChangeSetType: "CREATE",
        TemplateURL: "https://artifacts.s3.us-east-1.amazonaws.com/t/template.yaml",
      }),
    );
    const ready = await cfn.send(new DescribeChangeSetCommand({ ChangeSetName: cs.Id }));
    expect(ready.Changes?.map((c) => c.ResourceChange?.LogicalResourceId)).toEqual(["Bucket", "Queue"]);
  });
});

describe("updates, rollbacks and deletes", () => {
  beforeEach(() => start());

  it("rolls an update back, restores outputs, and continues a failed rollback", async () => {
    await deploy("upd", CHAIN, "CREATE");
    const before = (await describeStack("upd"))?.Outputs;
    const changed = CHAIN.replace("Value: !Ref Bucket", "Value: changed");
    aws.inject.failResource("Queue", { on: "update", times: 1 });
    const failed = await deploy("upd", changed, "UPDATE");
    expect(failed?.StackStatus).toBe("UPDATE_ROLLBACK_COMPLETE");
    expect((await describeStack("upd"))?.Outputs).toEqual(before);

    aws.inject.failResource("Queue", { on: "update", times: 2, reason: "still broken" });
    expect((await deploy("upd", changed, "UPDATE"))?.StackStatus).toBe("UPDATE_ROLLBACK_FAILED");
    expect(summary(await allEvents("upd"))[1]).toBe("Queue UPDATE_FAILED (still broken)");
    await cfn.send(new ContinueUpdateRollbackCommand({ StackName: "upd", ResourcesToSkip: ["Queue"] }));
    expect((await describeStack("upd"))?.StackStatus).toBe("UPDATE_ROLLBACK_COMPLETE");
  });

  it("fails to delete a non-empty bucket, then deletes with RetainResources", async () => {
    const stack = await deploy("keep", CHAIN, "CREATE");
    const bucket = stack?.Outputs?.[0]?.OutputValue as string;
    aws.state.s3.putObject(bucket, "a.txt", Buffer.from("x"));
    await cfn.send(new DeleteStackCommand({ StackName: "keep" }));
    const failed = await describeStack("keep");
    expect(failed?.StackStatus).toBe("DELETE_FAILED");
    expect(failed?.StackStatusReason).toBe("The following resource(s) failed to delete: [Bucket]. ");
    await cfn.send(new DeleteStackCommand({ StackName: "keep", RetainResources: ["Bucket"] }));
    expect((await describeStack(stack?.StackId as string))?.StackStatus).toBe("DELETE_COMPLETE");
    expect(aws.state.s3.hasBucket(bucket)).toBe(true);
  });

  it("refuses to delete a stack whose export another stack imports", async () => {
    await deploy("producer", CHAIN, "CREATE");
    const consumer =
      "Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties: { DisplayName: !ImportValue producer-bucket }\n";
    await deploy("consumer", consumer, "CREATE");
    expect((await cfn.send(new ListImportsCommand({ ExportName: "producer-bucket" }))).Imports).toEqual([
      "consumer",
    ]);
    await cfn.send(new DeleteStackCommand({ StackName: "producer" }));
    const stack = await describeStack("producer");
    expect(stack?.StackStatus).toBe("DELETE_FAILED");
    expect(stack?.StackStatusReason).toBe(
      "Export producer-bucket cannot be deleted as it is in use by consumer",
    );
  });

  it("supports CreateStack and answers an empty UpdateStack as AWS does", async () => {
    await cfn.send(new CreateStackCommand({ StackName: "direct", TemplateBody: CHAIN }));
    expect((await describeStack("direct"))?.StackStatus).toBe("CREATE_COMPLETE");
    await expect(
      cfn.send(new UpdateStackCommand({ StackName: "direct", TemplateBody: CHAIN })),
    ).rejects.toMatchObject({
      name: "ValidationError",
      message: "No updates are to be performed.",
    });
  });
});

describe("listing", () => {
  it("pages DescribeStacks and ListStacks with the configured page size", async () => {
    await start({ pageSize: 2 });
    for (const name of ["a", "b", "c"])
      await cfn.send(new CreateStackCommand({ StackName: name, TemplateBody: CHAIN }));
    const first = await cfn.send(new DescribeStacksCommand({}));
    expect(first.Stacks?.map((s) => s.StackName)).toEqual(["a", "b"]);
    const second = await cfn.send(new DescribeStacksCommand({ NextToken: first.NextToken }));
    expect(second.Stacks?.map((s) => s.StackName)).toEqual(["c"]);
    expect(second.NextToken).toBeUndefined();
    await cfn.send(new DeleteStackCommand({ StackName: "b" }));
    const deleted = await cfn.send(new ListStacksCommand({ StackStatusFilter: ["DELETE_COMPLETE"] }));
    expect(deleted.StackSummaries?.map((s) => [s.StackName, s.StackStatus])).toEqual([
      ["b", "DELETE_COMPLETE"],
    ]);
  });
});

describe("faults and the wire", () => {
  it("throttles the next calls; the SDK retries them and the calls are recorded", async () => {
    await start({}, 3);
    aws.inject.throttle({ service: "cloudformation", action: "DescribeStacks" }, 2);
    await expect(describeStack("none")).rejects.toMatchObject({ name: "ValidationError" });
    const calls = aws.callsOf("cloudformation", "DescribeStacks");
    expect(calls.map((c) => [c.status, c.fault])).toEqual([
      [400, "throttle"],
      [400, "throttle"],
      [400, undefined],
    ]);
    expect(calls[0].params?.StackName).toBe("none");
  });

  it("returns Throttling and InternalFailure in the shapes the SDK parses", async () => {
    await start();
    aws.inject.throttle({ action: "DescribeStacks" });
    await expect(describeStack("x")).rejects.toMatchObject({
      name: "Throttling",
      message: "Rate exceeded",
      $metadata: { httpStatusCode: 400 },
    });
    aws.inject.serverError({ service: "cloudformation" });
    await expect(describeStack("x")).rejects.toMatchObject({
      name: "InternalFailure",
      $metadata: { httpStatusCode: 500 },
    });
  });

  it("speaks the query protocol: XML envelope with namespace, ErrorResponse for errors", async () => {
    await start();
    const post = (body: string) =>
      fetch(aws.endpoint, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body,
      }).then(async (r) => [r.status, await r.text()] as const);
    const [okStatus, ok] = await post("Action=ListStacks&Version=2010-05-15");
    expect(okStatus).toBe(200);
    expect(ok).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<ListStacksResponse xmlns="http:\/\/cloudformation.amazonaws.com\/doc\/2010-05-15\/"><ListStacksResult><StackSummaries><\/StackSummaries><\/ListStacksResult><ResponseMetadata><RequestId>[-0-9a-f]{36}<\/RequestId><\/ResponseMetadata><\/ListStacksResponse>$/,
    );
    const [errStatus, err] = await post("Action=DescribeStacks&Version=2010-05-15&StackName=gone");
    expect(errStatus).toBe(400);
    expect(err).toContain(
      "<ErrorResponse><Error><Type>Sender</Type><Code>ValidationError</Code><Message>Stack with id gone does not exist</Message></Error><RequestId>",
    );
  });
});
