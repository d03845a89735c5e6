/**
 * Instance types, node types and DB instance classes that no region offers (E3628, E3025, E3694,
 * E3647, E3667, E3620, E3635, E3672, E3670, E3621, E3641, E3617, E3675), judged against every
 * region's list from cfn-lint's pricing data. The fixtures were also run through cfn-lint 1.51;
 * where it differs, the test says so. Also: what the messages quote.
 */
import { describe, expect, it } from "vitest";
import { INSTANCE_TYPE_RULES } from "../../../../src/template/rules/services/instance-types";
import { brief, ec2Instance, lint, spotFleet, yaml } from "../lint";

describe("instance type rules", () => {
  it("report types no region offers, with a suggestion, in each place and each Fn::If branch", () => {
    // cfn-lint 1.51 reports E3628 and E3030 for the instance (E3030 against the EC2 API's list,
    // which the provider schema carries as an enum), E3030 for the launch template, and nothing for
    // the Spot Fleet it does not read; it also reports T3.Micro, which differs from t3.micro only in
    // case.
    const findings = lint(
      yaml(
        "Conditions:",
        "  Prod: !Equals [!Ref AWS::StackName, prod]",
        "Parameters:",
        "  Type:",
        "    Type: String",
        "Resources:",
        ...ec2Instance("Web"),
        "      InstanceType: t3.micor",
        "  Template:",
        "    Type: AWS::EC2::LaunchTemplate",
        "    Properties:",
        "      LaunchTemplateData:",
        "        InstanceType: !If [Prod, m5.large, m5.lagre]",
        ...spotFleet("Fleet"),
        "        LaunchSpecifications:",
        "          - ImageId: ami-12345678",
        "            InstanceType: c5.large",
        "          - ImageId: ami-12345678",
        "            InstanceType: c5.huge",
        "  Db:",
        "    Type: AWS::RDS::DBInstance",
        "    Properties:",
        "      Engine: mysql",
        "      DBInstanceClass: t3.micro",
        '      AllocatedStorage: "20"',
        "      MasterUsername: admin",
        '      MasterUserPassword: "{{resolve:secretsmanager:db:SecretString:password}}"',
        "  Cache:",
        "    Type: AWS::ElastiCache::ReplicationGroup",
        "    Properties:",
        "      ReplicationGroupDescription: cache",
        "      Engine: redis",
        "      CacheNodeType: cache.t3.micro",
        ...ec2Instance("Fine"),
        "      InstanceType: T3.Micro",
        ...ec2Instance("FromParameter"),
        "      InstanceType: !Ref Type",
        ...ec2Instance("FromSsm"),
        '      InstanceType: "{{resolve:ssm:/app/instance-type}}"',
        "  Emr:",
        "    Type: AWS::EMR::Cluster",
        "    Properties:",
        "      Name: emr",
        "      JobFlowRole: role",
        "      ServiceRole: role",
        "      ReleaseLabel: emr-6.10.0",
        "      Instances:",
        "        MasterInstanceGroup:",
        "          InstanceCount: 1",
        "          InstanceType: m5.xlarge",
        "        TaskInstanceGroups:",
        "          - InstanceCount: 1",
        "            InstanceType: m5.xlarge",
        "          - InstanceCount: 1",
        "            InstanceType: m5.xlargee",
      ),
    ).filter((f) => !["W", "I"].includes(f.ruleId[0]) && f.ruleId !== "E3014");
    expect(brief(findings)).toEqual([
      "E3628 11:21",
      "E3628 16:44",
      "E3628 27:27",
      "E3025 32:24",
      "E3675 72:27",
    ]);
    expect(findings[0].message).toBe(
      "InstanceType 't3.micor' of 'Web' is not an EC2 instance type that any region offers, by the lists of " +
        "cfn-lint 1.51.0 (did you mean 't3.micro'?); use a type the service offers, or, if this type is newer than " +
        "those lists, ignore this rule for the template until they are updated",
    );
    expect(findings[2].message).toContain(
      "SpotFleetRequestConfigData.LaunchSpecifications[1].InstanceType 'c5.huge' of 'Fleet'",
    );
    // An EC2 type where RDS wants a DB instance class: the class of that name is suggested.
    expect(findings[3].message).toContain(
      "DBInstanceClass 't3.micro' of 'Db' is not an RDS DB instance class that any region offers, by the lists of " +
        "cfn-lint 1.51.0 (did you mean 'db.t3.micro'?)",
    );
  });

  it("read every place they name, and leave it to no enum of E3030", () => {
    const bogus = "zz9.bogus";
    for (const rule of INSTANCE_TYPE_RULES) {
      for (const [type, paths] of Object.entries(rule.sites)) {
        for (const path of paths) {
          // The value at the path, with a list for each `*`, one key a line.
          const lines = ["Resources:", "  R:", `    Type: ${type}`, "    Properties:"];
          let indent = "      ";
          path.forEach((key, index) => {
            if (key === "*") return;
            const item = path[index + 1] === "*";
            const last = index === path.length - 1;
            lines.push(`${indent}${key}:${last ? ` ${bogus}` : ""}`);
            indent += "  ";
            if (item) {
              lines.push(`${indent}-`);
              indent += "  ";
            }
          });
          const line = lines.length;
          const findings = lint(yaml(...lines)).filter(
            (f) => f.range.start.line === line && (f.ruleId === rule.id || f.ruleId === "E3030"),
          );
          expect(
            findings.map((f) => f.ruleId),
            `${type} ${path.join(".")}`,
          ).toEqual([rule.id]);
        }
      }
    }
  });

  it("take EC2 types that only the EC2 API's list or only the pricing data names, in every place", () => {
    // cfn-lint 1.51 reports E3628 for trn2.3xlarge and p6e-gb200.36xlarge on the instance (the
    // pricing data lacks them, though the EC2 API lists them), and E3030 for c8ib.large and
    // m8in.large on the instance, the launch template, the EC2 Fleet and the capacity reservation
    // fleet (the API's list lags behind the pricing data); of these it is right about none. It
    // reports t3.mircro and c8ib.lrage as E3030, here E3628.
    const findings = lint(
      yaml(
        "Resources:",
        ...ec2Instance("Api"),
        "      InstanceType: trn2.3xlarge",
        ...ec2Instance("UltraServer"),
        "      InstanceType: p6e-gb200.36xlarge",
        ...ec2Instance("Priced"),
        "      InstanceType: c8ib.large",
        "  Template:",
        "    Type: AWS::EC2::LaunchTemplate",
        "    Properties:",
        "      LaunchTemplateData:",
        "        InstanceType: m8in.large",
        "  Fleet:",
        "    Type: AWS::EC2::EC2Fleet",
        "    Properties:",
        "      TargetCapacitySpecification:",
        "        TotalTargetCapacity: 1",
        "      LaunchTemplateConfigs:",
        "        - LaunchTemplateSpecification:",
        "            LaunchTemplateId: lt-12345678",
        '            Version: "1"',
        "          Overrides:",
        "            - InstanceType: c8ib.large",
        "            - InstanceType: trn2.3xlarge",
        "            - InstanceType: t3.mircro",
        "  Reservations:",
        "    Type: AWS::EC2::CapacityReservationFleet",
        "    Properties:",
        "      InstanceTypeSpecifications:",
        "        - InstanceType: c8ib.large",
        "          InstancePlatform: Linux/UNIX",
        "        - InstanceType: c8ib.lrage",
        "          InstancePlatform: Linux/UNIX",
      ),
    ).filter((f) => f.ruleId === "E3628" || f.ruleId === "E3030");
    expect(brief(findings)).toEqual(["E3628 34:29", "E3628 41:25"]);
    expect(findings[0].message).toContain(
      "LaunchTemplateConfigs[0].Overrides[2].InstanceType 't3.mircro' of 'Fleet' is not an EC2 instance type",
    );
    expect(findings[1].message).toContain("(did you mean 'c8ib.large'?)");
  });

  it("take DocumentDB's db.serverless, which the pricing data lacks", () => {
    // cfn-lint 1.51 reports E3620 for A; DocumentDB serverless instances take db.serverless.
    const findings = lint(
      yaml(
        "Resources:",
        "  A:",
        "    Type: AWS::DocDB::DBInstance",
        "    Properties:",
        "      DBClusterIdentifier: cluster",
        "      DBInstanceClass: db.serverless",
        "  B:",
        "    Type: AWS::DocDB::DBInstance",
        "    Properties:",
        "      DBClusterIdentifier: cluster",
        "      DBInstanceClass: db.severless",
      ),
      { only: ["E3620"] },
    );
    expect(brief(findings)).toEqual(["E3620 11:24"]);
  });

  it("suggest a prefix only where every type of the service has it", () => {
    // EC2 types share no prefix: `large` is not taken for `a1.large`, the first type of the list.
    const findings = lint(
      yaml(
        "Resources:",
        ...ec2Instance("A"),
        "      InstanceType: large",
        "  B:",
        "    Type: AWS::ElastiCache::CacheCluster",
        "    Properties:",
        "      Engine: redis",
        "      NumCacheNodes: 1",
        "      CacheNodeType: t3.micro",
      ),
      { only: ["E3628", "E3647"] },
    );
    expect(brief(findings)).toEqual(["E3628 6:21", "E3647 12:22"]);
    expect(findings[0].message).not.toContain("a1.large");
    expect(findings[1].message).toContain("(did you mean 'cache.t3.micro'?)");
  });

  it("leave known types in any case, intrinsics, dynamic references and unknown lists alone", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Type:",
        "    Type: String",
        "    Default: t3.micor",
        "Resources:",
        ...ec2Instance("A"),
        "      InstanceType: M7G.Metal",
        ...ec2Instance("B"),
        "      InstanceType: !Ref Type",
        ...ec2Instance("C"),
        '      InstanceType: "{{resolve:ssm:/app/instance-type}}"',
        "  D:",
        "    Type: AWS::RDS::DBInstance",
        "    Properties:",
        "      Engine: aurora-postgresql",
        "      DBClusterIdentifier: cluster",
        "      DBInstanceClass: db.serverless",
        "  E:",
        "    Type: AWS::Elasticsearch::Domain",
        "    Properties:",
        "      ElasticsearchClusterConfig:",
        "        InstanceType: zz9.bogus",
      ),
    );
    expect(findings.filter((f) => f.ruleId[0] === "E")).toEqual([]);
  });

  it("quote a short type in the message, and not a long value", () => {
    const long = `t3.${"x".repeat(38)}`; // 41 characters: over the 40 a message quotes
    const findings = lint(
      yaml(
        "Resources:",
        ...ec2Instance("Short"),
        "      InstanceType: t3.micor",
        ...ec2Instance("Long"),
        `      InstanceType: ${long}`,
      ),
      { only: ["E3628"] },
    );
    expect(brief(findings)).toEqual(["E3628 6:21", "E3628 11:21"]);
    expect(findings[0].message).toMatch(/^InstanceType 't3.micor' of 'Short' is not an EC2 instance type/);
    expect(findings[1].message).toMatch(/^InstanceType of 'Long' is not an EC2 instance type/);
    expect(findings[1].message).not.toContain(long);
  });
});

describe("instance types that parameters give (W1030, E3946)", () => {
  const template = yaml(
    "Parameters:",
    "  Type: {Type: String, Default: t3.micor}",
    "  Node: {Type: String, Default: dc2.large, AllowedValues: [dc2.large, dw1.xlarge]}",
    "  Hidden: {Type: String, NoEcho: true, Default: t3.micor}",
    "  Stored: {Type: 'AWS::SSM::Parameter::Value<String>', Default: /app/type}",
    "  Make: {Type: String, Default: 'yes'}",
    "Conditions:",
    "  Made: !Equals [!Ref Make, 'yes']",
    "Resources:",
    ...ec2Instance("A"),
    "      InstanceType: !Ref Type",
    ...ec2Instance("B"),
    "      InstanceType: !Ref Type",
    ...ec2Instance("C"),
    "      InstanceType: !Ref Hidden",
    ...ec2Instance("D"),
    "      InstanceType: !Ref Stored",
    ...ec2Instance("E"),
    "      InstanceType: !If [Made, !Ref Type, t3.micro]",
    "  Cluster:",
    "    Type: AWS::Redshift::Cluster",
    "    Condition: Made",
    "    Properties:",
    "      ClusterType: single-node",
    "      DBName: dev",
    "      MasterUsername: admin",
    "      MasterUserPassword: '{{resolve:secretsmanager:db}}'",
    "      NodeType: !Ref Node",
  );
  const ONLY = ["W1030", "E3946"];

  it("warns of a Default or an AllowedValues item no region offers, once, with the type meant", () => {
    const findings = lint(template, { only: ONLY });
    expect(brief(findings)).toEqual(["W1030 2:33", "W1030 3:71"]);
    expect(findings.map((f) => f.message)).toEqual([
      "Default of parameter 'Type' does not fit: 'InstanceType' of AWS::EC2::Instance must be an EC2 instance type " +
        "that some region offers, by the lists of cfn-lint 1.51.0 (did you mean 't3.micro'?)",
      expect.stringMatching(
        /^AllowedValues\[1\] of parameter 'Node' does not fit: 'NodeType' of AWS::Redshift::Cluster must be a Redshift node type/,
      ),
    ]);
  });

  it("judges a value passed instead, never quoting it: certain where the resource is made", () => {
    const passed = (values: Record<string, string>) =>
      lint(template, { only: ONLY, parameterValues: values });
    const findings = passed({ Type: "t3.micor", Node: "dw1.xlarge" });
    // Type's two Refs are certain; the cluster's Condition may leave it out (Make is not passed).
    expect(findings.map((f) => `${f.ruleId} ${f.range.start.line}`)).toEqual([
      "E3946 14",
      "E3946 19",
      "W1030 43",
    ]);
    for (const finding of findings) expect(finding.message).not.toMatch(/micor|dw1/);
    expect(brief(passed({ Type: "T3.MICRO", Node: "dw1.xlarge", Make: "no" }))).toEqual([]);
    expect(brief(passed({ Node: "dw1.xlarge", Make: "yes" }))).toEqual(["W1030 2:33", "E3946 43:17"]);
  });

  it("leaves alone an item the resource's Condition rules out, and judges the rest", () => {
    // `none` never reaches the instance: the stack makes it only where the type is not `none`. The
    // bastion without that Condition gets `none` (and the typo) when the deployer chooses it.
    const findings = lint(
      yaml(
        "Parameters:",
        "  Type: {Type: String, Default: none, AllowedValues: [none, t3.micro, t3.micor]}",
        "Conditions:",
        "  HasType: !Not [!Equals [!Ref Type, none]]",
        "Resources:",
        "  Host:",
        "    Type: AWS::EC2::Instance",
        "    Condition: HasType",
        "    Properties:",
        "      ImageId: ami-12345678",
        "      InstanceType: !Ref Type",
      ),
      { only: ONLY },
    );
    expect(brief(findings)).toEqual(["W1030 2:71"]);
    expect(findings[0].message).toMatch(/^AllowedValues\[2\] of parameter 'Type'/);
    const always = lint(
      yaml(
        "Parameters:",
        "  Type: {Type: String, Default: none, AllowedValues: [none, t3.micro, t3.micor]}",
        "Resources:",
        ...ec2Instance("Bastion"),
        "      InstanceType: !Ref Type",
      ),
      { only: ONLY },
    );
    expect(brief(always)).toEqual(["W1030 2:33", "W1030 2:55", "W1030 2:71"]);
  });
});
