/**
 * The characters a pattern can match, and W1031 on a value whose written part holds one it never
 * matches, with a part only the deploy knows (the stack's name).
 */
import { describe, expect, it } from "vitest";
import { patternAlphabet } from "../../../../src/template/rules/constraints/pattern-alphabet";
import { brief, lint, yaml } from "../lint";

const chars = (source: string, flags?: string) => {
  const found = patternAlphabet(source, flags);
  return found === undefined ? undefined : [...found].sort().join("");
};

describe("patternAlphabet", () => {
  it("reads literals, escapes, classes and ranges, and skips lookarounds, anchors and quantifiers", () => {
    expect(chars("^([a-c0-2][a-c.-]*[a-c0-2])?$")).toBe("-.012abc");
    expect(chars("^(?!xn--)[a-b\\d]{3,63}(?<!-s3alias)$")).toBe("0123456789ab");
    expect(chars("^arn:aws:s3:::\\w+$")).toBe(chars("^arn:aws:s3:::[A-Za-z0-9_]+$"));
    expect(chars("^[a-b]+$", "i")).toBe("ABab");
    expect(chars("^a\\.b\\x41$")).toBe(".Aab");
  });

  it("gives nothing for a pattern that may match any character", () => {
    expect(chars("^.*$")).toBeUndefined();
    expect(chars("^[^/]+$")).toBeUndefined();
    expect(chars("^\\S+$")).toBeUndefined();
    expect(chars("^\\p{L}+$")).toBeUndefined();
    expect(chars("^(a)\\1$")).toBeUndefined();
  });
});

describe("W1031 on a written part no value of the unknown part can mend", () => {
  it("reports a bucket name whose written part holds a capital, whatever the stack's name", () => {
    // Round 46: `${AWS::StackName}-exports-${Stage}` with Stage Dev or Prod.
    const findings = lint(
      yaml(
        "Parameters:",
        "  Stage: { Type: String, Default: Dev, AllowedValues: [Dev, Prod] }",
        "Resources:",
        "  Exports:",
        "    Type: AWS::S3::Bucket",
        "    Properties:",
        "      BucketName: !Sub ${AWS::StackName}-exports-${Stage}",
        "  Lower:",
        "    Type: AWS::S3::Bucket",
        "    Properties:",
        "      BucketName: !Sub ${AWS::StackName}-exports-${AWS::Region}",
        "  Queue:",
        "    Type: AWS::SQS::Queue",
        "    Properties:",
        "      QueueName: !Sub ${AWS::StackName}-Jobs",
      ),
      { only: ["W1031"] },
    );
    expect(brief(findings)).toEqual(["W1031 7:19", "W1031 7:19"]);
    expect(findings[0].message).toBe(
      "Fn::Sub gives '…-exports-Dev' (with the Default of parameter 'Stage'), whatever the part only the deploy " +
        "knows (…): 'BucketName' of AWS::S3::Bucket must match the pattern ^([a-z0-9][a-z0-9.-]*[a-z0-9])?$, which " +
        "no text with 'D' in it matches",
    );
    expect(findings[1].message).toMatch(/^Fn::Sub gives '…-exports-Prod' \(with AllowedValues\[1\]/);
  });
});

describe("what W1031's unknown-part check leaves alone", () => {
  it("leaves a pattern matched as a search, and a dynamic reference the text makes", () => {
    expect(patternAlphabet("[0-z]*")).toBeUndefined();
    expect(patternAlphabet("^a|b$")).toBeUndefined();
    expect(patternAlphabet("^a\\$")).toBeUndefined();
    const findings = lint(
      yaml(
        "Resources:",
        "  Cluster:",
        "    Type: AWS::RDS::DBCluster",
        "    Properties:",
        "      Engine: aurora-postgresql",
        "      MasterUsername: !Join ['', ['{{resolve:secretsmanager:', !Ref Secret, ':SecretString:username}}']]",
        "      MasterUserPassword: !Sub '{{resolve:secretsmanager:${Secret}::password}}'",
        "  Secret:",
        "    Type: AWS::SecretsManager::Secret",
      ),
      { only: ["W1031", "W1032"] },
    );
    expect(findings).toEqual([]);
  });
});
