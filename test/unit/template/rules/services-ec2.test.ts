/**
 * EC2 instance rules: the Iops of EBS block devices (E3671), instance store virtual names (E3715),
 * an instance's ImageId (E3673), one primary private IP address (E3674), and Availability Zones
 * written out (W3010). The fixtures were also
 * run through cfn-lint 1.51, whose findings are noted where they differ.
 */
import { describe, expect, it } from "vitest";
import { brief, ec2Instance, lint, spotFleet, yaml } from "../lint";

const EC2 = ["E3671", "E3715", "E3673", "E3674"];

/**
 * An AWS::AutoScaling::LaunchConfiguration `name` (ami-12345678, t3.micro) as fixture lines: five
 * lines. The lines after it, indented six spaces, are more of its Properties.
 */
function launchConfiguration(name: string): string[] {
  return [
    `  ${name}:`,
    "    Type: AWS::AutoScaling::LaunchConfiguration",
    "    Properties:",
    "      ImageId: ami-12345678",
    "      InstanceType: t3.micro",
  ];
}

/** The findings of the four rules, and of E3034, on a whole-linter run. */
function ec2Findings(source: string): string[] {
  return brief(lint(source).filter((f) => [...EC2, "E3034"].includes(f.ruleId)));
}

describe("E3671 EBS block device Iops", () => {
  it("reports io1 and io2 without Iops, and Iops out of its volume type's range, in the four places", () => {
    const findings = lint(
      yaml(
        "Resources:",
        ...ec2Instance("Server"),
        "      BlockDeviceMappings:",
        "        - DeviceName: /dev/sda1",
        "          Ebs:",
        "            VolumeType: io1",
        "            VolumeSize: 100",
        "        - DeviceName: /dev/sdb",
        "          Ebs:",
        "            VolumeType: io2",
        '            Iops: "99"',
        "        - DeviceName: /dev/sdc",
        "          Ebs:",
        "            VolumeType: gp3",
        "            Iops: 2999",
        "        - DeviceName: /dev/sdd",
        "          Ebs:",
        "            VolumeType: gp3",
        "            Iops: 80001",
        "  Template:",
        "    Type: AWS::EC2::LaunchTemplate",
        "    Properties:",
        "      LaunchTemplateData:",
        "        BlockDeviceMappings:",
        "          - DeviceName: /dev/xvda",
        "            Ebs:",
        "              VolumeType: io2",
        "          - DeviceName: /dev/xvdb",
        "            Ebs:",
        "              VolumeType: io2",
        "              Iops: 256001",
        ...launchConfiguration("Config"),
        "      BlockDeviceMappings:",
        "        - DeviceName: /dev/xvda",
        "          Ebs:",
        "            VolumeType: io1",
        ...spotFleet("Fleet"),
        "        LaunchSpecifications:",
        "          - ImageId: ami-12345678",
        "            InstanceType: t3.micro",
        "            BlockDeviceMappings:",
        "              - DeviceName: /dev/xvda",
        "                Ebs:",
        "                  VolumeType: io1",
        "                  Iops: 64001",
      ),
      { only: ["E3671"] },
    );
    // cfn-lint reports the same eight, the missing Iops at the Ebs key and the ranges at the Iops
    // key; for gp3's 80001 (line 22) it gives a maximum of 16000, EBS's limit before September 2025.
    expect(brief(findings)).toEqual([
      "E3671 9:25",
      "E3671 14:19",
      "E3671 18:19",
      "E3671 22:19",
      "E3671 30:27",
      "E3671 34:21",
      "E3671 43:25",
      "E3671 57:25",
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      "Block device /dev/sda1 of instance 'Server' is an io1 volume without Iops, and EBS needs the IOPS to " +
        "provision for io1; add Iops (100 to 64000)",
      "Block device /dev/sdb of instance 'Server' provisions 99 IOPS, and an io2 volume takes 100 to 256000; set " +
        "Iops from 100 to 256000",
      "Block device /dev/sdc of instance 'Server' provisions 2999 IOPS, and a gp3 volume takes 3000 to 80000; set " +
        "Iops from 3000 to 80000",
      "Block device /dev/sdd of instance 'Server' provisions 80001 IOPS, and a gp3 volume takes 3000 to 80000; set " +
        "Iops from 3000 to 80000",
      "Block device /dev/xvda of launch template 'Template' is an io2 volume without Iops, and EBS needs the IOPS " +
        "to provision for io2; add Iops (100 to 256000)",
      "Block device /dev/xvdb of launch template 'Template' provisions 256001 IOPS, and an io2 volume takes 100 to " +
        "256000; set Iops from 100 to 256000",
      "Block device /dev/xvda of launch configuration 'Config' is an io1 volume without Iops, and EBS needs the " +
        "IOPS to provision for io1; add Iops (100 to 64000)",
      "Block device /dev/xvda of item 1 of LaunchSpecifications of Spot Fleet 'Fleet' provisions 64001 IOPS, and " +
        "an io1 volume takes 100 to 64000; set Iops from 100 to 64000",
    ]);
    expect(findings.map((f) => f.path?.join("."))).toEqual([
      "Resources.Server.Properties.BlockDeviceMappings.0.Ebs.Iops",
      "Resources.Server.Properties.BlockDeviceMappings.1.Ebs.Iops",
      "Resources.Server.Properties.BlockDeviceMappings.2.Ebs.Iops",
      "Resources.Server.Properties.BlockDeviceMappings.3.Ebs.Iops",
      "Resources.Template.Properties.LaunchTemplateData.BlockDeviceMappings.0.Ebs.Iops",
      "Resources.Template.Properties.LaunchTemplateData.BlockDeviceMappings.1.Ebs.Iops",
      "Resources.Config.Properties.BlockDeviceMappings.0.Ebs.Iops",
      "Resources.Fleet.Properties.SpotFleetRequestConfigData.LaunchSpecifications.0.BlockDeviceMappings.0.Ebs.Iops",
    ]);
  });

  it("leaves to E3034 an Iops out of a launch configuration's own range, and reports one within it", () => {
    const source = yaml(
      "Resources:",
      ...launchConfiguration("Config"),
      "      BlockDeviceMappings:",
      "        - DeviceName: /dev/xvda",
      "          Ebs:",
      "            VolumeType: io1",
      "            Iops: 70000",
      "        - DeviceName: /dev/xvdb",
      "          Ebs:",
      "            VolumeType: io1",
      "            Iops: 50",
      "        - DeviceName: /dev/xvdc",
      "          Ebs:",
      "            VolumeType: gp3",
      "            Iops: 1000",
    );
    // cfn-lint reports lines 11 and 15 twice, under E3034 and E3671.
    expect(ec2Findings(source)).toEqual(["E3034 11:19", "E3034 15:19", "E3671 19:19"]);
  });

  it("is silent on valid Iops, on volume types without provisioned IOPS, and on values it cannot know", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Iops:",
        "    Type: Number",
        "  VolumeType:",
        "    Type: String",
        "Conditions:",
        "  Fast: !Equals [!Ref AWS::Region, us-east-1]",
        "Resources:",
        ...ec2Instance("Server"),
        "      BlockDeviceMappings:",
        "        - DeviceName: /dev/sda1",
        "          Ebs: { VolumeType: io1, Iops: 100 }",
        "        - DeviceName: /dev/sdb",
        "          Ebs: { VolumeType: io2, Iops: 256000 }",
        "        - DeviceName: /dev/sdc",
        "          Ebs: { VolumeType: gp3 }",
        "        - DeviceName: /dev/sdd",
        "          Ebs: { VolumeType: gp3, Iops: 80000 }",
        "        - DeviceName: /dev/sde",
        "          Ebs: { VolumeType: gp2, VolumeSize: 20 }",
        "        - DeviceName: /dev/sdf",
        "          Ebs: { VolumeType: io1, Iops: !Ref Iops }",
        "        - DeviceName: /dev/sdg",
        "          Ebs: { VolumeType: !Ref VolumeType }",
        "        - DeviceName: /dev/sdh",
        "          Ebs: { VolumeType: io1, Iops: !If [Fast, 3000, !Ref AWS::NoValue] }",
        "        - DeviceName: /dev/sdi",
        "          Ebs: !If [Fast, { VolumeType: io1 }, { VolumeType: gp3 }]",
        "        - DeviceName: /dev/sdj",
        "          Ebs: { VolumeType: IO1 }",
        "        - DeviceName: /dev/sdk",
        "          Ebs: { Iops: 10 }",
      ),
      { only: ["E3671"] },
    );
    // cfn-lint reports gp3's 80000 (line 21), over its old cap of 16000; the io1 volume of line 29
    // for the condition that leaves Iops out; and the io1 branch of the Fn::If of line 31.
    expect(brief(findings)).toEqual([]);
  });

  it("judges each branch of a Fn::If that chooses the Properties or a list item", () => {
    const findings = lint(
      yaml(
        "Conditions:",
        "  Fast: !Equals [!Ref AWS::Region, us-east-1]",
        "Resources:",
        "  Server:",
        "    Type: AWS::EC2::Instance",
        "    Properties: !If",
        "      - Fast",
        "      - ImageId: ami-12345678",
        "        BlockDeviceMappings:",
        "          - DeviceName: /dev/sda1",
        "            Ebs: { VolumeType: io1 }",
        "      - ImageId: ami-12345678",
        "        BlockDeviceMappings:",
        "          - DeviceName: /dev/sda1",
        "            Ebs: { VolumeType: gp3 }",
        "  Template:",
        "    Type: AWS::EC2::LaunchTemplate",
        "    Properties:",
        "      LaunchTemplateData:",
        "        BlockDeviceMappings:",
        "          - !If",
        "            - Fast",
        "            - DeviceName: /dev/xvda",
        "              Ebs: { VolumeType: gp3, Iops: 100 }",
        "            - !Ref AWS::NoValue",
      ),
      { only: ["E3671"] },
    );
    // cfn-lint reports both too, the first at the Ebs key.
    expect(brief(findings)).toEqual(["E3671 11:32", "E3671 24:45"]);
  });
});

describe("E3715 instance store virtual names", () => {
  it("reports a VirtualName other than ephemeral0 to ephemeral23 on a mapping without Ebs", () => {
    const findings = lint(
      yaml(
        "Resources:",
        ...ec2Instance("Server"),
        "      BlockDeviceMappings:",
        "        - DeviceName: /dev/sdb",
        "          VirtualName: ephemeral24",
        "        - DeviceName: /dev/sdc",
        "          VirtualName: Ephemeral0",
        "  Template:",
        "    Type: AWS::EC2::LaunchTemplate",
        "    Properties:",
        "      LaunchTemplateData:",
        "        BlockDeviceMappings:",
        "          - DeviceName: /dev/sdb",
        "            VirtualName: ephemeral",
        ...launchConfiguration("Config"),
        "      BlockDeviceMappings:",
        "        - DeviceName: /dev/sdb",
        "          VirtualName: ephemeral07",
        ...spotFleet("Fleet"),
        "        LaunchSpecifications:",
        "          - ImageId: ami-12345678",
        "            InstanceType: t3.micro",
        "          - ImageId: ami-12345678",
        "            InstanceType: t3.micro",
        "            BlockDeviceMappings:",
        "              - DeviceName: !Sub /dev/sd${AWS::Region}",
        "                VirtualName: instance-store-0",
      ),
      { only: ["E3715"] },
    );
    // cfn-lint reports the same five, at the VirtualName key.
    expect(brief(findings)).toEqual([
      "E3715 8:24",
      "E3715 10:24",
      "E3715 17:26",
      "E3715 25:24",
      "E3715 39:30",
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      "Block device /dev/sdb of instance 'Server' has VirtualName 'ephemeral24' and no Ebs, so it maps an instance " +
        "store volume, which EC2 names ephemeral0 to ephemeral23 (as many as the instance type has, counted from 0); " +
        "use such a name, or give Ebs for an EBS volume",
      "Block device /dev/sdc of instance 'Server' has VirtualName 'Ephemeral0' and no Ebs, so it maps an instance " +
        "store volume, which EC2 names ephemeral0 to ephemeral23 (as many as the instance type has, counted from 0); " +
        "use such a name, or give Ebs for an EBS volume",
      "Block device /dev/sdb of launch template 'Template' has VirtualName 'ephemeral' and no Ebs, so it maps an " +
        "instance store volume, which EC2 names ephemeral0 to ephemeral23 (as many as the instance type has, counted " +
        "from 0); use such a name, or give Ebs for an EBS volume",
      "Block device /dev/sdb of launch configuration 'Config' has VirtualName 'ephemeral07' and no Ebs, so it maps " +
        "an instance store volume, which EC2 names ephemeral0 to ephemeral23 (as many as the instance type has, " +
        "counted from 0); use such a name, or give Ebs for an EBS volume",
      "Item 1 of BlockDeviceMappings of item 2 of LaunchSpecifications of Spot Fleet 'Fleet' has VirtualName " +
        "'instance-store-0' and no Ebs, so it maps an instance store volume, which EC2 names ephemeral0 to " +
        "ephemeral23 (as many as the instance type has, counted from 0); use such a name, or give Ebs for an EBS volume",
    ]);
    expect(findings[4].path).toEqual([
      "Resources",
      "Fleet",
      "Properties",
      "SpotFleetRequestConfigData",
      "LaunchSpecifications",
      1,
      "BlockDeviceMappings",
      0,
      "VirtualName",
    ]);
  });

  it("is silent on ephemeral names, on mappings with Ebs or NoDevice, and on names it cannot know", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Name:",
        "    Type: String",
        "Conditions:",
        "  Big: !Equals [!Ref AWS::Region, us-east-1]",
        "Resources:",
        ...ec2Instance("Server"),
        "      BlockDeviceMappings:",
        "        - { DeviceName: /dev/sdb, VirtualName: ephemeral0 }",
        "        - { DeviceName: /dev/sdc, VirtualName: ephemeral9 }",
        "        - { DeviceName: /dev/sdd, VirtualName: ephemeral19 }",
        "        - { DeviceName: /dev/sde, VirtualName: ephemeral23 }",
        "        - { DeviceName: /dev/sdf, VirtualName: !Ref Name }",
        "        - { DeviceName: /dev/sdg, VirtualName: !If [Big, ephemeral1, ephemeral2] }",
        "        - { DeviceName: /dev/sdh, VirtualName: data, Ebs: { VolumeSize: 10 } }",
        "        - { DeviceName: /dev/sdi, VirtualName: data, NoDevice: {} }",
        "        - DeviceName: /dev/sdj",
        "          VirtualName: data",
        "          Ebs: !If [Big, { VolumeSize: 10 }, !Ref AWS::NoValue]",
      ),
      { only: ["E3715"] },
    );
    // cfn-lint reports line 19 (with NoDevice, which removes the device), and line 21 for the
    // condition that leaves Ebs out (line 22); its W3698 warns that the VirtualName of lines 18 and
    // 21 is ignored, and its E3014 that lines 18, 19 and 21 give more than one of VirtualName, Ebs
    // and NoDevice (as our E3014 does for lines 18 and 19).
    expect(brief(findings)).toEqual([]);
  });
});

describe("E3673 instance ImageId", () => {
  it("reports an instance without ImageId and without a launch template that can give one", () => {
    const findings = lint(
      yaml(
        "Conditions:",
        "  Prod: !Equals [!Ref AWS::StackName, prod]",
        "Resources:",
        "  Bare:",
        "    Type: AWS::EC2::Instance",
        "  Small:",
        "    Type: AWS::EC2::Instance",
        "    Properties:",
        "      InstanceType: t3.micro",
        "  FromTemplate:",
        "    Type: AWS::EC2::Instance",
        "    Properties:",
        "      LaunchTemplate:",
        "        LaunchTemplateId: !Ref Template",
        "        Version: !GetAtt Template.LatestVersionNumber",
        "  FromTemplateAtt:",
        "    Type: AWS::EC2::Instance",
        "    Properties:",
        "      LaunchTemplate:",
        "        LaunchTemplateId: !GetAtt Template.LaunchTemplateId",
        '        Version: "1"',
        "  Chosen:",
        "    Type: AWS::EC2::Instance",
        "    Properties: !If",
        "      - Prod",
        "      - ImageId: ami-12345678",
        "      - InstanceType: t3.micro",
        "  Template:",
        "    Type: AWS::EC2::LaunchTemplate",
        "    Properties:",
        "      LaunchTemplateData:",
        "        InstanceType: t3.micro",
      ),
      { only: ["E3673"] },
    );
    // cfn-lint reports the same five, at the Properties key (the resource's key for Bare, the
    // branch for Chosen); the two with a launch template it reports there too, not at the
    // LaunchTemplateId.
    expect(brief(findings)).toEqual(["E3673 4:3", "E3673 8:5", "E3673 14:27", "E3673 20:27", "E3673 27:9"]);
    expect(findings.map((f) => f.message)).toEqual([
      "Instance 'Bare' has no ImageId and no LaunchTemplate, and EC2 needs an AMI to launch it; set ImageId, or a " +
        "LaunchTemplate whose LaunchTemplateData sets ImageId",
      "Instance 'Small' has no ImageId and no LaunchTemplate, and EC2 needs an AMI to launch it; set ImageId, or a " +
        "LaunchTemplate whose LaunchTemplateData sets ImageId",
      "Instance 'FromTemplate' has no ImageId, and neither has the LaunchTemplateData of its launch template " +
        "'Template', and EC2 needs an AMI to launch it; set ImageId on the instance or in the launch template",
      "Instance 'FromTemplateAtt' has no ImageId, and neither has the LaunchTemplateData of its launch template " +
        "'Template', and EC2 needs an AMI to launch it; set ImageId on the instance or in the launch template",
      "Instance 'Chosen' has no ImageId and no LaunchTemplate, and EC2 needs an AMI to launch it; set ImageId, or a " +
        "LaunchTemplate whose LaunchTemplateData sets ImageId",
    ]);
    expect(findings.map((f) => f.path?.join("."))).toEqual([
      "Resources.Bare.Properties.ImageId",
      "Resources.Small.Properties.ImageId",
      "Resources.FromTemplate.Properties.LaunchTemplate.LaunchTemplateId",
      "Resources.FromTemplateAtt.Properties.LaunchTemplate.LaunchTemplateId",
      "Resources.Chosen.Properties.ImageId",
    ]);
  });

  it("is silent when an ImageId is or may be given, by the instance or a launch template", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Ami:",
        "    Type: AWS::EC2::Image::Id",
        "  TemplateId:",
        "    Type: String",
        "Conditions:",
        "  Prod: !Equals [!Ref AWS::StackName, prod]",
        "Resources:",
        "  Own:",
        "    Type: AWS::EC2::Instance",
        "    Properties:",
        "      ImageId: !Ref Ami",
        "  MaybeOwn:",
        "    Type: AWS::EC2::Instance",
        "    Properties:",
        "      ImageId: !If [Prod, !Ref Ami, !Ref AWS::NoValue]",
        "  FromImageTemplate:",
        "    Type: AWS::EC2::Instance",
        "    Properties:",
        "      LaunchTemplate: { LaunchTemplateId: !Ref ImageTemplate, Version: '1' }",
        "  FromMaybeTemplate:",
        "    Type: AWS::EC2::Instance",
        "    Properties:",
        "      LaunchTemplate: { LaunchTemplateId: !Ref MaybeTemplate, Version: '1' }",
        "  FromParameter:",
        "    Type: AWS::EC2::Instance",
        "    Properties:",
        "      LaunchTemplate: { LaunchTemplateId: !Ref TemplateId, Version: '1' }",
        "  FromId:",
        "    Type: AWS::EC2::Instance",
        "    Properties:",
        "      LaunchTemplate: { LaunchTemplateId: lt-0123456789abcdef0, Version: '1' }",
        "  FromName:",
        "    Type: AWS::EC2::Instance",
        "    Properties:",
        "      LaunchTemplate: { LaunchTemplateName: web, Version: $Latest }",
        "  FromImport:",
        "    Type: AWS::EC2::Instance",
        "    Properties:",
        "      LaunchTemplate: { LaunchTemplateId: !ImportValue web-template, Version: '1' }",
        "  FromOther:",
        "    Type: AWS::EC2::Instance",
        "    Properties:",
        "      LaunchTemplate: { LaunchTemplateId: !GetAtt Lookup.TemplateId, Version: '1' }",
        "  Optional:",
        "    Type: AWS::EC2::Instance",
        "    Properties:",
        "      LaunchTemplate: !If [Prod, { LaunchTemplateId: !Ref ImageTemplate, Version: '1' }, !Ref AWS::NoValue]",
        "  ImageTemplate:",
        "    Type: AWS::EC2::LaunchTemplate",
        "    Properties:",
        "      LaunchTemplateData:",
        "        ImageId: ami-12345678",
        "  MaybeTemplate:",
        "    Type: AWS::EC2::LaunchTemplate",
        "    Properties:",
        "      LaunchTemplateData:",
        "        ImageId: !If [Prod, ami-12345678, !Ref AWS::NoValue]",
        "  Lookup:",
        "    Type: Custom::Lookup",
        "    Properties:",
        "      ServiceToken: arn:aws:lambda:us-east-1:123456789012:function:lookup",
      ),
      { only: ["E3673"] },
    );
    // cfn-lint reports MaybeOwn (line 16) and FromMaybeTemplate (line 23), whose ImageId a
    // condition leaves out, and FromOther (line 43), whose custom resource it takes for a launch
    // template without ImageId.
    expect(brief(findings)).toEqual([]);
  });

  it("judges a launch template of the template only through a LaunchTemplateId that is its id", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  ByName:",
        "    Type: AWS::EC2::Instance",
        "    Properties:",
        "      LaunchTemplate:",
        "        LaunchTemplateName: !Ref Template",
        '        Version: "1"',
        "  ByVersion:",
        "    Type: AWS::EC2::Instance",
        "    Properties:",
        "      LaunchTemplate:",
        "        LaunchTemplateId: !GetAtt Template.LatestVersionNumber",
        '        Version: "1"',
        "  ById:",
        "    Type: AWS::EC2::Instance",
        "    Properties:",
        "      LaunchTemplate:",
        "        LaunchTemplateId: !GetAtt [Template, LaunchTemplateId]",
        '        Version: "1"',
        "  Template:",
        "    Type: AWS::EC2::LaunchTemplate",
        "    Properties:",
        "      LaunchTemplateName: web",
        "      LaunchTemplateData:",
        "        InstanceType: t3.micro",
      ),
      { only: ["E3673"] },
    );
    // The Ref of a launch template is its id, never a name, and LatestVersionNumber is a version:
    // EC2 finds no template by those (the ImageId is not what fails). cfn-lint reports all three,
    // at the Properties key.
    expect(brief(findings)).toEqual(["E3673 18:27"]);
  });
});

describe("E3674 one primary private IP address", () => {
  it("reports PrivateIpAddress with a Primary address, or a network interface's own PrivateIpAddress", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Interface:",
        "    Type: AWS::EC2::NetworkInterface",
        "    Properties:",
        "      SubnetId: subnet-12345678",
        "      PrivateIpAddress: 10.0.0.10",
        "      PrivateIpAddresses:",
        "        - PrivateIpAddress: 10.0.0.10",
        "          Primary: true",
        "        - PrivateIpAddress: 10.0.0.11",
        "          Primary: false",
        "        - PrivateIpAddress: 10.0.0.12",
        '          Primary: "true"',
        ...ec2Instance("Server"),
        "      PrivateIpAddress: 10.0.0.20",
        "      NetworkInterfaces:",
        '        - DeviceIndex: "0"',
        "          SubnetId: subnet-12345678",
        "          PrivateIpAddress: 10.0.0.20",
        "          PrivateIpAddresses:",
        "            - PrivateIpAddress: 10.0.0.20",
        "              Primary: true",
      ),
      { only: ["E3674"] },
    );
    // cfn-lint reports the Primary keys; it misses Primary "true" (line 13), which CloudFormation
    // converts to true, and reports only the first problem of the instance's network interface.
    expect(brief(findings)).toEqual(["E3674 9:20", "E3674 13:20", "E3674 22:11", "E3674 25:24"]);
    expect(findings.map((f) => f.message)).toEqual([
      "Network interface 'Interface' sets PrivateIpAddress, its primary private IP address, and marks item 1 of " +
        "PrivateIpAddresses as Primary too, and EC2 takes one primary address; set Primary: false there, or remove " +
        "PrivateIpAddress",
      "Network interface 'Interface' sets PrivateIpAddress, its primary private IP address, and marks item 3 of " +
        "PrivateIpAddresses as Primary too, and EC2 takes one primary address; set Primary: false there, or remove " +
        "PrivateIpAddress",
      "Instance 'Server' sets PrivateIpAddress, and item 1 of NetworkInterfaces sets one too, and EC2 takes the " +
        "primary private IP address in one place; remove the instance's PrivateIpAddress and keep the network " +
        "interface's",
      "Instance 'Server' sets PrivateIpAddress, and item 1 of NetworkInterfaces marks an address of its " +
        "PrivateIpAddresses as Primary, and EC2 takes the primary private IP address in one place; remove the " +
        "instance's PrivateIpAddress",
    ]);
    expect(findings.map((f) => f.path?.join("."))).toEqual([
      "Resources.Interface.Properties.PrivateIpAddresses.0.Primary",
      "Resources.Interface.Properties.PrivateIpAddresses.2.Primary",
      "Resources.Server.Properties.NetworkInterfaces.0.PrivateIpAddress",
      "Resources.Server.Properties.NetworkInterfaces.0.PrivateIpAddresses.0.Primary",
    ]);
  });

  it("is silent without PrivateIpAddress, without a Primary address, and on values it cannot know", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Primary:",
        "    Type: String",
        "Conditions:",
        "  Fixed: !Equals [!Ref AWS::StackName, prod]",
        "Resources:",
        "  OnlyList:",
        "    Type: AWS::EC2::NetworkInterface",
        "    Properties:",
        "      SubnetId: subnet-12345678",
        "      PrivateIpAddresses:",
        "        - { PrivateIpAddress: 10.0.0.10, Primary: true }",
        "  Secondary:",
        "    Type: AWS::EC2::NetworkInterface",
        "    Properties:",
        "      SubnetId: subnet-12345678",
        "      PrivateIpAddress: 10.0.0.10",
        "      PrivateIpAddresses:",
        "        - { PrivateIpAddress: 10.0.0.11, Primary: false }",
        "        - { PrivateIpAddress: 10.0.0.13, Primary: !Ref Primary }",
        "        - { PrivateIpAddress: 10.0.0.14, Primary: !If [Fixed, false, true] }",
        "  Maybe:",
        "    Type: AWS::EC2::NetworkInterface",
        "    Properties:",
        "      SubnetId: subnet-12345678",
        "      PrivateIpAddress: !If [Fixed, 10.0.0.10, !Ref AWS::NoValue]",
        "      PrivateIpAddresses:",
        "        - { PrivateIpAddress: 10.0.0.11, Primary: true }",
        ...ec2Instance("Server"),
        "      NetworkInterfaces:",
        '        - DeviceIndex: "0"',
        "          SubnetId: subnet-12345678",
        "          PrivateIpAddress: 10.0.0.20",
        "          PrivateIpAddresses:",
        "            - { PrivateIpAddress: 10.0.0.20, Primary: true }",
        ...ec2Instance("Plain"),
        "      SubnetId: subnet-12345678",
        "      PrivateIpAddress: 10.0.0.30",
      ),
      { only: ["E3674"] },
    );
    // cfn-lint reports the true branch of line 21, and line 28 for the condition that gives the
    // PrivateIpAddress of line 26.
    expect(brief(findings)).toEqual([]);
  });

  it("reports an instance's PrivateIpAddress with network interfaces that give no primary address", () => {
    const findings = lint(
      yaml(
        "Conditions:",
        "  Public: !Equals [!Ref AWS::StackName, prod]",
        "Resources:",
        "  Interface:",
        "    Type: AWS::EC2::NetworkInterface",
        "    Properties:",
        "      SubnetId: subnet-12345678",
        ...ec2Instance("Server"),
        "      PrivateIpAddress: 10.0.0.20",
        "      NetworkInterfaces:",
        '        - DeviceIndex: "0"',
        "          SubnetId: subnet-12345678",
        "          AssociatePublicIpAddress: true",
        ...ec2Instance("Attached"),
        "      PrivateIpAddress: 10.0.0.21",
        "      NetworkInterfaces:",
        '        - DeviceIndex: "0"',
        "          NetworkInterfaceId: !Ref Interface",
        ...ec2Instance("Maybe"),
        "      PrivateIpAddress: 10.0.0.22",
        "      NetworkInterfaces:",
        "        - !If",
        "          - Public",
        '          - DeviceIndex: "0"',
        "            SubnetId: subnet-12345678",
        "            AssociatePublicIpAddress: true",
        "          - !Ref AWS::NoValue",
        ...ec2Instance("Chosen"),
        "      PrivateIpAddress: 10.0.0.23",
        "      NetworkInterfaces: !If",
        "        - Public",
        '        - - DeviceIndex: "0"',
        "            SubnetId: subnet-12345678",
        "        - !Ref AWS::NoValue",
      ),
      { only: ["E3674"] },
    );
    // RunInstances: "Network interfaces and an instance-level private IP address may not be
    // specified on the same request". cfn-lint reports none of these; a network interface that a
    // condition may leave out (Maybe, Chosen) is not judged.
    expect(brief(findings)).toEqual(["E3674 12:7", "E3674 21:7"]);
    expect(findings[0].message).toBe(
      "Instance 'Server' sets PrivateIpAddress and NetworkInterfaces, and EC2 takes no instance-level private IP " +
        "address with network interfaces; give the address as the PrivateIpAddress of the network interface of " +
        "DeviceIndex 0 (or of the AWS::EC2::NetworkInterface it attaches), and remove it here",
    );
    expect(findings[1].path).toEqual(["Resources", "Attached", "Properties", "PrivateIpAddress"]);
  });
});

describe("EC2 instance rules on a whole-linter run", () => {
  it("report nothing another rule already reports", () => {
    const source = yaml(
      "Resources:",
      "  Server:",
      "    Type: AWS::EC2::Instance",
      "    Properties:",
      "      InstanceType: t3.micro",
      "      PrivateIpAddress: 10.0.0.20",
      "      NetworkInterfaces:",
      '        - DeviceIndex: "0"',
      "          SubnetId: subnet-12345678",
      "      BlockDeviceMappings:",
      "        - DeviceName: /dev/sda1",
      "          Ebs: { VolumeType: io2, Iops: 50 }",
      "        - DeviceName: /dev/sdb",
      "          VirtualName: ephemeral30",
      "  Interface:",
      "    Type: AWS::EC2::NetworkInterface",
      "    Properties:",
      "      SubnetId: subnet-12345678",
      "      PrivateIpAddress: 10.0.0.10",
      "      PrivateIpAddresses:",
      "        - { PrivateIpAddress: 10.0.0.10, Primary: true }",
    );
    // Every finding of the whole linter, so that one another rule gives as well would show.
    expect(brief(lint(source))).toEqual([
      "E3673 4:5",
      "E3674 6:7",
      "E3671 12:41",
      "E3715 14:24",
      "E3674 21:51",
    ]);
  });
});

describe("W3010 Availability Zones written out", () => {
  it("reports a zone written as text where a resource takes one, and the Region it ties the stack to", () => {
    const findings = lint(
      yaml(
        "Resources:",
        ...ec2Instance("Server"),
        "      AvailabilityZone: us-east-1a",
        "  Disk:",
        "    Type: AWS::EC2::Volume",
        "    Properties:",
        "      Size: 10",
        "      AvailabilityZone: !Select [0, !GetAZs '']",
        "  Group:",
        "    Type: AWS::AutoScaling::AutoScalingGroup",
        "    Properties:",
        "      MinSize: '1'",
        "      MaxSize: '2'",
        "      AvailabilityZones: [eu-west-1b, !Select [1, !GetAZs ''], all]",
        "  Template:",
        "    Type: AWS::EC2::LaunchTemplate",
        "    Properties:",
        "      LaunchTemplateData:",
        "        Placement: { AvailabilityZone: us-west-2-lax-1a }",
        "  Net:",
        "    Type: AWS::EC2::Subnet",
        "    Properties:",
        "      VpcId: vpc-12345678",
        "      CidrBlock: 10.0.0.0/24",
        "      AvailabilityZone: !If [InVirginia, us-east-1a, !Select [0, !GetAZs '']]",
        "Conditions:",
        "  InVirginia: !Equals [!Ref AWS::Region, us-east-1]",
      ),
      { only: ["W3010"] },
    );
    // A zone under a function (the Fn::If picks it by Region) and `all` are left alone.
    expect(brief(findings)).toEqual(["W3010 6:25", "W3010 17:27", "W3010 22:40"]);
    expect(findings[0].severity).toBe("warning");
    expect(findings.map((f) => f.message)).toEqual([
      "Availability Zone 'us-east-1a' is written out, so the stack deploys only in us-east-1: take it from Fn::GetAZs " +
        "(!Select [0, !GetAZs '']) or from a parameter of type AWS::EC2::AvailabilityZone::Name",
      "Availability Zone 'eu-west-1b' is written out, so the stack deploys only in eu-west-1: take it from Fn::GetAZs " +
        "(!Select [0, !GetAZs '']) or from a parameter of type AWS::EC2::AvailabilityZone::Name",
      "Availability Zone 'us-west-2-lax-1a' is written out, so the stack deploys only in us-west-2: take it from " +
        "Fn::GetAZs (!Select [0, !GetAZs '']) or from a parameter of type AWS::EC2::AvailabilityZone::Name",
    ]);
  });

  it("leaves alone a template CDK made, which writes out the zones of its environment", () => {
    const findings = lint(
      yaml(
        "Resources:",
        ...ec2Instance("Server"),
        "      AvailabilityZone: us-east-1a",
        "  CDKMetadata:",
        "    Type: AWS::CDK::Metadata",
        "    Properties:",
        "      Analytics: v2:deflate64:abc",
      ),
      { only: ["W3010"] },
    );
    expect(brief(findings)).toEqual([]);
  });
});
