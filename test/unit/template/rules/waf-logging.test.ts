// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the templates under test use CloudFormation's ${} syntax
/**
 * E3955: a WAFv2 logging destination whose name does not start with aws-waf-logs-.
 */
import { describe, expect, it } from "vitest";
import { lint, located, yaml } from "../lint";

const logging = (name: string, destination: string) => [
  `  ${name}:`,
  "    Type: AWS::WAFv2::LoggingConfiguration",
  "    Properties:",
  "      ResourceArn: arn:aws:wafv2:us-east-1:123456789012:regional/webacl/acl/abcd",
  `      LogDestinationConfigs: [${destination}]`,
];

describe("E3955 WAF log destinations", () => {
  it("reports a destination named otherwise, by GetAtt, written out or by Sub, and leaves prefixed, unknown and dynamic names", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Name: { Type: String }",
        "Resources:",
        "  Plain:",
        "    Type: AWS::Logs::LogGroup",
        "    Properties: { LogGroupName: /aws/wafv2/fail2ban }",
        "  Prefixed:",
        "    Type: AWS::Logs::LogGroup",
        "    Properties: { LogGroupName: !Sub 'aws-waf-logs-${AWS::StackName}' }",
        "  Unnamed:",
        "    Type: AWS::Logs::LogGroup",
        ...logging("ToPlain", "!GetAtt Plain.Arn"),
        ...logging("ToPrefixed", "!GetAtt Prefixed.Arn"),
        ...logging("ToUnnamed", "!GetAtt Unnamed.Arn"),
        ...logging("Written", "'arn:aws:s3:::my-logs'"),
        ...logging(
          "BySub",
          "!Sub 'arn:${AWS::Partition}:firehose:${AWS::Region}:${AWS::AccountId}:deliverystream/waf-${Name}'",
        ),
        ...logging("ByParam", "!Sub 'arn:aws:logs:${AWS::Region}:${AWS::AccountId}:log-group:${Name}'"),
        ...logging(
          "PrefixParam",
          "!Sub 'arn:aws:logs:${AWS::Region}:${AWS::AccountId}:log-group:aws-waf-${Name}'",
        ),
        ...logging("Dynamic", "'arn:aws:logs:us-east-1:123456789012:log-group:{{resolve:ssm:/waf/group}}'"),
      ),
      { only: ["E3955"] },
    );
    expect(located(findings)).toEqual([
      "E3955 16 WAF logs only to a destination whose name starts with aws-waf-logs-, and the LogGroupName of Plain " +
        "is '/aws/wafv2/fail2ban': WAF refuses the logging configuration, so the stack fails; rename the destination " +
        "aws-waf-logs-...",
      expect.stringMatching(/^E3955 31 WAF logs only .*, and the destination's name is 'my-logs':/),
      expect.stringMatching(/^E3955 36 WAF logs only .*, and the destination's name is 'waf-\.\.\.':/),
    ]);
  });
});
