import { describe, expect, it } from "vitest";
import {
  readableIntrinsics,
  renderChangesMarkdown,
  securityChanges,
  summarizeChanges,
} from "../../../src/stack/diff";

const role = {
  Type: "AWS::IAM::Role",
  Properties: {
    AssumeRolePolicyDocument: {
      Statement: [
        { Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" },
      ],
    },
  },
};

describe("summarizeChanges", () => {
  it("keeps action, id, type and flags replacement when True or Conditional", () => {
    const rows = summarizeChanges([
      {
        Type: "Resource",
        ResourceChange: {
          Action: "Modify",
          LogicalResourceId: "Table",
          PhysicalResourceId: "table-1",
          ResourceType: "AWS::DynamoDB::Table",
          Replacement: "Conditional",
          Scope: ["Properties"],
          Details: [{ Target: { Attribute: "Properties", Name: "KeySchema", RequiresRecreation: "Always" } }],
        },
      },
      {
        Type: "Resource",
        ResourceChange: { Action: "Remove", LogicalResourceId: "Old", ResourceType: "AWS::SNS::Topic" },
      },
    ]);
    expect(rows).toEqual([
      {
        action: "Modify",
        logicalId: "Table",
        physicalId: "table-1",
        resourceType: "AWS::DynamoDB::Table",
        replacement: "Conditional",
        replaces: true,
        scope: ["Properties"],
        details: ["KeySchema (replacement)"],
      },
      {
        action: "Remove",
        logicalId: "Old",
        physicalId: undefined,
        resourceType: "AWS::SNS::Topic",
        replacement: undefined,
        replaces: false,
        scope: [],
        details: [],
      },
    ]);
    expect(renderChangesMarkdown(rows, { ...emptySecurity })).toBe(
      [
        "> [!WARNING]",
        "> 1 resource will or may be **replaced**; data held in it can be lost.",
        "",
        "| Action | Logical ID | Type | Replacement | Changed |",
        "| --- | --- | --- | --- | --- |",
        "| Modify | `Table` | AWS::DynamoDB::Table | **Maybe** | KeySchema (replacement) |",
        "| Remove | `Old` | AWS::SNS::Topic |  |  |",
      ].join("\n"),
    );
  });
});

const emptySecurity = {
  iamStatements: [],
  managedPolicies: [],
  securityGroups: [],
  permissionsBroadened: false,
  hasChanges: false,
};

/** cloudformation-diff shows a reference to a resource the way Fn::Sub writes it. */
const ref = (id: string) => `\${${id}}`;

describe("securityChanges", () => {
  it("reports IAM statements, managed policies and ingress rules added by the new template", async () => {
    const before = { Resources: { Role: role } };
    const after = {
      Resources: {
        Role: {
          ...role,
          Properties: {
            ...role.Properties,
            ManagedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
            Policies: [
              {
                PolicyName: "p",
                PolicyDocument: { Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] },
              },
            ],
          },
        },
        Sg: {
          Type: "AWS::EC2::SecurityGroup",
          Properties: {
            GroupDescription: "web",
            SecurityGroupIngress: [{ IpProtocol: "tcp", FromPort: 443, ToPort: 443, CidrIp: "0.0.0.0/0" }],
          },
        },
      },
    };
    const changes = await securityChanges(before, after);
    expect(changes.iamStatements).toEqual([
      ["", "Resource", "Effect", "Action", "Principal", "Condition"],
      ["+", "*", "Allow", "s3:GetObject", `AWS:${ref("Role")}`, ""],
    ]);
    expect(changes.managedPolicies).toEqual([
      ["", "Resource", "Managed Policy ARN"],
      ["+", ref("Role"), "arn:aws:iam::aws:policy/ReadOnlyAccess"],
    ]);
    expect(changes.securityGroups).toEqual([
      ["", "Group", "Dir", "Protocol", "Peer"],
      ["+", ref("Sg.GroupId"), "In", "TCP 443", "Everyone (IPv4)"],
    ]);
    expect(changes.permissionsBroadened).toBe(true);
    expect(changes.hasChanges).toBe(true);

    const none = await securityChanges(after, after);
    expect(none).toEqual(emptySecurity);
  });
});

describe("intrinsics in the security tables", () => {
  it("reads as the template's short forms", () => {
    expect(readableIntrinsics('{"Fn::Sub":"${Bucket.Arn}/*"}')).toBe("${Bucket.Arn}/*");
    expect(readableIntrinsics('{"Fn::GetAtt":["Queue","Arn"]}, {"Ref":"Topic"}')).toBe(
      "${Queue.Arn}, ${Topic}",
    );
    expect(readableIntrinsics('{"Fn::Sub":"arn:${AWS::Partition}:s3:::a\\"b"}')).toBe(
      'arn:${AWS::Partition}:s3:::a"b',
    );
    expect(readableIntrinsics("arn:aws:s3:::plain")).toBe("arn:aws:s3:::plain");
  });
});
