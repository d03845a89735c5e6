/** Test helper: validate a literal template with the real parser, spec index and rules. */
import type { Finding } from "../../../src/template/model";
import type { NestedTemplates } from "../../../src/template/nested";
import { allRules } from "../../../src/template/rules/index";
import { loadSpec } from "../../../src/template/spec/index";
import { validateSource } from "../../../src/template/validate-text";

export { lambdaFunction, lambdaPermission, yaml } from "./fixtures";

const spec = loadSpec();

export interface LintOptions {
  file?: string;
  /** Run only these rule ids (the parser's E0000 findings are always kept). */
  only?: string[];
  /** The nested templates the file's nested stacks name, as check.ts would have read them. */
  nested?: NestedTemplates;
  /** The name of the stack the template is deployed as, as a deploy gives it. */
  stackName?: string;
  /** The values a deploy passes for the template's parameters. */
  parameterValues?: Record<string, string>;
}

export function lint(source: string, options: LintOptions = {}): Finding[] {
  const rules = options.only ? allRules.filter((rule) => options.only?.includes(rule.id)) : allRules;
  return validateSource(source, options.file ?? "template.yaml", {
    spec,
    rules,
    nested: options.nested,
    ...(options.stackName === undefined ? {} : { stackName: options.stackName }),
    ...(options.parameterValues === undefined
      ? {}
      : { parameterValues: new Map(Object.entries(options.parameterValues)) }),
  });
}

/** "E3002 12:7" for compact, person-written expectations. */
export function brief(findings: Finding[]): string[] {
  return findings.map((f) => `${f.ruleId} ${f.range.start.line}:${f.range.start.column}`);
}

/** "rule line message" of each finding, where the message is what a test is about. */
export function located(findings: Finding[]): string[] {
  return findings.map((f) => `${f.ruleId} ${f.range.start.line} ${f.message}`);
}

/**
 * A SAM function `name` (python3.12, app.handler, code in src/) as fixture lines, then more of its
 * Properties; a `CodeUri:` among them takes the place of src/.
 */
export function samFunction(name: string, ...properties: string[]): string[] {
  const code = properties.some((line) => line.startsWith("CodeUri:")) ? [] : ["      CodeUri: src/"];
  return [
    `  ${name}:`,
    "    Type: AWS::Serverless::Function",
    "    Properties:",
    "      Runtime: python3.12",
    "      Handler: app.handler",
    ...code,
    ...properties.map((line) => `      ${line}`),
  ];
}

/**
 * A SAM template's opening as fixture lines: the Transform line, `Globals:`, `  <section>:`, then
 * `lines` under the section (each indented four spaces).
 */
export function samGlobals(section: string, ...lines: string[]): string[] {
  return [
    "Transform: AWS::Serverless-2016-10-31",
    "Globals:",
    `  ${section}:`,
    ...lines.map((line) => `    ${line}`),
  ];
}

/**
 * An AWS::Serverless::Api `name` of stage prod as fixture lines: four lines, the last
 * `      StageName: prod`, then `properties` lines of its Properties.
 */
export function samApi(name: string, ...properties: string[]): string[] {
  return [
    `  ${name}:`,
    "    Type: AWS::Serverless::Api",
    "    Properties:",
    "      StageName: prod",
    ...properties.map((line) => `      ${line}`),
  ];
}

/**
 * An AWS::EC2::Instance `name` of image ami-12345678 as fixture lines: four lines, the last
 * `      ImageId: ami-12345678`. The lines after it, indented six spaces, are more of its Properties.
 */
export function ec2Instance(name: string): string[] {
  return [`  ${name}:`, "    Type: AWS::EC2::Instance", "    Properties:", "      ImageId: ami-12345678"];
}

/**
 * An AWS::EC2::SpotFleet `name` as fixture lines: six lines, the last two the IamFleetRole
 * (arn:aws:iam::123456789012:role/fleet) and TargetCapacity of its SpotFleetRequestConfigData. The
 * lines after it, indented eight spaces, are more of that mapping (its LaunchSpecifications).
 */
export function spotFleet(name: string): string[] {
  return [
    `  ${name}:`,
    "    Type: AWS::EC2::SpotFleet",
    "    Properties:",
    "      SpotFleetRequestConfigData:",
    "        IamFleetRole: arn:aws:iam::123456789012:role/fleet",
    "        TargetCapacity: 1",
  ];
}

/**
 * An AWS::IAM::ManagedPolicy `name`, made under Condition `condition` when one is given, as fixture
 * lines ending with its document's `Statement:`; the lines after it, indented ten spaces, are its
 * statements.
 */
export function managedPolicy(name: string, condition?: string): string[] {
  return [
    `  ${name}:`,
    "    Type: AWS::IAM::ManagedPolicy",
    ...(condition ? [`    Condition: ${condition}`] : []),
    "    Properties:",
    "      PolicyDocument:",
    "        Version: '2012-10-17'",
    "        Statement:",
  ];
}

/**
 * A Stage parameter of dev or prod and two conditions that exclude each other, IsProd and IsDev:
 * the sections the tests of values a Fn::If chooses start with.
 */
export const PROD_OR_DEV = [
  "Parameters:",
  "  Stage: { Type: String, AllowedValues: [dev, prod] }",
  "Conditions:",
  "  IsProd: !Equals [!Ref Stage, prod]",
  "  IsDev: !Not [!Condition IsProd]",
];
