// The two servers the S3 and Lambda contract tests run against: the fake, and moto as a second opinion.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { LambdaClient } from "@aws-sdk/client-lambda";
import { S3Client } from "@aws-sdk/client-s3";
import { handleLambda, LambdaState } from "./lambda";
import { startMoto } from "./moto";
import { credentialScope } from "./protocol";
import { handleS3, S3State } from "./s3";
import type { FakeContext, FakeRequest, Injector } from "./types";

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

const noFaults: Injector = {
  throttle() {},
  serverError() {},
  latency() {},
  failResource() {},
  clear() {},
};

/** Serves the S3 and Lambda handlers directly, with nothing of the full fake's frame around them. */
export async function startFakeTarget(): Promise<AwsTarget> {
  const s3 = new S3State();
  const lambda = new LambdaState();
  const ctx: FakeContext = {
    state: { s3, lambda, cloudformation: undefined as never },
    inject: noFaults,
    clock: { now: () => Date.now(), date: () => new Date(), advance() {} },
    region: "us-east-1",
    accountId: "123456789012",
  };
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(", ") : v;
    }
    const request: FakeRequest = {
      method: req.method ?? "GET",
      path: decodeURIComponent(url.pathname),
      rawPath: url.pathname,
      query: url.searchParams,
      headers,
      body: Buffer.concat(chunks),
      service: credentialScope(headers, url.searchParams)?.service ?? "s3",
    };
    const response = await (request.service === "lambda" ? handleLambda : handleS3)(request, ctx);
    res.writeHead(response.status, response.headers);
    res.end(response.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    name: "fake",
    endpoint: `http://127.0.0.1:${port}`,
    s3State: s3,
    lambdaState: lambda,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function startMotoTarget(): Promise<AwsTarget> {
  const moto = await startMoto();
  return { name: "moto", endpoint: moto.endpoint, close: moto.close };
}
