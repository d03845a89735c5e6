/** E3902/W3902: roles given to a service whose trust policy does not let it assume them. */
import { describe, expect, it } from "vitest";
import { brief, lambdaFunction, lint, yaml } from "../lint";

const DEFINITION = `      DefinitionString: '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}'`;

describe("E3902 and W3902 role trust", () => {
  it("finds roles whose written-out trust policy leaves out the service that uses them", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  LambdaRole:",
        "    Type: AWS::IAM::Role",
        "    Properties:",
        "      AssumeRolePolicyDocument:",
        '        Version: "2012-10-17"',
        "        Statement:",
        "          - Effect: Allow",
        "            Principal: { Service: [lambda.amazonaws.com, edgelambda.amazonaws.com] }",
        "            Action: sts:AssumeRole",
        "  EcsRole:",
        "    Type: AWS::IAM::Role",
        "    Properties:",
        "      AssumeRolePolicyDocument:",
        "        Statement:",
        "          - Effect: Allow",
        "            Principal: { Service: ecs.amazonaws.com }",
        '            Action: ["sts:*"]',
        "  SubRole:",
        "    Type: AWS::IAM::Role",
        "    Properties:",
        "      AssumeRolePolicyDocument:",
        "        Statement:",
        "          - Effect: Allow",
        '            Principal: { Service: !Sub "states.${AWS::Region}.amazonaws.com" }',
        "            Action: sts:AssumeRole",
        ...lambdaFunction("Fn", "!GetAtt LambdaRole.Arn"),
        ...lambdaFunction("WrongFn", "!GetAtt EcsRole.Arn"),
        "  Machine:",
        "    Type: AWS::StepFunctions::StateMachine",
        "    Properties:",
        "      RoleArn: !GetAtt LambdaRole.Arn",
        DEFINITION,
        "  RegionalMachine:",
        "    Type: AWS::StepFunctions::StateMachine",
        "    Properties:",
        "      RoleArn: !GetAtt SubRole.Arn",
        DEFINITION,
        "  Task:",
        "    Type: AWS::ECS::TaskDefinition",
        "    Properties:",
        "      ExecutionRoleArn: !GetAtt EcsRole.Arn",
        "      ContainerDefinitions: []",
        "  Rule:",
        "    Type: AWS::Events::Rule",
        "    Properties:",
        "      ScheduleExpression: rate(1 hour)",
        "      Targets:",
        "        - Id: fn",
        "          Arn: !GetAtt Fn.Arn",
        "        - Id: machine",
        "          Arn: !Ref Machine",
        "          RoleArn: !GetAtt LambdaRole.Arn",
      ),
      { only: ["E3902", "W3902"] },
    );
    expect(brief(findings)).toEqual(["E3902 39:13", "E3902 44:16", "W3902 54:25", "W3902 65:20"]);
    expect(findings[0].message).toBe(
      "Role 'EcsRole' does not let lambda.amazonaws.com assume it (no Allow statement of its " +
        "AssumeRolePolicyDocument names that service for sts:AssumeRole), so function 'WrongFn' fails to create; " +
        "add lambda.amazonaws.com to Principal.Service of the role's trust policy",
    );
    expect(findings[2].message).toContain(
      "so task definition 'Task' deploys but fails each time it uses the role; add ecs-tasks.amazonaws.com",
    );
  });

  it("counts what it cannot read as trusting: a Principal of * (or AWS: *), NotAction, statements from functions", () => {
    const role = (name: string, ...statement: string[]) => [
      `  ${name}:`,
      "    Type: AWS::IAM::Role",
      "    Properties:",
      "      AssumeRolePolicyDocument:",
      ...statement.map((line) => `        ${line}`),
    ];
    const findings = lint(
      yaml(
        "Parameters:",
        "  Trust:",
        "    Type: String",
        "Resources:",
        ...role("Anyone", "Statement:", "  - { Effect: Allow, Principal: '*', Action: sts:AssumeRole }"),
        ...role(
          "Not",
          "Statement:",
          "  - { Effect: Allow, Principal: { Service: x.amazonaws.com }, NotAction: s3:* }",
        ),
        ...role("Dynamic", "Statement: !If [Never, [], []]"),
        ...role(
          "AnyAccount",
          "Statement:",
          "  - { Effect: Allow, Principal: { AWS: '*' }, Action: sts:AssumeRole }",
        ),
        ...role(
          "AnyInList",
          "Statement:",
          "  - { Effect: Allow, Principal: { AWS: ['arn:aws:iam::123456789012:root', '*'] }, Action: sts:AssumeRole }",
        ),
        ...role(
          "Wildcard",
          "Statement:",
          "  - { Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: 'sts:Assume*' }",
        ),
        ...["Anyone", "Not", "Dynamic", "Wildcard", "AnyAccount", "AnyInList"].flatMap((name) =>
          lambdaFunction(`${name}Fn`, `!GetAtt ${name}.Arn`),
        ),
      ),
      { only: ["E3902", "W3902"] },
    );
    expect(findings).toEqual([]);
  });

  describe("a trust policy a dynamic reference completes", () => {
    /** Roles for a Lambda function, each with one element given as `value(text)`. */
    const template = (value: (text: string) => string) =>
      yaml(
        "Resources:",
        ...[
          [
            "EffectRole",
            `{ Effect: ${value("Allowed")}, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }`,
          ],
          [
            "ActionRole",
            `{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: ${value("sts:TagSession")} }`,
          ],
          ["PrincipalRole", `{ Effect: Allow, Principal: ${value("everyone")}, Action: sts:AssumeRole }`],
          [
            "ServiceRole",
            `{ Effect: Allow, Principal: { Service: ${value("ecs.amazonaws.com")} }, Action: sts:AssumeRole }`,
          ],
        ].flatMap(([name, statement]) => [
          `  ${name}:`,
          "    Type: AWS::IAM::Role",
          "    Properties:",
          "      AssumeRolePolicyDocument:",
          `        Statement: [${statement}]`,
          ...lambdaFunction(`${name}Fn`, `!GetAtt ${name}.Arn`),
        ]),
      );
    const roles = (findings: { message: string }[]) =>
      findings.map((finding) => /^Role '(\w+)'/.exec(finding.message)?.[1]);

    it("is judged where the same elements are written out", () => {
      const findings = lint(
        template((text) => `'${text}'`),
        { only: ["E3902"] },
      );
      expect(roles(findings)).toEqual(["EffectRole", "ActionRole", "PrincipalRole", "ServiceRole"]);
    });

    it("counts as trusting, since the value is known only at deploy time", () => {
      const findings = lint(
        template((text) => `'{{resolve:ssm:/trust/${text.replace(/[^a-z]/gi, "-")}}}'`),
        { only: ["E3902"] },
      );
      expect(roles(findings)).toEqual([]);
    });
  });
});
