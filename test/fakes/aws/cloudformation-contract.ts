// CloudFormation and STS cases every implementation must pass: the fake, and moto as a second
// opinion on the wire format. Shared so the two can never drift apart.
import {
  CloudFormationClient,
  CreateChangeSetCommand,
  CreateStackCommand,
  DeleteChangeSetCommand,
  DeleteStackCommand,
  DescribeChangeSetCommand,
  type DescribeChangeSetCommandOutput,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  GetTemplateCommand,
  ListStackResourcesCommand,
  type Stack,
  UpdateTerminationProtectionCommand,
} from "@aws-sdk/client-cloudformation";
import { GetBucketVersioningCommand, S3Client } from "@aws-sdk/client-s3";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

export interface CfnTarget {
  name: "fake" | "moto";
  endpoint: string;
  close(): Promise<void>;
}

export const credentials = { accessKeyId: "AKIDFAKE", secretAccessKey: "fake" };

export function cfnClient(endpoint: string, maxAttempts = 1): CloudFormationClient {
  return new CloudFormationClient({ endpoint, region: "us-east-1", credentials, maxAttempts });
}

/** Polls without sleeping: both servers settle a zero-delay operation within a few requests. */
export async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, tries = 50): Promise<T> {
  let last = await read();
  for (let i = 0; i < tries && !done(last); i++) last = await read();
  return last;
}

export const TEMPLATE_V1 = `
AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Stage:
    Type: String
    Default: dev
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: 30
Outputs:
  QueueUrl:
    Value: !Ref Queue
  QueueArn:
    Value: !GetAtt Queue.Arn
  Label:
    Value: !Sub "app-\${Stage}"
`;

export const TEMPLATE_V2 = TEMPLATE_V1.replace("VisibilityTimeout: 30", "VisibilityTimeout: 60");

const IN_PROGRESS = /_IN_PROGRESS$/;

export function cloudFormationContract(name: CfnTarget["name"], start: () => Promise<CfnTarget>): void {
  let target: CfnTarget;
  let cfn: CloudFormationClient;
  beforeAll(async () => {
    target = await start();
    cfn = cfnClient(target.endpoint);
  });
  afterAll(async () => {
    cfn?.destroy();
    await target?.close();
  });

  const describeStack = async (name: string): Promise<Stack> =>
    (await cfn.send(new DescribeStacksCommand({ StackName: name }))).Stacks?.[0] as Stack;
  const settledStack = (name: string) =>
    until(
      () => describeStack(name),
      (s) => !IN_PROGRESS.test(s.StackStatus ?? "") || s.StackStatus === "REVIEW_IN_PROGRESS",
    );
  const settledChangeSet = (id: string) =>
    until(
      () => cfn.send(new DescribeChangeSetCommand({ ChangeSetName: id })),
      (c: DescribeChangeSetCommandOutput) => c.Status === "CREATE_COMPLETE" || c.Status === "FAILED",
    );

  async function createStack(name: string, body = TEMPLATE_V1): Promise<Stack> {
    const cs = await cfn.send(
      new CreateChangeSetCommand({
        StackName: name,
        ChangeSetName: "cs-create",
        ChangeSetType: "CREATE",
        TemplateBody: body,
      }),
    );
    expect((await describeStack(name)).StackStatus).toBe("REVIEW_IN_PROGRESS");
    const ready = await settledChangeSet(cs.Id as string);
    expect(ready.Status).toBe("CREATE_COMPLETE");
    expect(ready.ExecutionStatus).toBe("AVAILABLE");
    await cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: cs.Id }));
    return settledStack(name);
  }

  describe("CloudFormation contract", () => {
    it("creates a stack through a CREATE change set, with AWS-shaped ARNs", async () => {
      const cs = await cfn.send(
        new CreateChangeSetCommand({
          StackName: "contract-create",
          ChangeSetName: "first",
          ChangeSetType: "CREATE",
          TemplateBody: TEMPLATE_V1,
          Parameters: [{ ParameterKey: "Stage", ParameterValue: "pr-7" }],
          Tags: [{ Key: "preview-stacks:managed", Value: "true" }],
        }),
      );
      expect(cs.Id).toMatch(
        /^arn:aws:cloudformation:us-east-1:123456789012:changeSet\/first\/[-0-9a-f]{36}$/,
      );
      expect(cs.StackId).toMatch(
        /^arn:aws:cloudformation:us-east-1:123456789012:stack\/contract-create\/[-0-9a-f]{36}$/,
      );
      const ready = await settledChangeSet(cs.Id as string);
      expect(ready.Status).toBe("CREATE_COMPLETE");
      expect(
        ready.Changes?.map((c) => [c.ResourceChange?.Action, c.ResourceChange?.LogicalResourceId]),
      ).toEqual([["Add", "Queue"]]);
      await cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: "first", StackName: "contract-create" }));
      const stack = await settledStack("contract-create");
      expect(stack.StackStatus).toBe("CREATE_COMPLETE");
      expect(stack.StackId).toBe(cs.StackId);
      expect(stack.CreationTime).toBeInstanceOf(Date);
      expect(stack.Tags).toEqual([{ Key: "preview-stacks:managed", Value: "true" }]);
      expect(stack.Parameters).toEqual([{ ParameterKey: "Stage", ParameterValue: "pr-7" }]);
    });

    it("updates a stack through an UPDATE change set", async () => {
      await createStack("contract-update");
      const cs = await cfn.send(
        new CreateChangeSetCommand({
          StackName: "contract-update",
          ChangeSetName: "second",
          TemplateBody: TEMPLATE_V2,
        }),
      );
      const ready = await settledChangeSet(cs.Id as string);
      expect(ready.Status).toBe("CREATE_COMPLETE");
      expect(ready.Changes?.map((c) => c.ResourceChange?.LogicalResourceId)).toEqual(["Queue"]);
      await cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: cs.Id }));
      expect((await settledStack("contract-update")).StackStatus).toMatch(/^(CREATE|UPDATE)_COMPLETE$/);
    });

    it("answers DescribeStacks on a missing stack with ValidationError", async () => {
      await expect(describeStack("contract-missing")).rejects.toMatchObject({
        name: "ValidationError",
        message: "Stack with id contract-missing does not exist",
        $metadata: { httpStatusCode: 400 },
      });
    });

    it("deletes a stack: gone by name, DELETE_COMPLETE by id, events newest first", async () => {
      const created = await createStack("contract-delete");
      await cfn.send(new DeleteStackCommand({ StackName: "contract-delete" }));
      const byId = await until(
        () => describeStack(created.StackId as string),
        (s) => s.StackStatus === "DELETE_COMPLETE",
      );
      expect(byId.StackStatus).toBe("DELETE_COMPLETE");
      await expect(describeStack("contract-delete")).rejects.toMatchObject({ name: "ValidationError" });
      const events =
        (await cfn.send(new DescribeStackEventsCommand({ StackName: created.StackId }))).StackEvents ?? [];
      expect(events[0]?.ResourceStatus).toBe("DELETE_COMPLETE");
      expect(events[0]?.LogicalResourceId).toBe("contract-delete");
      const times = events.map((e) => e.Timestamp?.getTime() ?? 0);
      expect([...times].sort((a, b) => b - a)).toEqual(times);
    });

    it("creates a stack with termination protection when CreateStack asks for it", async () => {
      await cfn.send(
        new CreateStackCommand({
          StackName: "contract-protected",
          TemplateBody: TEMPLATE_V1,
          EnableTerminationProtection: true,
        }),
      );
      expect((await settledStack("contract-protected")).EnableTerminationProtection).toBe(true);
    });

    it("returns the deployed template as sent from GetTemplate", async () => {
      await createStack("contract-template");
      const got = await cfn.send(new GetTemplateCommand({ StackName: "contract-template" }));
      expect(got.TemplateBody).toBe(TEMPLATE_V1);
    });

    it("returns the caller identity from STS", async () => {
      const sts = new STSClient({
        endpoint: target.endpoint,
        region: "us-east-1",
        credentials,
        maxAttempts: 1,
      });
      const me = await sts.send(new GetCallerIdentityCommand({}));
      sts.destroy();
      expect(me.Account).toBe("123456789012");
      expect(me.Arn).toMatch(/^arn:aws:(iam|sts)::123456789012:/);
    });
  });

  // Cases where moto departs from AWS; the fake follows AWS (see the note on each).
  if (name === "moto") return;
  describe("CloudFormation contract: AWS behaviour moto does not share", () => {
    // moto records termination protection but deletes a protected stack all the same.
    it("keeps a stack created with termination protection from DeleteStack until it is turned off", async () => {
      await cfn.send(
        new CreateStackCommand({
          StackName: "contract-protected-delete",
          TemplateBody: TEMPLATE_V1,
          EnableTerminationProtection: true,
        }),
      );
      const created = await settledStack("contract-protected-delete");
      await expect(
        cfn.send(new DeleteStackCommand({ StackName: "contract-protected-delete" })),
      ).rejects.toMatchObject({
        name: "ValidationError",
        message: "Stack [contract-protected-delete] cannot be deleted while TerminationProtection is enabled",
      });
      expect((await describeStack("contract-protected-delete")).StackStatus).toBe("CREATE_COMPLETE");
      await cfn.send(
        new UpdateTerminationProtectionCommand({
          StackName: "contract-protected-delete",
          EnableTerminationProtection: false,
        }),
      );
      await cfn.send(new DeleteStackCommand({ StackName: "contract-protected-delete" }));
      const byId = await until(
        () => describeStack(created.StackId as string),
        (s) => s.StackStatus === "DELETE_COMPLETE",
      );
      expect(byId.StackStatus).toBe("DELETE_COMPLETE");
    });

    // moto creates the bucket unversioned, whatever its VersioningConfiguration says.
    it("creates a bucket with the versioning its VersioningConfiguration asks for", async () => {
      const stack = await cfn.send(
        new CreateStackCommand({
          StackName: "contract-versioned",
          TemplateBody: `Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration: { Status: Enabled }
`,
        }),
      );
      await settledStack("contract-versioned");
      const resources = await cfn.send(new ListStackResourcesCommand({ StackName: stack.StackId }));
      const bucket = resources.StackResourceSummaries?.[0]?.PhysicalResourceId as string;
      const s3 = new S3Client({
        endpoint: target.endpoint,
        region: "us-east-1",
        credentials,
        forcePathStyle: true,
      });
      const versioning = await s3.send(new GetBucketVersioningCommand({ Bucket: bucket }));
      s3.destroy();
      expect(versioning.Status).toBe("Enabled");
    });

    // moto answers UsePreviousValue with an HTML 500 page.
    it("keeps a parameter's previous value with UsePreviousValue", async () => {
      await createStack("contract-previous");
      const first = await cfn.send(
        new CreateChangeSetCommand({
          StackName: "contract-previous",
          ChangeSetName: "stage",
          TemplateBody: TEMPLATE_V2,
          Parameters: [{ ParameterKey: "Stage", ParameterValue: "pr-8" }],
        }),
      );
      await settledChangeSet(first.Id as string);
      await cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: first.Id }));
      await settledStack("contract-previous");
      const cs = await cfn.send(
        new CreateChangeSetCommand({
          StackName: "contract-previous",
          ChangeSetName: "keep",
          TemplateBody: TEMPLATE_V1,
          Parameters: [{ ParameterKey: "Stage", UsePreviousValue: true }],
        }),
      );
      const ready = await settledChangeSet(cs.Id as string);
      expect(ready.Parameters).toEqual([{ ParameterKey: "Stage", ParameterValue: "pr-8" }]);
    });

    // moto completes an identical change set (CREATE_COMPLETE, with changes); AWS fails it.
    it("fails a change set that changes nothing, with AWS's exact reason", async () => {
      await createStack("contract-nochange");
      const cs = await cfn.send(
        new CreateChangeSetCommand({
          StackName: "contract-nochange",
          ChangeSetName: "same",
          TemplateBody: TEMPLATE_V1,
        }),
      );
      const ready = await settledChangeSet(cs.Id as string);
      expect(ready.Status).toBe("FAILED");
      expect(ready.StatusReason).toBe(
        "The submitted information didn't contain changes. Submit different information to create a change set.",
      );
      expect(ready.ExecutionStatus).toBe("UNAVAILABLE");
      await cfn.send(new DeleteChangeSetCommand({ ChangeSetName: cs.Id }));
      await expect(cfn.send(new DescribeChangeSetCommand({ ChangeSetName: cs.Id }))).rejects.toMatchObject({
        name: "ChangeSetNotFoundException",
      });
    });

    // moto reports every resource of an UPDATE change set as Add.
    it("describes an in-place update as Modify with Replacement False", async () => {
      await createStack("contract-modify");
      const cs = await cfn.send(
        new CreateChangeSetCommand({
          StackName: "contract-modify",
          ChangeSetName: "second",
          TemplateBody: TEMPLATE_V2,
        }),
      );
      const change = (await settledChangeSet(cs.Id as string)).Changes?.[0]?.ResourceChange;
      expect(change).toMatchObject({
        Action: "Modify",
        LogicalResourceId: "Queue",
        Replacement: "False",
        Scope: ["Properties"],
      });
      expect(change?.PhysicalResourceId).toMatch(
        /^https:\/\/sqs\.us-east-1\.amazonaws\.com\/123456789012\/contract-modify-Queue-/,
      );
      expect(change?.Details).toEqual([
        {
          Target: { Attribute: "Properties", Name: "VisibilityTimeout", RequiresRecreation: "Never" },
          Evaluation: "Static",
          ChangeSource: "DirectModification",
        },
      ]);
    });

    // moto leaves Outputs empty on a stack created through a change set.
    it("resolves Ref, Fn::GetAtt and Fn::Sub in outputs", async () => {
      const cs = await cfn.send(
        new CreateChangeSetCommand({
          StackName: "contract-outputs",
          ChangeSetName: "first",
          ChangeSetType: "CREATE",
          TemplateBody: TEMPLATE_V1,
          Parameters: [{ ParameterKey: "Stage", ParameterValue: "pr-7" }],
        }),
      );
      await settledChangeSet(cs.Id as string);
      await cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: cs.Id }));
      const stack = await settledStack("contract-outputs");
      const outputs = Object.fromEntries((stack.Outputs ?? []).map((o) => [o.OutputKey, o.OutputValue]));
      expect(outputs.Label).toBe("app-pr-7");
      expect(outputs.QueueUrl).toMatch(
        /^https:\/\/sqs\.us-east-1\.amazonaws\.com\/123456789012\/contract-outputs-Queue-[A-Z0-9]{12}$/,
      );
      expect(outputs.QueueArn).toBe(
        `arn:aws:sqs:us-east-1:123456789012:${outputs.QueueUrl.split("/").pop()}`,
      );
    });

    // moto leaves the stack in CREATE_COMPLETE after executing an UPDATE change set.
    it("moves an updated stack to UPDATE_COMPLETE with LastUpdatedTime", async () => {
      await createStack("contract-updated");
      const cs = await cfn.send(
        new CreateChangeSetCommand({
          StackName: "contract-updated",
          ChangeSetName: "second",
          TemplateBody: TEMPLATE_V2,
        }),
      );
      await settledChangeSet(cs.Id as string);
      await cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: cs.Id }));
      const stack = await settledStack("contract-updated");
      expect(stack.StackStatus).toBe("UPDATE_COMPLETE");
      expect(stack.LastUpdatedTime).toBeInstanceOf(Date);
    });

    // moto words this error differently.
    it("refuses a CREATE change set for a stack that exists", async () => {
      await createStack("contract-exists");
      await expect(
        cfn.send(
          new CreateChangeSetCommand({
            StackName: "contract-exists",
            ChangeSetName: "again",
            ChangeSetType: "CREATE",
            TemplateBody: TEMPLATE_V2,
          }),
        ),
      ).rejects.toMatchObject({
        name: "ValidationError",
        message:
          "Stack [contract-exists] already exists and cannot be created again with the changeSet [again].",
      });
    });
  });
}
