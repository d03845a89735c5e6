/**
 * E3009: AWS::CloudFormation::Init metadata follows the structure cfn-init reads. The fixtures
 * were also run through cfn-lint 1.51; where it differs, the test says so.
 */
import { describe, expect, it } from "vitest";
import { brief, lint, yaml } from "../lint";

const check = (...lines: string[]) => lint(yaml(...lines), { only: ["E3009"] });

describe("E3009 cfn-init metadata", () => {
  it("reports unknown keys, package managers and service kinds, wrong kinds of value and a config that is no mapping", () => {
    // cfn-lint 1.51 reports the same, except the command key '01' (it reads the YAML key as the
    // number 1 and reports that instead of 'bogus'), and it adds "minimum length: 6" for mode "0644".
    const findings = check(
      "Resources:",
      "  Instance:",
      "    Type: AWS::EC2::Instance",
      "    Metadata:",
      "      AWS::CloudFormation::Init:",
      "        configSets:",
      "          default: [a, b]",
      "        a:",
      "          commands:",
      "            01:",
      "              command: [echo, hi]",
      "              ignoreErrors: true",
      "              bogus: 1",
      "          files:",
      "            /etc/x:",
      "              content: hi",
      '              mode: "0644"',
      "              encoding: utf8",
      "            /etc/y:",
      '              content: !Sub "x"',
      "              mode: 000644",
      "          packages:",
      "            yum:",
      "              httpd: []",
      "            brew:",
      "              x: []",
      "          services:",
      "            sysvinit:",
      "              httpd:",
      '                enabled: "true"',
      "                ensureRunning: yes",
      "                files: /etc/x",
      "          users:",
      "            bob:",
      "              uid: 50",
      "              groups: admin",
      "          unknownsection: 1",
      "        b: []",
      "    Properties:",
      "      ImageId: ami-12345678",
    );
    expect(brief(findings)).toEqual([
      "E3009 13:15",
      "E3009 18:25",
      "E3009 25:13",
      "E3009 32:24",
      "E3009 36:23",
      "E3009 38:12",
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      "In config 'a' of AWS::CloudFormation::Init of Instance, command '01' has 'bogus', which cfn-init does not read there; it reads command, env, cwd, test, ignoreErrors, waitAfterCompletion",
      "In config 'a' of AWS::CloudFormation::Init of Instance, encoding of file '/etc/x' must be plain or base64",
      "In config 'a' of AWS::CloudFormation::Init of Instance, packages has 'brew', which cfn-init does not read there; it reads apt, msi, python, rpm, rubygems, yum, zypper",
      "In config 'a' of AWS::CloudFormation::Init of Instance, files of sysvinit service 'httpd' must be a list",
      "In config 'a' of AWS::CloudFormation::Init of Instance, groups of user 'bob' must be a list",
      "Config 'b' of AWS::CloudFormation::Init of Instance must be a mapping (of packages, files, commands, ...)",
    ]);
  });

  it("reads configSets, modes, env values and service packages, and takes what cfn-init takes", () => {
    // cfn-lint 1.51 does not read configSets (9:48, 11:32); it reports the list command at 24:15,
    // which cfn-init's documentation allows, and mode "0644" at 16:15, which cfn-init reads as octal.
    const findings = check(
      "Conditions:",
      "  Prod: !Equals [!Ref AWS::StackName, prod]",
      "Resources:",
      "  Instance:",
      "    Type: AWS::EC2::Instance",
      "    Metadata:",
      "      AWS::CloudFormation::Init:",
      "        configSets:",
      "          default: [setup, {ConfigSet: extra}, missing]",
      "          extra: [web]",
      "          broken: [{ConfigSet: nothing}]",
      "        setup:",
      "          files:",
      "            /etc/motd:",
      "              content: !If [Prod, hello, bye]",
      '              mode: "0644"',
      "              owner: root",
      "            /etc/app.json:",
      "              content:",
      "                key: value",
      "              mode: rw-r--r--",
      "          commands:",
      "            a:",
      "              command: [echo, hi]",
      "              env:",
      "                A: b",
      "                B: [c]",
      "          services:",
      "            systemd:",
      "              app:",
      "                enabled: true",
      '                ensureRunning: "true"',
      "                files: [/etc/app.json]",
      "                packages:",
      "                  yum: httpd",
      "            upstart: {}",
      "        web:",
      "          sources:",
      "            /var/www: https://example.com/site.zip",
      "          users:",
      "            web:",
      "              uid: 500",
      "          groups:",
      "            web: {}",
      "          anything: ignored",
      "    Properties:",
      "      ImageId: ami-12345678",
    );
    expect(brief(findings)).toEqual([
      "E3009 9:48",
      "E3009 11:32",
      "E3009 21:21",
      "E3009 27:20",
      "E3009 35:24",
      "E3009 36:13",
    ]);
    expect(findings[0].message).toBe(
      "Config set 'default' of AWS::CloudFormation::Init of Instance names config 'missing', which the Init does not have",
    );
    expect(findings[1].message).toBe(
      "Config set 'broken' of AWS::CloudFormation::Init of Instance includes config set 'nothing', which the Init does not have",
    );
    expect(findings[2].message).toContain(
      "mode of file '/etc/app.json' must be an octal mode of up to six digits",
    );
    expect(findings[3].message).toContain("variable 'B' must be a string");
    expect(findings[4].message).toContain("package manager 'yum' must be a list");
    expect(findings[5].message).toContain("services has 'upstart'");
  });

  it("leaves an Init given by an intrinsic, and one that is not a mapping is reported once", () => {
    const findings = check(
      "Conditions:",
      "  Prod: !Equals [!Ref AWS::StackName, prod]",
      "Resources:",
      "  A:",
      "    Type: AWS::EC2::Instance",
      "    Metadata:",
      "      AWS::CloudFormation::Init: !If [Prod, {config: {packages: {brew: {}}}}, !Ref AWS::NoValue]",
      "    Properties:",
      "      ImageId: ami-12345678",
      "  B:",
      "    Type: AWS::EC2::Instance",
      "    Metadata:",
      "      AWS::CloudFormation::Init: [config]",
      "    Properties:",
      "      ImageId: ami-12345678",
    );
    expect(brief(findings)).toEqual(["E3009 13:34"]);
  });
});
