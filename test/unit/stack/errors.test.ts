import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import {
  CloudFormationClient,
  type CloudFormationClientConfig,
  DescribeStacksCommand,
} from "@aws-sdk/client-cloudformation";
import { afterEach, describe, expect, it } from "vitest";
import { clientConfig, createS3Client, observeAttempts, resolveRegion } from "../../../src/aws/clients";
import {
  ACTION_CREDENTIALS_HINTS,
  describeAwsError,
  isRetryable,
  isThrottle,
  networkCause,
  setCredentialsHints,
} from "../../../src/aws/errors";
import { CLI_CREDENTIALS_HINTS } from "../../../src/cli/options";
import { locateMessage } from "../../../src/stack/deploy";
import { loadTemplate } from "../../../src/stack/template-source";
import { awsError, networkError, TEMPLATE } from "./support";

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

  describe("credentials advice, by where the run is", () => {
    afterEach(() => setCredentialsHints(ACTION_CREDENTIALS_HINTS));
    const missing = Object.assign(new Error("Could not load credentials from any providers"), {
      name: "CredentialsProviderError",
    });
    const expired = awsError("ExpiredToken", "The security token included in the request is expired");
    const invalid = awsError(
      "InvalidClientTokenId",
      "The security token included in the request is invalid.",
    );

    it("points an action at configure-aws-credentials", () => {
      expect(describeAwsError(expired, ctx).message).toBe(
        "The AWS credentials expired while calling cloudformation:CreateChangeSet for stack app-pr-7 (The security token included in the request is expired). Raise role-duration-seconds on configure-aws-credentials so the session outlives the deployment (timeout-minutes plus a margin), then run again.",
      );
      expect(describeAwsError(invalid, ctx).message).toBe(
        "AWS rejected the credentials while calling cloudformation:CreateChangeSet for stack app-pr-7: The security token included in the request is invalid.. Check the role or keys given to configure-aws-credentials and that the region is enabled for the account.",
      );
    });

    it("points the command line at AWS_PROFILE, the key variables and aws sso login, never at a workflow step", () => {
      setCredentialsHints(CLI_CREDENTIALS_HINTS);
      expect(describeAwsError(missing, ctx).message).toBe(
        "No AWS credentials were found while calling cloudformation:CreateChangeSet for stack app-pr-7. Set AWS_PROFILE (or give --profile) to a profile with credentials, set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run `aws sso login` for an SSO profile.",
      );
      expect(describeAwsError(expired, ctx).message).toMatch(
        /^The AWS credentials expired while calling cloudformation:CreateChangeSet for stack app-pr-7 \(.*\)\. Run `aws sso login` again for an SSO profile, or set fresh AWS_ACCESS_KEY_ID/,
      );
      expect(describeAwsError(invalid, ctx).message).toContain(
        "Check the keys in AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or those of the profile in AWS_PROFILE (or --profile)",
      );
      for (const error of [missing, expired, invalid]) {
        expect(describeAwsError(error, ctx).message).not.toMatch(/configure-aws-credentials|this step/);
      }
    });
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

  it("retries every network failure but TLS, which another try does not fix", () => {
    expect(
      isRetryable(networkError("ENOTFOUND", { hostname: "cloudformation.eu-west-1.amazonaws.com" })),
    ).toBe(true);
    expect(isRetryable(networkError("EHOSTUNREACH"))).toBe(true);
    expect(isRetryable(networkError("ECONNREFUSED"))).toBe(true);
    expect(
      isRetryable(Object.assign(new Error("certificate has expired"), { code: "CERT_HAS_EXPIRED" })),
    ).toBe(false);
  });
});

describe("networkCause", () => {
  const cause = (error: unknown) => networkCause(error);

  it("names refused and reset connections, with the address they went to", () => {
    expect(cause(networkError("ECONNREFUSED"))).toEqual({
      kind: "refused",
      code: "ECONNREFUSED",
      text: "connection refused (ECONNREFUSED) by 127.0.0.1:4566",
    });
    expect(cause(networkError("ECONNRESET", {}))).toMatchObject({
      kind: "reset",
      text: "connection reset (ECONNRESET)",
    });
    expect(cause(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }))?.text).toBe(
      "connection closed before an answer (socket hang up, ECONNRESET)",
    );
    expect(cause(new Error("socket hang up"))).toMatchObject({ kind: "reset", code: "ECONNRESET" });
    expect(cause(networkError("EPIPE", {}))).toMatchObject({
      kind: "reset",
      text: "connection broken (EPIPE)",
    });
    expect(cause(networkError("ECONNREFUSED", { address: "::1", port: 4566 }))?.text).toBe(
      "connection refused (ECONNREFUSED) by [::1]:4566",
    );
  });

  it("names DNS failures with the host looked up", () => {
    expect(cause(networkError("ENOTFOUND", { hostname: "cloudformation.eu-west-1.amazonaws.com" }))).toEqual({
      kind: "dns",
      code: "ENOTFOUND",
      text: "DNS lookup failed (ENOTFOUND) for cloudformation.eu-west-1.amazonaws.com",
    });
    expect(cause(networkError("EAI_AGAIN", { hostname: "localstack" }))?.text).toBe(
      "DNS lookup timed out (EAI_AGAIN) for localstack",
    );
  });

  it("names TLS failures with Node's reason", () => {
    const tls = (code: string, message: string) => Object.assign(new Error(message), { code });
    expect(cause(tls("UNABLE_TO_VERIFY_LEAF_SIGNATURE", "unable to verify the first certificate"))).toEqual({
      kind: "tls",
      code: "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
      text: "TLS handshake failed (UNABLE_TO_VERIFY_LEAF_SIGNATURE: unable to verify the first certificate)",
    });
    expect(cause(tls("DEPTH_ZERO_SELF_SIGNED_CERT", "self-signed certificate"))?.kind).toBe("tls");
    expect(cause(tls("CERT_HAS_EXPIRED", "certificate has expired"))?.kind).toBe("tls");
    expect(
      cause(tls("ERR_TLS_CERT_ALTNAME_INVALID", "Hostname/IP does not match certificate's altnames"))?.kind,
    ).toBe("tls");
    expect(cause(tls("EPROTO", "write EPROTO wrong version number"))?.kind).toBe("tls");
  });

  it("names timeouts, by Node's code or the SDK's TimeoutError", () => {
    expect(cause(networkError("ETIMEDOUT"))?.text).toBe("no answer in time (ETIMEDOUT) from 127.0.0.1:4566");
    const sdkTimeout = Object.assign(new Error("Connection timed out after 1000 ms"), {
      name: "TimeoutError",
    });
    expect(cause(sdkTimeout)).toEqual({
      kind: "timeout",
      code: "TimeoutError",
      text: "no answer in time (TimeoutError)",
    });
  });

  it("finds the code on a wrapped cause and on the parts of an AggregateError", () => {
    const wrapped = Object.assign(new Error("request failed"), {
      $metadata: { attempts: 3 },
      cause: networkError("ECONNREFUSED"),
    });
    expect(cause(wrapped)?.text).toBe("connection refused (ECONNREFUSED) by 127.0.0.1:4566");
    // Node tries every address of `localhost` and reports them together.
    const aggregate = Object.assign(
      new AggregateError([
        networkError("ECONNREFUSED", { address: "::1", port: 4566 }),
        networkError("ECONNREFUSED"),
      ]),
      { code: "ECONNREFUSED" },
    );
    expect(cause(aggregate)?.text).toBe("connection refused (ECONNREFUSED) by [::1]:4566");
  });

  it("never echoes more of the host than a name or address", () => {
    const text = cause(networkError("ENOTFOUND", { hostname: "AKIDSECRET:hunter2@proxy.internal" }))?.text;
    expect(text).toBe("DNS lookup failed (ENOTFOUND) for proxy.internal");
    expect(cause(networkError("ENOTFOUND", { hostname: "bad host/with?query=secret" }))?.text).toBe(
      "DNS lookup failed (ENOTFOUND)",
    );
  });

  it("is undefined for anything AWS answered, and for errors that are not about the network", () => {
    expect(cause(awsError("Throttling", "Rate exceeded"))).toBeUndefined();
    expect(cause(awsError("InternalFailure", "oops", 500))).toBeUndefined();
    expect(
      cause(Object.assign(awsError("RequestTimeout", "timed out", 408), { code: "ETIMEDOUT" })),
    ).toBeUndefined();
    expect(cause(new Error("boom"))).toBeUndefined();
    expect(cause("ECONNREFUSED")).toBeUndefined();
  });

  it("classifies what the SDK really throws when nothing listens on the port", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const client = new CloudFormationClient({
      region: "eu-west-1",
      endpoint: `http://127.0.0.1:${port}`,
      credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "test" },
      maxAttempts: 1,
    });

    const error = await client.send(new DescribeStacksCommand({})).catch((e: unknown) => e);
    client.destroy();

    expect(networkCause(error)).toEqual({
      kind: "refused",
      code: "ECONNREFUSED",
      text: `connection refused (ECONNREFUSED) by 127.0.0.1:${port}`,
    });
    expect(
      describeAwsError(error, { action: "cloudformation:DescribeStacks", stackName: "app-pr-7" }),
    ).toMatchObject({
      kind: "unreachable",
      message: `Could not reach AWS while calling cloudformation:DescribeStacks for stack app-pr-7: connection refused (ECONNREFUSED) by 127.0.0.1:${port}. Check the runner's network, AWS_ENDPOINT_URL and any VPC endpoint or proxy, then run again.`,
    });
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

  it("honours AWS_MAX_ATTEMPTS over the default of ten attempts", () => {
    expect(clientConfig({ env: { AWS_REGION: "eu-west-1", AWS_MAX_ATTEMPTS: "2" } }).maxAttempts).toBe(2);
    expect(clientConfig({ env: { AWS_REGION: "eu-west-1", AWS_MAX_ATTEMPTS: "0" } }).maxAttempts).toBe(10);
    expect(clientConfig({ env: { AWS_REGION: "eu-west-1", AWS_MAX_ATTEMPTS: "many" } }).maxAttempts).toBe(10);
    expect(
      clientConfig({ env: { AWS_REGION: "eu-west-1", AWS_MAX_ATTEMPTS: "2" }, maxAttempts: 5 }).maxAttempts,
    ).toBe(5);
  });

  it("observes every attempt of a command, those the SDK retries on its own included", async () => {
    let attempts = 0;
    const client = new CloudFormationClient({
      region: "eu-west-1",
      credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "test" },
      maxAttempts: 3,
      requestHandler: {
        handle: async () => {
          attempts++;
          throw networkError("ECONNRESET", {});
        },
      },
      // No real pauses between the SDK's attempts.
      retryStrategy: {
        mode: "standard",
        acquireInitialRetryToken: async () => ({ getRetryCount: () => 0, getRetryDelay: () => 0 }),
        refreshRetryTokenForRetry: async (token: { getRetryCount(): number }, info: { error?: unknown }) => {
          const count = token.getRetryCount() + 1;
          if (count >= 3) throw info.error;
          return { getRetryCount: () => count, getRetryDelay: () => 0 };
        },
        recordSuccess: () => {},
      },
    } as CloudFormationClientConfig);
    const seen: string[] = [];

    const error = await client
      .send(observeAttempts(new DescribeStacksCommand({}), (e) => seen.push(networkCause(e)?.code ?? "?")))
      .catch((e: unknown) => e);

    expect(attempts).toBe(3);
    expect(seen).toEqual(["ECONNRESET", "ECONNRESET", "ECONNRESET"]);
    expect(networkCause(error)?.code).toBe("ECONNRESET");
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
