/**
 * W2511: policy documents in IAM's old policy language (Version 2008-10-17, or no Version where a
 * policy variable is used). The fixtures were also run through cfn-lint 1.51, whose findings are
 * noted where they differ.
 */
import { describe, expect, it } from "vitest";
import { brief, lint, samFunction, yaml } from "../lint";

describe("W2511 policy documents in the old policy language", () => {
  it("reports Version 2008-10-17 in identity, resource and trust policies, and a variable without Version", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  HomePolicy:",
        "    Type: AWS::IAM::Policy",
        "    Properties:",
        "      PolicyName: home",
        "      Groups: [developers]",
        "      PolicyDocument:",
        "        Version: '2008-10-17'",
        "        Statement:",
        "          - Effect: Allow",
        "            Action: s3:*",
        "            Resource: arn:aws:s3:::home/${aws:username}/*",
        "  Bucket:",
        "    Type: AWS::S3::Bucket",
        "  BucketPolicy:",
        "    Type: AWS::S3::BucketPolicy",
        "    Properties:",
        "      Bucket: !Ref Bucket",
        "      PolicyDocument:",
        "        Version: 2008-10-17",
        "        Statement:",
        "          - Effect: Deny",
        "            Principal: '*'",
        "            Action: s3:*",
        "            Resource: !Sub ${Bucket.Arn}/*",
        "            Condition:",
        "              Bool:",
        "                aws:SecureTransport: false",
        "  Role:",
        "    Type: AWS::IAM::Role",
        "    Properties:",
        "      AssumeRolePolicyDocument:",
        "        Statement:",
        "          - Effect: Allow",
        "            Principal:",
        "              Service: lambda.amazonaws.com",
        "            Action: sts:AssumeRole",
        "      Policies:",
        "        - PolicyName: own-prefix",
        "          PolicyDocument:",
        "            Statement:",
        "              - Effect: Allow",
        "                Action: s3:GetObject",
        "                Resource: !Sub arn:${AWS::Partition}:s3:::home/${!aws:PrincipalTag/team}/*",
      ),
      { only: ["W2511"] },
    );
    // cfn-lint reports lines 8 and 20 (at the Version key), and not the document without Version.
    expect(brief(findings)).toEqual(["W2511 8:18", "W2511 20:18", "W2511 40:11"]);
    expect(findings.map((f) => f.message)).toEqual([
      "Version 2008-10-17 is IAM's old policy language, in which ${aws:username} is literal text; write Version: " +
        "'2012-10-17'",
      "Version 2008-10-17 is IAM's old policy language, in which policy variables such as ${aws:username} are " +
        "literal text, and not for new policies; write Version: '2012-10-17'",
      "The policy document has no Version, so IAM reads it in the old policy language (2008-10-17), in which " +
        "${aws:PrincipalTag/team} is literal text; add Version: '2012-10-17'",
    ]);
    expect(findings[2].path).toEqual(["Resources", "Role", "Properties", "Policies", 0, "PolicyDocument"]);
  });

  it("reports a SAM function's inline document without Version that uses a variable, and leaves the others alone", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        ...samFunction(
          "Handler",
          "Policies:",
          "  - Statement:",
          "      - Effect: Allow",
          "        Action: s3:GetObject",
          "        Resource: !Sub arn:${AWS::Partition}:s3:::${AWS::AccountId}-assets/*",
          "  - Version: '2012-10-17'",
          "    Statement:",
          "      - Effect: Allow",
          "        Action: s3:GetObject",
          "        Resource: arn:aws:s3:::home/${aws:username}/*",
          "  - Statement:",
          "      - Effect: Allow",
          "        Action: s3:PutObject",
          "        Resource: arn:aws:s3:::home/${aws:userid}/*",
        ),
      ),
      { only: ["W2511"] },
    );
    // The first document has no variable (Fn::Sub's own references are not ones), the second a Version.
    expect(brief(findings)).toEqual(["W2511 19:11"]);
    expect(findings[0].message).toBe(
      "The policy document has no Version, so IAM reads it in the old policy language (2008-10-17), in which " +
        "${aws:userid} is literal text; add Version: '2012-10-17'",
    );
  });
  it("reads each Version a Fn::If gives where the policy may take it", () => {
    const findings = lint(
      yaml(
        "Conditions:",
        "  Legacy: !Equals [!Ref AWS::Region, us-gov-west-1]",
        "Resources:",
        "  HomePolicy:",
        "    Type: AWS::IAM::ManagedPolicy",
        "    Properties:",
        "      PolicyDocument:",
        "        Version: !If [Legacy, '2008-10-17', '2012-10-17']",
        "        Statement:",
        "          - Effect: Allow",
        "            Action: s3:*",
        "            Resource: arn:aws:s3:::home/${aws:username}/*",
        "  Modern:",
        "    Type: AWS::IAM::ManagedPolicy",
        "    Condition: Legacy",
        "    Properties:",
        "      PolicyDocument:",
        "        Version: !If [Legacy, '2012-10-17', '2008-10-17']",
        "        Statement:",
        "          - Effect: Allow",
        "            Action: s3:*",
        "            Resource: arn:aws:s3:::home/${aws:username}/*",
      ),
      { only: ["W2511"] },
    );
    // Modern is made where Legacy is true, and takes 2012-10-17 there.
    expect(brief(findings)).toEqual(["W2511 8:31"]);
    expect(findings[0].message).toBe(
      "Version 2008-10-17 is IAM's old policy language, in which ${aws:username} is literal text; write Version: " +
        "'2012-10-17'",
    );
  });
});
