/**
 * Turns AWS SDK errors into messages a user can act on: what happened, why, and what to do.
 * Pure: it inspects the error's name, message and metadata and never calls AWS.
 */

export type AwsErrorKind =
  | "credentials-missing"
  | "credentials-expired"
  | "credentials-invalid"
  | "access-denied"
  | "insufficient-capabilities"
  | "template-too-large"
  | "bucket-region"
  | "unknown-parameter"
  | "missing-parameter"
  | "validation"
  | "throttled"
  | "unreachable"
  | "unknown";

/** An AWS failure rewritten for people; `cause` keeps the SDK error for debugging. */
export class AwsActionableError extends Error {
  constructor(
    readonly kind: AwsErrorKind,
    message: string,
    readonly awsCode: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "AwsActionableError";
  }
}

export interface AwsErrorContext {
  /** The IAM action that was attempted, e.g. "cloudformation:CreateChangeSet". */
  action: string;
  stackName?: string;
  bucket?: string;
  region?: string;
}

interface SdkErrorShape {
  name?: string;
  message?: string;
  code?: string;
  $fault?: string;
  $retryable?: { throttling?: boolean };
  $metadata?: { httpStatusCode?: number; attempts?: number };
  Code?: string;
  Endpoint?: string;
  Region?: string;
  /** Node's network errors: where the connection went. */
  address?: string;
  port?: number;
  hostname?: string;
  host?: string;
  cause?: unknown;
  /** AggregateError: one error per address tried (Node tries IPv6 and IPv4 for `localhost`). */
  errors?: unknown[];
}

function shape(error: unknown): SdkErrorShape {
  return typeof error === "object" && error !== null ? (error as SdkErrorShape) : {};
}

export function errorCode(error: unknown): string | undefined {
  const e = shape(error);
  return e.Code ?? e.name ?? e.code;
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

const THROTTLE_CODES = new Set([
  "Throttling",
  "ThrottlingException",
  "ThrottledException",
  "RequestThrottled",
  "RequestThrottledException",
  "TooManyRequestsException",
  "RequestLimitExceeded",
  "SlowDown",
  "ProvisionedThroughputExceededException",
  "BandwidthLimitExceeded",
]);

/** AWS's own answers that mean "try again later"; network failures are told apart by networkCause. */
const TRANSIENT_CODES = new Set([
  "InternalFailure",
  "InternalError",
  "ServiceUnavailable",
  "ServiceUnavailableException",
  "RequestTimeout",
  "RequestTimeoutException",
]);

/** Why a request got no answer at all: the endpoint refused, reset, was not found, failed TLS, or was silent. */
export type NetworkKind = "refused" | "reset" | "dns" | "tls" | "timeout" | "no-route";

export interface NetworkCause {
  kind: NetworkKind;
  /** Node's or the SDK's code: ECONNREFUSED, ENOTFOUND, CERT_HAS_EXPIRED, TimeoutError, ... */
  code: string;
  /** For people: "connection refused (ECONNREFUSED) by 127.0.0.1:4566". */
  text: string;
}

const NETWORK_CODES: Record<string, NetworkKind> = {
  ECONNREFUSED: "refused",
  ECONNRESET: "reset",
  ECONNABORTED: "reset",
  EPIPE: "reset",
  ENOTFOUND: "dns",
  EAI_AGAIN: "dns",
  EAI_FAIL: "dns",
  ETIMEDOUT: "timeout",
  ESOCKETTIMEDOUT: "timeout",
  TimeoutError: "timeout",
  EHOSTUNREACH: "no-route",
  ENETUNREACH: "no-route",
  EPROTO: "tls",
  DEPTH_ZERO_SELF_SIGNED_CERT: "tls",
  SELF_SIGNED_CERT_IN_CHAIN: "tls",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "tls",
  UNABLE_TO_GET_ISSUER_CERT: "tls",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "tls",
};

function networkKind(code: string): NetworkKind | undefined {
  if (NETWORK_CODES[code]) return NETWORK_CODES[code];
  if (/^(CERT_|ERR_TLS_|ERR_SSL_)/.test(code)) return "tls";
  return undefined;
}

/** A host name or address, and nothing else: whatever an error carries is never echoed beyond that. */
function hostOf(e: SdkErrorShape): string | undefined {
  const raw = e.address ?? e.hostname ?? e.host;
  if (typeof raw !== "string") return undefined;
  const host = raw.replace(/^.*@/, "");
  if (!/^[A-Za-z0-9.:_[\]-]{1,253}$/.test(host)) return undefined;
  const port = typeof e.port === "number" ? `:${e.port}` : "";
  return host.includes(":") && port ? `[${host}]${port}` : `${host}${port}`;
}

function describeNetwork(kind: NetworkKind, code: string, e: SdkErrorShape): string {
  const host = hostOf(e);
  switch (kind) {
    case "refused":
      return `connection refused (${code})${host ? ` by ${host}` : ""}`;
    case "reset": {
      const what = /socket hang up/i.test(e.message ?? "")
        ? `closed before an answer (socket hang up, ${code})`
        : `${code === "EPIPE" ? "broken" : "reset"} (${code})`;
      return `connection ${what}${host ? ` by ${host}` : ""}`;
    }
    case "dns":
      return `DNS lookup ${code === "EAI_AGAIN" ? "timed out" : "failed"} (${code})${host ? ` for ${host}` : ""}`;
    case "tls": {
      // Node's TLS messages say which check failed ("certificate has expired"); they carry no secrets.
      const detail = (e.message ?? "").split("\n")[0].slice(0, 120);
      return `TLS handshake failed (${code}${detail && detail !== code ? `: ${detail}` : ""})${host ? ` with ${host}` : ""}`;
    }
    case "timeout":
      return `no answer in time (${code})${host ? ` from ${host}` : ""}`;
    case "no-route":
      return `no route to the endpoint (${code})${host ? ` at ${host}` : ""}`;
  }
}

/**
 * Why a request got no answer from AWS at all, or undefined when AWS answered (any HTTP status) or the
 * error is not a network failure. The SDK passes Node's socket errors through with their `code`, and
 * sometimes wraps them (`cause`), so both are looked at; an error that carries an HTTP status came from
 * the other end and is never a network failure.
 */
export function networkCause(error: unknown, depth = 0): NetworkCause | undefined {
  const e = shape(error);
  if (depth > 3 || typeof error !== "object" || error === null) return undefined;
  if (e.$metadata?.httpStatusCode !== undefined) return undefined;
  for (const code of [e.code, e.name]) {
    const kind = code ? networkKind(code) : undefined;
    if (code && kind) {
      // An AggregateError names the code; its parts name the addresses.
      const where = hostOf(e) ? e : shape(e.errors?.[0]);
      return { kind, code, text: describeNetwork(kind, code, { ...where, message: e.message }) };
    }
  }
  if (/socket hang up/i.test(e.message ?? "")) {
    return { kind: "reset", code: "ECONNRESET", text: describeNetwork("reset", "ECONNRESET", e) };
  }
  return e.cause !== undefined ? networkCause(e.cause, depth + 1) : undefined;
}

export function isThrottle(error: unknown): boolean {
  const e = shape(error);
  const code = errorCode(error);
  return (
    (code !== undefined && THROTTLE_CODES.has(code)) ||
    e.$retryable?.throttling === true ||
    e.$metadata?.httpStatusCode === 429 ||
    /rate exceeded/i.test(e.message ?? "")
  );
}

/**
 * Throttling, 5xx and network failures: worth another try after a pause, never a reason to fail. A TLS
 * failure is the exception: it is a setting (a proxy's certificate, a wrong endpoint) that another try
 * does not fix, so only the waits, which must not give up on a stack mid-operation, retry it.
 */
export function isRetryable(error: unknown): boolean {
  if (isThrottle(error)) return true;
  const e = shape(error);
  const code = errorCode(error);
  if (code !== undefined && TRANSIENT_CODES.has(code)) return true;
  if (e.code !== undefined && TRANSIENT_CODES.has(e.code)) return true;
  const network = networkCause(error);
  if (network) return network.kind !== "tls";
  const status = e.$metadata?.httpStatusCode;
  return e.$fault === "server" || (status !== undefined && status >= 500);
}

/** CloudFormation answers DescribeStacks for a missing stack with this ValidationError. */
export function isStackMissing(error: unknown): boolean {
  return errorCode(error) === "ValidationError" && /does not exist/i.test(errorMessage(error));
}

const EXPIRED_CODES = new Set([
  "ExpiredToken",
  "ExpiredTokenException",
  "RequestExpired",
  "TokenRefreshRequired",
]);
const INVALID_CODES = new Set([
  "InvalidClientTokenId",
  "UnrecognizedClientException",
  "SignatureDoesNotMatch",
  "InvalidAccessKeyId",
  "IncompleteSignature",
]);
const DENIED_CODES = new Set([
  "AccessDenied",
  "AccessDeniedException",
  "UnauthorizedOperation",
  "AuthorizationError",
  "Forbidden",
]);

/**
 * What a credentials message tells the user to do, which depends on where the run is: each text
 * follows "... while calling <action> for stack <name>" and its own sentence.
 */
export interface CredentialsHints {
  /** No credentials were found at all. */
  missing: string;
  /** The session ran out. */
  expired: string;
  /** AWS does not know the keys. */
  invalid: string;
}

/** On a runner, credentials come from aws-actions/configure-aws-credentials. */
export const ACTION_CREDENTIALS_HINTS: CredentialsHints = {
  missing:
    "Add aws-actions/configure-aws-credentials before this step (with role-to-assume and the id-token: write permission for OIDC).",
  expired:
    "Raise role-duration-seconds on configure-aws-credentials so the session outlives the deployment (timeout-minutes plus a margin), then run again.",
  invalid:
    "Check the role or keys given to configure-aws-credentials and that the region is enabled for the account.",
};

let credentialsHints = ACTION_CREDENTIALS_HINTS;

/** The hints every later credentials message gives; an entry point that is not an action sets its own once. */
export function setCredentialsHints(hints: CredentialsHints): void {
  credentialsHints = hints;
}

/**
 * Maps an SDK error to an AwsActionableError. Errors that are already actionable pass through
 * unchanged, so callers may map at every layer without double wrapping.
 */
export function describeAwsError(error: unknown, context: AwsErrorContext): AwsActionableError {
  if (error instanceof AwsActionableError) return error;
  const e = shape(error);
  const code = errorCode(error);
  const raw = errorMessage(error);
  const stack = context.stackName ? ` for stack ${context.stackName}` : "";
  const make = (kind: AwsErrorKind, message: string) =>
    new AwsActionableError(kind, message, code, { cause: error });

  const network = networkCause(error);
  if (network) {
    return new AwsActionableError(
      "unreachable",
      `Could not reach AWS while calling ${context.action}${stack}: ${network.text}. Check the runner's network, AWS_ENDPOINT_URL and any VPC endpoint or proxy, then run again.`,
      network.code,
      { cause: error },
    );
  }

  if (code === "CredentialsProviderError" || /could not load credentials/i.test(raw)) {
    return make(
      "credentials-missing",
      `No AWS credentials were found while calling ${context.action}${stack}. ${credentialsHints.missing}`,
    );
  }
  if ((code !== undefined && EXPIRED_CODES.has(code)) || /token.*expired|expired.*token/i.test(raw)) {
    return make(
      "credentials-expired",
      `The AWS credentials expired while calling ${context.action}${stack} (${raw}). ${credentialsHints.expired}`,
    );
  }
  if (code !== undefined && INVALID_CODES.has(code)) {
    return make(
      "credentials-invalid",
      `AWS rejected the credentials while calling ${context.action}${stack}: ${raw}. ${credentialsHints.invalid}`,
    );
  }
  if ((code !== undefined && DENIED_CODES.has(code)) || /is not authorized to perform/i.test(raw)) {
    const action = /perform:? ([\w-]+:[\w*]+)/i.exec(raw)?.[1] ?? context.action;
    return make(
      "access-denied",
      `Access denied: the credentials may not call ${action}${stack}. Allow ${action} in the deploying role's policy (or the role-arn's, for actions CloudFormation takes on your behalf). AWS said: ${raw}`,
    );
  }
  if (code === "InsufficientCapabilitiesException" || /requires capabilities/i.test(raw)) {
    const capabilities =
      /\[([A-Z_, ]+)\]/
        .exec(raw)?.[1]
        ?.split(/[,\s]+/)
        .filter(Boolean) ?? [];
    const named = capabilities.length > 0 ? capabilities.join(", ") : "a capability";
    return make(
      "insufficient-capabilities",
      `The template${stack} needs ${named}, which the capabilities input does not grant. Add ${named} to capabilities (e.g. capabilities: CAPABILITY_IAM,${capabilities[0] ?? "CAPABILITY_NAMED_IAM"}).`,
    );
  }
  if (/51[,.]?200 bytes|length less than or equal to 51200|TemplateBody.*(too long|too large)/i.test(raw)) {
    return make(
      "template-too-large",
      `The template${stack} is over CloudFormation's 51,200-byte limit for inline templates. Set artifact-bucket (an S3 bucket in the stack's region) so the template is uploaded and passed by URL.`,
    );
  }
  if (
    code === "PermanentRedirect" ||
    code === "AuthorizationHeaderMalformed" ||
    (code === "IllegalLocationConstraintException" && context.bucket !== undefined) ||
    (e.$metadata?.httpStatusCode === 301 && context.bucket !== undefined) ||
    /bucket is in this region|wrong region|is in a different region/i.test(raw)
  ) {
    const bucket = context.bucket ?? "the artifact bucket";
    const where = e.Region ?? /expecting '([a-z0-9-]+)'/.exec(raw)?.[1];
    return make(
      "bucket-region",
      `S3 bucket ${bucket} is in another region${where ? ` (${where})` : ""} than the stack${context.region ? ` (${context.region})` : ""}. CloudFormation reads templates only from a bucket in the stack's region: use a bucket in ${context.region ?? "that region"} as artifact-bucket.`,
    );
  }
  const unknownParams = /Parameters: \[([^\]]*)\] do not exist in the template/i.exec(raw);
  if (unknownParams) {
    return make(
      "unknown-parameter",
      `Parameter(s) ${unknownParams[1]} in parameter-overrides are not declared in the template${stack}. Remove them from parameter-overrides or declare them under Parameters.`,
    );
  }
  const missingParams = /Parameters: \[([^\]]*)\] must have values/i.exec(raw);
  if (missingParams) {
    return make(
      "missing-parameter",
      `Parameter(s) ${missingParams[1]} have no value${stack}. Give them in parameter-overrides (Key=Value) or give them a Default in the template.`,
    );
  }
  if (isThrottle(error)) {
    return make(
      "throttled",
      `AWS kept throttling ${context.action}${stack} after every retry: ${raw}. Too many deployments share the account's API rate; run again, or serialise deployments with a concurrency group.`,
    );
  }
  if (code === "ValidationError") {
    return make("validation", `CloudFormation rejected ${context.action}${stack}: ${raw}`);
  }
  return make(
    "unknown",
    `${context.action}${stack} failed: ${code && code !== "Error" ? `${code}: ` : ""}${raw}`,
  );
}
