import { describe, expect, it } from "vitest";
import { clientConfig, createS3Client, resolveRegion } from "../../../src/aws/clients";
import { describeAwsError, isRetryable, isThrottle } from "../../../src/aws/errors";
import { locateMessage } from "../../../src/stack/deploy";
import { loadTemplate } from "../../../src/stack/template-source";
import { awsError, TEMPLATE } from "./support";

const ctx = { action: "cloudformation:CreateChangeSet", stackName: "app-pr-7" };

describe("describeAwsError", () => {
  it("says how to provide missing credentials", () => {
    const error = Object.assign(new Error("Could not load credentials from any providers"), {
      name: "CredentialsProviderError",
    });
    const mapped = describeAwsError(error, ctx);
    expect(mapped.kind).toBe("credentials-missing");
    expect(mapped.message).toBe(
      "No AWS credentials were found while calling cloudformation:CreateChangeSet for stack app-pr-7. Add aws-actions/configure-aws-credentials before this step (with role-to-assume and the id-token: write permission for OIDC).",
    );
  });

  it("recognises expired credentials", () => {
    expect(
      describeAwsError(awsError("ExpiredToken", "The security token included in the request is expired"), ctx)
        .kind,
    ).toBe("credentials-expired");
  });

  it("names the denied API action from AWS's message, or from the call", () => {
    const denied = awsError(
      "AccessDenied",
      "User: arn:aws:sts::1:assumed-role/ci/x is not authorized to perform: cloudformation:CreateChangeSet on resource: arn:aws:cloudformation:eu-west-1:1:stack/app-pr-7/*",
      403,
    );
    expect(describeAwsError(denied, ctx).message).toMatch(
      /^Access denied: the credentials may not call cloudformation:CreateChangeSet for stack app-pr-7\. Allow cloudformation:CreateChangeSet/,
    );
    expect(
      describeAwsError(awsError("AccessDenied", "Access Denied", 403), { action: "s3:PutObject" }).message,
    ).toMatch(/^Access denied: the credentials may not call s3:PutObject\./);
  });

  it("maps template size, bucket region and parameter errors", () => {
    expect(
      describeAwsError(
        awsError(
          "ValidationError",
          "1 validation error detected: Value at 'templateBody' failed to satisfy constraint: Member must have length less than or equal to 51200",
        ),
        ctx,
      ).kind,
    ).toBe("template-too-large");
    const redirect = Object.assign(
      awsError(
        "PermanentRedirect",
        "The bucket you are attempting to access must be addressed using the specified endpoint.",
        301,
      ),
      {
        Region: "us-east-1",
      },
    );
    expect(
      describeAwsError(redirect, { action: "s3:PutObject", bucket: "artifacts", region: "eu-west-1" })
        .message,
    ).toBe(
      "S3 bucket artifacts is in another region (us-east-1) than the stack (eu-west-1). CloudFormation reads templates only from a bucket in the stack's region: use a bucket in eu-west-1 as artifact-bucket.",
    );
    expect(
      describeAwsError(awsError("ValidationError", "Parameters: [Stgae] do not exist in the template"), ctx)
        .kind,
    ).toBe("unknown-parameter");
    expect(
      describeAwsError(awsError("ValidationError", "Parameters: [Token] must have values"), ctx).message,
    ).toBe(
      "Parameter(s) Token have no value for stack app-pr-7. Give them in parameter-overrides (Key=Value) or give them a Default in the template.",
    );
  });

  it("passes other ValidationErrors through with context", () => {
    const mapped = describeAwsError(
      awsError("ValidationError", "Template format error: Unresolved resource dependencies [Nope]"),
      ctx,
    );
    expect(mapped.message).toBe(
      "CloudFormation rejected cloudformation:CreateChangeSet for stack app-pr-7: Template format error: Unresolved resource dependencies [Nope]",
    );
  });
});

describe("retry classification", () => {
  it("treats throttling, 5xx and network errors as retryable, and client errors as not", () => {
    expect(isThrottle(awsError("Throttling", "Rate exceeded"))).toBe(true);
    expect(isThrottle(awsError("ValidationError", "bad"))).toBe(false);
    expect(isRetryable(awsError("InternalFailure", "oops", 500))).toBe(true);
    expect(isRetryable(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }))).toBe(true);
    expect(isRetryable(awsError("ValidationError", "Stack does not exist"))).toBe(false);
  });
});

describe("clients", () => {
  it("takes the region from the input, then AWS_REGION, then AWS_DEFAULT_REGION", () => {
    expect(resolveRegion({ region: "us-east-1", env: { AWS_REGION: "eu-west-1" } })).toBe("us-east-1");
    expect(resolveRegion({ env: { AWS_REGION: "eu-west-1", AWS_DEFAULT_REGION: "us-west-2" } })).toBe(
      "eu-west-1",
    );
    expect(resolveRegion({ env: { AWS_DEFAULT_REGION: "us-west-2" } })).toBe("us-west-2");
    expect(() => resolveRegion({ env: {} })).toThrow(/No AWS region is set/);
    expect(() => resolveRegion({ env: { AWS_REGION: "Ireland" } })).toThrow(
      "'Ireland' is not an AWS region name; use a name like eu-west-1 or us-east-1.",
    );
    expect(clientConfig({ env: { AWS_REGION: "eu-west-1" } })).toEqual({
      region: "eu-west-1",
      retryMode: "adaptive",
      maxAttempts: 10,
    });
  });

  it("uses path-style S3 addressing only with an endpoint override", () => {
    const local = createS3Client({
      env: { AWS_REGION: "eu-west-1", AWS_ENDPOINT_URL: "http://127.0.0.1:4566" },
    });
    const real = createS3Client({ env: { AWS_REGION: "eu-west-1" } });
    expect(local.config.forcePathStyle).toBe(true);
    expect(real.config.forcePathStyle).toBe(false);
  });
});

describe("locateMessage", () => {
  const template = loadTemplate("template.yaml", TEMPLATE);
  const at = (message: string) => locateMessage(message, template)?.line;

  it("follows a template path CloudFormation names to its line, or to the deepest part that exists", () => {
    expect(at("Template format error: [/Outputs/Url/Value] 'null' values are not allowed in templates")).toBe(
      13,
    );
    expect(at("Template format error: [/Resources/Queue/Properties/VisibilityTimeout] is invalid")).toBe(9);
    expect(at("Parameters.Stage.Default must be a string")).toBe(5);
  });

  it("falls back to a logical id the message names, and gives up on names the template lacks", () => {
    expect(at("Template error: instance of Fn::GetAtt references undefined attribute Queue.Nope")).toBe(9);
    expect(at("Template format error: [/Resources/Nope/Properties] is invalid")).toBeUndefined();
    expect(
      at("Unresolved resource dependencies [Nope] in the Resources block of the template"),
    ).toBeUndefined();
  });
});
