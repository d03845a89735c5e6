/** Test helper: template fixture lines, without the rules (end-to-end tests write templates with them too). */

/** A YAML template from its lines, one argument a line, so each fixture line reads as written. */
export function yaml(...lines: string[]): string {
  return `${lines.join("\n")}\n`;
}

/**
 * An AWS::Lambda::Function `name` (python3.12, inline code) as fixture lines: seven lines, then
 * `extra` lines of its Properties.
 */
export function lambdaFunction(
  name: string,
  role = "arn:aws:iam::123456789012:role/x",
  ...extra: string[]
): string[] {
  return [
    `  ${name}:`,
    "    Type: AWS::Lambda::Function",
    "    Properties:",
    "      Runtime: python3.12",
    "      Handler: index.handler",
    `      Role: ${role}`,
    '      Code: { ZipFile: "def handler(e, c): pass" }',
    ...extra.map((line) => `      ${line}`),
  ];
}

/**
 * An AWS::Lambda::Permission `name` that lets `principal` invoke `functionName` (as written: `!Ref
 * Fn`, `!GetAtt Fn.Arn`) as fixture lines: six lines, then `extra` lines of its Properties.
 */
export function lambdaPermission(
  name: string,
  functionName: string,
  principal = "s3.amazonaws.com",
  ...extra: string[]
): string[] {
  return [
    `  ${name}:`,
    "    Type: AWS::Lambda::Permission",
    "    Properties:",
    `      FunctionName: ${functionName}`,
    "      Action: lambda:InvokeFunction",
    `      Principal: ${principal}`,
    ...extra.map((line) => `      ${line}`),
  ];
}
