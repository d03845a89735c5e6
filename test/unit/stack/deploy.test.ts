import {
  CancelUpdateStackCommand,
  CloudFormationClient,
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DeleteStackCommand,
  DescribeChangeSetCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  GetTemplateCommand,
  ListChangeSetsCommand,
  type Stack,
  type StackStatus,
  UpdateTerminationProtectionCommand,
} from "@aws-sdk/client-cloudformation";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { deployStack } from "../../../src/stack/deploy";
import { securityChanges } from "../../../src/stack/diff";
import {
  awsError,
  baseDeps,
  baseOptions,
  CHANGE_SET_ID,
  event,
  fakeTime,
  missingStack,
  PREVIEW_TAGS,
  SAM_TEMPLATE,
  STACK_ID,
  T0,
  TEMPLATE,
} from "./support";

const cfnMock = mockClient(CloudFormationClient);
const s3Mock = mockClient(S3Client);

beforeEach(() => {
  cfnMock.reset();
  s3Mock.reset();
});

function stack(status: string, extra: Partial<Stack> = {}): Stack {
  return {
    StackName: "app-pr-7",
    StackId: STACK_ID,
    StackStatus: status as StackStatus,
    CreationTime: new Date(T0 - 86_400_000),
    Parameters: [{ ParameterKey: "Stage", ParameterValue: "dev" }],
    Tags: PREVIEW_TAGS,
    Outputs: [{ OutputKey: "Url", OutputValue: "http://app-pr-7.example" }],
    ...extra,
  };
}

function readyChangeSet(changes = 2) {
  const all = [
    {
      Type: "Resource" as const,
      ResourceChange: {
        Action: "Modify" as const,
        LogicalResourceId: "Bucket",
        ResourceType: "AWS::S3::Bucket",
        Replacement: "True" as const,
        Scope: ["Properties" as const],
        Details: [
          {
            Target: {
              Attribute: "Properties" as const,
              Name: "BucketName",
              RequiresRecreation: "Always" as const,
            },
          },
        ],
      },
    },
    {
      Type: "Resource" as const,
      ResourceChange: { Action: "Add" as const, LogicalResourceId: "Queue", ResourceType: "AWS::SQS::Queue" },
    },
  ];
  return { Status: "CREATE_COMPLETE" as const, CreationTime: new Date(T0), Changes: all.slice(0, changes) };
}

function operations(): string[] {
  return cfnMock.calls().map((c) => (c.args[0] as { constructor: { name: string } }).constructor.name);
}

describe("deployStack: create", () => {
  it("creates a preview stack through a CREATE change set, streams events, and reports outputs", async () => {
    const time = fakeTime();
    const lines: string[] = [];
    cfnMock
      .on(DescribeStacksCommand)
      .rejectsOnce(missingStack())
      .resolvesOnce({ Stacks: [stack("CREATE_IN_PROGRESS")] })
      .resolves({ Stacks: [stack("CREATE_COMPLETE")] });
    cfnMock.on(CreateChangeSetCommand).resolves({ Id: CHANGE_SET_ID, StackId: STACK_ID });
    cfnMock
      .on(DescribeChangeSetCommand)
      .resolvesOnce({ Status: "CREATE_PENDING" })
      .resolves(readyChangeSet(1));
    cfnMock.on(ExecuteChangeSetCommand).resolves({});
    cfnMock
      .on(DescribeStackEventsCommand)
      .resolvesOnce({
        StackEvents: [
          event("e2", 2, "Bucket", "CREATE_IN_PROGRESS"),
          event("e1", 1, "app-pr-7", "CREATE_IN_PROGRESS"),
        ],
      })
      .resolves({
        StackEvents: [
          event("e4", 9, "app-pr-7", "CREATE_COMPLETE"),
          event("e3", 8, "Bucket", "CREATE_COMPLETE"),
          event("e2", 2, "Bucket", "CREATE_IN_PROGRESS"),
          event("e1", 1, "app-pr-7", "CREATE_IN_PROGRESS"),
        ],
      });
    cfnMock.on(UpdateTerminationProtectionCommand).resolves({});

    const result = await deployStack(
      baseOptions({ terminationProtection: true, tags: [{ Key: "team", Value: "web" }] }),
      baseDeps(time, lines),
    );

    expect(result.failure).toBeUndefined();
    expect(result.ok).toBe(true);
    expect(result.outcome).toBe("deployed");
    expect(result.created).toBe(true);
    expect(result.status).toBe("CREATE_COMPLETE");
    expect(result.stackId).toBe(STACK_ID);
    expect(result.changeSetId).toBe(CHANGE_SET_ID);
    expect(result.changeSetName).toBe("preview-stacks-99-1");
    expect(result.hasChanges).toBe(true);
    expect(result.outputs).toEqual({ Url: "http://app-pr-7.example" });
    expect(result.url).toBe("http://app-pr-7.example");
    const input = cfnMock.commandCalls(CreateChangeSetCommand)[0].args[0].input;
    expect(input).toMatchObject({
      StackName: "app-pr-7",
      ChangeSetName: "preview-stacks-99-1",
      ChangeSetType: "CREATE",
      TemplateBody: TEMPLATE,
      Capabilities: ["CAPABILITY_IAM"],
      Parameters: [],
      Tags: [...PREVIEW_TAGS, { Key: "team", Value: "web" }],
    });
    expect(cfnMock.commandCalls(ExecuteChangeSetCommand)[0].args[0].input).toMatchObject({
      ChangeSetName: CHANGE_SET_ID,
      DisableRollback: false,
    });
    expect(cfnMock.commandCalls(UpdateTerminationProtectionCommand)[0].args[0].input).toEqual({
      StackName: STACK_ID,
      EnableTerminationProtection: true,
    });
    expect(lines.filter((l) => /^10:00:0\d {2}/.test(l))).toEqual([
      "10:00:01  app-pr-7  AWS::CloudFormation::Stack  CREATE_IN_PROGRESS",
      "10:00:02  Bucket  AWS::S3::Bucket  CREATE_IN_PROGRESS",
      "10:00:08  Bucket  AWS::S3::Bucket  CREATE_COMPLETE",
      "10:00:09  app-pr-7  AWS::CloudFormation::Stack  CREATE_COMPLETE",
    ]);
    expect(result.awsCalls).toBe(cfnMock.calls().length);
    expect(result.awsCallsByOperation.DescribeStacks).toBe(3);
  });

  it("adds CAPABILITY_AUTO_EXPAND for a template with a Transform, and says so", async () => {
    const lines: string[] = [];
    cfnMock
      .on(DescribeStacksCommand)
      .rejectsOnce(missingStack())
      .resolves({ Stacks: [stack("CREATE_COMPLETE")] });
    cfnMock.on(CreateChangeSetCommand).resolves({ Id: CHANGE_SET_ID, StackId: STACK_ID });
    cfnMock.on(DescribeChangeSetCommand).resolves(readyChangeSet(2));
    cfnMock.on(ExecuteChangeSetCommand).resolves({});
    cfnMock.on(DescribeStackEventsCommand).resolves({ StackEvents: [] });

    const result = await deployStack(
      baseOptions({ template: { file: "template.yaml", body: SAM_TEMPLATE }, mode: "create-change-set" }),
      baseDeps(fakeTime(), lines),
    );

    expect(result.outcome).toBe("change-set-created");
    expect(cfnMock.commandCalls(CreateChangeSetCommand)[0].args[0].input.Capabilities).toEqual([
      "CAPABILITY_IAM",
      "CAPABILITY_AUTO_EXPAND",
    ]);
    expect(lines).toContain(
      "The template has a Transform, so CAPABILITY_AUTO_EXPAND is added to the capabilities.",
    );
    expect(cfnMock.commandCalls(ExecuteChangeSetCommand)).toHaveLength(0);
    expect(result.changes.map((c) => [c.action, c.logicalId, c.replaces])).toEqual([
      ["Modify", "Bucket", true],
      ["Add", "Queue", false],
    ]);
  });
});

describe("deployStack: update and no-op", () => {
  it("takes the no-op fast path in two AWS calls when template, parameters and tags are unchanged", async () => {
    cfnMock.on(DescribeStacksCommand).resolves({ Stacks: [stack("UPDATE_COMPLETE")] });
    cfnMock.on(GetTemplateCommand).resolves({ TemplateBody: TEMPLATE });
    const lines: string[] = [];

    const result = await deployStack(baseOptions(), baseDeps(fakeTime(), lines));

    expect(result.ok).toBe(true);
    expect(result.outcome).toBe("no-changes");
    expect(result.hasChanges).toBe(false);
    expect(operations()).toEqual(["DescribeStacksCommand", "GetTemplateCommand"]);
    expect(cfnMock.commandCalls(GetTemplateCommand)[0].args[0].input).toEqual({
      StackName: STACK_ID,
      TemplateStage: "Original",
    });
    expect(result.awsCalls).toBe(2);
    expect(result.url).toBe("http://app-pr-7.example");
    expect(result.status).toBe("UPDATE_COMPLETE");
  });

  it("updates through an UPDATE change set when the template changed, honouring disable-rollback", async () => {
    const changed = TEMPLATE.replace("Default: dev", "Default: prod");
    cfnMock
      .on(DescribeStacksCommand)
      .resolvesOnce({ Stacks: [stack("UPDATE_COMPLETE")] })
      .resolves({
        Stacks: [
          stack("UPDATE_COMPLETE", { Parameters: [{ ParameterKey: "Stage", ParameterValue: "prod" }] }),
        ],
      });
    cfnMock.on(GetTemplateCommand).resolves({ TemplateBody: TEMPLATE });
    cfnMock.on(CreateChangeSetCommand).resolves({ Id: CHANGE_SET_ID, StackId: STACK_ID });
    cfnMock.on(DescribeChangeSetCommand).resolves(readyChangeSet(2));
    cfnMock.on(ExecuteChangeSetCommand).resolves({});
    cfnMock.on(DescribeStackEventsCommand).resolves({ StackEvents: [] });
    const lines: string[] = [];

    const result = await deployStack(
      baseOptions({ template: { file: "template.yaml", body: changed }, disableRollback: true }),
      baseDeps(fakeTime(), lines),
    );

    expect(result.outcome).toBe("deployed");
    expect(result.created).toBe(false);
    expect(cfnMock.commandCalls(CreateChangeSetCommand)[0].args[0].input.ChangeSetType).toBe("UPDATE");
    expect(cfnMock.commandCalls(ExecuteChangeSetCommand)[0].args[0].input.DisableRollback).toBe(true);
    // GetTemplate is read once, by the no-op check, and reused for the IAM diff.
    expect(cfnMock.commandCalls(GetTemplateCommand)).toHaveLength(1);
    expect(lines).toContain("Creating a change set: parameter Stage changed.");
    expect(lines).toContain(
      "Modify  Bucket AWS::S3::Bucket [BucketName (replacement)]  REPLACEMENT: resource will be replaced",
    );
  });

  it("deletes an empty change set and reports no changes (NoEcho parameters skip the fast path)", async () => {
    const secretTemplate = `Parameters:\n  Token:\n    Type: String\n    NoEcho: true\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n`;
    cfnMock.on(DescribeStacksCommand).resolves({
      Stacks: [stack("UPDATE_COMPLETE", { Parameters: [{ ParameterKey: "Token", ParameterValue: "****" }] })],
    });
    cfnMock.on(GetTemplateCommand).resolves({ TemplateBody: secretTemplate });
    cfnMock.on(CreateChangeSetCommand).resolves({ Id: CHANGE_SET_ID, StackId: STACK_ID });
    cfnMock.on(DescribeChangeSetCommand).resolves({
      Status: "FAILED",
      StatusReason:
        "The submitted information didn't contain changes. Submit different information to create a change set.",
    });
    cfnMock.on(DeleteChangeSetCommand).resolves({});
    const lines: string[] = [];
    const masked: string[] = [];

    const result = await deployStack(
      baseOptions({
        template: { file: "t.yaml", body: secretTemplate },
        parameterOverrides: "Token=s3cr3t=,x",
      }),
      baseDeps(fakeTime(), lines, { maskSecret: (v) => masked.push(v) }),
    );

    expect(result.ok).toBe(true);
    expect(result.outcome).toBe("no-changes");
    expect(result.hasChanges).toBe(false);
    expect(result.changeSetId).toBeUndefined();
    expect(cfnMock.commandCalls(DeleteChangeSetCommand)[0].args[0].input).toEqual({
      ChangeSetName: CHANGE_SET_ID,
      StackName: "app-pr-7",
    });
    expect(cfnMock.commandCalls(ExecuteChangeSetCommand)).toHaveLength(0);
    expect(masked).toEqual(["s3cr3t=,x"]);
    expect(result.parameters).toEqual(["Token=****"]);
    expect(lines.join("\n")).not.toContain("s3cr3t");
  });

  it("fails on an empty change set when fail-on-empty-changeset is true", async () => {
    cfnMock.on(DescribeStacksCommand).resolves({ Stacks: [stack("UPDATE_COMPLETE", { Tags: [] })] });
    cfnMock.on(CreateChangeSetCommand).resolves({ Id: CHANGE_SET_ID, StackId: STACK_ID });
    cfnMock
      .on(DescribeChangeSetCommand)
      .resolves({ Status: "FAILED", StatusReason: "No updates are to be performed." });
    cfnMock.on(DeleteChangeSetCommand).resolves({});

    const result = await deployStack(baseOptions({ failOnEmptyChangeset: true }), baseDeps(fakeTime(), []));

    expect(result.ok).toBe(false);
    expect(result.failure?.kind).toBe("empty-change-set");
    expect(result.failure?.message).toBe(
      "Stack app-pr-7 has no changes to deploy, and fail-on-empty-changeset is true. Set it to false to let an unchanged deployment pass.",
    );
    expect(cfnMock.commandCalls(DeleteChangeSetCommand)).toHaveLength(1);
  });
});

describe("deployStack: failures", () => {
  it("names the root cause of a failed update: the earliest failure that is not a cancellation", async () => {
    const changed = TEMPLATE.replace("Default: dev", "Default: prod");
    cfnMock
      .on(DescribeStacksCommand)
      .resolvesOnce({ Stacks: [stack("UPDATE_COMPLETE")] })
      .resolves({ Stacks: [stack("UPDATE_ROLLBACK_COMPLETE")] });
    cfnMock.on(GetTemplateCommand).resolves({ TemplateBody: TEMPLATE });
    cfnMock.on(CreateChangeSetCommand).resolves({ Id: CHANGE_SET_ID, StackId: STACK_ID });
    cfnMock.on(DescribeChangeSetCommand).resolves(readyChangeSet(2));
    cfnMock.on(ExecuteChangeSetCommand).resolves({});
    cfnMock.on(DescribeStackEventsCommand).resolves({
      StackEvents: [
        event("e6", 20, "app-pr-7", "UPDATE_ROLLBACK_COMPLETE"),
        event("e5", 6, "app-pr-7", "UPDATE_ROLLBACK_IN_PROGRESS", {
          ResourceStatusReason: "The following resource(s) failed to update: [Bucket]. ",
        }),
        event("e4", 5, "Queue", "UPDATE_FAILED", { ResourceStatusReason: "Resource update cancelled" }),
        event("e3", 4, "Bucket", "UPDATE_FAILED", { ResourceStatusReason: "my-bucket already exists" }),
        event("e2", 2, "Bucket", "UPDATE_IN_PROGRESS"),
        event("e0", -100, "Bucket", "UPDATE_FAILED", { ResourceStatusReason: "an earlier run's failure" }),
      ],
    });

    const result = await deployStack(
      baseOptions({ template: { file: "template.yaml", body: changed } }),
      baseDeps(fakeTime(), []),
    );

    expect(result.ok).toBe(false);
    expect(result.status).toBe("UPDATE_ROLLBACK_COMPLETE");
    expect(result.rootCause).toMatchObject({
      logicalId: "Bucket",
      status: "UPDATE_FAILED",
      reason: "my-bucket already exists",
      location: { file: "template.yaml", line: 7 },
    });
    expect(result.failure).toEqual({
      kind: "stack-failed",
      message:
        "Stack app-pr-7 ended in UPDATE_ROLLBACK_COMPLETE. Root cause: Bucket (AWS::S3::Bucket) UPDATE_FAILED: my-bucket already exists. Fix it in the template or parameters and push again; the stack events above show every step.",
      location: { file: "template.yaml", line: 7 },
    });
    // A failed preview reports no URL warning: the outputs of a rolled-back stack are not news.
    expect(result.warnings).toEqual([]);
  });

  it("names the capability to add when CloudFormation asks for one, and deletes nothing", async () => {
    cfnMock.on(DescribeStacksCommand).rejects(missingStack());
    cfnMock
      .on(CreateChangeSetCommand)
      .rejects(
        awsError("InsufficientCapabilitiesException", "Requires capabilities : [CAPABILITY_NAMED_IAM]"),
      );

    const result = await deployStack(baseOptions(), baseDeps(fakeTime(), []));

    expect(result.ok).toBe(false);
    expect(result.failure?.kind).toBe("insufficient-capabilities");
    expect(result.failure?.message).toBe(
      "The template for stack app-pr-7 needs CAPABILITY_NAMED_IAM, which the capabilities input does not grant. Add CAPABILITY_NAMED_IAM to capabilities (e.g. capabilities: CAPABILITY_IAM,CAPABILITY_NAMED_IAM).",
    );
    expect(cfnMock.commandCalls(DeleteChangeSetCommand)).toHaveLength(0);
  });

  it("annotates the template line a ValidationError's template path points at", async () => {
    cfnMock.on(DescribeStacksCommand).rejects(missingStack());
    cfnMock
      .on(CreateChangeSetCommand)
      .rejects(
        awsError(
          "ValidationError",
          "Template format error: [/Outputs/Url/Value] 'null' values are not allowed in templates",
        ),
      );

    const result = await deployStack(baseOptions(), baseDeps(fakeTime(), []));

    expect(result.failure).toEqual({
      kind: "validation",
      message:
        "CloudFormation rejected cloudformation:CreateChangeSet for stack app-pr-7: Template format error: [/Outputs/Url/Value] 'null' values are not allowed in templates (template.yaml line 13)",
      location: { file: "template.yaml", line: 13 },
    });
  });

  it("rejects an unknown parameter before any AWS call", async () => {
    const result = await deployStack(
      baseOptions({ parameterOverrides: "Stage=prod\nStgae=prod" }),
      baseDeps(fakeTime(), []),
    );

    expect(result.failure).toEqual({
      kind: "input",
      message:
        "Input 'parameter-overrides': 'Stgae' is not declared in the template's Parameters (declared: Stage). Remove it or fix the spelling.",
    });
    expect(result.awsCalls).toBe(0);
  });

  function failedCreateChangeSet() {
    cfnMock.on(CreateChangeSetCommand).resolves({ Id: CHANGE_SET_ID, StackId: STACK_ID });
    cfnMock.on(DescribeChangeSetCommand).resolves({
      Status: "FAILED",
      StatusReason: "Template error: instance of Fn::GetAtt references undefined attribute Queue.Nope",
    });
    cfnMock.on(DeleteChangeSetCommand).resolves({});
    cfnMock.on(DeleteStackCommand).resolves({});
  }

  it("deletes a failed CREATE change set and the empty stack it made, and names the resource's line", async () => {
    cfnMock
      .on(DescribeStacksCommand)
      .rejectsOnce(missingStack())
      .resolves({ Stacks: [stack("REVIEW_IN_PROGRESS", { Outputs: [] })] });
    cfnMock.on(ListChangeSetsCommand).resolves({ Summaries: [] });
    failedCreateChangeSet();
    const lines: string[] = [];

    const result = await deployStack(baseOptions(), baseDeps(fakeTime(), lines));

    expect(result.failure?.kind).toBe("change-set");
    expect(result.failure?.location).toEqual({ file: "template.yaml", line: 9 });
    expect(cfnMock.commandCalls(DeleteChangeSetCommand).map((c) => c.args[0].input)).toEqual([
      { ChangeSetName: CHANGE_SET_ID, StackName: "app-pr-7" },
    ]);
    // By id, after the change set is gone, and only once it is known to be still unexecuted.
    expect(cfnMock.commandCalls(DeleteStackCommand).map((c) => c.args[0].input)).toEqual([
      { StackName: STACK_ID },
    ]);
    expect(cfnMock.commandCalls(DescribeStacksCommand).at(-1)?.args[0].input).toEqual({
      StackName: STACK_ID,
    });
    expect(lines).toContain(
      "Deleted the empty stack app-pr-7 that the failed change set had created (REVIEW_IN_PROGRESS).",
    );
  });

  it("leaves a REVIEW_IN_PROGRESS stack it did not create, or one another change set waits on", async () => {
    // Someone's change set was waiting on the stack before this run.
    cfnMock.on(DescribeStacksCommand).resolves({ Stacks: [stack("REVIEW_IN_PROGRESS", { Outputs: [] })] });
    cfnMock.on(ListChangeSetsCommand).resolves({ Summaries: [] });
    failedCreateChangeSet();
    const theirs = await deployStack(baseOptions(), baseDeps(fakeTime(), []));
    expect(theirs.failure?.kind).toBe("change-set");
    expect(cfnMock.commandCalls(DeleteChangeSetCommand)).toHaveLength(1);
    expect(cfnMock.commandCalls(DeleteStackCommand)).toHaveLength(0);

    // A stack this run created, on which another change set appeared meanwhile.
    cfnMock.reset();
    cfnMock
      .on(DescribeStacksCommand)
      .rejectsOnce(missingStack())
      .resolves({ Stacks: [stack("REVIEW_IN_PROGRESS", { Outputs: [] })] });
    cfnMock.on(ListChangeSetsCommand).resolves({ Summaries: [{ ChangeSetName: "other-run" }] });
    failedCreateChangeSet();
    const shared = await deployStack(baseOptions(), baseDeps(fakeTime(), []));
    expect(shared.failure?.kind).toBe("change-set");
    expect(cfnMock.commandCalls(DeleteStackCommand)).toHaveLength(0);
  });

  it("deletes the empty stack when waiting for its CREATE change set fails outright", async () => {
    cfnMock
      .on(DescribeStacksCommand)
      .rejectsOnce(missingStack())
      .resolves({ Stacks: [stack("REVIEW_IN_PROGRESS", { Outputs: [] })] });
    cfnMock.on(ListChangeSetsCommand).resolves({ Summaries: [] });
    failedCreateChangeSet();
    cfnMock
      .on(DescribeChangeSetCommand)
      .rejects(
        awsError("AccessDenied", "User is not authorized to perform: cloudformation:DescribeChangeSet"),
      );

    const result = await deployStack(baseOptions(), baseDeps(fakeTime(), []));

    expect(result.ok).toBe(false);
    expect(cfnMock.commandCalls(DeleteChangeSetCommand)).toHaveLength(1);
    expect(cfnMock.commandCalls(DeleteStackCommand)).toHaveLength(1);
  });
});

describe("deployStack: before creating a new stack", () => {
  it("asks beforeCreate once for a new stack, and a refusal creates and uploads nothing", async () => {
    cfnMock.on(DescribeStacksCommand).rejects(missingStack());
    const asked: string[] = [];
    const beforeCreate = async () => {
      asked.push("asked");
      return "Preview app-pr-7 was not created: 20 live previews and max-previews is 20.";
    };

    const result = await deployStack(baseOptions(), baseDeps(fakeTime(), [], { beforeCreate }));

    expect(asked).toEqual(["asked"]);
    expect(result.ok).toBe(false);
    expect(result.failure).toEqual({
      kind: "refused",
      message: "Preview app-pr-7 was not created: 20 live previews and max-previews is 20.",
    });
    expect(operations()).toEqual(["DescribeStacksCommand"]);
    expect(s3Mock.calls()).toHaveLength(0);
  });

  it("does not ask for a stack that already exists", async () => {
    cfnMock.on(DescribeStacksCommand).resolves({ Stacks: [stack("UPDATE_COMPLETE")] });
    cfnMock.on(GetTemplateCommand).resolves({ TemplateBody: TEMPLATE });
    let asked = 0;

    const result = await deployStack(
      baseOptions(),
      baseDeps(fakeTime(), [], {
        beforeCreate: async () => {
          asked++;
          return "refused";
        },
      }),
    );

    expect(result.outcome).toBe("no-changes");
    expect(asked).toBe(0);
  });
});

describe("deployStack: preflight", () => {
  it("deletes and re-creates a preview stack in ROLLBACK_COMPLETE", async () => {
    const lines: string[] = [];
    cfnMock
      .on(DescribeStacksCommand)
      .resolvesOnce({ Stacks: [stack("ROLLBACK_COMPLETE")] })
      .resolvesOnce({ Stacks: [stack("DELETE_IN_PROGRESS")] })
      .resolvesOnce({ Stacks: [stack("DELETE_COMPLETE")] })
      .resolves({ Stacks: [stack("CREATE_COMPLETE")] });
    cfnMock.on(DeleteStackCommand).resolves({});
    cfnMock.on(DescribeStackEventsCommand).resolves({ StackEvents: [] });
    cfnMock.on(CreateChangeSetCommand).resolves({ Id: CHANGE_SET_ID, StackId: STACK_ID });
    cfnMock.on(DescribeChangeSetCommand).resolves(readyChangeSet(1));
    cfnMock.on(ExecuteChangeSetCommand).resolves({});

    const result = await deployStack(baseOptions(), baseDeps(fakeTime(), lines));

    expect(result.outcome).toBe("deployed");
    expect(result.recreated).toBe(true);
    expect(result.created).toBe(true);
    expect(cfnMock.commandCalls(DeleteStackCommand)[0].args[0].input.StackName).toBe(STACK_ID);
    expect(cfnMock.commandCalls(CreateChangeSetCommand)[0].args[0].input.ChangeSetType).toBe("CREATE");
    expect(lines).toContain(
      "Stack app-pr-7 is in ROLLBACK_COMPLETE after a failed first create; deleting it so it can be created afresh.",
    );
  });

  it("refuses a named stack in ROLLBACK_COMPLETE with the commands to fix it", async () => {
    cfnMock
      .on(DescribeStacksCommand)
      .resolves({ Stacks: [stack("ROLLBACK_COMPLETE", { StackName: "release" })] });

    const result = await deployStack(
      baseOptions({ stackName: "release", preview: undefined }),
      baseDeps(fakeTime(), []),
    );

    expect(result.failure).toEqual({
      kind: "stack-state",
      message:
        "Stack release is in ROLLBACK_COMPLETE: its first create failed, and CloudFormation cannot update such a stack. Delete it and run again (aws cloudformation delete-stack --stack-name release && aws cloudformation wait stack-delete-complete --stack-name release), or set recreate-failed: true to let the action delete and re-create it.",
    });
    expect(cfnMock.commandCalls(DeleteStackCommand)).toHaveLength(0);
  });

  it("waits for another run's update to finish, saying so, before checking for changes", async () => {
    const lines: string[] = [];
    const time = fakeTime();
    cfnMock
      .on(DescribeStacksCommand)
      .resolvesOnce({ Stacks: [stack("UPDATE_IN_PROGRESS")] })
      .resolvesOnce({ Stacks: [stack("UPDATE_COMPLETE_CLEANUP_IN_PROGRESS")] })
      .resolves({ Stacks: [stack("UPDATE_COMPLETE")] });
    cfnMock
      .on(DescribeStackEventsCommand)
      .resolvesOnce({ StackEvents: [] })
      .resolves({ StackEvents: [event("done", 2, "app-pr-7", "UPDATE_COMPLETE")] });
    cfnMock.on(GetTemplateCommand).resolves({ TemplateBody: TEMPLATE });

    const result = await deployStack(baseOptions(), baseDeps(time, lines));

    expect(result.outcome).toBe("no-changes");
    expect(result.waitedForOtherOperation).toBe(true);
    expect(lines[0]).toBe(
      "Stack app-pr-7 is UPDATE_IN_PROGRESS: another operation is running. Waiting for it to finish before deploying.",
    );
    // Events, then the stack, a second apart (jitter at its midpoint); the final event ends the wait.
    expect(time.sleeps).toEqual([1000, 1000]);
    expect(lines).toContain("10:00:02  app-pr-7  AWS::CloudFormation::Stack  UPDATE_COMPLETE");
  });
});

describe("deployStack: waiting", () => {
  function updateScenario() {
    const changed = TEMPLATE.replace("Default: dev", "Default: prod");
    cfnMock.on(GetTemplateCommand).resolves({ TemplateBody: TEMPLATE });
    cfnMock.on(CreateChangeSetCommand).resolves({ Id: CHANGE_SET_ID, StackId: STACK_ID });
    cfnMock.on(DescribeChangeSetCommand).resolves(readyChangeSet(1));
    cfnMock.on(ExecuteChangeSetCommand).resolves({});
    cfnMock.on(DescribeStackEventsCommand).resolves({ StackEvents: [] });
    return baseOptions({ template: { file: "template.yaml", body: changed } });
  }

  it("rides out a throttling storm without failing", async () => {
    const options = updateScenario();
    const throttled = () => awsError("Throttling", "Rate exceeded");
    cfnMock
      .on(DescribeStacksCommand)
      .resolvesOnce({ Stacks: [stack("UPDATE_COMPLETE")] })
      .rejectsOnce(throttled())
      .rejectsOnce(throttled())
      .rejectsOnce(awsError("InternalFailure", "internal error", 500))
      .rejectsOnce(throttled())
      .rejectsOnce(throttled())
      .resolves({ Stacks: [stack("UPDATE_COMPLETE")] });
    cfnMock.on(DescribeStackEventsCommand).rejectsOnce(throttled()).resolves({ StackEvents: [] });
    const lines: string[] = [];

    const result = await deployStack(options, baseDeps(fakeTime(), lines));

    expect(result.failure).toBeUndefined();
    expect(result.outcome).toBe("deployed");
    expect(lines.filter((l) => l.startsWith("AWS answered DescribeStacks"))).toEqual([
      "AWS answered DescribeStacks with Throttling; retrying with backoff.",
    ]);
  });

  it("fails at timeout-minutes and cancels a preview's update", async () => {
    const options = { ...updateScenario(), timeoutMinutes: 2 };
    cfnMock
      .on(DescribeStacksCommand)
      .resolvesOnce({ Stacks: [stack("UPDATE_COMPLETE")] })
      .resolves({ Stacks: [stack("UPDATE_IN_PROGRESS")] });
    cfnMock.on(CancelUpdateStackCommand).resolves({});
    const time = fakeTime();

    const result = await deployStack(options, baseDeps(time, []));

    expect(result.ok).toBe(false);
    expect(result.failure?.kind).toBe("timeout");
    expect(result.failure?.message).toBe(
      "Stack app-pr-7 did not finish within timeout-minutes (2); it is still UPDATE_IN_PROGRESS. The update was cancelled and will roll back. Raise timeout-minutes if the deployment needs longer, and check the stack events for a resource that is stuck.",
    );
    expect(cfnMock.commandCalls(CancelUpdateStackCommand)[0].args[0].input).toEqual({ StackName: STACK_ID });
    expect(time.clock() - T0).toBe(120_000);
    expect(result.timings.totalMs).toBe(120_000);
  });

  it("does not cancel a named stack's update at timeout", async () => {
    const options = { ...updateScenario(), timeoutMinutes: 1, preview: undefined, stackName: "app-pr-7" };
    cfnMock
      .on(DescribeStacksCommand)
      .resolvesOnce({ Stacks: [stack("UPDATE_COMPLETE", { Tags: [] })] })
      .resolves({ Stacks: [stack("UPDATE_IN_PROGRESS")] });

    const result = await deployStack(options, baseDeps(fakeTime(), []));

    expect(result.failure?.kind).toBe("timeout");
    expect(cfnMock.commandCalls(CancelUpdateStackCommand)).toHaveLength(0);
  });
});

describe("deployStack: large templates", () => {
  const big = `${TEMPLATE}Metadata:\n  Padding: "${"x".repeat(52_000)}"\n`;

  it("uploads a template over 51,200 bytes to the artifact bucket and passes its URL", async () => {
    cfnMock
      .on(DescribeStacksCommand)
      .rejectsOnce(missingStack())
      .resolves({ Stacks: [stack("CREATE_COMPLETE")] });
    cfnMock.on(CreateChangeSetCommand).resolves({ Id: CHANGE_SET_ID, StackId: STACK_ID });
    cfnMock.on(DescribeChangeSetCommand).resolves(readyChangeSet(1));
    cfnMock.on(ExecuteChangeSetCommand).resolves({});
    cfnMock.on(DescribeStackEventsCommand).resolves({ StackEvents: [] });
    s3Mock.on(PutObjectCommand).resolves({});

    const result = await deployStack(
      baseOptions({
        template: { file: "template.yaml", body: big },
        artifactBucket: "artifacts",
        artifactPrefix: "cfn",
      }),
      baseDeps(fakeTime(), []),
    );

    expect(result.outcome).toBe("deployed");
    const put = s3Mock.commandCalls(PutObjectCommand)[0].args[0].input;
    expect(put.Bucket).toBe("artifacts");
    expect(put.Key).toMatch(/^cfn\/app-pr-7\/[0-9a-f]{64}\.template$/);
    const input = cfnMock.commandCalls(CreateChangeSetCommand)[0].args[0].input;
    expect(input.TemplateBody).toBeUndefined();
    expect(input.TemplateURL).toBe(`https://artifacts.s3.eu-west-1.amazonaws.com/${put.Key}`);
    expect(result.awsCallsByOperation.PutObject).toBe(1);
  });

  it("fails before any AWS call when such a template has no artifact-bucket", async () => {
    const result = await deployStack(
      baseOptions({ template: { file: "template.yaml", body: big } }),
      baseDeps(fakeTime(), []),
    );

    expect(result.failure?.kind).toBe("template");
    expect(result.failure?.message).toBe(
      `Template template.yaml is ${Buffer.byteLength(big).toLocaleString("en-US")} bytes, over CloudFormation's 51,200-byte limit for inline templates. Set artifact-bucket to an S3 bucket in eu-west-1 so the template can be uploaded and passed by URL.`,
    );
    expect(result.awsCalls).toBe(0);
  });
});

describe("deployStack: execute-change-set mode", () => {
  it("executes a reviewed change set and waits for the stack", async () => {
    cfnMock.on(DescribeChangeSetCommand).resolves({
      ...readyChangeSet(2),
      ExecutionStatus: "AVAILABLE",
      ChangeSetId: CHANGE_SET_ID,
      ChangeSetName: "preview-stacks-98-1",
      StackId: STACK_ID,
    });
    cfnMock
      .on(DescribeStacksCommand)
      .resolvesOnce({ Stacks: [stack("UPDATE_COMPLETE")] })
      .resolves({ Stacks: [stack("UPDATE_COMPLETE")] });
    cfnMock.on(ExecuteChangeSetCommand).resolves({});
    cfnMock.on(DescribeStackEventsCommand).resolves({ StackEvents: [] });

    const result = await deployStack(
      baseOptions({ mode: "execute-change-set", changeSetId: CHANGE_SET_ID, preview: undefined }),
      baseDeps(fakeTime(), []),
    );

    expect(result.failure).toBeUndefined();
    expect(result.outcome).toBe("deployed");
    expect(result.changeSetName).toBe("preview-stacks-98-1");
    expect(result.changes).toHaveLength(2);
    expect(cfnMock.commandCalls(CreateChangeSetCommand)).toHaveLength(0);
    expect(cfnMock.commandCalls(ExecuteChangeSetCommand)[0].args[0].input).toMatchObject({
      ChangeSetName: CHANGE_SET_ID,
      StackName: "app-pr-7",
    });
  });

  /** A role that Lambda can assume, with no permissions of its own. */
  const WITH_ROLE = `Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
`;
  /** WITH_ROLE plus a policy letting the role read the queue: what the reviewed change set deploys. */
  const WITH_POLICY = `${WITH_ROLE}  ReadQueue:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: read-queue
      Roles: [!Ref Role]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: sqs:ReceiveMessage
            Resource: "*"
`;

  function reviewedChangeSet(stackStatus: string) {
    cfnMock.on(DescribeChangeSetCommand).resolves({
      ...readyChangeSet(2),
      ExecutionStatus: "AVAILABLE",
      ChangeSetId: CHANGE_SET_ID,
      ChangeSetName: "preview-stacks-98-1",
      StackId: STACK_ID,
    });
    cfnMock
      .on(DescribeStacksCommand)
      .resolvesOnce({ Stacks: [stack(stackStatus)] })
      .resolves({
        Stacks: [stack(stackStatus === "REVIEW_IN_PROGRESS" ? "CREATE_COMPLETE" : "UPDATE_COMPLETE")],
      });
    cfnMock.on(GetTemplateCommand, { ChangeSetName: CHANGE_SET_ID }).resolves({ TemplateBody: WITH_POLICY });
    cfnMock.on(GetTemplateCommand, { StackName: STACK_ID }).resolves({ TemplateBody: WITH_ROLE });
    cfnMock.on(ExecuteChangeSetCommand).resolves({});
    cfnMock.on(DescribeStackEventsCommand).resolves({ StackEvents: [] });
  }

  it("diffs the change set's template against the deployed one for the IAM changes", async () => {
    reviewedChangeSet("UPDATE_COMPLETE");

    // The checkout's template (TEMPLATE, no IAM at all) is not what the change set deploys.
    const result = await deployStack(
      baseOptions({ mode: "execute-change-set", changeSetId: CHANGE_SET_ID, preview: undefined }),
      baseDeps(fakeTime(), [], { securityDiff: securityChanges }),
    );

    expect(result.failure).toBeUndefined();
    expect(result.warnings).toEqual([]);
    expect(cfnMock.commandCalls(GetTemplateCommand).map((c) => c.args[0].input)).toEqual([
      { ChangeSetName: CHANGE_SET_ID, TemplateStage: "Original" },
      { StackName: STACK_ID, TemplateStage: "Original" },
    ]);
    // The role was there before: only the new policy's statement shows.
    expect(result.security.iamStatements).toEqual([
      ["", "Resource", "Effect", "Action", "Principal", "Condition"],
      ["+", "*", "Allow", "sqs:ReceiveMessage", "AWS:${Role}", ""],
    ]);
    expect(result.security.permissionsBroadened).toBe(true);
  });

  it("diffs against nothing for a stack still in review, which has no deployed template", async () => {
    reviewedChangeSet("REVIEW_IN_PROGRESS");

    const result = await deployStack(
      baseOptions({ mode: "execute-change-set", changeSetId: CHANGE_SET_ID, preview: undefined }),
      baseDeps(fakeTime(), [], { securityDiff: securityChanges }),
    );

    expect(result.failure).toBeUndefined();
    expect(result.created).toBe(true);
    expect(cfnMock.commandCalls(GetTemplateCommand).map((c) => c.args[0].input)).toEqual([
      { ChangeSetName: CHANGE_SET_ID, TemplateStage: "Original" },
    ]);
    expect(result.security.iamStatements).toEqual([
      ["", "Resource", "Effect", "Action", "Principal", "Condition"],
      ["+", "${Role.Arn}", "Allow", "sts:AssumeRole", "Service:lambda.amazonaws.com", ""],
      ["+", "*", "Allow", "sqs:ReceiveMessage", "AWS:${Role}", ""],
    ]);
  });

  it("warns and skips the IAM diff when the change set's template cannot be read", async () => {
    reviewedChangeSet("UPDATE_COMPLETE");
    cfnMock
      .on(GetTemplateCommand, { ChangeSetName: CHANGE_SET_ID })
      .rejects(awsError("AccessDenied", "not authorized to perform: cloudformation:GetTemplate", 403));
    let diffs = 0;

    const result = await deployStack(
      baseOptions({ mode: "execute-change-set", changeSetId: CHANGE_SET_ID, preview: undefined }),
      baseDeps(fakeTime(), [], {
        securityDiff: async (before, after) => {
          diffs++;
          return securityChanges(before, after);
        },
      }),
    );

    expect(result.outcome).toBe("deployed");
    expect(result.warnings).toEqual([
      "The change set's template could not be read for the IAM diff (not authorized to perform: cloudformation:GetTemplate).",
    ]);
    expect(diffs).toBe(0);
    expect(result.security.hasChanges).toBe(false);
  });

  it("refuses a change set that was already executed", async () => {
    cfnMock.on(DescribeChangeSetCommand).resolves({
      Status: "CREATE_COMPLETE",
      ExecutionStatus: "EXECUTE_COMPLETE",
      ChangeSetId: CHANGE_SET_ID,
    });

    const result = await deployStack(
      baseOptions({ mode: "execute-change-set", changeSetId: CHANGE_SET_ID }),
      baseDeps(fakeTime(), []),
    );

    expect(result.failure?.kind).toBe("stack-state");
    expect(result.failure?.message).toBe(
      `Change set ${CHANGE_SET_ID} cannot be executed: it is CREATE_COMPLETE/EXECUTE_COMPLETE. Create a new one with mode: create-change-set.`,
    );
    expect(cfnMock.commandCalls(ExecuteChangeSetCommand)).toHaveLength(0);
  });
});
