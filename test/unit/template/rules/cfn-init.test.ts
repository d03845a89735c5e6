/**
 * E3009: AWS::CloudFormation::Init metadata follows the structure cfn-init reads. The fixtures
 * were also run through cfn-lint 1.51; where it differs, the test says so.
 */
import { describe, expect, it } from "vitest";
import { brief, lint, yaml } from "../lint";

const check = (...lines: string[]) => lint(yaml(...lines), { only: ["E3009"] });

/**
 * An instance `name` whose AWS::CloudFormation::Init holds `init`, lines written out in full (a
 * config's key indented eight spaces): four lines, the `init` lines, then two of its Properties
 * (ImageId: ami-12345678).
 */
function initInstance(name: string, ...init: string[]): string[] {
  return [
    `  ${name}:`,
    "    Type: AWS::EC2::Instance",
    "    Metadata:",
    "      AWS::CloudFormation::Init:",
    ...init,
    "    Properties:",
    "      ImageId: ami-12345678",
  ];
}

describe("E3009 cfn-init metadata", () => {
  it("reports unknown keys, package managers and service kinds, wrong kinds of value and a config that is no mapping", () => {
    // cfn-lint 1.51 reports the same, except the command key 01 (it reads the YAML key as the
    // number 1 and reports that instead of 'bogus'), and it adds "minimum length: 6" for mode "0644".
    // The key is named '1', as YAML 1.1 reads it (W3940 warns of it).
    const findings = check(
      "Resources:",
      ...initInstance(
        "Instance",
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
      ),
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
      "In config 'a' of AWS::CloudFormation::Init of Instance, command '1' has 'bogus', which cfn-init does not read there; it reads command, env, cwd, test, ignoreErrors, waitAfterCompletion, runas, defaults",
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
      ...initInstance(
        "Instance",
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
      ),
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

  it("reads each branch of a Fn::If (an Init, a config, a section, a value) and leaves other intrinsics; an Init that is no mapping is reported once", () => {
    // cfn-lint 1.51 reports the same four (the encoding at its key, 27:52), and the list Init under
    // E3028 too.
    const findings = check(
      "Conditions:",
      "  Prod: !Equals [!Ref AWS::StackName, prod]",
      "  Web: !Equals [!Ref AWS::Region, us-east-1]",
      "Mappings:",
      "  M:",
      "    a:",
      '      b: "000644"',
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
      ...initInstance(
        "C",
        "        config: !If",
        "          - Prod",
        "          - files: !If [Web, {/etc/a: {content: a, encoding: utf-8}}, !Ref AWS::NoValue]",
        "          - users:",
        "              web: {groups: !If [Web, [web], web], uid: !Ref AWS::AccountId}",
        "            files:",
        "              /etc/b: {content: b, mode: !FindInMap [M, a, b]}",
      ),
    );
    expect(brief(findings)).toEqual(["E3009 12:66", "E3009 18:34", "E3009 27:62", "E3009 29:46"]);
    expect(findings[2].message).toBe(
      "In config 'config' of AWS::CloudFormation::Init of C, encoding of file '/etc/a' must be plain or base64",
    );
    expect(findings[3].message).toContain("groups of user 'web' must be a list");
  });

  it("takes the command and service keys cfn-init reads beyond its documentation", () => {
    // cfn-init runs a test given as a list like a command given as one (without a shell), runs the
    // command as `runas`, takes defaults from the output of `defaults`, and restarts a service
    // when its users or groups change. cfn-lint 1.51 reports all five (and the command given as a
    // list, as the second test says).
    const findings = check(
      "Resources:",
      ...initInstance(
        "Instance",
        "        config:",
        "          commands:",
        "            start:",
        "              command: [/opt/app/start]",
        "              test: [test, -e, /opt/app/start]",
        "              runas: app",
        "              defaults: /opt/app/defaults",
        "          services:",
        "            sysvinit:",
        "              app:",
        "                ensureRunning: true",
        "                users: [app]",
        "                groups: [app]",
      ),
    );
    expect(findings).toEqual([]);
  });

  it("reports, beyond cfn-lint, a file with neither content nor source or with a relative path, and a command without command", () => {
    // cfn-init stops at each of these ("File specified without source or content", "File specified
    // with non-absolute path", "... does not specify the 'command' attribute"); cfn-lint 1.51 reports
    // none of them (only b's defaults, which it does not know). A command's defaults may give its
    // command, and Windows paths are absolute too.
    const findings = check(
      "Resources:",
      ...initInstance(
        "Instance",
        "        config:",
        "          files:",
        "            /etc/app.conf:",
        '              mode: "000644"',
        "            etc/other.conf:",
        "              content: x",
        "            c:\\cfn\\cfn-hup.conf:",
        "              source: https://example.com/cfn-hup.conf",
        "            '\\\\server\\share\\x': {content: x}",
        "            /etc/link: {content: /etc/app.conf, mode: '120644'}",
        "          commands:",
        "            a:",
        "              cwd: /tmp",
        "            b:",
        "              defaults: /opt/app/defaults",
        "            c: {command: !Ref AWS::NoValue}",
      ),
    );
    expect(brief(findings)).toEqual(["E3009 8:13", "E3009 10:13", "E3009 17:13"]);
    expect(findings.map((f) => f.message)).toEqual([
      "In config 'config' of AWS::CloudFormation::Init of Instance, file '/etc/app.conf' has neither content nor source, and cfn-init stops there: it writes a file from one of them",
      "In config 'config' of AWS::CloudFormation::Init of Instance, file 'etc/other.conf' is not an absolute path, and cfn-init stops there",
      "In config 'config' of AWS::CloudFormation::Init of Instance, command 'a' has no command to run, and cfn-init stops there",
    ]);
  });

  it("reads configSets as cfn-init does: nested lists, one name or reference for a set, numbers, items that are neither", () => {
    // cfn-lint 1.51 reads none of this (it reports the keys 1 and 2.50 of the Init, which it reads
    // as numbers). cfn-init flattens nested lists, takes a set given as one name or one
    // {ConfigSet: ...}, and refuses a mapping without ConfigSet. A number is compared with the keys
    // as a number (2.5 with `2.50:`), so that no config is said to be missing that a key may name.
    const findings = check(
      "Conditions:",
      "  Prod: !Equals [!Ref AWS::StackName, prod]",
      "Resources:",
      ...initInstance(
        "Instance",
        "        configSets:",
        "          default: [[1, [2.5, {ConfigSet: one}]], nothing]",
        "          one: web",
        "          two: {ConfigSet: one}",
        "          three: [{Name: web}, 3]",
        "          four: !If [Prod, [web], [absent]]",
        "        1: {}",
        "        2.50: {}",
        "        web: {}",
      ),
    );
    expect(brief(findings)).toEqual(["E3009 9:51", "E3009 12:19", "E3009 12:32", "E3009 13:36"]);
    expect(findings[1].message).toBe(
      "Config set 'three' of AWS::CloudFormation::Init of Instance has a mapping without ConfigSet; cfn-init " +
        "takes a config's name or {ConfigSet: <config set name>} there",
    );
    expect(findings[2].message).toBe(
      "Config set 'three' of AWS::CloudFormation::Init of Instance names config '3', which the Init does not have",
    );
  });
});

describe("W3941 cfn-init command order", () => {
  const order = (...lines: string[]) => lint(yaml(...lines), { only: ["W3941"] });

  it("warns where a command runs before one written ahead of it, once per commands section", () => {
    const findings = order(
      "Resources:",
      ...initInstance(
        "Instance",
        "        install:",
        "          commands:",
        ...Array.from({ length: 10 }, (_, i) => [
          `            step${i + 1}:`,
          `              command: echo ${i + 1}`,
        ]).flat(),
        "        setup:",
        "          commands:",
        "            b_start:",
        "              command: start",
        "            a_configure:",
        "              command: configure",
      ),
    );
    // step10 sorts before step2; a_configure before b_start.
    expect(brief(findings)).toEqual(["W3941 26:13", "W3941 32:13"]);
    expect(findings[0].message).toBe(
      "cfn-init runs the commands of config 'install' of AWS::CloudFormation::Init of Instance in alphabetical " +
        "order of their names, so 'step10' runs before 'step2', which is written ahead of it; name them so that they " +
        "sort in the order meant (zero-padded and quoted, as '02' and '10', or 02_install)",
    );
  });

  it("reads unquoted numbered names as YAML 1.1 names them: 01 to 07 are '1' to '7', 08 and 09 stay", () => {
    const findings = order(
      "Resources:",
      ...initInstance(
        "Instance",
        "        config:",
        "          commands:",
        ...["07", "08", "09"].flatMap((key) => [`            ${key}:`, `              command: echo ${key}`]),
      ),
    );
    // '08' and '09' sort before '7'.
    expect(brief(findings)).toEqual(["W3941 10:13"]);
    expect(findings[0].message).toContain("so '08' runs before '7'");
  });

  it("is silent for names written in the order they sort, quoted padding, and each Fn::If branch alone", () => {
    const findings = order(
      "Conditions:",
      "  Prod: !Equals [!Ref AWS::StackName, prod]",
      "Resources:",
      ...initInstance(
        "Instance",
        "        config:",
        "          commands:",
        ...["'01'", "'02'", "'10'", "20_start"].flatMap((key) => [
          `            ${key}:`,
          "              command: x",
        ]),
        "        other:",
        "          commands: !If",
        "            - Prod",
        "            - {a: {command: x}, b: {command: y}}",
        "            - {c: {command: x}}",
      ),
    );
    expect(findings).toEqual([]);
  });
});
