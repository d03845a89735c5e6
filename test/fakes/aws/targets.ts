// The two servers the S3 and Lambda contract tests run against: the fake, and moto as a second opinion.
import { LambdaClient } from "@aws-sdk/client-lambda";
import { S3Client } from "@aws-sdk/client-s3";
import { startFakeAws } from "./index";
import type { LambdaState } from "./lambda";
import { startMoto } from "./moto";
import type { S3State } from "./s3";

export interface AwsTarget {
  name: "fake" | "moto";
  endpoint: string;
  /** Present for the fake only: what tests seed and inspect directly. */
  s3State?: S3State;
  lambdaState?: LambdaState;
  close(): Promise<void>;
}

export const credentials = { accessKeyId: "AKIDFAKE", secretAccessKey: "fake" };

export function s3Client(target: AwsTarget, region = "us-east-1"): S3Client {
  return new S3Client({
    endpoint: target.endpoint,
    region,
    forcePathStyle: true,
    credentials,
    maxAttempts: 1,
  });
}

export function lambdaClient(target: AwsTarget, region = "us-east-1"): LambdaClient {
  return new LambdaClient({ endpoint: target.endpoint, region, credentials, maxAttempts: 1 });
}

export async function startFakeTarget(): Promise<AwsTarget> {
  const aws = await startFakeAws();
  return {
    name: "fake",
    endpoint: aws.endpoint,
    s3State: aws.state.s3,
    lambdaState: aws.state.lambda,
    close: () => aws.close(),
  };
}

export async function startMotoTarget(): Promise<AwsTarget> {
  const moto = await startMoto();
  return { name: "moto", endpoint: moto.endpoint, close: moto.close };
}
