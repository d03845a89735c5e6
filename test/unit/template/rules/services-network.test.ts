/**
 * Network rules: security group ports (E3687, E3688, W3687), subnet blocks within their VPC and
 * apart from each other (E3059, E3060), one route table per subnet (E3022), one private DNS
 * endpoint per service and VPC (E3064), Route 53 record values and aliases (E3023, E3029),
 * security groups of launch templates and instances in their subnet's VPC (E3714); backup
 * lifecycles (E3504), Intelligent-Tiering days (E3061), target tracking groups (E3712), Valkey and
 * Redis cluster-mode replication groups (E3704, E3026), GuardDuty detectors (E3063), Auto Scaling
 * health check types (E3056), ECR repository policies (E3513), CodeBuild S3 locations (E3636);
 * Elastic Load Balancing v2 settings (E3680, E3681, E3683, E3684, E3676) and forwards to GENEVE
 * target groups (E3711); RDS and Aurora settings (E3686, E3689, E3693, E3682, E3720, E3707, E3709),
 * RDS backup retention and replica modes (E3719, E3721); ECS services and task definitions (E3044,
 * E3046, E3052, E3053, E3054, E3713) and health checks of dynamic host ports (E3049); pipeline
 * stages, artifacts and template paths (E3700, E3701, E3702, E3703). The fixtures were also run
 * through cfn-lint 1.51, whose findings are noted where they differ.
 */
import { describe, expect, it } from "vitest";
import { brief, ec2Instance, lint, yaml } from "../lint";

describe("E3687, E3688, W3687 security group ports", () => {
  it("reports missing ports, a one-sided -1 and ports that the protocol ignores", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Group:",
        "    Type: AWS::EC2::SecurityGroup",
        "    Properties:",
        "      GroupDescription: web",
        "      VpcId: vpc-12345678",
        "      SecurityGroupIngress:",
        "        - IpProtocol: tcp",
        "          CidrIp: 10.0.0.0/16",
        "        - IpProtocol: tcp",
        "          FromPort: -1",
        "          ToPort: 443",
        "          CidrIp: 10.0.0.0/16",
        "        - IpProtocol: icmp",
        "          FromPort: 3",
        "          ToPort: -1",
        "          CidrIp: 10.0.0.0/16",
        '        - IpProtocol: "-1"',
        "          FromPort: 443",
        "          ToPort: 443",
        "          CidrIp: 10.0.0.0/16",
        '        - IpProtocol: "-1"',
        "          FromPort: -1",
        "          ToPort: -1",
        "          CidrIp: 10.0.0.0/16",
        "      SecurityGroupEgress:",
        "        - IpProtocol: 6",
        "          FromPort: 443",
        "          CidrIp: 0.0.0.0/0",
        "  Ingress:",
        "    Type: AWS::EC2::SecurityGroupIngress",
        "    Properties:",
        "      GroupId: !Ref Group",
        "      IpProtocol: udp",
        "      FromPort: 53",
        "      ToPort: 53",
        "      CidrIp: 10.0.0.0/16",
        "  Icmp:",
        "    Type: AWS::EC2::SecurityGroupIngress",
        "    Properties:",
        "      GroupId: !Ref Group",
        "      IpProtocol: icmp",
        "      FromPort: -1",
        "      ToPort: 4",
        "      CidrIp: 10.0.0.0/16",
      ),
      { only: ["E3687", "E3688", "W3687"] },
    );
    // cfn-lint also warns (W3687) on line 22, where the ports are -1 too and so mean what they say.
    expect(brief(findings)).toEqual([
      "E3687 8:23",
      "E3688 12:19",
      "W3687 18:23",
      "E3687 27:23",
      "E3688 44:15",
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      "The tcp rule of security group 'Group' has no FromPort or ToPort, and EC2 refuses such a rule without both; " +
        "give FromPort and ToPort (the port range)",
      "Only one end of the port range of security group 'Group' is -1, which stands for every port; set both " +
        "FromPort and ToPort to -1 for all ports, or both to port numbers",
      "IpProtocol -1 (all traffic) of security group 'Group' takes no ports, so EC2 ignores FromPort and ToPort and " +
        "the rule covers every port; use tcp or udp to limit it to the ports, or remove them",
      expect.stringContaining("The tcp rule of security group 'Group' has no ToPort,"),
      "FromPort -1 of rule 'Icmp' stands for every ICMP type, which takes every code: set ToPort to -1 as well",
    ]);
  });

  it("leaves ports given through intrinsic functions, and icmpv6 ports, alone", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Port: {Type: Number}",
        "Conditions:",
        "  Open: !Equals [!Ref Port, 0]",
        "Resources:",
        "  Group:",
        "    Type: AWS::EC2::SecurityGroup",
        "    Properties:",
        "      GroupDescription: web",
        "      SecurityGroupIngress:",
        "        - {IpProtocol: tcp, FromPort: !Ref Port, ToPort: !Ref Port, CidrIp: 10.0.0.0/16}",
        "        - {IpProtocol: udp, FromPort: !If [Open, -1, 53], ToPort: 53, CidrIp: 10.0.0.0/16}",
        "        - {IpProtocol: !Ref AWS::NoValue, FromPort: 1, ToPort: 2, CidrIp: 10.0.0.0/16}",
        "        - {IpProtocol: icmpv6, FromPort: 128, ToPort: -1, CidrIpv6: '::/0'}",
        "        - !If [Open, {IpProtocol: tcp, CidrIp: 10.0.0.0/16}, !Ref AWS::NoValue]",
      ),
      { only: ["E3687", "E3688", "W3687"] },
    );
    // The rule inside Fn::If is judged on its own.
    expect(brief(findings)).toEqual(["E3687 15:35"]);
  });
});

describe("E3059, E3060 subnet blocks", () => {
  it("reports a block outside the VPC's blocks and overlapping blocks, not subnets of exclusive conditions", () => {
    const findings = lint(
      yaml(
        "Conditions:",
        '  Blue: !Equals [!Ref "AWS::Region", us-east-1]',
        "  Green: !Not [Condition: Blue]",
        "Resources:",
        "  Vpc:",
        "    Type: AWS::EC2::VPC",
        "    Properties:",
        "      CidrBlock: 10.0.0.0/16",
        "  Extra:",
        "    Type: AWS::EC2::VPCCidrBlock",
        "    Properties:",
        "      VpcId: !Ref Vpc",
        "      CidrBlock: 10.1.0.0/16",
        "  A:",
        "    Type: AWS::EC2::Subnet",
        "    Properties:",
        "      VpcId: !Ref Vpc",
        "      CidrBlock: 10.0.0.0/23",
        "  B:",
        "    Type: AWS::EC2::Subnet",
        "    Properties:",
        "      VpcId: !GetAtt Vpc.VpcId",
        "      CidrBlock: 10.0.1.0/24",
        "  C:",
        "    Type: AWS::EC2::Subnet",
        "    Properties:",
        "      VpcId: !Ref Vpc",
        "      CidrBlock: 10.2.0.0/24",
        "  D:",
        "    Type: AWS::EC2::Subnet",
        "    DependsOn: Extra",
        "    Properties:",
        "      VpcId: !Ref Vpc",
        "      CidrBlock: 10.1.5.0/24",
        "  E:",
        "    Type: AWS::EC2::Subnet",
        "    Condition: Blue",
        "    Properties:",
        "      VpcId: !Ref Vpc",
        "      CidrBlock: 10.0.8.0/24",
        "  F:",
        "    Type: AWS::EC2::Subnet",
        "    Condition: Green",
        "    Properties:",
        "      VpcId: !Ref Vpc",
        "      CidrBlock: 10.0.8.0/24",
        "  G:",
        "    Type: AWS::EC2::Subnet",
        "    Properties:",
        "      VpcId: !Ref Vpc",
        "      Ipv6CidrBlock: 2001:db8::/64",
        "      CidrBlock: !Select [0, !Cidr [!GetAtt Vpc.CidrBlock, 8, 8]]",
      ),
      { only: ["E3059", "E3060"] },
    );
    // cfn-lint reports E3060 at B's Properties (line 21); here it is at the block to change.
    expect(brief(findings)).toEqual(["E3060 23:18", "E3059 28:18", "E3059 51:22"]);
    expect(findings.map((f) => f.message)).toEqual([
      "Subnet 'B' has CidrBlock 10.0.1.0/24, which overlaps 10.0.0.0/23 of subnet 'A' in the same VPC 'Vpc', and EC2 " +
        "refuses overlapping subnets; give each subnet a block of its own",
      "Subnet 'C' has CidrBlock 10.2.0.0/24, but it is outside the blocks of VPC 'Vpc' (10.0.0.0/16, 10.1.0.0/16), " +
        "and EC2 creates a subnet only within one of them; choose a block inside, or add this one to the VPC with an " +
        "AWS::EC2::VPCCidrBlock",
      "Subnet 'G' has Ipv6CidrBlock 2001:db8::/64, but VPC 'Vpc' has no IPv6 block; add one with an " +
        "AWS::EC2::VPCCidrBlock (AmazonProvidedIpv6CidrBlock: true)",
    ]);
  });

  it("leaves subnets alone whose conditions exclude each other through a Fn::And's parts", () => {
    // As in an Elastic CI stack: a public subnet where there are no private ones, a private one
    // where there are, both with one block. cfn-lint 1.51 reports nothing here either.
    const subnet = (name: string, condition: string) => [
      `  ${name}:`,
      "    Type: AWS::EC2::Subnet",
      `    Condition: ${condition}`,
      "    Properties:",
      "      VpcId: !Ref Vpc",
      "      CidrBlock: 10.0.8.0/24",
    ];
    const findings = lint(
      yaml(
        "Parameters:",
        "  Layout: {Type: String, AllowedValues: [public, private]}",
        "  Zones: {Type: Number}",
        "Conditions:",
        "  HasPrivate: !Equals [!Ref Layout, private]",
        "  HasThree: !Equals [!Ref Zones, 3]",
        "  Public3: !And [!Not [!Condition HasPrivate], !Condition HasThree]",
        "  Private3: !And [!Condition HasPrivate, !Condition HasThree]",
        "  Extra: !Equals [!Ref AWS::Region, us-east-1]",
        "Resources:",
        "  Vpc:",
        "    Type: AWS::EC2::VPC",
        "    Properties:",
        "      CidrBlock: 10.0.0.0/16",
        ...subnet("PublicSubnet3", "Public3"),
        ...subnet("PrivateSubnet3", "Private3"),
        ...subnet("ExtraSubnet", "Extra"),
      ),
      { only: ["E3060"] },
    );
    // The third subnet may be made with either of the others (one finding, naming the first).
    expect(brief(findings)).toEqual(["E3060 32:18"]);
    expect(findings[0].message).toMatch(/^Subnet 'ExtraSubnet' .* of subnet 'PublicSubnet3'/);
  });

  it("does not judge containment in a VPC with a block it cannot read, but still compares the subnets", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Cidr: {Type: String, Default: 10.0.0.0/16}",
        "Resources:",
        "  Vpc:",
        "    Type: AWS::EC2::VPC",
        "    Properties:",
        "      CidrBlock: !Ref Cidr",
        "  Pool:",
        "    Type: AWS::EC2::VPC",
        "    Properties:",
        "      CidrBlock: 10.0.0.0/16",
        "  Ipv6:",
        "    Type: AWS::EC2::VPCCidrBlock",
        "    Properties:",
        "      VpcId: !Ref Pool",
        "      AmazonProvidedIpv6CidrBlock: true",
        "  A:",
        "    Type: AWS::EC2::Subnet",
        "    Properties:",
        "      VpcId: !Ref Vpc",
        "      CidrBlock: 192.168.0.0/24",
        "  B:",
        "    Type: AWS::EC2::Subnet",
        "    Properties:",
        "      VpcId: !Ref Vpc",
        "      CidrBlock: 192.168.0.128/25",
        "  C:",
        "    Type: AWS::EC2::Subnet",
        "    Properties:",
        "      VpcId: !Ref Pool",
        "      CidrBlock: 10.0.0.0/24",
        "      Ipv6CidrBlock: 2600:1f18:1::/64",
        "  Elsewhere:",
        "    Type: AWS::EC2::Subnet",
        "    Properties:",
        "      VpcId: vpc-12345678",
        "      CidrBlock: 10.0.0.0/24",
      ),
      { only: ["E3059", "E3060"] },
    );
    expect(brief(findings)).toEqual(["E3060 26:18"]);
  });
});

describe("E3680, E3681, E3683, E3684, E3676 load balancers, target groups and listeners", () => {
  it("reports what Elastic Load Balancing refuses", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Alb:",
        "    Type: AWS::ElasticLoadBalancingV2::LoadBalancer",
        "    Properties:",
        "      Subnets:",
        "        - subnet-12345678",
        "  Nlb:",
        "    Type: AWS::ElasticLoadBalancingV2::LoadBalancer",
        "    Properties:",
        "      Type: network",
        "      Subnets:",
        "        - subnet-12345678",
        "  FnTargets:",
        "    Type: AWS::ElasticLoadBalancingV2::TargetGroup",
        "    Properties:",
        "      TargetType: lambda",
        "      Port: 80",
        "      Protocol: HTTP",
        "      Targets:",
        "        - Id: arn:aws:lambda:us-east-1:123456789012:function:fn",
        "  Instances:",
        "    Type: AWS::ElasticLoadBalancingV2::TargetGroup",
        "    Properties:",
        "      TargetType: ip",
        "      Port: 80",
        "  Default:",
        "    Type: AWS::ElasticLoadBalancingV2::TargetGroup",
        "    Properties:",
        "      Port: 80",
        "      Protocol: HTTP",
        "  Geneve:",
        "    Type: AWS::ElasticLoadBalancingV2::TargetGroup",
        "    Properties:",
        "      TargetType: instance",
        "      Protocol: GENEVE",
        "      Port: 6080",
        "      VpcId: vpc-12345678",
        "  Tcp:",
        "    Type: AWS::ElasticLoadBalancingV2::TargetGroup",
        "    Properties:",
        "      Protocol: TCP",
        "      Port: 80",
        "      VpcId: vpc-12345678",
        "      HealthCheckProtocol: TCP",
        "      Matcher:",
        '        HttpCode: "200"',
        "  Listener:",
        "    Type: AWS::ElasticLoadBalancingV2::Listener",
        "    Properties:",
        "      LoadBalancerArn: !Ref Alb",
        "      Protocol: HTTPS",
        "      Port: 443",
        "      DefaultActions:",
        "        - Type: forward",
        "          TargetGroupArn: !Ref Default",
      ),
      { only: ["E3680", "E3681", "E3683", "E3684", "E3676"] },
    );
    // cfn-lint reports the same, except the Default target group (no TargetType: instance by default) and
    // E3676 at the Properties key; its E3681 for Instances is one finding per missing property.
    expect(brief(findings)).toEqual([
      "E3680 5:7",
      "E3681 17:7",
      "E3681 18:7",
      "E3681 23:5",
      "E3681 28:5",
      "E3683 36:13",
      "E3684 45:7",
      "E3676 51:17",
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      "Application load balancer 'Alb' has one subnet, and an application load balancer spans at least two " +
        "Availability Zones (one subnet is enough only on an Outpost); list subnets in two or more zones",
      "Target group 'FnTargets' sends requests to a Lambda function, for which Port does not apply, and Elastic Load " +
        "Balancing refuses it; remove Port",
      expect.stringContaining("for which Protocol does not apply"),
      "Target group 'Instances' has ip targets and no Protocol or VpcId, which a target group of ip targets requires; " +
        "add them, or set TargetType: lambda for a Lambda function",
      "Target group 'Default' has instance targets (TargetType's default) and no VpcId, which a target group of " +
        "instance targets requires; add it, or set TargetType: lambda for a Lambda function",
      "Target group 'Geneve' uses GENEVE on port 6080, and a Gateway Load Balancer's targets take GENEVE on port 6081 " +
        "only; set Port: 6081",
      "Target group 'Tcp' checks health over TCP, which has no response codes to match; remove Matcher, or check " +
        "health over HTTP or HTTPS",
      "Listener 'Listener' uses HTTPS without Certificates, and an HTTPS listener needs its server certificate; add " +
        "Certificates with the CertificateArn of an ACM certificate",
    ]);
  });
});

describe("E3686, E3689, E3693, E3682, E3720, E3707, E3709 RDS and Aurora settings", () => {
  it("reports what CreateDBCluster and CreateDBInstance refuse", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Cluster:",
        "    Type: AWS::RDS::DBCluster",
        "    Properties:",
        "      Engine: aurora-postgresql",
        "      MasterUsername: admin",
        "      ManageMasterUserPassword: true",
        "      ScalingConfiguration:",
        "        MinCapacity: 2",
        "        MaxCapacity: 8",
        "      AllocatedStorage: 100",
        "      StorageType: gp3",
        "      MonitoringRoleArn: arn:aws:iam::123456789012:role/monitoring",
        "  V1:",
        "    Type: AWS::RDS::DBCluster",
        "    Properties:",
        "      Engine: aurora-mysql",
        "      EngineMode: serverless",
        "      MasterUsername: admin",
        "      ManageMasterUserPassword: true",
        "      StorageEncrypted: true",
        "      ServerlessV2ScalingConfiguration:",
        "        MinCapacity: 0.5",
        "        MaxCapacity: 4",
        "      MonitoringInterval: 60",
        "  Writer:",
        "    Type: AWS::RDS::DBInstance",
        "    Properties:",
        "      DBClusterIdentifier: !Ref Cluster",
        "      DBInstanceClass: db.serverless",
        "      Engine: aurora-mysql",
        "      DeletionProtection: true",
        "      StorageEncrypted: true",
        "  Reader:",
        "    Type: AWS::RDS::DBInstance",
        "    Properties:",
        "      DBClusterIdentifier: !Ref V1",
        "      DBInstanceClass: db.serverless",
        "      Engine: aurora-mysql",
        "      StorageEncrypted: true",
        "  Plain:",
        "    Type: AWS::RDS::DBInstance",
        "    Properties:",
        "      Engine: postgres",
        "      DBInstanceClass: db.t4g.micro",
        '      AllocatedStorage: "20"',
        "      MasterUsername: admin",
        "      ManageMasterUserPassword: true",
        "      KmsKeyId: alias/aws/rds",
        "      MonitoringInterval: 0",
        "      MonitoringRoleArn: arn:aws:iam::123456789012:role/monitoring",
      ),
      { only: ["E3686", "E3689", "E3693", "E3682", "E3720", "E3707", "E3709"] },
    );
    // cfn-lint reports E3689 and E3682 at the Properties key, and the instance's role without an interval
    // (line 51) not at all, as here.
    expect(brief(findings)).toEqual([
      "E3686 8:7",
      "E3693 11:7",
      "E3693 12:20",
      "E3689 13:7",
      "E3686 22:7",
      "E3689 25:7",
      "E3707 31:15",
      "E3682 32:7",
      "E3709 33:25",
      "E3720 49:7",
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      "Cluster 'Cluster' is provisioned (EngineMode's default), and ScalingConfiguration is for Aurora Serverless v1 " +
        "(EngineMode: serverless); for Aurora Serverless v2, use ServerlessV2ScalingConfiguration and db.serverless instances",
      "AllocatedStorage of cluster 'Cluster' is a Multi-AZ DB cluster setting, and an aurora-postgresql cluster refuses " +
        "it; remove it",
      "StorageType gp3 of cluster 'Cluster' is not an Aurora storage type; use aurora (standard) or aurora-iopt1 " +
        "(I/O-Optimized)",
      "Cluster 'Cluster' has a MonitoringRoleArn but no MonitoringInterval, and RDS refuses the role without enhanced " +
        "monitoring; set MonitoringInterval (1, 5, 10, 15, 30 or 60 seconds), or remove MonitoringRoleArn",
      "Cluster 'V1' has EngineMode serverless (Aurora Serverless v1), which scales with ScalingConfiguration; " +
        "ServerlessV2ScalingConfiguration needs a provisioned cluster",
      "Cluster 'V1' turns on enhanced monitoring (MonitoringInterval 60) without a MonitoringRoleArn, which RDS needs to send " +
        "the metrics to CloudWatch Logs; add the ARN of a role that trusts monitoring.rds.amazonaws.com",
      "Instance 'Writer' has Engine aurora-mysql, and its cluster 'Cluster' aurora-postgresql; an instance of a " +
        "cluster runs the cluster's engine: set Engine: aurora-postgresql",
      "Instance 'Writer' is an Aurora (aurora-mysql) instance, whose DeletionProtection is set on its DB cluster; RDS " +
        "refuses it here: move DeletionProtection to the AWS::RDS::DBCluster",
      "Instance 'Writer' has StorageEncrypted true, and its cluster 'Cluster' does not encrypt its storage; the " +
        "cluster decides: remove StorageEncrypted from the instance, or set StorageEncrypted: true on the cluster",
      "Instance 'Plain' names a KmsKeyId without StorageEncrypted: true, and RDS encrypts with the key only when " +
        "storage is encrypted; set StorageEncrypted: true",
    ]);
  });
});

describe("E3721 a read replica's ReplicaMode, reported once", () => {
  it("leaves an Oracle replica's mode to E3721, whose message says what RDS takes, not to E3030 as well", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Db:",
        "    Type: AWS::RDS::DBInstance",
        "    Properties:",
        "      Engine: oracle-ee",
        "      DBInstanceClass: db.m5.large",
        "      SourceDBInstanceIdentifier: arn:aws:rds:us-east-1:123456789012:db:primary",
        "      ReplicaMode: open",
      ),
      { only: ["E3030", "E3721"] },
    );
    expect(brief(findings)).toEqual(["E3721 8:20"]);
  });
});

describe("W3686 Aurora Serverless v1", () => {
  it("warns of EngineMode serverless, at its end of life, and leaves provisioned clusters alone", () => {
    // As four public Copilot addon templates of round 14 (aurora-postgresql 10.12, EngineMode
    // serverless); cfn-lint 1.51 reports only their engine version (E3690).
    const cluster = (name: string, mode: string) => [
      `  ${name}:`,
      "    Type: AWS::RDS::DBCluster",
      "    Properties:",
      "      Engine: aurora-postgresql",
      ...(mode ? [`      EngineMode: ${mode}`] : []),
      "      MasterUsername: admin",
      "      ManageMasterUserPassword: true",
    ];
    const findings = lint(
      yaml(
        "Resources:",
        ...cluster("V1", "serverless"),
        ...cluster("V2", "provisioned"),
        ...cluster("Plain", ""),
      ),
      { only: ["W3686"] },
    );
    expect(
      findings.map((f) => `${f.ruleId} ${f.range.start.line}:${f.range.start.column} ${f.message}`),
    ).toEqual([
      "W3686 6:19 Cluster 'V1' has EngineMode serverless, Aurora Serverless v1, whose end of life was 2025-03-31 " +
        "(RDS has moved the v1 clusters to Aurora Serverless v2): leave EngineMode out (provisioned) and scale with " +
        "ServerlessV2ScalingConfiguration and db.serverless instances",
    ]);
  });
});

describe("E3044, E3046, E3052, E3053, E3054, E3713 ECS services and task definitions", () => {
  it("reports what CreateService and RegisterTaskDefinition refuse", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Cluster:",
        "    Type: AWS::ECS::Cluster",
        "  Bridge:",
        "    Type: AWS::ECS::TaskDefinition",
        "    Properties:",
        "      ContainerDefinitions:",
        "        - Name: app",
        "          Image: nginx",
        "          Memory: 512",
        "          LogConfiguration:",
        "            LogDriver: syslog",
        "  Vpc:",
        "    Type: AWS::ECS::TaskDefinition",
        "    Properties:",
        "      NetworkMode: awsvpc",
        '      Cpu: "256"',
        '      Memory: "512"',
        "      ContainerDefinitions:",
        "        - Name: app",
        "          Image: nginx",
        "          PortMappings:",
        "            - ContainerPort: 80",
        "              HostPort: 8080",
        "            - ContainerPort: 443",
        "              HostPort: 443",
        "          LogConfiguration:",
        "            LogDriver: awslogs",
        "            Options:",
        "              awslogs-group: app",
        "  FargateService:",
        "    Type: AWS::ECS::Service",
        "    Properties:",
        "      Cluster: !Ref Cluster",
        "      LaunchType: FARGATE",
        "      TaskDefinition: !Ref Bridge",
        "      SchedulingStrategy: DAEMON",
        "  VpcService:",
        "    Type: AWS::ECS::Service",
        "    Properties:",
        "      Cluster: !Ref Cluster",
        "      TaskDefinition: !Ref Vpc",
        "      DesiredCount: 1",
        "  Daemon:",
        "    Type: AWS::ECS::Service",
        "    Properties:",
        "      Cluster: !Ref Cluster",
        "      TaskDefinition: !Ref Vpc",
        "      SchedulingStrategy: DAEMON",
        "      NetworkConfiguration:",
        "        AwsvpcConfiguration:",
        "          Subnets: [subnet-12345678]",
      ),
      { only: ["E3044", "E3046", "E3052", "E3053", "E3054", "E3713"] },
    );
    // cfn-lint reports the same cases; E3054 at the task definition (line 6), the others at the same lines.
    expect(brief(findings)).toEqual([
      "E3713 12:24",
      "E3053 24:25",
      "E3046 29:13",
      "E3054 35:19",
      "E3044 37:27",
      "E3052 40:5",
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      "Service 'FargateService' runs this task on Fargate, and Fargate tasks log through awslogs, splunk or awsfirelens, " +
        "not syslog; use awslogs for CloudWatch Logs",
      "HostPort 8080 of task definition 'Vpc' differs from its ContainerPort 80, and in awsvpc mode the task's network " +
        "interface has the container's own port; remove HostPort or set it to 80",
      "The awslogs log configuration of task definition 'Vpc' has no awslogs-region option, which the awslogs driver " +
        "needs to know where to send the logs; add awslogs-region: !Ref AWS::Region to Options",
      "Service 'FargateService' launches on Fargate, but task definition 'Bridge' is not made for it (NetworkMode " +
        "bridge, the default, and no FARGATE in RequiresCompatibilities); add RequiresCompatibilities: [FARGATE] and " +
        "NetworkMode: awsvpc to the task definition",
      "Service 'FargateService' runs on Fargate, which schedules only REPLICA services, not DAEMON; set " +
        "SchedulingStrategy: REPLICA (with DesiredCount), or run the daemon on EC2 with the ECS deployment controller",
      "Service 'VpcService' runs task definition 'Vpc', whose NetworkMode is awsvpc, without a NetworkConfiguration; " +
        "ECS needs the subnets (and security groups) of each task's network interface: add " +
        "NetworkConfiguration.AwsvpcConfiguration",
    ]);
  });

  it("leaves a task definition made for Fargate to E3048, and a service on EC2 alone", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Task:",
        "    Type: AWS::ECS::TaskDefinition",
        "    Properties:",
        "      RequiresCompatibilities: [FARGATE]",
        "      NetworkMode: awsvpc",
        "      Cpu: 256",
        "      Memory: 512",
        "      ContainerDefinitions:",
        "        - Name: app",
        "          Image: nginx",
        "          LogConfiguration:",
        "            LogDriver: syslog",
        "  Service:",
        "    Type: AWS::ECS::Service",
        "    Properties:",
        "      LaunchType: FARGATE",
        "      TaskDefinition: !Ref Task",
        "      NetworkConfiguration: !Ref AWS::NoValue",
        "  OnEc2:",
        "    Type: AWS::ECS::Service",
        "    Properties:",
        "      LaunchType: EC2",
        "      TaskDefinition: !Ref Task",
        "      SchedulingStrategy: DAEMON",
        "      NetworkConfiguration: {AwsvpcConfiguration: {Subnets: [subnet-12345678]}}",
      ),
      { only: ["E3044", "E3048", "E3052", "E3054", "E3713"] },
    );
    expect(brief(findings)).toEqual(["E3048 13:24", "E3052 16:5"]);
  });
});

describe("E3700, E3701, E3702 pipeline stages and artifacts", () => {
  it("reports misplaced Source actions, artifacts read before they are written or written twice, Source artifacts", () => {
    const findings = lint(
      yaml(
        "Conditions:",
        '  Prod: !Equals [!Ref "AWS::AccountId", "123456789012"]',
        "Resources:",
        "  Pipeline:",
        "    Type: AWS::CodePipeline::Pipeline",
        "    Properties:",
        "      RoleArn: arn:aws:iam::123456789012:role/pipeline",
        "      ArtifactStore: {Type: S3, Location: my-bucket}",
        "      Stages:",
        "        - Name: Source",
        "          Actions:",
        "            - Name: Checkout",
        '              ActionTypeId: {Category: Source, Owner: AWS, Provider: S3, Version: "1"}',
        "              Configuration: {S3Bucket: my-bucket, S3ObjectKey: src.zip}",
        "              OutputArtifacts:",
        "                - Name: Src",
        "            - Name: Lint",
        '              ActionTypeId: {Category: Build, Owner: AWS, Provider: CodeBuild, Version: "1"}',
        "              Configuration: {ProjectName: lint}",
        "              InputArtifacts:",
        "                - Name: Src",
        "        - Name: Build",
        "          Actions:",
        "            - Name: Package",
        "              RunOrder: 2",
        '              ActionTypeId: {Category: Build, Owner: AWS, Provider: CodeBuild, Version: "1"}',
        "              Configuration: {ProjectName: package}",
        "              InputArtifacts:",
        "                - Name: Compiled",
        "              OutputArtifacts:",
        "                - Name: Packaged",
        "            - Name: Compile",
        '              ActionTypeId: {Category: Build, Owner: AWS, Provider: CodeBuild, Version: "1"}',
        "              Configuration: {ProjectName: compile}",
        "              InputArtifacts:",
        "                - Name: Src",
        "              OutputArtifacts:",
        "                - Name: Compiled",
        "            - Name: Again",
        '              ActionTypeId: {Category: Build, Owner: AWS, Provider: CodeBuild, Version: "1"}',
        "              Configuration: {ProjectName: again}",
        "              InputArtifacts:",
        "                - Name: Packaged",
        "              OutputArtifacts:",
        "                - Name: Src",
        "        - Name: Deploy",
        "          Actions:",
        "            - Name: Fetch",
        '              ActionTypeId: {Category: Source, Owner: AWS, Provider: S3, Version: "1"}',
        "              Configuration: {S3Bucket: my-bucket, S3ObjectKey: config.zip}",
        "              InputArtifacts:",
        "                - Name: Packaged",
        "              OutputArtifacts:",
        "                - Name: Config",
        "                - Name: Extra",
        "            - !If",
        "              - Prod",
        "              - Name: Release",
        '                ActionTypeId: {Category: Deploy, Owner: AWS, Provider: CloudFormation, Version: "1"}',
        "                Configuration: {ActionMode: CREATE_UPDATE, StackName: app}",
        "                InputArtifacts:",
        "                  - Name: Packaged",
        "                OutputArtifacts:",
        "                  - Name: Config",
        "              - !Ref AWS::NoValue",
      ),
      { only: ["E3700", "E3701", "E3702"] },
    );
    // cfn-lint also reports 'Compiled' on line 29, read by an action written before the one that writes it but
    // run after it (RunOrder 2), and not 'Src' on line 21, read by an action that runs beside its writer; it
    // reports E3700 at the Category key and E3702 at the artifact lists.
    expect(brief(findings)).toEqual([
      "E3700 18:40",
      "E3701 21:25",
      "E3701 43:25",
      "E3701 45:25",
      "E3700 49:40",
      "E3702 52:25",
      "E3702 55:25",
      "E3701 64:27",
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      "Action 'Lint' of pipeline 'Pipeline' is a Build action in the first stage, which holds only Source actions; " +
        "move it to a later stage",
      "Action 'Lint' of pipeline 'Pipeline' reads artifact 'Src', which action 'Checkout' writes at the same time " +
        "(the same RunOrder); give the reader a higher RunOrder",
      "Action 'Again' of pipeline 'Pipeline' reads artifact 'Packaged', which action 'Package' writes only after it " +
        "runs; move the reader to a later stage or give it a higher RunOrder",
      "Action 'Again' of pipeline 'Pipeline' writes artifact 'Src', which action 'Checkout' writes too; output " +
        "artifact names are unique in a pipeline: rename one",
      "Action 'Fetch' of pipeline 'Pipeline' is a Source action in stage 3, and Source actions go in the first stage " +
        "only; move it there",
      "Source action 'Fetch' of pipeline 'Pipeline' reads artifact 'Packaged', and a Source action reads none: it " +
        "starts the pipeline; remove InputArtifacts",
      "Source action 'Fetch' of pipeline 'Pipeline' writes 2 artifacts, and a Source action writes exactly one; keep " +
        "one OutputArtifacts entry",
      "Action 'Release' of pipeline 'Pipeline' writes artifact 'Config', which action 'Fetch' writes too; output " +
        "artifact names are unique in a pipeline: rename one",
    ]);
  });

  it("reports an artifact no action writes and a Source action without output, not conditional twins", () => {
    const findings = lint(
      yaml(
        "Conditions:",
        "  Prod: !Equals [!Ref AWS::Region, us-east-1]",
        "Resources:",
        "  Pipeline:",
        "    Type: AWS::CodePipeline::Pipeline",
        "    Properties:",
        "      RoleArn: arn:aws:iam::123456789012:role/pipeline",
        "      Stages:",
        "        - Name: Source",
        "          Actions:",
        "            - Name: Checkout",
        "              ActionTypeId: {Category: Source, Owner: AWS, Provider: S3, Version: '1'}",
        "        - Name: Deploy",
        "          Actions:",
        "            - !If [Prod, {Name: A, ActionTypeId: {Category: Deploy}, OutputArtifacts: [{Name: Out}]}, !Ref AWS::NoValue]",
        "            - !If [Prod, !Ref AWS::NoValue, {Name: B, ActionTypeId: {Category: Deploy}, OutputArtifacts: [{Name: Out}]}]",
        "            - Name: C",
        "              RunOrder: !If [Prod, 2, 3]",
        "              ActionTypeId: {Category: Deploy, Owner: AWS, Provider: CloudFormation, Version: '1'}",
        "              InputArtifacts: [{Name: Missing}, {Name: Out}]",
      ),
      { only: ["E3700", "E3701", "E3702"] },
    );
    // C's RunOrder is not known, so A and B may have run before it.
    expect(brief(findings)).toEqual(["E3702 12:40", "E3701 20:39"]);
    expect(findings[1].message).toContain("reads artifact 'Missing', which no action of the pipeline writes");
  });
});

describe("E3702 artifact counts of each provider", () => {
  it("reports too many or too few artifacts for the providers of the user guide's table, and leaves the rest alone", () => {
    const build = (
      name: string,
      provider: string,
      category: string,
      owner: string,
      inputs: string,
      outputs = "[]",
    ) =>
      `            - {Name: ${name}, ActionTypeId: {Category: ${category}, Owner: ${owner}, Provider: ${provider}, Version: '1'}, InputArtifacts: ${inputs}, OutputArtifacts: ${outputs}}`;
    const six = "[{Name: Src}, {Name: A}, {Name: B}, {Name: C}, {Name: D}, {Name: E}]";
    const findings = lint(
      yaml(
        "Conditions:",
        "  Prod: !Equals [!Ref AWS::Region, us-east-1]",
        "Resources:",
        "  Pipeline:",
        "    Type: AWS::CodePipeline::Pipeline",
        "    Properties:",
        "      RoleArn: arn:aws:iam::123456789012:role/pipeline",
        "      ArtifactStore: {Type: S3, Location: my-bucket}",
        "      Stages:",
        "        - Name: Source",
        "          Actions:",
        build("Get", "S3", "Source", "AWS", "[]", "[{Name: Src}]"),
        "        - Name: Build",
        "          Actions:",
        build(
          "Gen",
          "CodeBuild",
          "Build",
          "AWS",
          "[{Name: Src}]",
          "[{Name: A}, {Name: B}, {Name: C}, {Name: D}, {Name: E}]",
        ),
        build("Many", "CodeBuild", "Build", "AWS", six),
        build("None", "CodeBuild", "Test", "AWS", "[]"),
        build("Maybe", "CodeBuild", "Test", "AWS", "!If [Prod, [{Name: Src}], []]"),
        build("Jenkins", "Jenkins", "Build", "Custom", six),
        build("Other", "Commands", "Compute", "AWS", six),
        "        - Name: Release",
        "          Actions:",
        build("Approve", "Manual", "Approval", "AWS", "[{Name: Src}]"),
        build("Stack", "CloudFormation", "Deploy", "AWS", "[{Name: Src}]", "[{Name: X}, {Name: Y}]"),
        build(
          "Either",
          "CloudFormation",
          "Deploy",
          "AWS",
          "[{Name: Src}]",
          "[{Name: Z}, !If [Prod, {Name: W}, !Ref AWS::NoValue]]",
        ),
        build("Copy", "S3", "Deploy", "AWS", "[]"),
      ),
      { only: ["E3702"] },
    );
    expect(findings.map((f) => [f.range.start.line, f.message])).toEqual([
      [
        16,
        "Action 'Many' of pipeline 'Pipeline' reads 6 artifacts, and CodeBuild Build actions read 1 to 5; keep at most 5 InputArtifacts",
      ],
      [
        17,
        "Action 'None' of pipeline 'Pipeline' reads no artifact, and CodeBuild Test actions read 1 to 5; add InputArtifacts",
      ],
      [
        23,
        "Action 'Approve' of pipeline 'Pipeline' reads 1 artifact, and Manual Approval actions read none; remove InputArtifacts",
      ],
      [
        24,
        "Action 'Stack' of pipeline 'Pipeline' writes 2 artifacts, and CloudFormation Deploy actions write at most 1; keep at most 1 OutputArtifacts",
      ],
      [
        26,
        "Action 'Copy' of pipeline 'Pipeline' reads no artifact, and S3 Deploy actions read exactly 1; add InputArtifacts",
      ],
    ]);
  });
});

describe("what the network, load balancer and RDS rules leave alone, and the cases they still report", () => {
  const only = {
    only: ["E3059", "E3060", "E3687", "E3688", "W3687", "E3680", "E3681", "E3683", "E3684", "E3676"],
  };

  it("judges no subnet of a VPC whose block or pool a condition chooses, and IPv6 only where the VPC has none", () => {
    const findings = lint(
      yaml(
        "Conditions:",
        "  UseIpam: !Equals [!Ref AWS::Region, us-east-1]",
        "Resources:",
        "  Ipam:",
        "    Type: AWS::EC2::VPC",
        "    Properties:",
        "      CidrBlock: !If [UseIpam, !Ref AWS::NoValue, 10.0.0.0/16]",
        "      Ipv4IpamPoolId: !If [UseIpam, ipam-pool-123, !Ref AWS::NoValue]",
        "  InIpam:",
        "    Type: AWS::EC2::Subnet",
        "    Properties: {VpcId: !Ref Ipam, CidrBlock: 10.1.1.0/24}",
        "  Plain:",
        "    Type: AWS::EC2::VPC",
        "    Properties: {CidrBlock: 10.0.0.0/16}",
        "  NoIpv6:",
        "    Type: AWS::EC2::VPCCidrBlock",
        "    Properties: {VpcId: !Ref Plain, AmazonProvidedIpv6CidrBlock: false}",
        "  MaybeIpv6:",
        "    Type: AWS::EC2::VPCCidrBlock",
        "    Properties: {VpcId: !Ref Ipam, AmazonProvidedIpv6CidrBlock: !If [UseIpam, true, false]}",
        "  V6:",
        "    Type: AWS::EC2::Subnet",
        "    Properties: {VpcId: !Ref Plain, CidrBlock: 10.0.0.0/24, Ipv6CidrBlock: '2001:db8::/64'}",
        "  V6Maybe:",
        "    Type: AWS::EC2::Subnet",
        "    Properties: {VpcId: !Ref Ipam, Ipv6CidrBlock: '2001:db8::/64'}",
        "  Bare:",
        "    Type: AWS::EC2::VPC",
        "  InBare:",
        "    Type: AWS::EC2::Subnet",
        "    Properties: {VpcId: !Ref Bare, CidrBlock: 10.0.0.0/24}",
      ),
      only,
    );
    expect(brief(findings)).toEqual(["E3059 23:76"]);
    expect(findings[0].message).toContain("VPC 'Plain' has no IPv6 block");
  });

  it("compares subnets of a VPC given as a parameter, and IPv6 blocks", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  VpcId: {Type: 'AWS::EC2::VPC::Id'}",
        "Resources:",
        "  A:",
        "    Type: AWS::EC2::Subnet",
        "    Properties: {VpcId: !Ref VpcId, CidrBlock: 10.0.0.0/24, Ipv6CidrBlock: '2001:db8::/56'}",
        "  B:",
        "    Type: AWS::EC2::Subnet",
        "    Properties: {VpcId: !Ref VpcId, CidrBlock: 10.0.1.0/24, Ipv6CidrBlock: '2001:db8:0:1::/64'}",
      ),
      only,
    );
    expect(brief(findings)).toEqual(["E3060 9:76"]);
    expect(findings[0].message).toContain("in the same VPC (!Ref VpcId)");
  });

  it("leaves ports alone when the protocol is not known, and reports a standalone egress rule", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Proto: {Type: String, Default: icmp}",
        "Resources:",
        "  Group:",
        "    Type: AWS::EC2::SecurityGroup",
        "    Properties:",
        "      GroupDescription: web",
        "      SecurityGroupIngress:",
        "        - {IpProtocol: !Ref Proto, FromPort: 8, ToPort: -1, CidrIp: 10.0.0.0/8}",
        "        - {IpProtocol: TCP, FromPort: 443, ToPort: 443, CidrIp: 10.0.0.0/8}",
        "  Out:",
        "    Type: AWS::EC2::SecurityGroupEgress",
        "    Properties: {GroupId: !Ref Group, IpProtocol: udp, DestinationPrefixListId: pl-12345678}",
      ),
      only,
    );
    expect(brief(findings)).toEqual(["E3687 13:51"]);
    expect(findings[0].message).toContain("The udp rule of rule 'Out' has no FromPort or ToPort");
  });

  it("leaves well-formed load balancers, target groups and listeners alone", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  SubnetIds: {Type: 'List<AWS::EC2::Subnet::Id>'}",
        "  First: {Type: 'AWS::EC2::Subnet::Id'}",
        "Conditions:",
        "  Two: !Equals [!Ref AWS::Region, us-east-1]",
        "Resources:",
        "  Listed:",
        "    Type: AWS::ElasticLoadBalancingV2::LoadBalancer",
        "    Properties: {Subnets: [subnet-1, subnet-2]}",
        "  FromParameter:",
        "    Type: AWS::ElasticLoadBalancingV2::LoadBalancer",
        "    Properties: {Subnets: !Ref SubnetIds}",
        "  Nested:",
        "    Type: AWS::ElasticLoadBalancingV2::LoadBalancer",
        "    Properties: {Subnets: [!Ref SubnetIds]}",
        "  Conditional:",
        "    Type: AWS::ElasticLoadBalancingV2::LoadBalancer",
        "    Properties: {Subnets: [!If [Two, !Ref SubnetIds, !Ref AWS::NoValue]]}",
        "  One:",
        "    Type: AWS::ElasticLoadBalancingV2::LoadBalancer",
        "    Properties: {SubnetMappings: [{SubnetId: !Ref First}]}",
        "  Geneve:",
        "    Type: AWS::ElasticLoadBalancingV2::TargetGroup",
        "    Properties: {Protocol: GENEVE, Port: 6081, VpcId: vpc-1, HealthCheckProtocol: HTTP, Matcher: {HttpCode: '200'}}",
        "  Function:",
        "    Type: AWS::ElasticLoadBalancingV2::TargetGroup",
        "    Properties: {TargetType: lambda, HealthCheckEnabled: true}",
        "  Http:",
        "    Type: AWS::ElasticLoadBalancingV2::Listener",
        "    Properties: {LoadBalancerArn: !Ref Listed, Protocol: HTTP, Port: 80, DefaultActions: []}",
      ),
      only,
    );
    // Only the one subnet mapping is a finding; the other counts are not known.
    expect(brief(findings)).toEqual(["E3680 21:18"]);
  });

  it("leaves replicas, restores, cluster members, RDS Custom and the usual Aurora Serverless v2 setup alone", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Cluster:",
        "    Type: AWS::RDS::DBCluster",
        "    Properties:",
        "      Engine: aurora-postgresql",
        "      StorageEncrypted: true",
        "      ServerlessV2ScalingConfiguration: {MinCapacity: 0.5, MaxCapacity: 4}",
        "      MonitoringInterval: 60",
        "      MonitoringRoleArn: arn:aws:iam::123456789012:role/monitoring",
        "  Writer:",
        "    Type: AWS::RDS::DBInstance",
        "    Properties:",
        "      DBClusterIdentifier: !Ref Cluster",
        "      DBInstanceClass: db.serverless",
        "      Engine: Aurora-PostgreSQL",
        "      StorageEncrypted: true",
        "      CopyTagsToSnapshot: true",
        "      KmsKeyId: alias/aws/rds",
        "  Restored:",
        "    Type: AWS::RDS::DBCluster",
        "    Properties: {Engine: aurora-mysql, SnapshotIdentifier: 'arn:aws:rds:us-east-1:123456789012:cluster-snapshot:enc'}",
        "  RestoredMember:",
        "    Type: AWS::RDS::DBInstance",
        "    Properties: {DBClusterIdentifier: !Ref Restored, Engine: aurora-mysql, StorageEncrypted: true}",
        "  Replica:",
        "    Type: AWS::RDS::DBInstance",
        "    Properties:",
        "      SourceDBInstanceIdentifier: arn:aws:rds:us-west-2:123456789012:db:source",
        "      Engine: postgres",
        "      KmsKeyId: alias/aws/rds",
        "  Custom:",
        "    Type: AWS::RDS::DBInstance",
        "    Properties: {Engine: custom-oracle-ee, KmsKeyId: alias/custom, MonitoringInterval: 60}",
        "  Monitored:",
        "    Type: AWS::RDS::DBInstance",
        "    Properties: {Engine: MySQL, MonitoringInterval: 30, DeletionProtection: true}",
      ),
      { only: ["E3686", "E3689", "E3693", "E3682", "E3720", "E3707", "E3709"] },
    );
    // The instance that turns on enhanced monitoring without a role is the one finding.
    expect(brief(findings)).toEqual(["E3689 36:33"]);
    expect(findings[0].message).toContain("Instance 'Monitored' turns on enhanced monitoring");
  });
});

describe("E3022 route table associations, E3064 private DNS endpoints", () => {
  it("reports a second association of a subnet and a second private DNS endpoint for a service", () => {
    const findings = lint(
      yaml(
        "Conditions:",
        '  Blue: !Equals [!Ref "AWS::Region", us-east-1]',
        "  Green: !Not [Condition: Blue]",
        "Resources:",
        "  Vpc:",
        "    Type: AWS::EC2::VPC",
        "    Properties:",
        "      CidrBlock: 10.0.0.0/16",
        "  Subnet:",
        "    Type: AWS::EC2::Subnet",
        "    Properties:",
        "      VpcId: !Ref Vpc",
        "      CidrBlock: 10.0.0.0/24",
        "  Public:",
        "    Type: AWS::EC2::RouteTable",
        "    Properties:",
        "      VpcId: !Ref Vpc",
        "  Private:",
        "    Type: AWS::EC2::RouteTable",
        "    Properties:",
        "      VpcId: !Ref Vpc",
        "  PublicAssociation:",
        "    Type: AWS::EC2::SubnetRouteTableAssociation",
        "    Properties:",
        "      SubnetId: !Ref Subnet",
        "      RouteTableId: !Ref Public",
        "  PrivateAssociation:",
        "    Type: AWS::EC2::SubnetRouteTableAssociation",
        "    Properties:",
        "      SubnetId: !Ref Subnet",
        "      RouteTableId: !Ref Private",
        "  BlueAssociation:",
        "    Type: AWS::EC2::SubnetRouteTableAssociation",
        "    Condition: Blue",
        "    Properties:",
        "      SubnetId: subnet-12345678",
        "      RouteTableId: !Ref Public",
        "  GreenAssociation:",
        "    Type: AWS::EC2::SubnetRouteTableAssociation",
        "    Condition: Green",
        "    Properties:",
        "      SubnetId: subnet-12345678",
        "      RouteTableId: !Ref Private",
        "  SqsEndpoint:",
        "    Type: AWS::EC2::VPCEndpoint",
        "    Properties:",
        "      VpcEndpointType: Interface",
        "      VpcId: !Ref Vpc",
        "      ServiceName: !Sub com.amazonaws.${AWS::Region}.sqs",
        "      PrivateDnsEnabled: true",
        "      SubnetIds: [!Ref Subnet]",
        "  SqsEndpointAgain:",
        "    Type: AWS::EC2::VPCEndpoint",
        "    Properties:",
        "      VpcEndpointType: Interface",
        "      VpcId: !Ref Vpc",
        "      ServiceName: !Sub com.amazonaws.${AWS::Region}.sqs",
        "      PrivateDnsEnabled: true",
        "      SubnetIds: [!Ref Subnet]",
        "  SqsEndpointNoDns:",
        "    Type: AWS::EC2::VPCEndpoint",
        "    Properties:",
        "      VpcEndpointType: Interface",
        "      VpcId: !Ref Vpc",
        "      ServiceName: !Sub com.amazonaws.${AWS::Region}.sqs",
        "      SubnetIds: [!Ref Subnet]",
        "  S3Gateway:",
        "    Type: AWS::EC2::VPCEndpoint",
        "    Properties:",
        "      VpcId: !Ref Vpc",
        "      ServiceName: !Sub com.amazonaws.${AWS::Region}.s3",
        "      RouteTableIds: [!Ref Public]",
      ),
      { only: ["E3022", "E3064"] },
    );
    // cfn-lint reports both associations (lines 25 and 30), and E3064 at the second endpoint's Properties key.
    expect(brief(findings)).toEqual(["E3022 30:17", "E3064 57:20"]);
    expect(findings.map((f) => f.message)).toEqual([
      "The subnet !Ref Subnet already has a route table through 'PublicAssociation', and a subnet has one route table " +
        "association (EC2 refuses a second: Resource.AlreadyAssociated); remove 'PrivateAssociation', or associate " +
        "another subnet",
      "Endpoint 'SqsEndpointAgain' enables private DNS for !Sub 'com.amazonaws.${AWS::Region}.sqs' in VPC !Ref Vpc, " +
        "as 'SqsEndpoint' does, and the second endpoint fails: the service's private DNS name is taken in the VPC; " +
        "remove one, or set PrivateDnsEnabled: false on it",
    ]);
  });
});

describe("ECS, pipeline, association and endpoint cases from review", () => {
  it("reads whole lists chosen by Fn::If, counts a Fn::If item once, and leaves custom Source actions alone", () => {
    const findings = lint(
      yaml(
        "Conditions:",
        "  UseS3: !Equals [!Ref AWS::Region, us-east-1]",
        "Parameters:",
        "  Artifact: {Type: String}",
        "Resources:",
        "  Pipeline:",
        "    Type: AWS::CodePipeline::Pipeline",
        "    Properties:",
        "      RoleArn: arn:aws:iam::123456789012:role/pipeline",
        "      Stages:",
        "        - Name: Source",
        "          Actions: !If",
        "            - UseS3",
        "            - - {Name: S, ActionTypeId: {Category: Source, Owner: AWS, Provider: S3, Version: '1'}, OutputArtifacts: [{Name: Src}]}",
        "            - - {Name: S, ActionTypeId: {Category: Source, Owner: AWS, Provider: CodeCommit, Version: '1'}, OutputArtifacts: [!If [UseS3, {Name: Src}, {Name: Other}]]}",
        "        - Name: Build",
        "          Actions:",
        "            - {Name: B, ActionTypeId: {Category: Build, Owner: AWS, Provider: CodeBuild, Version: '1'}, InputArtifacts: [{Name: Src}]}",
        "            - {Name: Own, RunOrder: 2, ActionTypeId: {Category: Build}, InputArtifacts: [{Name: Mine}], OutputArtifacts: [{Name: Mine}, {Name: Mine}]}",
        "  Custom:",
        "    Type: AWS::CodePipeline::Pipeline",
        "    Properties:",
        "      RoleArn: arn:aws:iam::123456789012:role/pipeline",
        "      Stages:",
        "        - Name: Source",
        "          Actions:",
        "            - {Name: Mine, ActionTypeId: {Category: Source, Owner: Custom, Provider: Mine, Version: '1'}, OutputArtifacts: [{Name: A}, {Name: B}]}",
        "            - {Name: Empty, ActionTypeId: {Category: Source, Owner: AWS, Provider: S3, Version: '1'}, OutputArtifacts: []}",
        "        - Name: Build",
        "          Actions:",
        "            - {Name: B, ActionTypeId: {Category: Build}, OutputArtifacts: [{Name: !Ref Artifact}]}",
        "            - {Name: C, RunOrder: 2, ActionTypeId: {Category: Build}, InputArtifacts: [{Name: FromParameter}]}",
      ),
      { only: ["E3700", "E3701", "E3702"] },
    );
    // Own reads what it writes itself, and lists Mine twice; Empty writes nothing; FromParameter may be the
    // artifact named by the parameter.
    expect(brief(findings)).toEqual(["E3701 19:97", "E3701 19:144", "E3702 28:54"]);
    expect(findings.map((f) => f.message)).toEqual([
      "Action 'Own' of pipeline 'Pipeline' reads artifact 'Mine', which it writes itself; an action reads what earlier " +
        "actions write",
      "Action 'Own' of pipeline 'Pipeline' writes artifact 'Mine', which it lists twice; output artifact names are " +
        "unique in a pipeline: rename one",
      expect.stringContaining("Source action 'Empty' of pipeline 'Custom' writes no artifact"),
    ]);
  });

  it("reports a service once, leaves EXTERNAL alone, and covers CodeDeploy scheduling and awslogs options", () => {
    const findings = lint(
      yaml(
        "Conditions:",
        "  Big: !Equals [!Ref AWS::Region, us-east-1]",
        "Resources:",
        "  Task:",
        "    Type: AWS::ECS::TaskDefinition",
        "    Properties:",
        "      NetworkMode: awsvpc",
        "      ContainerDefinitions:",
        "        - Name: app",
        "          Image: nginx",
        "          LogConfiguration:",
        "            LogDriver: awslogs",
        "            Options: !If [Big, {awslogs-group: app, awslogs-region: us-east-1}, !Ref AWS::NoValue]",
        "        - Name: sidecar",
        "          Image: nginx",
        "          LogConfiguration: {LogDriver: awslogs, Options: !Ref AWS::NoValue}",
        "  Twice:",
        "    Type: AWS::ECS::Service",
        "    Properties: !If [Big, {TaskDefinition: !Ref Task, DesiredCount: 2}, {TaskDefinition: !Ref Task, DesiredCount: 1}]",
        "  Anywhere:",
        "    Type: AWS::ECS::Service",
        "    Properties: {TaskDefinition: !Ref Task, LaunchType: EXTERNAL}",
        "  Blue:",
        "    Type: AWS::ECS::Service",
        "    Properties:",
        "      TaskDefinition: !Ref Task",
        "      NetworkConfiguration: {AwsvpcConfiguration: {Subnets: [subnet-1]}}",
        "      DeploymentController: {Type: EXTERNAL}",
        "      SchedulingStrategy: DAEMON",
      ),
      { only: ["E3044", "E3046", "E3052"] },
    );
    expect(brief(findings)).toEqual(["E3046 12:13", "E3046 16:30", "E3052 19:5", "E3044 29:27"]);
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringContaining(
        "has no awslogs-group or awslogs-region option when its Fn::If leaves Options out",
      ),
      expect.stringContaining("has no awslogs-group or awslogs-region option, which"),
      expect.stringContaining("Service 'Twice' runs task definition 'Task'"),
      expect.stringContaining("Service 'Blue' is deployed by an EXTERNAL controller"),
    ]);
  });

  it("compares a subnet or VPC written as !Ref and as !GetAtt, and leaves other VPCs and exclusive conditions alone", () => {
    const findings = lint(
      yaml(
        "Conditions:",
        "  Blue: !Equals [!Ref AWS::Region, us-east-1]",
        "  Green: !Not [Condition: Blue]",
        "Resources:",
        "  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}",
        "  Other: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.1.0.0/16}}",
        "  Subnet: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24}}",
        "  One: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref Subnet, RouteTableId: rtb-1}}",
        "  Two: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !GetAtt Subnet.SubnetId, RouteTableId: rtb-2}}",
        "  A:",
        "    Type: AWS::EC2::VPCEndpoint",
        "    Properties: {VpcEndpointType: Interface, VpcId: !Ref Vpc, ServiceName: com.amazonaws.us-east-1.sqs, PrivateDnsEnabled: 'true'}",
        "  B:",
        "    Type: AWS::EC2::VPCEndpoint",
        "    Properties: {VpcEndpointType: Interface, VpcId: !GetAtt Vpc.VpcId, ServiceName: com.amazonaws.us-east-1.sqs, PrivateDnsEnabled: true}",
        "  InOther:",
        "    Type: AWS::EC2::VPCEndpoint",
        "    Properties: {VpcEndpointType: Interface, VpcId: !Ref Other, ServiceName: com.amazonaws.us-east-1.sqs, PrivateDnsEnabled: true}",
        "  BlueEndpoint:",
        "    Type: AWS::EC2::VPCEndpoint",
        "    Condition: Blue",
        "    Properties: {VpcEndpointType: Interface, VpcId: !Ref Other, ServiceName: com.amazonaws.us-east-1.sns, PrivateDnsEnabled: true}",
        "  GreenEndpoint:",
        "    Type: AWS::EC2::VPCEndpoint",
        "    Condition: Green",
        "    Properties: {VpcEndpointType: Interface, VpcId: !Ref Other, ServiceName: com.amazonaws.us-east-1.sns, PrivateDnsEnabled: true}",
        "  Maybe:",
        "    Type: AWS::EC2::VPCEndpoint",
        "    Properties: {VpcEndpointType: Interface, VpcId: !Ref Other, ServiceName: com.amazonaws.us-east-1.sns, PrivateDnsEnabled: !If [Blue, true, false]}",
      ),
      { only: ["E3022", "E3064"] },
    );
    expect(brief(findings)).toEqual(["E3022 9:77", "E3064 15:85"]);
  });
});

describe("E3023 Route 53 record values, E3029 aliases and TTLs", () => {
  it("reports values that do not fit the type, an alias with a TTL, and a record without one", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Web:",
        "    Type: AWS::Route53::RecordSet",
        "    Properties:",
        "      HostedZoneName: example.com.",
        "      Name: www.example.com",
        "      Type: A",
        "      TTL: 300",
        "      ResourceRecords:",
        "        - 192.0.2.10",
        "        - 192.0.2.300",
        "  Alias:",
        "    Type: AWS::Route53::RecordSet",
        "    Properties:",
        "      HostedZoneName: example.com.",
        "      Name: api.example.com",
        "      Type: A",
        "      TTL: 60",
        "      AliasTarget:",
        "        DNSName: d111111abcdef8.cloudfront.net",
        "        HostedZoneId: Z2FDTNDATAQYW2",
        "  Records:",
        "    Type: AWS::Route53::RecordSetGroup",
        "    Properties:",
        "      HostedZoneName: example.com.",
        "      RecordSets:",
        "        - Name: example.com",
        "          Type: TXT",
        "          TTL: 300",
        "          ResourceRecords:",
        "            - v=spf1 include:amazonses.com -all",
        '            - \'"google-site-verification=abc" "second \\"part\\""\'',
        "        - Name: mail.example.com",
        "          Type: MX",
        "          TTL: 300",
        "          ResourceRecords:",
        "            - mail.example.com",
        "        - Name: docs.example.com",
        "          Type: CNAME",
        "          TTL: 300",
        "          ResourceRecords:",
        "            - a.example.net",
        "            - b.example.net",
        "        - Name: v6.example.com",
        "          Type: AAAA",
        "          ResourceRecords:",
        "            - 2001:db8::1",
      ),
      { only: ["E3023", "E3029"] },
    );
    // cfn-lint also reports the TXT value on line 32, whose escaped quotes Route 53 takes, and not the AAAA
    // record without a TTL (line 45); it reports the CNAME at its ResourceRecords key (41:11).
    expect(brief(findings)).toEqual([
      "E3023 11:11",
      "E3029 18:7",
      "E3023 31:15",
      "E3023 37:15",
      "E3023 43:15",
      "E3029 45:11",
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      "Value 2 of the A record 'www.example.com' is not an IPv4 address",
      "Record 'api.example.com' is an alias (AliasTarget), which takes its TTL from its target, and Route 53 refuses " +
        "an alias with TTL; remove TTL",
      "Value 1 of the TXT record 'example.com' is not in double quotes; Route 53 takes each string of the value in " +
        'them: "..."',
      "Value 1 of the MX record 'mail.example.com' is not a priority (0 to 65535) and a mail server name, such as " +
        "'10 mail.example.com'",
      "The CNAME record 'docs.example.com' has 2 values, and a CNAME record has one; keep one, or use weighted or " +
        "multivalue records for several targets",
      "Record 'v6.example.com' has no AliasTarget and no TTL, and Route 53 takes either an alias or a record with " +
        "TTL and ResourceRecords; add TTL, or an AliasTarget",
    ]);
  });

  it("measures TXT strings, and leaves values from intrinsic functions and conditional aliases alone", () => {
    const long = "x".repeat(256);
    const findings = lint(
      yaml(
        "Parameters:",
        "  Ip: {Type: String}",
        "Conditions:",
        "  Cdn: !Equals [!Ref AWS::Region, us-east-1]",
        "Resources:",
        "  Txt:",
        "    Type: AWS::Route53::RecordSet",
        "    Properties:",
        "      HostedZoneName: example.com.",
        "      Name: example.com",
        "      Type: TXT",
        "      TTL: 300",
        "      ResourceRecords:",
        `        - '"${"y".repeat(255)}" "${long}"'`,
        `        - '"unclosed'`,
        "        - !Sub '\"${AWS::Region}\"'",
        "  Dynamic:",
        "    Type: AWS::Route53::RecordSet",
        "    Properties:",
        "      HostedZoneName: example.com.",
        "      Name: app.example.com",
        "      Type: A",
        "      TTL: !If [Cdn, !Ref AWS::NoValue, 60]",
        "      AliasTarget: !If [Cdn, {DNSName: d1.cloudfront.net, HostedZoneId: Z2FDTNDATAQYW2}, !Ref AWS::NoValue]",
        "      ResourceRecords: !If [Cdn, !Ref AWS::NoValue, [!Ref Ip]]",
      ),
      { only: ["E3023", "E3029"] },
    );
    expect(brief(findings)).toEqual(["E3023 14:11", "E3023 15:11"]);
    expect(findings[0].message).toContain("has a string of 256 characters, and a string holds at most 255");
    expect(findings[1].message).toContain("has a quote that is not closed");
  });
});

describe("security group rules in a list that a Fn::If chooses", () => {
  it("judges the rules of both lists", () => {
    const findings = lint(
      yaml(
        "Conditions:",
        "  Open: !Equals [!Ref AWS::Region, us-east-1]",
        "Resources:",
        "  Group:",
        "    Type: AWS::EC2::SecurityGroup",
        "    Properties:",
        "      GroupDescription: web",
        "      SecurityGroupIngress: !If",
        "        - Open",
        "        - - {IpProtocol: tcp, CidrIp: 0.0.0.0/0}",
        "        - - {IpProtocol: '-1', FromPort: 80, ToPort: 80, CidrIp: 10.0.0.0/8}",
      ),
      { only: ["E3687", "W3687"] },
    );
    expect(brief(findings)).toEqual(["E3687 10:26", "W3687 11:26"]);
  });
});

describe("Route 53 values Route 53 takes, and records in lists that a Fn::If chooses", () => {
  it("takes valid values of each type, escapes, conditional items and records, and reports the rest", () => {
    const findings = lint(
      yaml(
        "Conditions:",
        "  Two: !Equals [!Ref AWS::Region, us-east-1]",
        "Resources:",
        "  Records:",
        "    Type: AWS::Route53::RecordSetGroup",
        "    Properties:",
        "      HostedZoneName: example.com.",
        "      RecordSets:",
        "        - {Name: a.example.com, Type: AAAA, TTL: 60, ResourceRecords: ['::ffff:192.0.2.1', '2001:db8::1']}",
        "        - {Name: b.example.com, Type: MX, TTL: 60, ResourceRecords: ['10\tmail.example.com', '0 .']}",
        "        - {Name: c.example.com, Type: CAA, TTL: 60, ResourceRecords: ['0 issue \"amazon.com\"', '128 iodef \"\"', '300 issue \"x\"']}",
        "        - {Name: d.example.com, Type: SPF, TTL: 60, ResourceRecords: [v=spf1 -all]}",
        `        - {Name: e.example.com, Type: TXT, TTL: 60, ResourceRecords: ['"${"a".repeat(250)}\\040\\040\\040" "\\\\"', 12345]}`,
        "        - Name: f.example.com",
        "          Type: TXT",
        "          TTL: 60",
        "          ResourceRecords:",
        "            - |",
        '              "v=spf1 -all"',
        "        - Name: g.example.com",
        "          Type: CNAME",
        "          TTL: 60",
        "          ResourceRecords: [!If [Two, a.example.net, !Ref AWS::NoValue], b.example.net]",
        "        - {Name: h.example.com, Type: A, AliasTarget: {DNSName: d1.cloudfront.net, HostedZoneId: Z2FDTNDATAQYW2}, ResourceRecords: [192.0.2.1]}",
        "        - !If [Two, {Name: i.example.com, Type: A, TTL: 60}, !Ref AWS::NoValue]",
      ),
      { only: ["E3023", "E3029"] },
    );
    expect(brief(findings)).toEqual([
      "E3023 11:111",
      "E3023 12:71",
      "E3023 13:344",
      "E3023 23:74",
      "E3029 24:115",
      "E3029 25:43",
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      "Value 3 of the CAA record 'c.example.com' is not flags (0 to 255), a tag and a quoted value, such as '0 issue " +
        '"amazon.com"\'',
      expect.stringContaining("Value 1 of the SPF record 'd.example.com' is not in double quotes"),
      expect.stringContaining("Value 2 of the TXT record 'e.example.com' is not in double quotes"),
      "Where condition Two is true, the CNAME record 'g.example.com' has 2 values, and a CNAME record has one; keep " +
        "one, or use weighted or multivalue records for several targets",
      "Record 'h.example.com' is an alias (AliasTarget), which takes its values from its target, and Route 53 " +
        "refuses an alias with ResourceRecords; remove ResourceRecords",
      "Record 'i.example.com' has no AliasTarget and no ResourceRecords, and Route 53 takes either an alias or a " +
        "record with TTL and ResourceRecords; add ResourceRecords, or an AliasTarget",
    ]);
  });
});

describe("Route 53 records whose Type and values, or alias and TTL, a condition chooses", () => {
  it("pairs what one condition chooses, and reports a pair that does not fit under its condition", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Mode: {Type: String, AllowedValues: [v4, v6]}",
        "  Cdn: {Type: String}",
        "Conditions:",
        "  V6: !Equals [!Ref Mode, v6]",
        "  V4: !Equals [!Ref Mode, v4]",
        "  UseCdn: !Equals [!Ref Cdn, 'yes']",
        "  NoCdn: !Not [!Condition UseCdn]",
        "Resources:",
        "  Paired:",
        "    Type: AWS::Route53::RecordSet",
        "    Properties:",
        "      HostedZoneName: example.com.",
        "      Name: a.example.com",
        "      Type: !If [V6, AAAA, A]",
        "      TTL: 60",
        "      ResourceRecords: !If [V6, ['2001:db8::1'], [192.0.2.1]]",
        "  Crossed:",
        "    Type: AWS::Route53::RecordSet",
        "    Properties:",
        "      HostedZoneName: example.com.",
        "      Name: b.example.com",
        "      Type: !If [V6, AAAA, A]",
        "      TTL: 60",
        "      ResourceRecords: [!If [V4, '2001:db8::1', 192.0.2.1]]",
        "  Literal:",
        "    Type: AWS::Route53::RecordSet",
        "    Properties:",
        "      HostedZoneName: example.com.",
        "      Name: c.example.com",
        "      Type: !If [V6, AAAA, A]",
        "      TTL: 60",
        "      ResourceRecords: [192.0.2.1]",
        "  Alias:",
        "    Type: AWS::Route53::RecordSet",
        "    Properties:",
        "      HostedZoneName: example.com.",
        "      Name: d.example.com",
        "      Type: A",
        "      AliasTarget: !If [UseCdn, {DNSName: d1.cloudfront.net, HostedZoneId: Z2FDTNDATAQYW2}, !Ref AWS::NoValue]",
        "      TTL: !If [NoCdn, 60, !Ref AWS::NoValue]",
        "      ResourceRecords: !If [UseCdn, !Ref AWS::NoValue, [192.0.2.1]]",
        "  AliasWrong:",
        "    Type: AWS::Route53::RecordSet",
        "    Properties:",
        "      HostedZoneName: example.com.",
        "      Name: e.example.com",
        "      Type: A",
        "      AliasTarget: !If [UseCdn, {DNSName: d1.cloudfront.net, HostedZoneId: Z2FDTNDATAQYW2}, !Ref AWS::NoValue]",
        "      TTL: 60",
        "      ResourceRecords: !If [UseCdn, !Ref AWS::NoValue, [192.0.2.1]]",
        "  Unrelated:",
        "    Type: AWS::Route53::RecordSet",
        "    Properties:",
        "      HostedZoneName: example.com.",
        "      Name: f.example.com",
        "      Type: !If [V6, AAAA, A]",
        "      TTL: 60",
        "      ResourceRecords: !If [UseCdn, ['2001:db8::1'], [192.0.2.1]]",
      ),
      { only: ["E3023", "E3029"] },
    );
    // Crossed: V4 is true where V6 is false (Mode takes two values), so each branch meets the other Type.
    // Unrelated: Mode and Cdn are two parameters, and the template does not say which values meet.
    expect(brief(findings)).toEqual(["E3023 25:34", "E3023 25:49", "E3023 33:25", "E3029 50:7"]);
    expect(findings.map((f) => f.message)).toEqual([
      "Where condition V6 is false, value 1 of the A record 'b.example.com' is not an IPv4 address",
      "Where condition V6 is true, value 1 of the AAAA record 'b.example.com' is not an IPv6 address",
      "Where condition V6 is true, value 1 of the AAAA record 'c.example.com' is not an IPv6 address",
      "Where condition UseCdn is true, record 'e.example.com' is an alias (AliasTarget), which takes its TTL from " +
        "its target, and Route 53 refuses an alias with TTL; remove TTL",
    ]);
  });

  it("reads a record a Fn::If of the list chooses under that list's condition", () => {
    const findings = lint(
      yaml(
        "Conditions:",
        "  V6: !Equals [!Ref AWS::Region, us-east-1]",
        "Resources:",
        "  Records:",
        "    Type: AWS::Route53::RecordSetGroup",
        "    Properties:",
        "      HostedZoneName: example.com.",
        "      RecordSets: !If",
        "        - V6",
        "        - - {Name: a.example.com, Type: !If [V6, AAAA, A], TTL: 60, ResourceRecords: ['2001:db8::1']}",
        "        - - {Name: a.example.com, Type: !If [V6, AAAA, A], TTL: 60, ResourceRecords: ['2001:db8::2']}",
      ),
      { only: ["E3023", "E3029"] },
    );
    // The first record is made where V6 is true only, the second where it is false only.
    expect(brief(findings)).toEqual(["E3023 11:87"]);
    expect(findings[0].message).toBe("Value 1 of the A record 'a.example.com' is not an IPv4 address");
  });
});

describe("E3504, E3061, E3712, E3704, E3026, E3063 storage, cache, scaling and detector settings", () => {
  it("reports what the services refuse", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Plan:",
        "    Type: AWS::Backup::BackupPlan",
        "    Properties:",
        "      BackupPlan:",
        "        BackupPlanName: daily",
        "        BackupPlanRule:",
        "          - RuleName: daily",
        "            TargetBackupVault: Default",
        "            Lifecycle:",
        "              MoveToColdStorageAfterDays: 30",
        "              DeleteAfterDays: 100",
        "            CopyActions:",
        "              - DestinationBackupVaultArn: arn:aws:backup:us-west-2:123456789012:backup-vault:Default",
        "                Lifecycle:",
        "                  MoveToColdStorageAfterDays: 30",
        "                  DeleteAfterDays: 120",
        "  Bucket:",
        "    Type: AWS::S3::Bucket",
        "    Properties:",
        "      IntelligentTieringConfigurations:",
        "        - Id: archive",
        "          Status: Enabled",
        "          Tierings:",
        "            - AccessTier: ARCHIVE_ACCESS",
        "              Days: 30",
        "            - AccessTier: DEEP_ARCHIVE_ACCESS",
        "              Days: 180",
        "  Group:",
        "    Type: AWS::AutoScaling::AutoScalingGroup",
        "    Properties:",
        '      MinSize: "2"',
        '      MaxSize: "2"',
        "      LaunchTemplate:",
        "        LaunchTemplateId: lt-12345678",
        '        Version: "1"',
        "      VPCZoneIdentifier: [subnet-12345678]",
        "  Tracking:",
        "    Type: AWS::AutoScaling::ScalingPolicy",
        "    Properties:",
        "      AutoScalingGroupName: !Ref Group",
        "      PolicyType: TargetTrackingScaling",
        "      TargetTrackingConfiguration:",
        "        PredefinedMetricSpecification:",
        "          PredefinedMetricType: ASGAverageCPUUtilization",
        "        TargetValue: 50",
        "  Params:",
        "    Type: AWS::ElastiCache::ParameterGroup",
        "    Properties:",
        "      CacheParameterGroupFamily: redis7",
        "      Description: cluster mode",
        "      Properties:",
        '        cluster-enabled: "yes"',
        "  Redis:",
        "    Type: AWS::ElastiCache::ReplicationGroup",
        "    Properties:",
        "      ReplicationGroupDescription: cache",
        "      Engine: redis",
        "      CacheNodeType: cache.t4g.micro",
        "      CacheParameterGroupName: !Ref Params",
        "      AutomaticFailoverEnabled: false",
        "      NumCacheClusters: 1",
        "  Valkey:",
        "    Type: AWS::ElastiCache::ReplicationGroup",
        "    Properties:",
        "      ReplicationGroupDescription: cache",
        "      Engine: valkey",
        "      CacheNodeType: cache.t4g.micro",
        "  Detector:",
        "    Type: AWS::GuardDuty::Detector",
        "    Properties:",
        "      Enable: true",
        "      DataSources:",
        "        S3Logs:",
        "          Enable: true",
        "      Features:",
        "        - Name: S3_DATA_EVENTS",
        "          Status: ENABLED",
      ),
      { only: ["E3504", "E3061", "E3712", "E3704", "E3026", "E3063"] },
    );
    // cfn-lint reports the same cases; E3712, E3026, E3704 and E3063 at other places of the same resources.
    expect(brief(findings)).toEqual([
      "E3504 12:32",
      "E3061 26:21",
      "E3712 41:29",
      "E3026 61:33",
      "E3026 62:25",
      "E3704 67:15",
      "E3063 73:7",
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      "Backup plan 'Plan' deletes recovery points 100 days after creation, 70 days after moving them to cold storage " +
        "on day 30, and AWS Backup keeps cold storage at least 90 days; set DeleteAfterDays to 120 or more",
      "Tiering ARCHIVE_ACCESS of bucket 'Bucket' moves objects after 30 days, and S3 takes 90 to 730 days for that " +
        "tier; set Days from 90 to 730",
      "Target tracking policy 'Tracking' scales group 'Group', whose MaxSize 2 is not above its MinSize 2, and a " +
        "target tracking policy needs room to scale in; raise MaxSize, or remove the policy",
      "Replication group 'Redis' runs Redis in cluster mode, which needs automatic failover; set " +
        "AutomaticFailoverEnabled: true",
      "Replication group 'Redis' runs Redis in cluster mode with NumCacheClusters 1, and cluster mode needs a replica " +
        "for failover; set NumCacheClusters to 2 or more, or give NumNodeGroups or NodeGroupConfiguration",
      "Replication group 'Valkey' runs Valkey without TransitEncryptionEnabled, and ElastiCache refuses " +
        "CloudFormation's default for Valkey; set TransitEncryptionEnabled: true (or false)",
      "Detector 'Detector' gives both DataSources and Features, and GuardDuty takes only one; move the DataSources " +
        "settings to Features, which replaces it",
    ]);
  });

  it("leaves valid settings, node groups and values from intrinsic functions alone", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Days: {Type: Number}",
        "Resources:",
        "  Plan:",
        "    Type: AWS::Backup::BackupPlan",
        "    Properties:",
        "      BackupPlan:",
        "        BackupPlanName: daily",
        "        BackupPlanRule:",
        "          - {RuleName: a, TargetBackupVault: v, Lifecycle: {MoveToColdStorageAfterDays: 30, DeleteAfterDays: 120}}",
        "          - {RuleName: b, TargetBackupVault: v, Lifecycle: {MoveToColdStorageAfterDays: !Ref Days, DeleteAfterDays: 100}}",
        "  Params:",
        "    Type: AWS::ElastiCache::ParameterGroup",
        "    Properties: {CacheParameterGroupFamily: redis7, Description: c, Properties: {cluster-enabled: 'yes'}}",
        "  Sharded:",
        "    Type: AWS::ElastiCache::ReplicationGroup",
        "    Properties: {ReplicationGroupDescription: c, CacheParameterGroupName: !Ref Params, NumNodeGroups: 2, NumCacheClusters: 1}",
        "  Valkey:",
        "    Type: AWS::ElastiCache::ReplicationGroup",
        "    Properties: {ReplicationGroupDescription: c, Engine: valkey, TransitEncryptionEnabled: false}",
        "  Group:",
        "    Type: AWS::AutoScaling::AutoScalingGroup",
        "    Properties: {MinSize: 1, MaxSize: 4}",
        "  Tracking:",
        "    Type: AWS::AutoScaling::ScalingPolicy",
        "    Properties: {AutoScalingGroupName: !Ref Group, PolicyType: TargetTrackingScaling}",
        "  Step:",
        "    Type: AWS::AutoScaling::ScalingPolicy",
        "    Properties: {AutoScalingGroupName: !Ref Group, PolicyType: StepScaling}",
      ),
      { only: ["E3504", "E3061", "E3712", "E3704", "E3026", "E3063"] },
    );
    expect(brief(findings)).toEqual([]);
  });
});

describe("E3026 cluster mode and failover one condition chooses", () => {
  it("reads the parameter group, failover, shards and cluster count a condition chooses together", () => {
    const group = (name: string, ...properties: string[]) => [
      `  ${name}:`,
      "    Type: AWS::ElastiCache::ReplicationGroup",
      "    Properties:",
      "      ReplicationGroupDescription: c",
      ...properties.map((line) => `      ${line}`),
    ];
    const findings = lint(
      yaml(
        "Parameters:",
        "  Mode: {Type: String, AllowedValues: [cluster, single]}",
        "  Size: {Type: String, AllowedValues: [big, small]}",
        "Conditions:",
        "  Clustered: !Equals [!Ref Mode, cluster]",
        "  Big: !Equals [!Ref Size, big]",
        "Resources:",
        ...group(
          "Paired",
          "CacheParameterGroupName: !If [Clustered, default.redis7.cluster.on, default.redis7]",
          "AutomaticFailoverEnabled: !If [Clustered, true, false]",
          "NumCacheClusters: !If [Clustered, 2, 1]",
        ),
        ...group(
          "Crossed",
          "CacheParameterGroupName: !If [Clustered, default.redis7.cluster.on, default.redis7]",
          "AutomaticFailoverEnabled: !If [Clustered, false, true]",
          "NumCacheClusters: !If [Clustered, 1, 2]",
        ),
        ...group(
          "Sharded",
          "CacheParameterGroupName: !If [Clustered, default.redis7.cluster.on, default.redis7]",
          "NumNodeGroups: !If [Clustered, 3, !Ref AWS::NoValue]",
          "NumCacheClusters: !If [Clustered, 1, 1]",
        ),
        ...group(
          "Untied",
          "CacheParameterGroupName: !If [Clustered, default.redis7.cluster.on, default.redis7]",
          "AutomaticFailoverEnabled: !If [Big, true, false]",
        ),
      ),
      { only: ["E3026"] },
    );
    // Untied's two conditions may never meet: not judged.
    expect(findings.map((f) => `${f.range.start.line}:${f.range.start.column} ${f.message}`)).toEqual([
      "20:49 Where condition Clustered is true, replication group 'Crossed' runs Redis in cluster mode, which needs " +
        "automatic failover; set AutomaticFailoverEnabled: true",
      "21:41 Where condition Clustered is true, replication group 'Crossed' runs Redis in cluster mode with " +
        "NumCacheClusters 1, and cluster mode needs a replica for failover; set NumCacheClusters to 2 or more, or give " +
        "NumNodeGroups or NodeGroupConfiguration",
    ]);
  });
});

describe("storage, cache, scaling and detector settings: edges from review", () => {
  it("takes cluster mode only when it is on, bounds and whole numbers, and reports each rule's edge", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Unquoted:",
        "    Type: AWS::ElastiCache::ParameterGroup",
        "    Properties: {CacheParameterGroupFamily: redis7, Description: c, Properties: {cluster-enabled: yes}}",
        "  NotCluster:",
        "    Type: AWS::ElastiCache::ReplicationGroup",
        "    Properties: {ReplicationGroupDescription: c, CacheParameterGroupName: !Ref Unquoted, AutomaticFailoverEnabled: false, NumCacheClusters: 1}",
        "  Plain:",
        "    Type: AWS::ElastiCache::ReplicationGroup",
        "    Properties: {ReplicationGroupDescription: c, AutomaticFailoverEnabled: false, NumCacheClusters: 1}",
        "  Configured:",
        "    Type: AWS::ElastiCache::ReplicationGroup",
        "    Properties: {ReplicationGroupDescription: c, CacheParameterGroupName: default.valkey8.cluster.on, Engine: valkey, TransitEncryptionEnabled: true, NodeGroupConfiguration: [{Slots: 0-16383}], NumCacheClusters: 1}",
        "  Default:",
        "    Type: AWS::ElastiCache::ReplicationGroup",
        "    Properties: {ReplicationGroupDescription: c, CacheParameterGroupName: default.redis7.cluster.on, NumCacheClusters: 1}",
        "  Fixed:",
        "    Type: AWS::AutoScaling::AutoScalingGroup",
        "    Properties: {MinSize: 2, MaxSize: 2}",
        "  Step:",
        "    Type: AWS::AutoScaling::ScalingPolicy",
        "    Properties: {AutoScalingGroupName: !Ref Fixed, PolicyType: StepScaling}",
        "  Bucket:",
        "    Type: AWS::S3::Bucket",
        "    Properties:",
        "      IntelligentTieringConfigurations:",
        "        - Id: a",
        "          Status: Enabled",
        "          Tierings:",
        "            - {AccessTier: ARCHIVE_ACCESS, Days: 730}",
        "            - {AccessTier: DEEP_ARCHIVE_ACCESS, Days: 731}",
        "            - {AccessTier: constructor, Days: 1}",
        "            - {AccessTier: ARCHIVE_ACCESS, Days: 90.5}",
        "  Plan:",
        "    Type: AWS::Backup::BackupPlan",
        "    Properties:",
        "      BackupPlan:",
        "        BackupPlanName: p",
        "        BackupPlanRule:",
        "          - {RuleName: a, TargetBackupVault: v, Lifecycle: {MoveToColdStorageAfterDays: 200, DeleteAfterDays: 100}}",
        "  OnlyFeatures:",
        "    Type: AWS::GuardDuty::Detector",
        "    Properties: {Enable: true, Features: [{Name: S3_DATA_EVENTS, Status: ENABLED}]}",
        "  OnlySources:",
        "    Type: AWS::GuardDuty::Detector",
        "    Properties: {Enable: true, DataSources: {S3Logs: {Enable: true}}}",
      ),
      { only: ["E3504", "E3061", "E3712", "E3704", "E3026", "E3063"] },
    );
    expect(brief(findings)).toEqual(["E3026 16:120", "E3061 31:55", "E3504 40:111"]);
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringContaining(
        "Replication group 'Default' runs Redis in cluster mode with NumCacheClusters 1",
      ),
      expect.stringContaining("moves objects after 731 days, and S3 takes 180 to 730 days"),
      "Backup plan 'Plan' deletes recovery points 100 days after creation, before moving them to cold storage on day " +
        "200, and AWS Backup keeps cold storage at least 90 days; set DeleteAfterDays to 290 or more",
    ]);
  });
});

describe("E3513 ECR repository policies, E3636 CodeBuild S3 locations", () => {
  it("reports a repository policy statement without Principal or with a bad Effect, and S3 without Location", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Repository:",
        "    Type: AWS::ECR::Repository",
        "    Properties:",
        "      RepositoryPolicyText:",
        '        Version: "2012-10-17"',
        "        Statement:",
        "          - Sid: LambdaPull",
        "            Effect: Allow",
        "            Principal:",
        "              Service: lambda.amazonaws.com",
        "            Action:",
        "              - ecr:BatchGetImage",
        "              - ecr:GetDownloadUrlForLayer",
        "          - Sid: CrossAccount",
        "            Effect: allow",
        "            Action: ecr:BatchGetImage",
        "  Build:",
        "    Type: AWS::CodeBuild::Project",
        "    Properties:",
        "      ServiceRole: arn:aws:iam::123456789012:role/build",
        "      Environment:",
        "        Type: LINUX_CONTAINER",
        "        ComputeType: BUILD_GENERAL1_SMALL",
        "        Image: aws/codebuild/standard:7.0",
        "      Source:",
        "        Type: S3",
        "      Artifacts:",
        "        Type: S3",
        "        Location: my-artifacts",
        "      SecondaryArtifacts:",
        "        - Type: S3",
        "          ArtifactIdentifier: reports",
      ),
      { only: ["E3513", "E3636"] },
    );
    // cfn-lint reports the same, except the secondary artifact on line 32, which it does not check.
    expect(brief(findings)).toEqual(["E3513 15:13", "E3513 16:21", "E3636 27:15", "E3636 32:17"]);
    expect(findings[3].message).toBe(
      "Item 1 of SecondaryArtifacts of CodeBuild project 'Build' is of Type S3 without a Location, and CodeBuild needs the " +
        "bucket and folder to write to; add Location",
    );
  });
});

describe("E3719, E3721 RDS backup retention and replica modes", () => {
  const source = yaml(
    "Resources:",
    "  Cluster:",
    "    Type: AWS::RDS::DBCluster",
    "    Properties:",
    "      Engine: aurora-postgresql",
    "      MasterUsername: admin",
    "      ManageMasterUserPassword: true",
    "      BackupRetentionPeriod: 7",
    "  Member:",
    "    Type: AWS::RDS::DBInstance",
    "    Properties:",
    "      DBClusterIdentifier: !Ref Cluster",
    "      DBInstanceClass: db.r6g.large",
    "      Engine: aurora-postgresql",
    "      BackupRetentionPeriod: 7",
    "  Outside:",
    "    Type: AWS::RDS::DBInstance",
    "    Properties:",
    "      DBClusterIdentifier: other-cluster",
    "      DBInstanceClass: db.r6g.large",
    "      Engine: aurora-mysql",
    "      BackupRetentionPeriod: 1",
    "  Standalone:",
    "    Type: AWS::RDS::DBInstance",
    "    Properties:",
    "      Engine: postgres",
    "      DBInstanceClass: db.t4g.micro",
    '      AllocatedStorage: "20"',
    "      MasterUsername: admin",
    "      ManageMasterUserPassword: true",
    '      BackupRetentionPeriod: "36"',
    "  OracleReplica:",
    "    Type: AWS::RDS::DBInstance",
    "    Properties:",
    "      Engine: oracle-ee",
    "      SourceDBInstanceIdentifier: arn:aws:rds:us-east-1:123456789012:db:primary",
    "      DBInstanceClass: db.m5.large",
    "      ReplicaMode: read-only",
    "  Db2Replica:",
    "    Type: AWS::RDS::DBInstance",
    "    Properties:",
    "      Engine: Db2-SE",
    "      SourceDBInstanceIdentifier: arn:aws:rds:us-east-1:123456789012:db:db2",
    "      DBInstanceClass: db.m6i.large",
    "      ReplicaMode: open",
  );

  it("reports a cluster member's BackupRetentionPeriod, more than 35 days standalone, and a replica mode RDS lacks", () => {
    const findings = lint(source, { only: ["E3719", "E3721"] });
    // cfn-lint reports the same, but the 36 days (31:7) and the replica modes (38:7, 45:7) at their keys, and not the
    // member of line 15: its E3719 stays silent when DBClusterIdentifier (or any other property of the instance) is
    // an intrinsic function, as !Ref Cluster is.
    expect(brief(findings)).toEqual([
      "E3719 15:7",
      "E3719 22:7",
      "E3719 31:30",
      "E3721 38:20",
      "E3721 45:20",
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      "Instance 'Member' is a member of cluster 'Cluster', which keeps the automated backups of its instances, and RDS " +
        "refuses BackupRetentionPeriod on the instance; set it on the AWS::RDS::DBCluster, and remove it here",
      expect.stringContaining("Instance 'Outside' is a member of a DB cluster, which keeps"),
      "Instance 'Standalone' keeps automated backups 36 days, and RDS keeps them 35 days at most; set " +
        "BackupRetentionPeriod from 0 to 35 (AWS Backup can keep snapshots longer)",
      "ReplicaMode read-only of instance 'OracleReplica' is not a mode of an Oracle read replica, which RDS opens " +
        "read-only or keeps mounted; set ReplicaMode to open-read-only (the default) or mounted",
      expect.stringContaining(
        "ReplicaMode open of instance 'Db2Replica' is not a mode of a Db2 read replica,",
      ),
    ]);
  });

  it("gives one finding for 36 days: the instance schema has no maximum for E3034 to report", () => {
    expect(brief(lint(source).filter((f) => f.range.start.line === 31))).toEqual(["E3719 31:30"]);
  });

  it("leaves membership a condition chooses, values from intrinsic functions, replicas, restores and valid modes alone", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Days:",
        "    Type: Number",
        "  Mode:",
        "    Type: String",
        "  Engine:",
        "    Type: String",
        "Conditions:",
        "  InCluster: !Equals [!Ref Days, 0]",
        "Resources:",
        "  Cluster:",
        "    Type: AWS::RDS::DBCluster",
        "    Properties:",
        "      Engine: aurora-mysql",
        "      MasterUsername: admin",
        "      ManageMasterUserPassword: true",
        "      BackupRetentionPeriod: 35",
        "  Optional:",
        "    Type: AWS::RDS::DBInstance",
        "    Properties:",
        "      DBClusterIdentifier: !If [InCluster, !Ref Cluster, !Ref AWS::NoValue]",
        "      DBInstanceClass: db.r6g.large",
        "      Engine: mysql",
        '      AllocatedStorage: "20"',
        "      BackupRetentionPeriod: 7",
        "  Either:",
        "    Type: AWS::RDS::DBInstance",
        "    Properties:",
        "      DBClusterIdentifier: !If [InCluster, !Ref Cluster, !Ref AWS::NoValue]",
        "      DBInstanceClass: db.r6g.large",
        "      Engine: aurora-mysql",
        "      BackupRetentionPeriod: !If [InCluster, !Ref AWS::NoValue, 7]",
        "  Chosen:",
        "    Type: AWS::RDS::DBInstance",
        "    Properties: !If",
        "      - InCluster",
        "      - DBClusterIdentifier: !Ref Cluster",
        "        DBInstanceClass: db.r6g.large",
        "        Engine: aurora-mysql",
        "      - DBInstanceClass: db.t4g.micro",
        "        Engine: mysql",
        '        AllocatedStorage: "20"',
        "        BackupRetentionPeriod: 35",
        "  Plain:",
        "    Type: AWS::RDS::DBInstance",
        "    Properties:",
        "      Engine: mariadb",
        "      DBInstanceClass: db.t4g.micro",
        '      AllocatedStorage: "20"',
        '      BackupRetentionPeriod: "35"',
        "  FromParameter:",
        "    Type: AWS::RDS::DBInstance",
        "    Properties:",
        "      Engine: mysql",
        "      DBInstanceClass: db.t4g.micro",
        '      AllocatedStorage: "20"',
        "      BackupRetentionPeriod: !Ref Days",
        "  ByCondition:",
        "    Type: AWS::RDS::DBInstance",
        "    Properties:",
        "      Engine: mysql",
        "      DBInstanceClass: db.t4g.micro",
        '      AllocatedStorage: "20"',
        "      BackupRetentionPeriod: !If [InCluster, 40, 7]",
        "  Replica:",
        "    Type: AWS::RDS::DBInstance",
        "    Properties:",
        "      Engine: mysql",
        "      SourceDBInstanceIdentifier: arn:aws:rds:us-east-1:123456789012:db:primary",
        "      DBInstanceClass: db.t4g.micro",
        "      BackupRetentionPeriod: 40",
        "  Restored:",
        "    Type: AWS::RDS::DBInstance",
        "    Properties:",
        "      DBSnapshotIdentifier: arn:aws:rds:us-east-1:123456789012:snapshot:s",
        "      DBInstanceClass: db.t4g.micro",
        "      BackupRetentionPeriod: 40",
        "  Mounted:",
        "    Type: AWS::RDS::DBInstance",
        "    Properties:",
        "      Engine: custom-oracle-ee",
        "      SourceDBInstanceIdentifier: arn:aws:rds:us-east-1:123456789012:db:primary",
        "      DBInstanceClass: db.m5.large",
        "      ReplicaMode: mounted",
        "  OpenReadOnly:",
        "    Type: AWS::RDS::DBInstance",
        "    Properties:",
        "      Engine: oracle-se2",
        "      SourceDBInstanceIdentifier: arn:aws:rds:us-east-1:123456789012:db:primary",
        "      DBInstanceClass: db.m5.large",
        "      ReplicaMode: Open-Read-Only",
        "  ModeFromParameter:",
        "    Type: AWS::RDS::DBInstance",
        "    Properties:",
        "      Engine: db2-ae",
        "      SourceDBInstanceIdentifier: arn:aws:rds:us-east-1:123456789012:db:primary",
        "      DBInstanceClass: db.m6i.large",
        "      ReplicaMode: !Ref Mode",
        "  EngineFromParameter:",
        "    Type: AWS::RDS::DBInstance",
        "    Properties:",
        "      Engine: !Ref Engine",
        "      SourceDBInstanceIdentifier: arn:aws:rds:us-east-1:123456789012:db:primary",
        "      DBInstanceClass: db.m5.large",
        "      ReplicaMode: read-only",
        "  Postgres:",
        "    Type: AWS::RDS::DBInstance",
        "    Properties:",
        "      Engine: postgres",
        "      SourceDBInstanceIdentifier: arn:aws:rds:us-east-1:123456789012:db:primary",
        "      DBInstanceClass: db.t4g.micro",
        "      ReplicaMode: read-only",
      ),
      { only: ["E3719", "E3721"] },
    );
    // cfn-lint reports E3719 for the 40 days a Fn::If may choose (line 64) and E3721 for Open-Read-Only (line 91),
    // which RDS is not documented to refuse. Restored is left out for its Engine, not written, as a restore's usually
    // is; RDS keeps a restored instance's backups 35 days at most too.
    expect(brief(findings)).toEqual([]);
  });
});

/**
 * An AWS::ElasticLoadBalancingV2::TargetGroup `name` in vpc-12345678 as fixture lines: six lines,
 * the fourth its Protocol (the value at column 17) and the fifth its Port, each as written.
 */
function targetGroup(name: string, protocol: string, port: number | string): string[] {
  return [
    `  ${name}:`,
    "    Type: AWS::ElasticLoadBalancingV2::TargetGroup",
    "    Properties:",
    `      Protocol: ${protocol}`,
    `      Port: ${port}`,
    "      VpcId: vpc-12345678",
  ];
}

describe("E3711 forwards to GENEVE target groups", () => {
  it("reports listener rules and listeners of other load balancers that forward to a GENEVE target group", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  ListenerProtocol:",
        "    Type: String",
        "Resources:",
        "  Alb:",
        "    Type: AWS::ElasticLoadBalancingV2::LoadBalancer",
        "    Properties:",
        "      Subnets: [subnet-11111111, subnet-22222222]",
        ...targetGroup("Appliances", "GENEVE", 6081),
        ...targetGroup("Web", "HTTP", 80),
        "  Http:",
        "    Type: AWS::ElasticLoadBalancingV2::Listener",
        "    Properties:",
        "      LoadBalancerArn: !Ref Alb",
        "      Protocol: HTTP",
        "      Port: 80",
        "      DefaultActions:",
        "        - Type: forward",
        "          TargetGroupArn: !Ref Appliances",
        "  Other:",
        "    Type: AWS::ElasticLoadBalancingV2::Listener",
        "    Properties:",
        "      LoadBalancerArn: !GetAtt Alb.LoadBalancerArn",
        "      Protocol: !Ref ListenerProtocol",
        "      Port: 8080",
        "      DefaultActions:",
        "        - Type: forward",
        "          ForwardConfig:",
        "            TargetGroups:",
        "              - TargetGroupArn: !Ref Appliances",
        "  Rule:",
        "    Type: AWS::ElasticLoadBalancingV2::ListenerRule",
        "    Properties:",
        "      ListenerArn: !Ref Http",
        "      Priority: 1",
        "      Conditions:",
        "        - Field: path-pattern",
        "          PathPatternConfig:",
        "            Values: [/a]",
        "      Actions:",
        "        - Type: forward",
        "          TargetGroupArn: !GetAtt Appliances.TargetGroupArn",
        "  Weighted:",
        "    Type: AWS::ElasticLoadBalancingV2::ListenerRule",
        "    Properties:",
        "      ListenerArn: !Ref Http",
        "      Priority: 2",
        "      Conditions:",
        "        - Field: path-pattern",
        "          PathPatternConfig:",
        "            Values: [/b]",
        "      Actions:",
        "        - Type: forward",
        "          TargetGroupArn: !Ref Appliances",
        "          ForwardConfig:",
        "            TargetGroups:",
        "              - TargetGroupArn: !Ref Web",
        "                Weight: 1",
        "              - TargetGroupArn: !Ref Appliances",
        "                Weight: 1",
      ),
      { only: ["E3711"] },
    );
    // cfn-lint reports one finding, at the Protocol of the target group (12:7), for the listener rules' TargetGroupArn;
    // it reads neither ForwardConfig nor listeners.
    expect(brief(findings)).toEqual(["E3711 29:27", "E3711 40:33", "E3711 52:27", "E3711 64:27"]);
    expect(findings.map((f) => f.message)).toEqual([
      "Listener 'Http' forwards to target group 'Appliances', whose Protocol is GENEVE, and only a Gateway Load " +
        "Balancer's listener forwards to a GENEVE target group; forward to a target group of a protocol the load " +
        "balancer takes (HTTP or HTTPS for an application load balancer, TCP, TLS or UDP, for example, for a network " +
        "one)",
      expect.stringContaining("Listener 'Other' forwards to target group 'Appliances',"),
      "Listener rule 'Rule' forwards to target group 'Appliances', whose Protocol is GENEVE, and only a Gateway Load " +
        "Balancer's listener forwards to a GENEVE target group (listener rules are an application load balancer's); " +
        "forward to an HTTP or HTTPS target group",
      expect.stringContaining("Listener rule 'Weighted' forwards to target group 'Appliances',"),
    ]);
  });

  it("leaves a Gateway Load Balancer's listener, unknown listeners and target groups a condition chooses alone", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  BalancerArn:",
        "    Type: String",
        "  ActionType:",
        "    Type: String",
        "Conditions:",
        "  Inspect: !Equals [!Ref ActionType, forward]",
        "Resources:",
        "  Gwlb:",
        "    Type: AWS::ElasticLoadBalancingV2::LoadBalancer",
        "    Properties:",
        "      Type: gateway",
        "      Subnets: [subnet-11111111]",
        ...targetGroup("Appliances", "GENEVE", 6081),
        ...targetGroup("Web", "HTTP", 80),
        ...targetGroup("Either", "!If [Inspect, GENEVE, HTTP]", "!If [Inspect, 6081, 80]"),
        "  Chosen:",
        "    Type: AWS::ElasticLoadBalancingV2::TargetGroup",
        "    Properties: !If",
        "      - Inspect",
        "      - {Protocol: GENEVE, Port: 6081, VpcId: vpc-12345678}",
        "      - {Protocol: HTTP, Port: 80, VpcId: vpc-12345678}",
        "  Gateway:",
        "    Type: AWS::ElasticLoadBalancingV2::Listener",
        "    Properties:",
        "      LoadBalancerArn: !Ref Gwlb",
        "      DefaultActions:",
        "        - Type: forward",
        "          TargetGroupArn: !Ref Appliances",
        "  Unknown:",
        "    Type: AWS::ElasticLoadBalancingV2::Listener",
        "    Properties:",
        "      LoadBalancerArn: !Ref BalancerArn",
        "      DefaultActions:",
        "        - Type: forward",
        "          TargetGroupArn: !Ref Appliances",
        "  Rule:",
        "    Type: AWS::ElasticLoadBalancingV2::ListenerRule",
        "    Properties:",
        "      ListenerArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/a/1/2",
        "      Priority: 1",
        "      Conditions:",
        "        - Field: path-pattern",
        "          PathPatternConfig:",
        "            Values: [/a]",
        "      Actions:",
        "        - Type: forward",
        "          TargetGroupArn: !Ref Web",
        "        - Type: forward",
        "          TargetGroupArn: !Ref Either",
        "        - Type: forward",
        "          TargetGroupArn: !Ref Chosen",
        "        - Type: forward",
        "          TargetGroupArn: !If [Inspect, !Ref Appliances, !Ref Web]",
        "        - Type: !Ref ActionType",
        "          TargetGroupArn: !Ref Appliances",
      ),
      { only: ["E3711"] },
    );
    // cfn-lint reports the GENEVE target groups a Fn::If may give or forward to (17:7, 29:7, 34:5), and the action
    // whose Type is a Ref.
    expect(brief(findings)).toEqual([]);
  });

  it("takes a listener's Protocol for a sign of its load balancer only when the load balancer's Type is unknown", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  BalancerArn:",
        "    Type: String",
        "Resources:",
        "  Gwlb:",
        "    Type: AWS::ElasticLoadBalancingV2::LoadBalancer",
        "    Properties:",
        "      Type: gateway",
        "      Subnets: [subnet-11111111]",
        "  Nlb:",
        "    Type: AWS::ElasticLoadBalancingV2::LoadBalancer",
        "    Properties:",
        "      Type: network",
        "      Subnets: [subnet-11111111]",
        ...targetGroup("Appliances", "GENEVE", 6081),
        "  GatewayGeneve:",
        "    Type: AWS::ElasticLoadBalancingV2::Listener",
        "    Properties:",
        "      LoadBalancerArn: !Ref Gwlb",
        "      Protocol: GENEVE",
        "      Port: 6081",
        "      DefaultActions: [{Type: forward, TargetGroupArn: !Ref Appliances}]",
        "  GatewayTcp:",
        "    Type: AWS::ElasticLoadBalancingV2::Listener",
        "    Properties:",
        "      LoadBalancerArn: !GetAtt Gwlb.LoadBalancerArn",
        "      Protocol: TCP",
        "      Port: 6081",
        "      DefaultActions: [{Type: forward, TargetGroupArn: !Ref Appliances}]",
        "  UnknownGeneve:",
        "    Type: AWS::ElasticLoadBalancingV2::Listener",
        "    Properties:",
        "      LoadBalancerArn: !Ref BalancerArn",
        "      Protocol: GENEVE",
        "      DefaultActions: [{Type: forward, TargetGroupArn: !Ref Appliances}]",
        "  UnknownTcp:",
        "    Type: AWS::ElasticLoadBalancingV2::Listener",
        "    Properties:",
        "      LoadBalancerArn: !Ref BalancerArn",
        "      Protocol: TCP",
        "      Port: 80",
        "      DefaultActions: [{Type: forward, TargetGroupArn: !Ref Appliances}]",
        "  Network:",
        "    Type: AWS::ElasticLoadBalancingV2::Listener",
        "    Properties:",
        "      LoadBalancerArn: !Ref Nlb",
        "      DefaultActions: [{Type: forward, TargetGroupArn: !Ref Appliances}]",
      ),
      { only: ["E3711"] },
    );
    // The listeners of the gateway load balancer forward to GENEVE rightly, whatever their Protocol (ELB refuses one
    // there, for that reason); GENEVE names a Gateway Load Balancer's listener. cfn-lint reads no listener.
    expect(brief(findings)).toEqual(["E3711 47:56", "E3711 52:56"]);
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringContaining("Listener 'UnknownTcp' forwards to target group 'Appliances',"),
      expect.stringContaining("Listener 'Network' forwards to target group 'Appliances',"),
    ]);
  });
});

/** An Auto Scaling group `name` of one or two instances, with its HealthCheckType as written. */
function autoScalingGroup(name: string, healthCheckType: string): string[] {
  return [
    `  ${name}:`,
    "    Type: AWS::AutoScaling::AutoScalingGroup",
    "    Properties:",
    '      MinSize: "1"',
    '      MaxSize: "2"',
    '      LaunchTemplate: {LaunchTemplateId: lt-0123456789abcdef0, Version: "1"}',
    "      VPCZoneIdentifier: [subnet-11111111]",
    `      HealthCheckType: ${healthCheckType}`,
  ];
}

describe("E3056 Auto Scaling health check types", () => {
  it("reports EC2 listed with other types, not EC2 alone, other types, an empty part or values from functions", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Checks:",
        "    Type: String",
        "Conditions:",
        "  Balanced: !Equals [!Ref Checks, ELB]",
        "Resources:",
        ...autoScalingGroup("Both", "EC2,ELB"),
        ...autoScalingGroup("Three", "ELB,EBS,EC2"),
        ...autoScalingGroup("Ec2", "EC2"),
        ...autoScalingGroup("Added", "ELB,EBS,VPC_LATTICE"),
        ...autoScalingGroup("Twice", "EC2,EC2"),
        ...autoScalingGroup("Trailing", '"EC2,"'),
        ...autoScalingGroup("Joined", '!Join [",", [EC2, !Ref Checks]]'),
        ...autoScalingGroup("Chosen", '!If [Balanced, "EC2,ELB", EC2]'),
        ...autoScalingGroup("FromParameter", "!Ref Checks"),
      ),
      { only: ["E3056"] },
    );
    // cfn-lint also reports EC2,EC2 (line 46), "EC2," (line 54, which E3031's pattern reports here too) and the
    // "EC2,ELB" a Fn::If may choose (70:39); and it reports at the HealthCheckType key.
    expect(brief(findings)).toEqual(["E3056 14:24", "E3056 22:24"]);
    expect(findings.map((f) => f.message)).toEqual([
      "Auto Scaling group 'Both' lists EC2 with ELB in HealthCheckType, and Auto Scaling takes EC2 only alone: the EC2 " +
        "health checks always run, and other types add to them; set HealthCheckType: ELB",
      expect.stringContaining("'Three' lists EC2 with ELB and EBS in HealthCheckType,"),
    ]);
    expect(findings[1].message).toMatch(/set HealthCheckType: ELB,EBS$/);
  });

  it("leaves to E3031 a value off the pattern: spaces, types in lower case, unknown types", () => {
    const findings = lint(
      yaml(
        "Resources:",
        ...autoScalingGroup("Spaced", '"EC2, ELB"'),
        ...autoScalingGroup("Lower", '"EC2,elb"'),
        ...autoScalingGroup("Unknown", '"EC2,FOO"'),
        ...autoScalingGroup("AllLower", '"ec2,elb"'),
      ),
    );
    // One finding each, E3031's, on the whole linter; cfn-lint gives E3056 as well for the first three, whose fix
    // here would have been "set HealthCheckType: elb" or "FOO", values E3031 refuses too.
    expect(brief(findings.filter((f) => f.ruleId === "E3031" || f.ruleId === "E3056"))).toEqual([
      "E3031 9:24",
      "E3031 17:24",
      "E3031 25:24",
      "E3031 33:24",
    ]);
  });
});

/**
 * The Source stage of a pipeline as fixture lines: six lines, a stage of one S3 action, Source, that
 * writes the artifact SourceOutput. The lines after it are more of the pipeline's Stages.
 */
const sourceStage = [
  "        - Name: Source",
  "          Actions:",
  "            - Name: Source",
  '              ActionTypeId: {Category: Source, Owner: AWS, Provider: S3, Version: "1"}',
  "              Configuration: {S3Bucket: b, S3ObjectKey: k}",
  "              OutputArtifacts: [{Name: SourceOutput}]",
];

describe("E3703 pipeline template paths", () => {
  it("reports a TemplatePath or TemplateConfiguration that names no input artifact of its action", () => {
    // cfn-lint 1.51 reports the same two TemplatePaths (at their keys, 24:17 and 31:17); it does
    // not read TemplateConfiguration.
    const findings = lint(
      yaml(
        "Resources:",
        "  Pipeline:",
        "    Type: AWS::CodePipeline::Pipeline",
        "    Properties:",
        "      RoleArn: arn:aws:iam::123456789012:role/pipeline",
        "      ArtifactStore:",
        "        Type: S3",
        "        Location: bucket",
        "      Stages:",
        ...sourceStage,
        "        - Name: Deploy",
        "          Actions:",
        "            - Name: Deploy",
        '              ActionTypeId: {Category: Deploy, Owner: AWS, Provider: CloudFormation, Version: "1"}',
        "              InputArtifacts: [{Name: SourceOutput}]",
        "              Configuration:",
        "                ActionMode: CREATE_UPDATE",
        "                StackName: app",
        "                TemplatePath: BuildOutput::template.yaml",
        "                TemplateConfiguration: SourceOutput::config.json",
        "            - Name: Other",
        '              ActionTypeId: {Category: Deploy, Owner: AWS, Provider: CloudFormation, Version: "1"}',
        "              Configuration:",
        "                ActionMode: CREATE_UPDATE",
        "                StackName: app",
        "                TemplatePath: template.yaml",
        "              RunOrder: 2",
        "            - Name: Fine",
        '              ActionTypeId: {Category: Deploy, Owner: AWS, Provider: CloudFormation, Version: "1"}',
        "              InputArtifacts: [{Name: SourceOutput}]",
        "              Configuration:",
        "                ActionMode: CREATE_UPDATE",
        "                StackName: app",
        '                TemplatePath: !Sub "${AWS::StackName}::template.yaml"',
        "                TemplateConfiguration: SourceOutput::dir/config.json",
      ),
      { only: ["E3703"] },
    );
    expect(brief(findings)).toEqual(["E3703 24:31", "E3703 31:31"]);
    expect(findings.map((f) => f.message)).toEqual([
      "TemplatePath of action 'Deploy' of pipeline 'Pipeline' reads artifact 'BuildOutput', and its InputArtifacts " +
        "are SourceOutput; name one of them before '::'",
      "TemplatePath of action 'Other' of pipeline 'Pipeline' names no artifact: it is ArtifactName::file, and the " +
        "action has no InputArtifacts",
    ]);
  });

  it("reads TemplateConfiguration, and leaves actions whose input names cannot be read alone", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Input:",
        "    Type: String",
        "Resources:",
        "  Pipeline:",
        "    Type: AWS::CodePipeline::Pipeline",
        "    Properties:",
        "      RoleArn: arn:aws:iam::123456789012:role/pipeline",
        "      ArtifactStore: {Type: S3, Location: bucket}",
        "      Stages:",
        "        - Name: Deploy",
        "          Actions:",
        "            - Name: A",
        '              ActionTypeId: {Category: Deploy, Owner: AWS, Provider: CloudFormation, Version: "1"}',
        "              InputArtifacts: [{Name: Build}]",
        "              Configuration:",
        "                TemplatePath: Build::template.yaml",
        "                TemplateConfiguration: Config::prod.json",
        "            - Name: B",
        '              ActionTypeId: {Category: Deploy, Owner: AWS, Provider: CloudFormation, Version: "1"}',
        "              InputArtifacts: [{Name: !Ref Input}]",
        "              Configuration:",
        "                TemplatePath: Other::template.yaml",
      ),
      { only: ["E3703"] },
    );
    expect(brief(findings)).toEqual(["E3703 18:40"]);
    expect(findings[0].message).toContain("TemplateConfiguration of action 'A'");
  });
});

/** An AWS::EC2::VPC `name` of CidrBlock `cidr` as fixture lines: four lines. */
function vpc(name: string, cidr: string): string[] {
  return [`  ${name}:`, "    Type: AWS::EC2::VPC", "    Properties:", `      CidrBlock: ${cidr}`];
}

/** An AWS::EC2::Subnet `name` of VpcId `vpcId` and CidrBlock `cidr`, each as written: five lines. */
function subnet(name: string, vpcId: string, cidr: string): string[] {
  return [
    `  ${name}:`,
    "    Type: AWS::EC2::Subnet",
    "    Properties:",
    `      VpcId: ${vpcId}`,
    `      CidrBlock: ${cidr}`,
  ];
}

describe("E3714 security groups and subnets of different VPCs", () => {
  const refused =
    'and EC2 launches no instance whose security group and subnet are in different VPCs ("belong to different ' +
    "networks\"); use a security group of the subnet's VPC";

  it("reports a launch template's or instance's security group in another VPC than its subnet", () => {
    const findings = lint(
      yaml(
        "Resources:",
        ...vpc("VpcA", "10.0.0.0/16"),
        ...vpc("VpcB", "10.1.0.0/16"),
        ...subnet("SubnetA", "!Ref VpcA", "10.0.0.0/24"),
        ...subnet("SubnetB", "!GetAtt VpcB.VpcId", "10.1.0.0/24"),
        "  GroupA:",
        "    Type: AWS::EC2::SecurityGroup",
        "    Properties:",
        "      GroupDescription: a",
        "      VpcId: !GetAtt VpcA.VpcId",
        "  GroupB:",
        "    Type: AWS::EC2::SecurityGroup",
        "    Properties:",
        "      GroupDescription: b",
        "      VpcId: !Ref VpcB",
        "  DefaultGroup:",
        "    Type: AWS::EC2::SecurityGroup",
        "    Properties:",
        "      GroupDescription: default VPC",
        "  Template:",
        "    Type: AWS::EC2::LaunchTemplate",
        "    Properties:",
        "      LaunchTemplateData:",
        "        SecurityGroupIds:",
        "          - !Ref GroupA",
        "          - !GetAtt GroupB.GroupId",
        "        NetworkInterfaces:",
        "          - DeviceIndex: 0",
        "            SubnetId: !Ref SubnetB",
        "            Groups:",
        "              - !GetAtt GroupA.GroupId",
        "              - !Ref GroupB",
        "              - !GetAtt DefaultGroup.GroupId",
        ...ec2Instance("Instance"),
        "      SubnetId: !GetAtt SubnetA.SubnetId",
        "      SecurityGroupIds:",
        "        - !GetAtt GroupB.GroupId",
        "        - !Ref GroupA",
        ...ec2Instance("Interfaces"),
        "      NetworkInterfaces:",
        '        - DeviceIndex: "0"',
        "          SubnetId: !Ref SubnetA",
        "          GroupSet: [!Ref GroupB]",
        "  LiteralGroup:",
        "    Type: AWS::EC2::SecurityGroup",
        "    Properties:",
        "      GroupDescription: literal",
        "      VpcId: vpc-11111111",
        ...subnet("LiteralSubnet", "vpc-22222222", "10.2.0.0/24"),
        "  Literal:",
        "    Type: AWS::EC2::LaunchTemplate",
        "    Properties:",
        "      LaunchTemplateData:",
        "        SecurityGroupIds: [!Ref LiteralGroup]",
        "        NetworkInterfaces:",
        "          - DeviceIndex: 0",
        "            SubnetId: !Ref LiteralSubnet",
      ),
      { only: ["E3714"] },
    );
    // cfn-lint reports at the VpcId of GroupA (24:7), of LiteralGroup (68:7) and of GroupB (29:7), whose
    // !Ref VpcB it takes for another VPC than SubnetB's !GetAtt VpcB.VpcId; it reads neither a network
    // interface's Groups, nor a group without VpcId, nor instances.
    expect(brief(findings)).toEqual([
      "E3714 39:13",
      "E3714 45:17",
      "E3714 47:17",
      "E3714 54:11",
      "E3714 63:22",
      "E3714 78:28",
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      "Security group 'GroupA' of launch template 'Template' is in VPC 'VpcA', but subnet 'SubnetB' of item 1 of " +
        `its NetworkInterfaces is in VPC 'VpcB', ${refused}, and with NetworkInterfaces give it in the interface's ` +
        "Groups rather than in SecurityGroupIds",
      "Security group 'GroupA' of launch template 'Template' is in VPC 'VpcA', but subnet 'SubnetB' of the same " +
        `network interface is in VPC 'VpcB', ${refused}`,
      "Security group 'DefaultGroup' of launch template 'Template' is in the default VPC (it has no VpcId), but " +
        `subnet 'SubnetB' of the same network interface is in VPC 'VpcB', ${refused}`,
      `Security group 'GroupB' of instance 'Instance' is in VPC 'VpcB', but its subnet 'SubnetA' is in VPC 'VpcA', ${refused}`,
      "Security group 'GroupB' of instance 'Interfaces' is in VPC 'VpcB', but subnet 'SubnetA' of the same network " +
        `interface is in VPC 'VpcA', ${refused}`,
      "Security group 'LiteralGroup' of launch template 'Literal' is in VPC vpc-11111111, but subnet 'LiteralSubnet' " +
        `of item 1 of its NetworkInterfaces is in VPC vpc-22222222, ${refused}, and with NetworkInterfaces give it in the ` +
        "interface's Groups rather than in SecurityGroupIds",
    ]);
    expect(findings[0].path).toEqual([
      "Resources",
      "Template",
      "Properties",
      "LaunchTemplateData",
      "SecurityGroupIds",
      0,
    ]);
    expect(findings[1].path).toEqual([
      "Resources",
      "Template",
      "Properties",
      "LaunchTemplateData",
      "NetworkInterfaces",
      0,
      "Groups",
      0,
    ]);
  });

  it("reports a branch of a Fn::If when every VPC on both sides is known and differs", () => {
    const findings = lint(
      yaml(
        "Conditions:",
        "  UseB: !Equals [!Ref AWS::Region, us-east-1]",
        "Resources:",
        ...vpc("VpcA", "10.0.0.0/16"),
        ...vpc("VpcB", "10.1.0.0/16"),
        ...subnet("SubnetA", "!Ref VpcA", "10.0.0.0/24"),
        ...subnet("SubnetB", "!Ref VpcB", "10.1.0.0/24"),
        "  GroupA:",
        "    Type: AWS::EC2::SecurityGroup",
        "    Properties:",
        "      GroupDescription: a",
        "      VpcId: !Ref VpcA",
        "  GroupB:",
        "    Type: AWS::EC2::SecurityGroup",
        "    Properties:",
        "      GroupDescription: b",
        "      VpcId: !GetAtt SubnetB.VpcId",
        "  ChosenGroup:",
        "    Type: AWS::EC2::SecurityGroup",
        "    Properties:",
        "      GroupDescription: chosen",
        "      VpcId: !If [UseB, !Ref VpcB, !GetAtt VpcB.VpcId]",
        ...ec2Instance("Instance"),
        "      SubnetId: !Ref SubnetA",
        "      SecurityGroupIds: !If [UseB, [!Ref GroupB], [!Ref GroupA]]",
        ...ec2Instance("ChosenSubnet"),
        "      SubnetId: !If [UseB, !Ref SubnetA, !GetAtt SubnetA.SubnetId]",
        "      SecurityGroupIds: [!Ref ChosenGroup]",
        "  Template:",
        "    Type: AWS::EC2::LaunchTemplate",
        "    Properties: !If",
        "      - UseB",
        "      - LaunchTemplateData:",
        "          NetworkInterfaces:",
        "            - DeviceIndex: 0",
        "              SubnetId: !Ref SubnetB",
        "              Groups: [!Ref GroupA]",
        "      - LaunchTemplateData:",
        "          NetworkInterfaces:",
        "            - DeviceIndex: 0",
        "              SubnetId: !Ref SubnetA",
        "              Groups: [!Ref GroupA]",
        "  ChosenData:",
        "    Type: AWS::EC2::LaunchTemplate",
        "    Properties:",
        "      LaunchTemplateData: !If",
        "        - UseB",
        "        - SecurityGroupIds: [!Ref GroupA]",
        "          NetworkInterfaces:",
        "            - DeviceIndex: 0",
        "              SubnetId: !Ref SubnetB",
        "        - SecurityGroupIds: [!Ref GroupB]",
        "          NetworkInterfaces:",
        "            - DeviceIndex: 0",
        "              SubnetId: !Ref SubnetB",
      ),
      { only: ["E3714"] },
    );
    // cfn-lint reports at GroupA's VpcId (26:7), for the first branch of ChosenData, and at GroupB's (31:7),
    // whose !GetAtt SubnetB.VpcId is SubnetB's VPC: a false positive. It leaves the instances alone, and the
    // Groups of Template's network interface.
    expect(brief(findings)).toEqual(["E3714 42:37", "E3714 48:26", "E3714 57:24", "E3714 68:30"]);
    expect(findings[1].message).toBe(
      `Security group 'ChosenGroup' of instance 'ChosenSubnet' is in VPC 'VpcB', but its subnet 'SubnetA' is in VPC 'VpcA', ${refused}`,
    );
  });

  it("leaves the same VPC, parameters, ids against VPCs of the template, imports and paired choices alone", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  VpcParam:",
        "    Type: AWS::EC2::VPC::Id",
        "  OtherVpcParam:",
        "    Type: AWS::EC2::VPC::Id",
        "Conditions:",
        "  UseB: !Equals [!Ref AWS::Region, us-east-1]",
        "Resources:",
        ...vpc("VpcA", "10.0.0.0/16"),
        ...vpc("VpcB", "10.1.0.0/16"),
        ...subnet("SubnetA", "!Ref VpcA", "10.0.0.0/24"),
        ...subnet("SubnetB", "!Ref VpcB", "10.1.0.0/24"),
        ...subnet("ParamSubnet", "!Ref VpcParam", "10.2.0.0/24"),
        ...subnet("LiteralSubnet", "vpc-22222222", "10.3.0.0/24"),
        ...subnet("ChosenSubnet", "!If [UseB, !Ref VpcB, !Ref VpcA]", "!If [UseB, 10.1.4.0/24, 10.0.4.0/24]"),
        "  GroupA:",
        "    Type: AWS::EC2::SecurityGroup",
        "    Properties:",
        "      GroupDescription: a",
        "      VpcId: !Ref VpcA",
        "  SubnetVpcGroup:",
        "    Type: AWS::EC2::SecurityGroup",
        "    Properties:",
        "      GroupDescription: in the VPC of SubnetA",
        "      VpcId: !GetAtt SubnetA.VpcId",
        "  ParamGroup:",
        "    Type: AWS::EC2::SecurityGroup",
        "    Properties:",
        "      GroupDescription: param",
        "      VpcId: !Ref VpcParam",
        "  OtherParamGroup:",
        "    Type: AWS::EC2::SecurityGroup",
        "    Properties:",
        "      GroupDescription: other param",
        "      VpcId: !Ref OtherVpcParam",
        "  LiteralGroup:",
        "    Type: AWS::EC2::SecurityGroup",
        "    Properties:",
        "      GroupDescription: literal",
        "      VpcId: vpc-22222222",
        "  ResolvedGroup:",
        "    Type: AWS::EC2::SecurityGroup",
        "    Properties:",
        "      GroupDescription: dynamic reference",
        '      VpcId: "{{resolve:ssm:/network/vpc}}"',
        "  ImportedGroup:",
        "    Type: AWS::EC2::SecurityGroup",
        "    Properties:",
        "      GroupDescription: import",
        "      VpcId: !ImportValue network-vpc",
        "  ChosenGroup:",
        "    Type: AWS::EC2::SecurityGroup",
        "    Properties:",
        "      GroupDescription: chosen",
        "      VpcId: !If [UseB, !Ref VpcB, !Ref VpcA]",
        "  MaybeDefaultGroup:",
        "    Type: AWS::EC2::SecurityGroup",
        "    Properties:",
        "      GroupDescription: maybe default",
        "      VpcId: !If [UseB, !Ref VpcA, !Ref AWS::NoValue]",
        "  DefaultGroup:",
        "    Type: AWS::EC2::SecurityGroup",
        "    Properties:",
        "      GroupDescription: default VPC",
        "  SameVpc:",
        "    Type: AWS::EC2::LaunchTemplate",
        "    Properties:",
        "      LaunchTemplateData:",
        "        NetworkInterfaces:",
        "          - DeviceIndex: 0",
        "            SubnetId: !GetAtt SubnetA.SubnetId",
        "            Groups: [!Ref GroupA, !GetAtt SubnetVpcGroup.GroupId, !GetAtt GroupA.Id]",
        "  Unknown:",
        "    Type: AWS::EC2::LaunchTemplate",
        "    Properties:",
        "      LaunchTemplateData:",
        "        SecurityGroupIds: [!Ref ParamGroup, !Ref OtherParamGroup, !Ref ResolvedGroup, !Ref ImportedGroup]",
        "        NetworkInterfaces:",
        "          - DeviceIndex: 0",
        "            SubnetId: !Ref ParamSubnet",
        "          - DeviceIndex: 1",
        "            SubnetId: !Ref LiteralSubnet",
        "            Groups: [!Ref GroupA, !Ref ParamGroup, !Ref ResolvedGroup, !Ref LiteralGroup]",
        ...ec2Instance("Chosen"),
        "      SubnetId: !If [UseB, !Ref SubnetB, !Ref SubnetA]",
        "      SecurityGroupIds:",
        "        - !If [UseB, !Ref AWS::NoValue, !Ref GroupA]",
        "        - !Ref ChosenGroup",
        ...ec2Instance("ChosenInterfaces"),
        "      NetworkInterfaces:",
        "        - DeviceIndex: 0",
        "          SubnetId: !Ref ChosenSubnet",
        "          GroupSet: [!Ref ChosenGroup, !GetAtt MaybeDefaultGroup.GroupId]",
        "        - DeviceIndex: 1",
        "          SubnetId: !If [UseB, !Ref AWS::NoValue, !Ref SubnetB]",
        "          GroupSet: [!Ref GroupA]",
        ...ec2Instance("DefaultByRef"),
        "      SubnetId: !Ref SubnetA",
        "      SecurityGroupIds: [!Ref DefaultGroup, !Ref MaybeDefaultGroup]",
        ...ec2Instance("DefaultAndLiteral"),
        "      SubnetId: !Ref LiteralSubnet",
        "      SecurityGroupIds: [!GetAtt DefaultGroup.GroupId]",
        "  ConditionalInterface:",
        "    Type: AWS::EC2::LaunchTemplate",
        "    Properties:",
        "      LaunchTemplateData:",
        "        SecurityGroupIds: [!If [UseB, !Ref GroupA, !Ref AWS::NoValue]]",
        "        NetworkInterfaces:",
        "          - !If",
        "            - UseB",
        "            - DeviceIndex: 0",
        "              SubnetId: !Ref SubnetA",
        "            - DeviceIndex: 0",
        "              SubnetId: !Ref SubnetB",
        "  NoSubnet:",
        "    Type: AWS::EC2::LaunchTemplate",
        "    Properties:",
        "      LaunchTemplateData:",
        "        SecurityGroupIds: [!Ref GroupA]",
        "        NetworkInterfaces:",
        "          - DeviceIndex: 0",
        "            NetworkInterfaceId: eni-12345678",
      ),
      { only: ["E3714"] },
    );
    // cfn-lint reports at the VpcId of OtherParamGroup (61:7), ResolvedGroup (71:7) and ImportedGroup (76:7),
    // which it compares as written with the !Ref VpcParam of ParamSubnet; each may be that VPC. (It also
    // reports each branch of ChosenSubnet's CidrBlock under E3059, against the VPC of the other branch.)
    expect(brief(findings)).toEqual([]);
  });
});

describe("E3049 health checks of dynamic host ports", () => {
  it("reports a fixed HealthCheckPort of a target group a service registers a dynamic host port with", () => {
    // cfn-lint 1.51 reports WebGroup (at 33:7) and DefaultGroup, whose HealthCheckPort is left at
    // its default, traffic-port; it misses ApiGroup, whose container leaves HostPort out in bridge
    // mode, which also gives a dynamic port.
    const findings = lint(
      yaml(
        "Resources:",
        "  Task:",
        "    Type: AWS::ECS::TaskDefinition",
        "    Properties:",
        "      ContainerDefinitions:",
        "        - Name: web",
        "          Image: nginx",
        "          Memory: 512",
        "          PortMappings:",
        "            - ContainerPort: 80",
        "              HostPort: 0",
        "        - Name: api",
        "          Image: api",
        "          Memory: 512",
        "          PortMappings:",
        "            - ContainerPort: 8080",
        "  Fixed:",
        "    Type: AWS::ECS::TaskDefinition",
        "    Properties:",
        "      ContainerDefinitions:",
        "        - Name: web",
        "          Image: nginx",
        "          Memory: 512",
        "          PortMappings:",
        "            - ContainerPort: 80",
        "              HostPort: 80",
        "  WebGroup:",
        "    Type: AWS::ElasticLoadBalancingV2::TargetGroup",
        "    Properties:",
        "      Port: 80",
        "      Protocol: HTTP",
        "      VpcId: vpc-12345678",
        '      HealthCheckPort: "80"',
        "  ApiGroup:",
        "    Type: AWS::ElasticLoadBalancingV2::TargetGroup",
        "    Properties:",
        "      Port: 8080",
        "      Protocol: HTTP",
        "      VpcId: vpc-12345678",
        "      HealthCheckPort: 8080",
        "  DefaultGroup:",
        "    Type: AWS::ElasticLoadBalancingV2::TargetGroup",
        "    Properties:",
        "      Port: 80",
        "      Protocol: HTTP",
        "      VpcId: vpc-12345678",
        "  Service:",
        "    Type: AWS::ECS::Service",
        "    Properties:",
        "      Cluster: cluster",
        "      TaskDefinition: !Ref Task",
        "      DesiredCount: 1",
        "      LoadBalancers:",
        "        - ContainerName: web",
        "          ContainerPort: 80",
        "          TargetGroupArn: !Ref WebGroup",
        "        - ContainerName: api",
        "          ContainerPort: 8080",
        "          TargetGroupArn: !Ref ApiGroup",
        "        - ContainerName: web",
        "          ContainerPort: 80",
        "          TargetGroupArn: !Ref DefaultGroup",
        "  FixedService:",
        "    Type: AWS::ECS::Service",
        "    Properties:",
        "      Cluster: cluster",
        "      TaskDefinition: !Ref Fixed",
        "      DesiredCount: 1",
        "      LoadBalancers:",
        "        - ContainerName: web",
        "          ContainerPort: 80",
        "          TargetGroupArn: !Ref WebGroup",
      ),
      { only: ["E3049"] },
    );
    expect(brief(findings)).toEqual(["E3049 33:24", "E3049 40:24"]);
    expect(findings[0].message).toBe(
      "Target group 'WebGroup' checks health on port 80, and service 'Service' registers container 'web' on a " +
        "dynamic host port (task definition 'Task'): the checks reach no task, and the service never becomes " +
        "stable; set HealthCheckPort: traffic-port or remove it",
    );
  });

  it("leaves awsvpc and Fargate task definitions alone, whose HostPort is the container's", () => {
    // FargateTask lists FARGATE without NetworkMode (which E3048 asks for): a task on Fargate runs
    // only in awsvpc mode, so its host port is the container's. cfn-lint 1.51 gives no E3049 here.
    const findings = lint(
      yaml(
        "Resources:",
        "  Task:",
        "    Type: AWS::ECS::TaskDefinition",
        "    Properties:",
        "      NetworkMode: awsvpc",
        "      ContainerDefinitions:",
        "        - {Name: web, Image: nginx, Memory: 512, PortMappings: [{ContainerPort: 80}]}",
        "  Group:",
        "    Type: AWS::ElasticLoadBalancingV2::TargetGroup",
        "    Properties: {Port: 80, Protocol: HTTP, VpcId: vpc-12345678, TargetType: ip, HealthCheckPort: '80'}",
        "  Service:",
        "    Type: AWS::ECS::Service",
        "    Properties:",
        "      TaskDefinition: !Ref Task",
        "      LoadBalancers: [{ContainerName: web, ContainerPort: 80, TargetGroupArn: !Ref Group}]",
        "  FargateTask:",
        "    Type: AWS::ECS::TaskDefinition",
        "    Properties:",
        "      RequiresCompatibilities: [FARGATE]",
        "      ContainerDefinitions:",
        "        - {Name: web, Image: nginx, Memory: 512, PortMappings: [{ContainerPort: 80}]}",
        "  FargateService:",
        "    Type: AWS::ECS::Service",
        "    Properties:",
        "      TaskDefinition: !Ref FargateTask",
        "      LoadBalancers: [{ContainerName: web, ContainerPort: 80, TargetGroupArn: !Ref Group}]",
      ),
      { only: ["E3049"] },
    );
    expect(findings).toEqual([]);
  });
});

describe("E3703 pipeline template paths by provider", () => {
  it("reads CloudFormation and StackSet actions, each branch of a Fn::If, and leaves custom actions alone", () => {
    // cfn-lint 1.51 reports the same at 28:31 (at the key, 28:17) and at 43:64, and also the
    // TemplatePath of the two custom actions (22:17, 49:17), which is configuration of the custom
    // action's own making, not an artifact path CodePipeline reads: the last is a custom action
    // whose provider is named CloudFormation, and the Owner tells it from AWS's.
    const findings = lint(
      yaml(
        "Conditions:",
        "  Prod: !Equals [!Ref AWS::StackName, prod]",
        "Resources:",
        "  Pipeline:",
        "    Type: AWS::CodePipeline::Pipeline",
        "    Properties:",
        "      RoleArn: arn:aws:iam::123456789012:role/pipeline",
        "      ArtifactStore: {Type: S3, Location: bucket}",
        "      Stages:",
        ...sourceStage,
        "        - Name: Deploy",
        "          Actions:",
        "            - Name: Custom",
        '              ActionTypeId: {Category: Deploy, Owner: Custom, Provider: MyDeployer, Version: "1"}',
        "              InputArtifacts: [{Name: SourceOutput}]",
        "              Configuration:",
        "                TemplatePath: templates/main.yaml",
        "            - Name: StackSet",
        '              ActionTypeId: {Category: Deploy, Owner: AWS, Provider: CloudFormationStackSet, Version: "1"}',
        "              InputArtifacts: [{Name: SourceOutput}]",
        "              Configuration:",
        "                StackSetName: s",
        "                TemplatePath: Build::template.yaml",
        '                DeploymentTargets: "111111111111"',
        "                Regions: us-east-1",
        "            - Name: IfPath",
        '              ActionTypeId: {Category: Deploy, Owner: AWS, Provider: CloudFormation, Version: "1"}',
        "              InputArtifacts: [{Name: SourceOutput}]",
        "              Configuration:",
        "                ActionMode: CREATE_UPDATE",
        "                StackName: app",
        "                TemplatePath: !If [Prod, SourceOutput::a.yaml, !Ref AWS::NoValue]",
        "              RunOrder: 2",
        "            - Name: IfBad",
        '              ActionTypeId: {Category: Deploy, Owner: AWS, Provider: CloudFormation, Version: "1"}',
        "              InputArtifacts: [{Name: SourceOutput}]",
        "              Configuration:",
        "                TemplatePath: !If [Prod, SourceOutput::a.yaml, Nope::b.yaml]",
        "              RunOrder: 3",
        "            - Name: CustomNamedCloudFormation",
        '              ActionTypeId: {Category: Deploy, Owner: Custom, Provider: CloudFormation, Version: "1"}',
        "              InputArtifacts: [{Name: SourceOutput}]",
        "              Configuration:",
        "                TemplatePath: Nope::c.yaml",
        "              RunOrder: 4",
      ),
      { only: ["E3703"] },
    );
    expect(brief(findings)).toEqual(["E3703 28:31", "E3703 43:64"]);
    expect(findings[0].message).toContain("TemplatePath of action 'StackSet'");
    expect(findings[1].message).toContain("reads artifact 'Nope'");
  });
});
