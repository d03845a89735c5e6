// The CloudFormation fake beyond the shared contract: nested stacks, CancelUpdateStack, request
// tokens on events, capabilities, paging, template stages, account limits, and the faults that
// reset connections or hold a stack in progress. Driven by the real SDK client.
import {
  CancelUpdateStackCommand,
  CloudFormationClient,
  CreateChangeSetCommand,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeAccountLimitsCommand,
  DescribeChangeSetCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  GetTemplateCommand,
  type Parameter,
  type StackEvent,
  UpdateStackCommand,
} from "@aws-sdk/client-cloudformation";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeAws, type FakeAwsOptions, startFakeAws } from "./index";

const START = Date.parse("2026-03-01T12:00:00.000Z");

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

type Capability = "CAPABILITY_IAM" | "CAPABILITY_NAMED_IAM" | "CAPABILITY_AUTO_EXPAND";

async function changeSet(
  name: string,
  body: string,
  type: "CREATE" | "UPDATE",
  extra: { Parameters?: Parameter[]; Capabilities?: Capability[] } = {},
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
  return cfn.send(new DescribeChangeSetCommand({ ChangeSetName: cs.Id }));
}

async function deploy(
  name: string,
  body: string,
  type: "CREATE" | "UPDATE",
  extra: Parameters<typeof changeSet>[3] & { ClientRequestToken?: string; DisableRollback?: boolean } = {},
) {
  const { ClientRequestToken, DisableRollback, ...rest } = extra;
  const cs = await changeSet(name, body, type, rest);
  expect(cs.Status, cs.StatusReason).toBe("CREATE_COMPLETE");
  await cfn.send(
    new ExecuteChangeSetCommand({ ChangeSetName: cs.ChangeSetId, ClientRequestToken, DisableRollback }),
  );
  return describeStack(name);
}

async function allEvents(name: string): Promise<StackEvent[]> {
  const out: StackEvent[] = [];
  let token: string | undefined;
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

const CHILD = `
Parameters:
  Stage: { Type: String }
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Queue:
    Type: AWS::SQS::Queue
    DependsOn: Bucket
    Properties:
      QueueName: !Sub "queue-\${Stage}"
Outputs:
  QueueName:
    Value: !GetAtt Queue.QueueName
`;

const PARENT = (templateKey = "child.yaml", stage = "pr-1") => `
Resources:
  Child:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: https://artifacts.s3.us-east-1.amazonaws.com/${templateKey}
      Parameters:
        Stage: ${stage}
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      DisplayName: !GetAtt Child.Outputs.QueueName
Outputs:
  FromChild:
    Value: !GetAtt Child.Outputs.QueueName
  ChildId:
    Value: !Ref Child
`;

function seedChild(key = "child.yaml", body = CHILD) {
  if (!aws.state.s3.hasBucket("artifacts")) aws.state.s3.createBucket("artifacts");
  aws.state.s3.putObject("artifacts", key, Buffer.from(body));
}

describe("nested stacks", () => {
  it("creates a child stack from the fake S3 with its own events, outputs usable through GetAtt", async () => {
    await start();
    seedChild();
    const parent = await deploy("app", PARENT(), "CREATE");
    expect(parent?.StackStatus).toBe("CREATE_COMPLETE");
    const outputs = Object.fromEntries((parent?.Outputs ?? []).map((o) => [o.OutputKey, o.OutputValue]));
    expect(outputs.FromChild).toBe("queue-pr-1");
    expect(outputs.ChildId).toMatch(
      /^arn:aws:cloudformation:us-east-1:123456789012:stack\/app-Child-[A-Z0-9]{12}\/[-0-9a-f]{36}$/,
    );

    const child = await describeStack(outputs.ChildId);
    expect(child).toMatchObject({
      StackStatus: "CREATE_COMPLETE",
      ParentId: parent?.StackId,
      RootId: parent?.StackId,
      Parameters: [{ ParameterKey: "Stage", ParameterValue: "pr-1" }],
    });
    expect(summary(await allEvents(outputs.ChildId))).toEqual([
      `${child?.StackName} CREATE_COMPLETE`,
      "Queue CREATE_COMPLETE",
      "Queue CREATE_IN_PROGRESS",
      "Bucket CREATE_COMPLETE",
      "Bucket CREATE_IN_PROGRESS",
      `${child?.StackName} CREATE_IN_PROGRESS (User Initiated)`,
    ]);
    const parentEvents = await allEvents("app");
    expect(summary(parentEvents).slice(0, 6)).toEqual([
      "app CREATE_COMPLETE",
      "Topic CREATE_COMPLETE",
      "Topic CREATE_IN_PROGRESS",
      "Child CREATE_COMPLETE",
      "Child CREATE_IN_PROGRESS (Resource creation Initiated)",
      "Child CREATE_IN_PROGRESS",
    ]);
    expect(parentEvents[4].PhysicalResourceId).toBe(outputs.ChildId);
    expect(parentEvents[5].PhysicalResourceId).toBe("");
  });

  it("fails the parent's resource with the child's reason, then rolls both back", async () => {
    await start();
    seedChild();
    aws.inject.failResource("Queue", { on: "create", reason: "Queue quota exceeded" });
    const parent = await deploy("app", PARENT(), "CREATE");
    expect(parent?.StackStatus).toBe("ROLLBACK_COMPLETE");
    const events = await allEvents("app");
    const failed = events.find((e) => e.ResourceStatus === "CREATE_FAILED");
    const childId = failed?.PhysicalResourceId as string;
    expect(failed?.LogicalResourceId).toBe("Child");
    expect(failed?.ResourceStatusReason).toBe(
      `Embedded stack ${childId} was not successfully created: The following resource(s) failed to create: [Queue]. `,
    );
    expect(parent?.StackStatusReason).toBeUndefined();
    expect(summary(events).slice(0, 4)).toEqual([
      "app ROLLBACK_COMPLETE",
      "Child DELETE_COMPLETE",
      "Child DELETE_IN_PROGRESS",
      "app ROLLBACK_IN_PROGRESS (The following resource(s) failed to create: [Child]. Rollback requested by user.)",
    ]);
    const child = await describeStack(childId);
    expect(child?.StackStatus).toBe("DELETE_COMPLETE");
    expect(summary(await allEvents(childId)).slice(0, 3)).toEqual([
      `${child?.StackName} DELETE_COMPLETE`,
      `${child?.StackName} DELETE_IN_PROGRESS (User Initiated)`,
      `${child?.StackName} ROLLBACK_COMPLETE`,
    ]);
  });

  it("waits for the child in simulated time and updates it when the parent changes", async () => {
    await start({ resourceDelayMs: 1000 });
    seedChild();
    await deploy("app", PARENT(), "CREATE");
    // Bucket, then Queue in the child (2 s), then Topic in the parent (1 s).
    aws.clock.advance(2999);
    expect((await describeStack("app"))?.StackStatus).toBe("CREATE_IN_PROGRESS");
    aws.clock.advance(1);
    expect((await describeStack("app"))?.StackStatus).toBe("CREATE_COMPLETE");

    const cs = await changeSet("app", PARENT("child.yaml", "pr-2"), "UPDATE");
    expect(cs.Changes?.map((c) => [c.ResourceChange?.LogicalResourceId, c.ResourceChange?.Action])).toEqual([
      ["Child", "Modify"],
      ["Topic", "Modify"],
    ]);
    await cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: cs.ChangeSetId }));
    aws.clock.advance(60_000);
    const parent = await describeStack("app");
    expect(parent?.StackStatus).toBe("UPDATE_COMPLETE");
    expect(parent?.Outputs?.find((o) => o.OutputKey === "FromChild")?.OutputValue).toBe("queue-pr-2");
  });

  it("reports a child that cannot delete its bucket as the parent's DELETE_FAILED", async () => {
    await start();
    seedChild();
    const parent = await deploy("app", PARENT(), "CREATE");
    const childId = parent?.Outputs?.find((o) => o.OutputKey === "ChildId")?.OutputValue as string;
    const bucket = aws.state.cloudformation.stacks.get(childId)?.resources.get("Bucket")
      ?.physicalId as string;
    aws.state.s3.putObject(bucket, "a.txt", Buffer.from("x"));
    await cfn.send(new DeleteStackCommand({ StackName: "app" }));
    const events = await allEvents("app");
    const failed = events.find(
      (e) => e.LogicalResourceId === "Child" && e.ResourceStatus === "DELETE_FAILED",
    );
    expect(failed?.ResourceStatusReason).toBe(
      `Embedded stack ${childId} was not successfully deleted: The following resource(s) failed to delete: [Bucket]. `,
    );
    expect((await describeStack("app"))?.StackStatus).toBe("DELETE_FAILED");
    expect((await describeStack(childId))?.StackStatus).toBe("DELETE_FAILED");
  });

  it("needs CAPABILITY_AUTO_EXPAND for a child template with a Transform", async () => {
    await start();
    seedChild("child.yaml", `Transform: AWS::Serverless-2016-10-31\n${CHILD}`);
    const parent = await deploy("app", PARENT(), "CREATE");
    expect(parent?.StackStatus).toBe("ROLLBACK_COMPLETE");
    const failed = (await allEvents("app")).find((e) => e.ResourceStatus === "CREATE_FAILED");
    expect(failed?.ResourceStatusReason).toBe("Requires capabilities : [CAPABILITY_AUTO_EXPAND]");
    expect(failed?.PhysicalResourceId).toBe("");
    const ok = await deploy("app2", PARENT(), "CREATE", { Capabilities: ["CAPABILITY_AUTO_EXPAND"] });
    expect(ok?.StackStatus).toBe("CREATE_COMPLETE");
  });
});

const QUEUE = (timeout: number) => `
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties: { VisibilityTimeout: ${timeout} }
  Topic:
    Type: AWS::SNS::Topic
    Properties: { DisplayName: "t${timeout}" }
`;

describe("CancelUpdateStack", () => {
  it("rolls a running update back: UPDATE_ROLLBACK_IN_PROGRESS then UPDATE_ROLLBACK_COMPLETE", async () => {
    await start({ resourceDelayMs: 1000 });
    await cfn.send(new CreateStackCommand({ StackName: "c", TemplateBody: QUEUE(30) }));
    aws.clock.advance(1000);
    await cfn.send(new UpdateStackCommand({ StackName: "c", TemplateBody: QUEUE(60) }));
    expect((await describeStack("c"))?.StackStatus).toBe("UPDATE_IN_PROGRESS");
    await cfn.send(new CancelUpdateStackCommand({ StackName: "c", ClientRequestToken: "cancel-1" }));
    expect(await describeStack("c")).toMatchObject({
      StackStatus: "UPDATE_ROLLBACK_IN_PROGRESS",
      StackStatusReason: "Stack update cancelled",
    });
    aws.clock.advance(1000);
    expect((await describeStack("c"))?.StackStatus).toBe("UPDATE_ROLLBACK_COMPLETE");
    const events = await allEvents("c");
    expect(summary(events.slice(events.findIndex((e) => e.ResourceStatus === "UPDATE_FAILED")))).toEqual(
      expect.arrayContaining(["Queue UPDATE_FAILED (Resource update cancelled)"]),
    );
    expect(events[0].ClientRequestToken).toBe("cancel-1");
  });

  it("refuses when the stack is not updating", async () => {
    await start();
    await cfn.send(new CreateStackCommand({ StackName: "c", TemplateBody: QUEUE(30) }));
    await expect(cfn.send(new CancelUpdateStackCommand({ StackName: "c" }))).rejects.toMatchObject({
      name: "ValidationError",
      message: "CancelUpdateStack cannot be called from current stack status.",
    });
  });
});

describe("request tokens, capabilities, parameters, paging, templates, limits", () => {
  it("stamps ClientRequestToken on every event of the operation that carried it", async () => {
    await start();
    await deploy("t", QUEUE(30), "CREATE", { ClientRequestToken: "exec-1" });
    await cfn.send(new DeleteStackCommand({ StackName: "t", ClientRequestToken: "delete-1" }));
    const id = aws.state.cloudformation.stacks.values().next().value?.stackId as string;
    const events = await allEvents(id);
    expect(events).toHaveLength(13);
    expect(events.map((e) => `${(e.ResourceStatus ?? "").split("_")[0]} ${e.ClientRequestToken}`)).toEqual([
      ...Array(6).fill("DELETE delete-1"),
      ...Array(6).fill("CREATE exec-1"),
      "REVIEW undefined",
    ]);
  });

  it("asks for CAPABILITY_IAM, CAPABILITY_NAMED_IAM and, outside change sets, CAPABILITY_AUTO_EXPAND", async () => {
    await start();
    const role = (named: boolean) =>
      `Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties: { ${named ? "RoleName: r, " : ""}AssumeRolePolicyDocument: {} }\n`;
    await expect(changeSet("iam", role(false), "CREATE")).rejects.toMatchObject({
      name: "InsufficientCapabilitiesException",
      message: "Requires capabilities : [CAPABILITY_IAM]",
    });
    await expect(changeSet("named", role(true), "CREATE")).rejects.toMatchObject({
      name: "InsufficientCapabilitiesException",
      message: "Requires capabilities : [CAPABILITY_NAMED_IAM]",
    });
    const sam = `Transform: AWS::Serverless-2016-10-31\n${QUEUE(30)}`;
    await expect(
      cfn.send(new CreateStackCommand({ StackName: "sam", TemplateBody: sam })),
    ).rejects.toMatchObject({
      name: "InsufficientCapabilitiesException",
      message: "Requires capabilities : [CAPABILITY_AUTO_EXPAND]",
    });
    // AWS documents that change sets do not need (and ignore) CAPABILITY_AUTO_EXPAND.
    expect((await changeSet("sam", sam, "CREATE")).Status).toBe("CREATE_COMPLETE");
  });

  it("keeps a parameter's previous value with UsePreviousValue", async () => {
    await start();
    const body =
      "Parameters:\n  Stage: { Type: String }\n  Size: { Type: Number }\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties: { DelaySeconds: !Ref Size, QueueName: !Ref Stage }\n";
    await deploy("p", body, "CREATE", {
      Parameters: [
        { ParameterKey: "Stage", ParameterValue: "pr-1" },
        { ParameterKey: "Size", ParameterValue: "1" },
      ],
    });
    const updated = await deploy("p", body, "UPDATE", {
      Parameters: [
        { ParameterKey: "Stage", UsePreviousValue: true },
        { ParameterKey: "Size", ParameterValue: "2" },
      ],
    });
    expect(updated?.Parameters).toEqual([
      { ParameterKey: "Stage", ParameterValue: "pr-1" },
      { ParameterKey: "Size", ParameterValue: "2" },
    ]);
  });

  it("pages DescribeChangeSet Changes with NextToken", async () => {
    await start({ pageSize: 2 });
    const body = `Resources:\n${["A", "B", "C"].map((id) => `  ${id}:\n    Type: AWS::SNS::Topic\n`).join("")}`;
    const first = await changeSet("pages", body, "CREATE");
    expect(first.Changes?.map((c) => c.ResourceChange?.LogicalResourceId)).toEqual(["A", "B"]);
    expect(first.NextToken).toBeDefined();
    const second = await cfn.send(
      new DescribeChangeSetCommand({ ChangeSetName: first.ChangeSetId, NextToken: first.NextToken }),
    );
    expect(second.Changes?.map((c) => c.ResourceChange?.LogicalResourceId)).toEqual(["C"]);
    expect(second.NextToken).toBeUndefined();
  });

  it("returns the Original template as sent and a Processed one without the Transform", async () => {
    await start();
    const sam = `Transform: AWS::Serverless-2016-10-31\n${QUEUE(30)}`;
    await deploy("tpl", sam, "CREATE");
    const original = await cfn.send(new GetTemplateCommand({ StackName: "tpl" }));
    expect(original.TemplateBody).toBe(sam);
    expect(original.StagesAvailable).toEqual(["Original", "Processed"]);
    const processed = await cfn.send(
      new GetTemplateCommand({ StackName: "tpl", TemplateStage: "Processed" }),
    );
    const doc = JSON.parse(processed.TemplateBody as string);
    expect(doc.Transform).toBeUndefined();
    expect(Object.keys(doc.Resources)).toEqual(["Queue", "Topic"]);
  });

  it("describes account limits, AWS defaults unless configured", async () => {
    await start({ accountLimits: { StackLimit: 5 } });
    expect((await cfn.send(new DescribeAccountLimitsCommand({}))).AccountLimits).toEqual([
      { Name: "StackLimit", Value: 5 },
    ]);
    await aws.close();
    await start();
    expect((await cfn.send(new DescribeAccountLimitsCommand({}))).AccountLimits).toEqual([
      { Name: "StackLimit", Value: 2000 },
      { Name: "StackOutputsLimit", Value: 200 },
      { Name: "ConcurrentResourcesLimit", Value: 2500 },
    ]);
  });
});

describe("faults and the call record", () => {
  it("resets connections N times; the SDK retries and the calls are recorded", async () => {
    await start({}, 3);
    aws.inject.resetConnection({ service: "cloudformation", action: "DescribeStacks" }, 2);
    await expect(describeStack("none")).rejects.toMatchObject({ name: "ValidationError" });
    expect(aws.callsOf("cloudformation", "DescribeStacks").map((c) => [c.status, c.fault])).toEqual([
      [0, "reset"],
      [0, "reset"],
      [400, undefined],
    ]);
  });

  it("surfaces a reset to a client that does not retry", async () => {
    await start();
    aws.inject.resetConnection({ action: "DescribeStacks" });
    await expect(describeStack("none")).rejects.toMatchObject({ code: "ECONNRESET" });
  });

  it("holds a stack IN_PROGRESS for a simulated duration", async () => {
    await start();
    aws.inject.holdStack("held", 30_000);
    await cfn.send(new CreateStackCommand({ StackName: "held", TemplateBody: QUEUE(30) }));
    aws.clock.advance(29_999);
    expect((await describeStack("held"))?.StackStatus).toBe("CREATE_IN_PROGRESS");
    aws.clock.advance(1);
    expect((await describeStack("held"))?.StackStatus).toBe("CREATE_COMPLETE");
    // One hold by default: the next operation runs at once.
    await cfn.send(new DeleteStackCommand({ StackName: "held" }));
    aws.tick();
    expect(aws.state.cloudformation.stacks.values().next().value?.status).toBe("DELETE_COMPLETE");
  });

  it("records service, action, key parameters and simulated time", async () => {
    await start();
    aws.clock.advance(5000);
    await changeSet("rec", QUEUE(30), "CREATE").catch(() => undefined);
    const [create, describe] = aws.calls;
    expect(create).toMatchObject({
      service: "cloudformation",
      action: "CreateChangeSet",
      keys: { StackName: "rec", ChangeSetName: expect.stringMatching(/^cs-/) },
      status: 200,
      time: START + 5000,
    });
    expect(describe.keys).toEqual({ ChangeSetName: expect.stringMatching(/^arn:aws:cloudformation:/) });
  });
});
