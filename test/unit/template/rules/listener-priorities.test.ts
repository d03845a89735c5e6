/**
 * E3964: listener rules of one listener with the same priority.
 */
import { describe, expect, it } from "vitest";
import { brief, lint, located, yaml } from "../lint";

const rule = (name: string, listener: string, priority: string, ...more: string[]) => [
  `  ${name}:`,
  "    Type: AWS::ElasticLoadBalancingV2::ListenerRule",
  ...more,
  "    Properties:",
  `      ListenerArn: ${listener}`,
  `      Priority: ${priority}`,
  "      Conditions: [{ Field: path-pattern, Values: [/api/*] }]",
  "      Actions: [{ Type: forward, TargetGroupArn: arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/app/0123456789abcdef }]",
];

describe("E3964 listener rule priorities", () => {
  it("reports a priority a rule of the same listener already has", () => {
    const findings = lint(
      yaml(
        "Conditions:",
        "  Prod: !Equals [!Ref AWS::Region, us-east-1]",
        "  Dev: !Not [!Condition Prod]",
        "Resources:",
        "  Http:",
        "    Type: AWS::ElasticLoadBalancingV2::Listener",
        "    Properties:",
        "      LoadBalancerArn: arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/web/0123456789abcdef",
        "      Port: 80",
        "      Protocol: HTTP",
        "      DefaultActions: [{ Type: fixed-response, FixedResponseConfig: { StatusCode: '404' } }]",
        ...rule("Api", "!Ref Http", "1"),
        ...rule("Again", "!Ref Http", "'1'", "    Condition: Prod"),
        ...rule("Next", "!Ref Http", "2"),
        ...rule(
          "OtherListener",
          "arn:aws:elasticloadbalancing:us-east-1:111122223333:listener/app/web/0123456789abcdef/0123456789abcdef",
          "1",
        ),
        ...rule("ProdOnly", "!Ref Http", "3", "    Condition: Prod"),
        ...rule("DevOnly", "!Ref Http", "3", "    Condition: Dev"),
      ),
      { only: ["E3964"] },
    );
    expect(located(findings)).toEqual([
      "E3964 24 listener rule Again has Priority 1, which listener rule Api of the same listener has too, and the " +
        "load balancer refuses a second rule of one priority (PriorityInUse); give each rule of the listener its " +
        "own priority",
    ]);
    expect(brief(findings)).toEqual(["E3964 24:17"]);
  });
});
