/**
 * Settings of single resources that their service refuses: Route 53 CLOUDWATCH_METRIC health
 * checks without their alarm (E3661), Classic Load Balancer HTTPS and SSL listeners without a
 * certificate (E3679), Multi-AZ DB clusters (E3692) and CloudFront aliases that are no domain
 * names (E3013), and deprecated RDS engine versions (W3690, W3691). The fixtures were also run
 * through cfn-lint 1.51; where it differs, the test says so.
 */
import { describe, expect, it } from "vitest";
import { brief, lint, yaml } from "../lint";

const fixture = yaml(
  "Resources:",
  "  Check:",
  "    Type: AWS::Route53::HealthCheck",
  "    Properties:",
  "      HealthCheckConfig:",
  "        Type: CLOUDWATCH_METRIC",
  "  Fine:",
  "    Type: AWS::Route53::HealthCheck",
  "    Properties:",
  "      HealthCheckConfig:",
  "        Type: CLOUDWATCH_METRIC",
  "        AlarmIdentifier: {Name: alarm, Region: us-east-1}",
  "  Elb:",
  "    Type: AWS::ElasticLoadBalancing::LoadBalancer",
  "    Properties:",
  "      AvailabilityZones: [us-east-1a]",
  "      Listeners:",
  '        - LoadBalancerPort: "443"',
  '          InstancePort: "80"',
  "          Protocol: HTTPS",
  '        - LoadBalancerPort: "80"',
  '          InstancePort: "80"',
  "          Protocol: HTTP",
  '        - LoadBalancerPort: "8443"',
  '          InstancePort: "80"',
  "          Protocol: ssl",
  "          SSLCertificateId: arn:aws:acm:us-east-1:123456789012:certificate/abc",
  "  Cluster:",
  "    Type: AWS::RDS::DBCluster",
  "    Properties:",
  "      Engine: mysql",
  "      DBClusterInstanceClass: db.m5d.large",
  "      StorageType: gp2",
  "      BacktrackWindow: 10",
  "      MasterUsername: admin",
  '      MasterUserPassword: "{{resolve:secretsmanager:x}}"',
  "  Restored:",
  "    Type: AWS::RDS::DBCluster",
  "    Properties:",
  "      Engine: postgres",
  "      SnapshotIdentifier: snap",
  "      DBClusterInstanceClass: db.m5d.large",
  "  Aurora:",
  "    Type: AWS::RDS::DBCluster",
  "    Properties:",
  "      Engine: aurora-mysql",
  "      MasterUsername: admin",
  '      MasterUserPassword: "{{resolve:secretsmanager:x}}"',
  "  Dist:",
  "    Type: AWS::CloudFront::Distribution",
  "    Properties:",
  "      DistributionConfig:",
  "        Enabled: true",
  '        Aliases: ["bad domain!", "*.example.com", "a.*.example.com", localhost, "-x.example.com", WWW.Example.com., "a..b.com"]',
  "        ViewerCertificate: {AcmCertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/abc, SslSupportMethod: sni-only}",
  "        DefaultCacheBehavior: {TargetOriginId: o, ViewerProtocolPolicy: allow-all, ForwardedValues: {QueryString: false}}",
  "        Origins: [{Id: o, DomainName: example.com, CustomOriginConfig: {OriginProtocolPolicy: https-only}}]",
);

describe("E3661, E3679, E3692, E3013", () => {
  const findings = lint(fixture, { only: ["E3661", "E3679", "E3692", "E3013"] });

  it("report each at its value, with what to add or change", () => {
    // cfn-lint 1.51 reports the same places (at keys, and each missing Multi-AZ property on its
    // own), and also: the restored cluster (its storage comes from the snapshot) and the alias
    // WWW.Example.com. (capital letters and the trailing dot name the same domain).
    expect(brief(findings)).toEqual([
      "E3661 6:15",
      "E3679 20:21",
      "E3692 31:15",
      "E3692 33:20",
      "E3692 34:7",
      "E3013 54:19",
      "E3013 54:51",
      "E3013 54:70",
      "E3013 54:81",
      "E3013 54:117",
    ]);
    expect(findings[2].message).toBe(
      "Cluster 'Cluster' is a Multi-AZ DB cluster (Engine mysql), which RDS creates only with DBClusterInstanceClass, " +
        "AllocatedStorage, StorageType, Iops; add AllocatedStorage, Iops (for an RDS for MySQL or PostgreSQL " +
        "instance, use AWS::RDS::DBInstance; for Aurora, Engine aurora-*)",
    );
    expect(findings.slice(5).map((f) => f.message.replace(/^.*is not a domain name: /, ""))).toEqual([
      "a label holds characters other than letters, digits and hyphens, or starts or ends with a hyphen",
      "a wildcard is only the whole first label (*.example.com)",
      "it has a single label; give the whole domain name (www.example.com)",
      "a label holds characters other than letters, digits and hyphens, or starts or ends with a hyphen",
      "it has an empty label (two dots in a row, or a dot at the start)",
    ]);
  });

  it("leave what the services take alone", () => {
    const quiet = lint(
      yaml(
        "Conditions:",
        "  Prod: !Equals [!Ref AWS::StackName, prod]",
        "Resources:",
        "  Check:",
        "    Type: AWS::Route53::HealthCheck",
        "    Properties:",
        "      HealthCheckConfig:",
        "        Type: !If [Prod, CLOUDWATCH_METRIC, HTTPS]",
        "  Elb:",
        "    Type: AWS::ElasticLoadBalancing::LoadBalancer",
        "    Properties:",
        "      Listeners:",
        "        - {LoadBalancerPort: '443', InstancePort: '80', Protocol: HTTPS, SSLCertificateId: !Ref Cert}",
        "  Cluster:",
        "    Type: AWS::RDS::DBCluster",
        "    Properties:",
        "      Engine: postgres",
        "      DBClusterInstanceClass: db.m5d.large",
        "      AllocatedStorage: 100",
        "      StorageType: io2",
        "      Iops: 1000",
        "  Dist:",
        "    Type: AWS::CloudFront::Distribution",
        "    Properties:",
        "      DistributionConfig:",
        "        Aliases: ['*.example.com', xn--bcher-kva.example, !Sub 'www.${AWS::StackName}.com', '{{resolve:ssm:/domain}}']",
      ),
      { only: ["E3661", "E3679", "E3692", "E3013"] },
    );
    expect(quiet).toEqual([]);
  });
});

describe("E3690, E3691 retired RDS engines", () => {
  const retired = yaml(
    "Parameters:",
    "  Engine:",
    "    Type: String",
    "    Default: aurora",
    "Conditions:",
    "  Old: !Equals [!Ref Engine, aurora]",
    "Resources:",
    "  Cluster:",
    "    Type: AWS::RDS::DBCluster",
    "    Properties:",
    "      Engine: Aurora",
    "      MasterUsername: admin",
    '      MasterUserPassword: "{{resolve:secretsmanager:x}}"',
    "  Member:",
    "    Type: AWS::RDS::DBInstance",
    "    Properties:",
    "      Engine: aurora",
    "      DBClusterIdentifier: !Ref Cluster",
    "      DBInstanceClass: db.r5.large",
    "  Either:",
    "    Type: AWS::RDS::DBCluster",
    "    Properties:",
    "      Engine: !If [Old, aurora, aurora-mysql]",
    "      MasterUsername: admin",
    '      MasterUserPassword: "{{resolve:secretsmanager:x}}"',
    "  Chosen:",
    "    Type: AWS::RDS::DBCluster",
    "    Properties:",
    "      Engine: !Ref Engine",
    "      MasterUsername: admin",
    '      MasterUserPassword: "{{resolve:secretsmanager:x}}"',
    "  Current:",
    "    Type: AWS::RDS::DBCluster",
    "    Properties:",
    "      Engine: aurora-mysql",
    "      MasterUsername: admin",
    '      MasterUserPassword: "{{resolve:secretsmanager:x}}"',
    "  Db:",
    "    Type: AWS::RDS::DBInstance",
    "    Properties:",
    "      Engine: db2-se",
    "      DBInstanceClass: db.m6i.large",
    '      AllocatedStorage: "100"',
  );

  it("report the Aurora MySQL version 1 engine, in any case, in either branch of a Fn::If and as a parameter's Default", () => {
    // cfn-lint 1.51 reports the same three, at the Engine keys (11:7, 17:7, 23:7), and nothing for
    // the Ref, the current engines or db2-se. It also reports E3707 at 17:7, as the instance's
    // aurora differs in case from the cluster's Aurora; RDS takes both as aurora. The Ref's Default
    // is a warning: another value may be passed (round 41: a module whose only allowed Engine is aurora).
    const findings = lint(retired, { only: ["E3690", "E3691"] });
    expect(brief(findings)).toEqual(["E3690 11:15", "E3691 17:15", "E3690 23:25", "E3690 29:15"]);
    expect(findings.map((f) => f.severity)).toEqual(["error", "error", "error", "warning"]);
    expect(findings[3].message).toMatch(
      /^Ref gives 'aurora' \(with the Default of parameter 'Engine'\): Engine aurora is Aurora MySQL version 1 /,
    );
    expect(findings[0].message).toBe(
      "Engine aurora is Aurora MySQL version 1 (compatible with MySQL 5.6), which reached its end of life on " +
        "2023-02-28: RDS no longer creates DB clusters with it; use Engine aurora-mysql (Aurora MySQL version 2 or " +
        "3, compatible with MySQL 5.7 or 8.0), with an EngineVersion of one of those if one is set",
    );
    expect(findings[1].message).toMatch(/RDS no longer creates DB instances with it/);
  });
});

describe("E3690, E3691 engine versions older than every one RDS offers", () => {
  const db = (name: string, engine: string, version: string) => [
    `  ${name}:`,
    "    Type: AWS::RDS::DBInstance",
    "    Properties:",
    `      Engine: ${engine}`,
    `      EngineVersion: ${version}`,
    "      DBInstanceClass: db.t3.micro",
  ];

  it("refuse a version older than every one of its line, or of a line older than every line", () => {
    // cfn-lint 1.51 gives E3691 for the first two as well (not in its list of versions).
    const findings = lint(
      yaml(
        "Resources:",
        ...db("Old", "mysql", "5.7.31"),
        ...db("Older", "MySQL", "'5.6.22'"),
        ...db("Gone", "mysql", "5.1.73"),
        ...db("Aurora", "aurora-postgresql", "'11.4'"),
        "  Cluster:",
        "    Type: AWS::RDS::DBCluster",
        "    Properties:",
        "      Engine: aurora-postgresql",
        "      EngineVersion: '10.5'",
      ),
      { only: ["E3690", "E3691"] },
    );
    expect(brief(findings)).toEqual([
      "E3691 6:22",
      "E3691 12:22",
      "E3691 18:22",
      "E3691 24:22",
      "E3690 30:22",
    ]);
    expect(findings[0].message).toMatch(
      /^EngineVersion 5\.7\.31 is older than every mysql 5\.7 version RDS offers \(the oldest is 5\.7\.33\), by the list of cfn-lint \d+\.\d+\.\d+: RDS no longer creates DB instances with it; /,
    );
    expect(findings[2].message).toMatch(
      /^EngineVersion 5\.1\.73 is of mysql 5\.1, older than every line RDS offers \(the oldest is 5\.5\)/,
    );
  });

  it("leave alone a version newer than the list, a line alone, and the versions RDS lists", () => {
    const findings = lint(
      yaml(
        "Resources:",
        ...db("Newer", "mysql", "8.4.99"),
        ...db("NewLine", "postgres", "'19.1'"),
        ...db("Line", "mysql", "'5.7'"),
        ...db("Listed", "mysql", "5.7.33"),
        ...db("Between", "mariadb", "10.6.99"),
        ...db("Aurora", "aurora-mysql", "5.7.mysql_aurora.1.0"),
        ...db("Given", "mysql", "!Ref AWS::NoValue"),
      ),
      { only: ["E3690", "E3691"] },
    );
    expect(findings).toEqual([]);
  });
});

describe("W3690, W3691 deprecated RDS engine versions", () => {
  it("warn of an engine version RDS no longer creates clusters or instances with, engines in any case", () => {
    // cfn-lint 1.51 gives the same W3691 (at the resource, 18:5); for the cluster it reports
    // E3690 on the engine's case instead, which RDS takes.
    const findings = lint(
      yaml(
        "Resources:",
        "  Cluster:",
        "    Type: AWS::RDS::DBCluster",
        "    Properties:",
        "      Engine: Aurora-MySQL",
        "      EngineVersion: 5.7.mysql_aurora.2.07.2",
        "      MasterUsername: admin",
        '      MasterUserPassword: "{{resolve:secretsmanager:x}}"',
        "  Current:",
        "    Type: AWS::RDS::DBCluster",
        "    Properties:",
        "      Engine: aurora-postgresql",
        '      EngineVersion: "16.4"',
        "      MasterUsername: admin",
        '      MasterUserPassword: "{{resolve:secretsmanager:x}}"',
        "  Db:",
        "    Type: AWS::RDS::DBInstance",
        "    Properties:",
        "      Engine: postgres",
        '      EngineVersion: "9.6.1"',
        "      DBInstanceClass: db.t3.micro",
        '      AllocatedStorage: "20"',
        "      MasterUsername: admin",
        '      MasterUserPassword: "{{resolve:secretsmanager:x}}"',
      ),
      { only: ["W3690", "W3691"] },
    );
    expect(brief(findings)).toEqual(["W3690 6:22", "W3691 20:22"]);
    expect(findings.every((f) => f.severity === "warning")).toBe(true);
    expect(findings[1].message).toMatch(
      /^EngineVersion 9\.6\.1 of postgres is deprecated, and RDS no longer creates DB instances with it \(by the list of cfn-lint \d+\.\d+\.\d+\)/,
    );
  });

  it("judge a number by how it is written: 13.20 is no 13.2, and a number written as it reads is judged", () => {
    // cfn-lint 1.51 reads 13.20 as the float 13.2 and warns that '13.2' is deprecated; 13.20 is a
    // version RDS offers. The two readings of 13.2 agree, so that one is judged.
    const db = (name: string, version: string) => [
      `  ${name}:`,
      "    Type: AWS::RDS::DBInstance",
      "    Properties:",
      "      Engine: postgres",
      `      EngineVersion: ${version}`,
      "      DBInstanceClass: db.t3.micro",
    ];
    const findings = lint(yaml("Resources:", ...db("A", "13.20"), ...db("B", "16.10"), ...db("C", "13.2")), {
      only: ["W3690", "W3691"],
    });
    expect(brief(findings)).toEqual(["W3691 18:22"]);
  });

  it("leave versions given through intrinsics, and engines not written out, alone", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Engine:",
        "    Type: String",
        "Resources:",
        "  A:",
        "    Type: AWS::RDS::DBInstance",
        "    Properties:",
        "      Engine: !Ref Engine",
        "      EngineVersion: '9.6.1'",
        "  B:",
        "    Type: AWS::RDS::DBInstance",
        "    Properties:",
        "      Engine: postgres",
        "      EngineVersion: !Sub '9.6.${AWS::StackName}'",
      ),
      { only: ["W3690", "W3691"] },
    );
    expect(findings).toEqual([]);
  });
});
