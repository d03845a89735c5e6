/**
 * Warnings for practices that deploy but are worth changing: W1011 secrets through parameters,
 * W2501 passwords written in the template or shown as parameter values,
 * W1054 pseudo parameter names as plain strings, W3045 bucket ACLs, W6001 outputs of imports.
 */
import { describe, expect, it } from "vitest";
import { SECRET_PROPERTIES } from "../../../../src/template/rules/services/secret-parameters";
import { loadSpec } from "../../../../src/template/spec/index";
import type { TypeRef } from "../../../../src/template/spec/types";
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

describe("W2501 passwords written in the template or shown as parameter values", () => {
  it("flags literal passwords and plain SSM references, and parameters without NoEcho once, at the parameter", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Shown:",
        "    Type: String",
        "  Hidden:",
        "    Type: String",
        "    NoEcho: true",
        "  EchoFalse:",
        "    Type: String",
        '    NoEcho: "false"',
        "Resources:",
        "  Db:",
        "    Type: AWS::RDS::DBInstance",
        "    Properties:",
        "      Engine: postgres",
        "      DBInstanceClass: db.t3.micro",
        '      AllocatedStorage: "20"',
        "      MasterUsername: admin",
        "      MasterUserPassword: hunter2hunter2",
        "  Cluster:",
        "    Type: AWS::RDS::DBCluster",
        "    Properties:",
        "      Engine: aurora-postgresql",
        "      MasterUsername: admin",
        "      MasterUserPassword: !Ref Shown",
        "  Other:",
        "    Type: AWS::DocDB::DBCluster",
        "    Properties:",
        "      MasterUsername: admin",
        "      MasterUserPassword: !Ref Shown",
        "  Users:",
        "    Type: AWS::ElastiCache::User",
        "    Properties:",
        "      Engine: redis",
        "      UserId: app",
        "      UserName: app",
        "      Passwords:",
        '        - "{{resolve:ssm:/app/password}}"',
        '        - "{{resolve:secretsmanager:app:SecretString:password}}"',
        "        - !Ref Hidden",
        "        - !Ref EchoFalse",
        "  Search:",
        "    Type: AWS::OpenSearchService::Domain",
        "    Properties:",
        "      AdvancedSecurityOptions:",
        "        MasterUserOptions:",
        '          MasterUserPassword: "{{resolve:secretsmanager:search:SecretString:password}}"',
      ),
      { only: ["W2501"] },
    );
    expect(brief(findings)).toEqual(["W2501 2:3", "W2501 7:3", "W2501 18:27", "W2501 37:11"]);
    expect(findings.map((f) => f.message)).toEqual([
      "Parameter 'Shown' is the MasterUserPassword of 'Cluster' but has no NoEcho: true, so the console and " +
        "DescribeStacks show its value; set NoEcho: true, or better, read the secret with a dynamic reference",
      expect.stringContaining("Parameter 'EchoFalse' is the Passwords of 'Users' but has no NoEcho: true"),
      "MasterUserPassword of 'Db' is written in the template, where anyone who can read the template or the stack " +
        "reads it; use a dynamic reference ('{{resolve:secretsmanager:...}}' or '{{resolve:ssm-secure:...}}')",
      // ElastiCache users take no ssm-secure reference (E1027), so only Secrets Manager is offered.
      "Passwords of 'Users' reads a plain SSM parameter, stored unencrypted; read the secret with a dynamic " +
        "reference ('{{resolve:secretsmanager:...}}') instead",
    ]);
    expect(findings.some((f) => f.message.includes("hunter2"))).toBe(false);
  });
});

describe("secret properties", () => {
  it("are each a string property of the resource specification, at the path listed", () => {
    const spec = loadSpec();
    for (const [type, paths] of Object.entries(SECRET_PROPERTIES)) {
      const resource = spec.resource(type);
      expect(resource, type).toBeDefined();
      for (const path of paths) {
        let properties = resource?.properties;
        let current: TypeRef | undefined;
        // A union (AuthenticationMode is a struct or JSON) is read as its member of the needed kind.
        const member = (type: TypeRef | undefined, kind: TypeRef["kind"]) =>
          type?.kind === "union" ? type.types.find((t) => t.kind === kind) : type;
        for (const key of path) {
          if (key === "*") {
            const list = member(current, "list");
            current = list?.kind === "list" ? list.item : undefined;
          } else {
            current = properties?.[key]?.type;
          }
          const struct = member(current, "struct");
          properties = struct?.kind === "struct" ? resource?.structs[struct.name]?.properties : undefined;
        }
        expect(current?.kind, `${type} ${path.join(".")}`).toBe("string");
      }
    }
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
