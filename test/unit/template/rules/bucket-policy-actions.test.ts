// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the templates under test use CloudFormation's ${} syntax
/**
 * E3954: a bucket policy statement whose actions all act on objects and whose resources all name
 * the bucket itself.
 */
import { describe, expect, it } from "vitest";
import { lint, located, yaml } from "../lint";

const policy = (name: string, actions: string, resources: string) => [
  `  ${name}:`,
  "    Type: AWS::S3::BucketPolicy",
  "    Properties:",
  "      Bucket: !Ref Site",
  "      PolicyDocument:",
  "        Statement:",
  "          - Effect: Allow",
  "            Principal: { Service: cloudfront.amazonaws.com }",
  `            Action: ${actions}`,
  `            Resource: ${resources}`,
];

describe("E3954 object actions on the bucket alone", () => {
  it("reports object actions on the bucket's ARN, written, by GetAtt or by Sub, and leaves objects and mixed actions", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Name: { Type: String }",
        "Resources:",
        "  Site:",
        "    Type: AWS::S3::Bucket",
        ...policy("BySub", "s3:GetObject", '!Sub "arn:${AWS::Partition}:s3:::${Site}"'),
        ...policy("ByGetAtt", "[s3:GetObject, s3:PutObject]", "!GetAtt Site.Arn"),
        ...policy("Written", "S3:getobject", "arn:aws:s3:::my-site"),
        ...policy("Objects", "s3:GetObject", '!Sub "${Site.Arn}/*"'),
        ...policy("Both", "s3:GetObject", '[!GetAtt Site.Arn, !Sub "${Site.Arn}/*"]'),
        ...policy("Mixed", "[s3:GetObject, s3:ListBucket]", "!GetAtt Site.Arn"),
        ...policy("Wildcard", "s3:GetObject*", "!GetAtt Site.Arn"),
        ...policy("Param", "s3:GetObject", '!Sub "arn:aws:s3:::${Name}"'),
      ),
      { only: ["E3954"] },
    );
    expect(located(findings)).toEqual([
      "E3954 15 Every action of this statement (s3:GetObject) acts on objects, and every Resource names the bucket " +
        "itself: S3 refuses the policy (Action does not apply to any resource(s) in statement); name the objects, as " +
        "!Sub '${Bucket.Arn}/*'",
      expect.stringMatching(
        /^E3954 25 Every action of this statement \(s3:GetObject, s3:PutObject\) acts on objects/,
      ),
      expect.stringMatching(/^E3954 35 Every action of this statement \(S3:getobject\) acts on objects/),
    ]);
  });
});
