/**
 * Settings that deploy and are ignored: EC2's (W3671, W3698, W3700, W3703) and RDS's (W3688,
 * W3689, W3693, W3699). The fixtures were also run through cfn-lint 1.51, whose findings are
 * noted where they differ.
 */
import { describe, expect, it } from "vitest";
import { brief, ec2Instance, lint, spotFleet, yaml } from "../lint";

const EC2 = ["W3671", "W3698", "W3700", "W3703"];
const RDS = ["W3688", "W3689", "W3693", "W3699"];

describe("W3671, W3698 block devices whose Iops or VirtualName EC2 ignores", () => {
  it("reports Iops of gp2, st1, sc1 and standard volumes, and VirtualName beside Ebs, in each place", () => {
    const findings = lint(
      yaml(
        "Resources:",
        ...ec2Instance("Server"),
        "      BlockDeviceMappings:",
        "        - DeviceName: /dev/sda1",
        "          Ebs:",
        "            VolumeType: gp2",
        "            Iops: 3000",
        "        - DeviceName: /dev/sdb",
        "          VirtualName: ephemeral0",
        "          Ebs:",
        "            VolumeSize: 10",
        "        - DeviceName: /dev/sdc",
        "          Ebs:",
        "            VolumeType: st1",
        "            VolumeSize: 500",
        "            Iops: 500",
        "  Template:",
        "    Type: AWS::EC2::LaunchTemplate",
        "    Properties:",
        "      LaunchTemplateData:",
        "        BlockDeviceMappings:",
        "          - DeviceName: /dev/xvda",
        "            Ebs:",
        "              VolumeType: standard",
        "              Iops: 100",
        ...spotFleet("Fleet"),
        "        LaunchSpecifications:",
        "          - ImageId: ami-12345678",
        "            InstanceType: t3.micro",
        "            BlockDeviceMappings:",
        "              - DeviceName: /dev/xvda",
        "                VirtualName: ephemeral1",
        "                Ebs:",
        "                  VolumeType: sc1",
        "                  VolumeSize: 500",
        "                  Iops: 250",
      ),
      { only: EC2 },
    );
    expect(brief(findings)).toEqual([
      "W3671 10:13",
      "W3698 12:11",
      "W3671 19:13",
      "W3671 28:15",
      "W3698 40:17",
      "W3671 44:19",
    ]);
    expect(findings.map((f) => f.severity)).toEqual(Array(6).fill("warning"));
    expect(findings[0].message).toBe(
      "Block device /dev/sda1 of instance 'Server' is a gp2 volume, whose IOPS come from its size, and EBS does not " +
        "apply Iops to it; remove Iops, or use VolumeType io1, io2 or gp3 to provision IOPS",
    );
    expect(findings[4].message).toContain(
      "Block device /dev/xvda of item 1 of LaunchSpecifications of Spot Fleet 'Fleet'",
    );
    expect(findings[4].path).toEqual([
      "Resources",
      "Fleet",
      "Properties",
      "SpotFleetRequestConfigData",
      "LaunchSpecifications",
      0,
      "BlockDeviceMappings",
      0,
      "VirtualName",
    ]);
  });

  it("leaves alone provisioned IOPS, a VirtualName alone or with NoDevice, and what a function or condition gives", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  VolumeType:",
        "    Type: String",
        "Conditions:",
        "  Fast: !Equals [!Ref VolumeType, io2]",
        "Resources:",
        ...ec2Instance("Server"),
        "      BlockDeviceMappings:",
        "        - DeviceName: /dev/sda1",
        "          Ebs:",
        "            VolumeType: gp3",
        "            Iops: 4000",
        "        - DeviceName: /dev/sdb",
        "          Ebs:",
        "            VolumeType: !Ref VolumeType",
        "            Iops: 3000",
        "        - DeviceName: /dev/sdc",
        "          VirtualName: ephemeral0",
        "        - DeviceName: /dev/sdd",
        "          VirtualName: ephemeral1",
        "          Ebs: !If [Fast, {VolumeSize: 10}, !Ref AWS::NoValue]",
        "        - DeviceName: /dev/sde",
        "          Ebs:",
        "            VolumeType: gp2",
        "            Iops: !If [Fast, 3000, !Ref AWS::NoValue]",
        "        - DeviceName: /dev/sdf",
        "          Ebs:",
        "            VolumeType: io1",
        "            Iops: 1000",
      ),
      { only: EC2 },
    );
    // cfn-lint also reports /dev/sdd (W3698) and /dev/sde (W3671), where the condition may add Ebs or Iops: here a
    // property that a Fn::If may leave out is not judged, as in the other EC2 rules.
    expect(brief(findings)).toEqual([]);
  });
});

describe("W3700 Elastic IP domains, W3703 VPN gateway types", () => {
  it("reports a Domain other than vpc or standard, and a Type other than ipsec.1", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Address:",
        "    Type: AWS::EC2::EIP",
        "    Properties:",
        "      Domain: vpc-main",
        "  Classic:",
        "    Type: AWS::EC2::EIP",
        "    Properties:",
        "      Domain: Standard",
        "  Vpc:",
        "    Type: AWS::EC2::EIP",
        "    Properties:",
        "      Domain: VPC",
        "  Gateway:",
        "    Type: AWS::EC2::VPNGateway",
        "    Properties:",
        "      Type: ipsec.2",
        "  Right:",
        "    Type: AWS::EC2::VPNGateway",
        "    Properties:",
        "      Type: ipsec.1",
      ),
      { only: EC2 },
    );
    expect(brief(findings)).toEqual(["W3700 5:15", "W3703 17:13"]);
    expect(findings[0].message).toBe(
      "Domain 'vpc-main' of Elastic IP 'Address' is neither vpc nor standard, and EC2 allocates the address for use in " +
        "a VPC; write vpc",
    );
    expect(findings[1].message).toBe(
      "Type 'ipsec.2' of VPN gateway 'Gateway' is not a VPN connection type EC2 offers; write ipsec.1",
    );
  });

  it("judges each branch of a Fn::If, and leaves a parameter's value alone", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Domain:",
        "    Type: String",
        "Conditions:",
        "  Old: !Equals [!Ref Domain, classic]",
        "Resources:",
        "  Address:",
        "    Type: AWS::EC2::EIP",
        "    Properties:",
        "      Domain: !Ref Domain",
        "  Chosen:",
        "    Type: AWS::EC2::EIP",
        "    Properties: !If",
        "      - Old",
        "      - Domain: classic",
        "      - Domain: vpc",
      ),
      { only: EC2 },
    );
    // cfn-lint reports the branch's Domain at its key (15:9).
    expect(brief(findings)).toEqual(["W3700 15:17"]);
  });
});

/** An AWS::RDS::DBCluster `name` of `engine` as fixture lines; the lines after it, indented six spaces, are more of its Properties. */
function cluster(name: string, engine: string): string[] {
  return [`  ${name}:`, "    Type: AWS::RDS::DBCluster", "    Properties:", `      Engine: ${engine}`];
}

describe("W3688, W3689, W3693, W3699 RDS settings that RDS ignores", () => {
  it("reports the master user of restored clusters, Performance Insights on Serverless v1, other engines' ReplicaMode", () => {
    const findings = lint(
      yaml(
        "Resources:",
        ...cluster("Restored", "aurora-postgresql"),
        "      SnapshotIdentifier: arn:aws:rds:us-east-1:123456789012:cluster-snapshot:nightly",
        "      MasterUsername: admin",
        "      MasterUserPassword: '{{resolve:secretsmanager:db:SecretString:password}}'",
        ...cluster("Clone", "aurora-mysql"),
        "      SourceDBClusterIdentifier: !Ref Restored",
        "      RestoreType: copy-on-write",
        "      MasterUsername: admin",
        "      MasterUserPassword: '{{resolve:secretsmanager:db:SecretString:password}}'",
        "      StorageEncrypted: true",
        ...cluster("V1", "aurora-mysql"),
        "      EngineMode: serverless",
        "      MasterUsername: admin",
        "      ManageMasterUserPassword: true",
        "      PerformanceInsightsEnabled: true",
        "      PerformanceInsightsRetentionPeriod: 7",
        "  Replica:",
        "    Type: AWS::RDS::DBInstance",
        "    Properties:",
        "      Engine: MySQL",
        "      DBInstanceClass: db.t4g.micro",
        "      SourceDBInstanceIdentifier: primary",
        "      ReplicaMode: mounted",
      ),
      { only: RDS },
    );
    // cfn-lint reports W3689 only for a source written as text, and then once (at MasterUserPassword, naming the
    // three keys); a Ref to a cluster of the template is a restore too.
    expect(brief(findings)).toEqual([
      "W3688 7:7",
      "W3689 15:7",
      "W3689 16:7",
      "W3689 17:7",
      "W3693 25:7",
      "W3693 26:7",
      "W3699 33:7",
    ]);
    expect(findings[0].message).toBe(
      "Cluster 'Restored' is restored from the snapshot of its SnapshotIdentifier and keeps the master user of that " +
        "snapshot; RDS ignores MasterUsername: remove it",
    );
    expect(findings[1].message).toBe(
      "Cluster 'Clone' is restored from the cluster of its SourceDBClusterIdentifier and keeps the master user and " +
        "encryption of that cluster; RDS ignores MasterUsername: remove it",
    );
    expect(findings[6].message).toBe(
      "Instance 'Replica' has Engine mysql, whose read replicas have no modes (only Oracle and Db2 ones do), and RDS " +
        "ignores ReplicaMode: remove it",
    );
  });

  it("leaves alone a restore source that a parameter may leave empty or a Fn::If may leave out, and the engines that take them", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Snapshot:",
        "    Type: String",
        '    Default: ""',
        "Conditions:",
        "  FromSnapshot: !Not [!Equals [!Ref Snapshot, '']]",
        "Resources:",
        ...cluster("ByParameter", "aurora-postgresql"),
        "      SnapshotIdentifier: !Ref Snapshot",
        "      MasterUsername: admin",
        ...cluster("ByCondition", "aurora-postgresql"),
        "      SnapshotIdentifier: !If [FromSnapshot, !Ref Snapshot, !Ref AWS::NoValue]",
        "      MasterUsername: !If [FromSnapshot, !Ref AWS::NoValue, admin]",
        ...cluster("Empty", "aurora-postgresql"),
        '      SnapshotIdentifier: ""',
        "      MasterUsername: admin",
        ...cluster("Provisioned", "aurora-mysql"),
        "      MasterUsername: admin",
        "      ManageMasterUserPassword: true",
        "      PerformanceInsightsEnabled: true",
        ...cluster("MultiAz", "mysql"),
        "      EngineMode: serverless",
        "      PerformanceInsightsEnabled: true",
        "  Oracle:",
        "    Type: AWS::RDS::DBInstance",
        "    Properties:",
        "      Engine: oracle-ee",
        "      DBInstanceClass: db.m5.large",
        "      SourceDBInstanceIdentifier: primary",
        "      ReplicaMode: mounted",
        "  Db2:",
        "    Type: AWS::RDS::DBInstance",
        "    Properties:",
        "      Engine: db2-se",
        "      DBInstanceClass: db.m6i.large",
        "      SourceDBInstanceIdentifier: primary",
        "      ReplicaMode: open-read-only",
        "  Unknown:",
        "    Type: AWS::RDS::DBInstance",
        "    Properties:",
        "      Engine: !Ref AWS::NoValue",
        "      DBInstanceClass: db.m6i.large",
        "      ReplicaMode: mounted",
      ),
      { only: RDS },
    );
    // cfn-lint reports the MasterUsername of 'Empty' (W3688, 25:7): an empty SnapshotIdentifier restores nothing here.
    expect(brief(findings)).toEqual([]);
  });
});
