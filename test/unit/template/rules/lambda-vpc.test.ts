/**
 * E3972: a function's VpcConfig with subnets but no security groups, or the other way round.
 */
import { describe, expect, it } from "vitest";
import { brief, lint, yaml } from "../lint";

const fn = (name: string, vpc: string, type = "AWS::Lambda::Function") => [
  `  ${name}:`,
  `    Type: ${type}`,
  "    Properties:",
  "      Runtime: python3.12",
  "      Handler: index.handler",
  ...(type === "AWS::Lambda::Function"
    ? ["      Role: arn:aws:iam::123456789012:role/r", "      Code: { ZipFile: 'x' }"]
    : ["      InlineCode: 'x'"]),
  `      VpcConfig: ${vpc}`,
];

describe("E3972 VpcConfig subnets and security groups", () => {
  it("reports one side given and the other absent or empty, and leaves lists the deploy gives", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Subnets: { Type: 'List<AWS::EC2::Subnet::Id>' }",
        "Resources:",
        ...fn("NoGroups", "{ SubnetIds: [subnet-0123456789abcdef0] }"),
        ...fn("EmptySubnets", "{ SubnetIds: [], SecurityGroupIds: [sg-0123456789abcdef0] }"),
        ...fn("Both", "{ SubnetIds: [subnet-0123456789abcdef0], SecurityGroupIds: [sg-0123456789abcdef0] }"),
        ...fn("Neither", "{ SubnetIds: [], SecurityGroupIds: [] }"),
        ...fn("Given", "{ SubnetIds: !Ref Subnets }"),
      ),
      { only: ["E3972"] },
    );
    expect(brief(findings)).toEqual(["E3972 11:31", "E3972 19:53"]);
    expect(findings[0].message).toBe(
      "The VpcConfig of function 'NoGroups' gives subnets but no security groups, and Lambda refuses it (\"SubnetIds " +
        'and SecurityIds must coexist or be both empty list"); add SecurityGroupIds, or remove SubnetIds to leave ' +
        "the function outside a VPC",
    );
    expect(findings[1].message).toMatch(
      /'EmptySubnets' gives security groups but no subnets, .*; add SubnetIds, or/,
    );
  });

  it("reads a SAM function's own VpcConfig, and leaves one Globals may complete", () => {
    const sam = (globals: string[]) =>
      lint(
        yaml(
          "Transform: AWS::Serverless-2016-10-31",
          ...globals,
          "Resources:",
          ...fn("Handler", "{ SecurityGroupIds: [sg-0123456789abcdef0] }", "AWS::Serverless::Function"),
        ),
        { only: ["E3972"] },
      );
    expect(brief(sam([]))).toEqual(["E3972 9:38"]);
    expect(
      sam(["Globals:", "  Function:", "    VpcConfig: { SubnetIds: [subnet-0123456789abcdef0] }"]),
    ).toEqual([]);
  });
});
