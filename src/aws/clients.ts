import { CloudFormationClient } from "@aws-sdk/client-cloudformation";
import { S3Client } from "@aws-sdk/client-s3";

/**
 * The AWS client factory every action shares. Credentials always come from the SDK default
 * chain (configure-aws-credentials puts them there); this module only decides the region, the
 * retry policy and the S3 addressing style.
 */

export interface ClientSettings {
  /** The `aws-region` style input, when an action has one; the environment wins only when it is empty. */
  region?: string;
  env?: NodeJS.ProcessEnv;
  maxAttempts?: number;
}

export interface CommonClientConfig {
  region: string;
  retryMode: "adaptive";
  maxAttempts: number;
}

const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** A region that cannot be used: the message says where the region is read from and how to set it. */
export class RegionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RegionError";
  }
}

export function resolveRegion(settings: ClientSettings = {}): string {
  const env = settings.env ?? process.env;
  const region = (settings.region?.trim() || env.AWS_REGION?.trim() || env.AWS_DEFAULT_REGION?.trim()) ?? "";
  if (region === "") {
    throw new RegionError(
      "No AWS region is set: AWS_REGION and AWS_DEFAULT_REGION are empty. Set aws-region on aws-actions/configure-aws-credentials before this step, or set AWS_REGION in the job's env.",
    );
  }
  if (!REGION_PATTERN.test(region)) {
    throw new RegionError(`'${region}' is not an AWS region name; use a name like eu-west-1 or us-east-1.`);
  }
  return region;
}

/**
 * Adaptive retry lets the SDK slow itself down when CloudFormation throttles the account, which
 * is common when many pull requests deploy at once; ten attempts ride out a burst without
 * failing the run.
 */
export function clientConfig(settings: ClientSettings = {}): CommonClientConfig {
  return { region: resolveRegion(settings), retryMode: "adaptive", maxAttempts: settings.maxAttempts ?? 10 };
}

/** True when requests go to a local endpoint (LocalStack, moto, the test fakes) instead of AWS. */
export function usesCustomEndpoint(env: NodeJS.ProcessEnv = process.env, service = "S3"): boolean {
  return Boolean(env.AWS_ENDPOINT_URL?.trim() || env[`AWS_ENDPOINT_URL_${service}`]?.trim());
}

export function createCloudFormationClient(settings: ClientSettings = {}): CloudFormationClient {
  return new CloudFormationClient(clientConfig(settings));
}

/**
 * Local S3 endpoints cannot resolve `<bucket>.<host>` names, so path-style addressing is used
 * whenever an endpoint override is set.
 */
export function createS3Client(settings: ClientSettings = {}): S3Client {
  const env = settings.env ?? process.env;
  return new S3Client({ ...clientConfig(settings), forcePathStyle: usesCustomEndpoint(env, "S3") });
}
