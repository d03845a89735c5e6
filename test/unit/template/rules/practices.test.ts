/**
 * Warnings for practices that deploy but are worth changing: W1011 secrets through parameters,
 * W1054 pseudo parameter names as plain strings, W3045 bucket ACLs, W6001 outputs of imports.
 */
import { describe, expect, it } from "vitest";
import { brief, lint, yaml } from "../lint";

describe("W1011 secrets given through parameters", () => {
  it("finds a Ref to a parameter in password and token properties, through Fn::If and list items", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  DbPassword:",
        "    Type: String",
        "    NoEcho: true",
        "  Env:",
        "    Type: String",
        "Conditions:",
        "  IsProd: !Equals [!Ref Env, prod]",
        "Resources:",
        "  Db:",
        "    Type: AWS::RDS::DBInstance",
        "    Properties:",
        "      Engine: postgres",
        "      DBInstanceClass: db.t3.micro",
        '      AllocatedStorage: "20"',
        "      MasterUsername: admin",
        '      MasterUserPassword: !If [IsProd, !Ref DbPassword, !Ref "AWS::NoValue"]',
        "  User:",
        "    Type: AWS::IAM::User",
        "    Properties:",
        "      LoginProfile:",
        "        Password: !Ref DbPassword",
        "  Broker:",
        "    Type: AWS::AmazonMQ::Broker",
        "    Properties:",
        "      Users:",
        "        - Username: admin",
        '          Password: "{{resolve:secretsmanager:mq:SecretString:password}}"',
        "        - Username: ops",
        "          Password: !Ref DbPassword",
        "  Cache:",
        "    Type: AWS::ElastiCache::ReplicationGroup",
        "    Properties:",
        "      ReplicationGroupDescription: cache",
        '      AuthToken: !Join ["", [!Ref DbPassword]]',
      ),
      { only: ["W1011"] },
    );
    expect(brief(findings)).toEqual(["W1011 17:40", "W1011 22:19", "W1011 30:21"]);
    expect(findings[0].message).toBe(
      "MasterUserPassword takes parameter 'DbPassword' through Ref, so the secret is passed as a parameter value; " +
        "read it with a dynamic reference ('{{resolve:secretsmanager:...}}' or '{{resolve:ssm-secure:...}}') instead",
    );
  });
});

describe("W1054 pseudo parameter names as plain strings", () => {
  it("finds them where functions are resolved and in conditions, not in a Ref or a Description", () => {
    const findings = lint(
      yaml(
        "Mappings:",
        "  RegionMap:",
        "    us-east-1: { Ami: ami-12345678 }",
        "Conditions:",
        "  InUs: !Equals [AWS::Region, us-east-1]",
        "Resources:",
        "  Instance:",
        "    Type: AWS::EC2::Instance",
        "    Properties:",
        "      ImageId: !FindInMap [RegionMap, AWS::Region, Ami]",
        "      Tags:",
        "        - Key: none",
        "          Value: AWS::NoValue",
        "        - Key: region",
        "          Value: !Ref AWS::Region",
        "        - Key: sub",
        '          Value: !Sub ["${R}", { R: AWS::AccountId }]',
        "Outputs:",
        "  Region:",
        "    Description: AWS::Region",
        "    Value: !Ref AWS::Region",
      ),
      { only: ["W1054"] },
    );
    expect(brief(findings)).toEqual(["W1054 5:18", "W1054 10:39", "W1054 13:18", "W1054 17:37"]);
    expect(findings[0].message).toBe(
      "'AWS::Region' is a plain string here, not the pseudo parameter's value; write !Ref AWS::Region, or " +
        "${AWS::Region} inside a Fn::Sub",
    );
    expect(findings[2].message).toBe(
      "'AWS::NoValue' is a plain string here, not the pseudo parameter's value; write !Ref AWS::NoValue",
    );
  });
});

describe("W3045 bucket access through AccessControl", () => {
  it("warns of a canned ACL that works, and leaves one that fails to E3045", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Private:",
        "    Type: AWS::S3::Bucket",
        "    Properties:",
        "      AccessControl: Private",
        "  Public:",
        "    Type: AWS::S3::Bucket",
        "    Properties:",
        "      AccessControl: PublicRead",
        "  Logs:",
        "    Type: AWS::S3::Bucket",
        "    Properties:",
        "      AccessControl: LogDeliveryWrite",
        "      OwnershipControls:",
        "        Rules:",
        "          - ObjectOwnership: ObjectWriter",
        "  Plain:",
        "    Type: AWS::S3::Bucket",
      ),
      { only: ["W3045", "E3045"] },
    );
    expect(brief(findings)).toEqual(["W3045 5:7", "E3045 9:22", "W3045 13:7"]);
  });
});

describe("W6001 outputs of imported values", () => {
  it("finds Fn::ImportValue in an output's Value, alone or inside another function", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Topic:",
        "    Type: AWS::SNS::Topic",
        "    Properties:",
        "      DisplayName: !ImportValue shared-name",
        "Outputs:",
        "  Vpc:",
        "    Value: !ImportValue network-VpcId",
        "  Subnets:",
        '    Value: !Join [",", [!ImportValue a, !Ref Topic]]',
        "  Topic:",
        "    Value: !Ref Topic",
      ),
      { only: ["W6001"] },
    );
    expect(brief(findings)).toEqual(["W6001 8:12", "W6001 10:25"]);
    expect(findings[0].message).toBe(
      "Output Vpc passes on a value imported from another stack's export: a stack that needs it can " +
        "Fn::ImportValue that export itself",
    );
  });
});
