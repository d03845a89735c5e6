// The HTTP frame: one server on 127.0.0.1 for every service. It reads the service from the SigV4
// credential scope (the SDK sends every service to AWS_ENDPOINT_URL), records the call, applies
// injected faults and latency, and hands the request to the service's handler.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { SimClock } from "./clock";
import { handleCloudFormation } from "./cloudformation/handler";
import { type CloudFormationOptions, CloudFormationState } from "./cloudformation/state";
import { FaultInjector } from "./faults";
import { handleLambda, LambdaState } from "./lambda";
import { AwsError, credentialScope, escapeXml, parseQuery, queryError, requestId } from "./protocol";
import { handleS3, S3State } from "./s3";
import { handleSts, STS_XMLNS } from "./sts";
import type { CallFaultKind, FakeAwsState, FakeContext, FakeRequest, FakeResponse } from "./types";

export interface FakeAwsOptions extends CloudFormationOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** Region used when a request carries none (unsigned requests). */
  region?: string;
  accountId?: string;
  /** Simulated time at start; defaults to the real time. */
  startTime?: number;
  /** 0 (default): simulated time moves only through clock.advance(). N: N simulated ms per real ms. */
  timeScale?: number;
}

export interface RecordedCall {
  service: string;
  /** Query Action (CloudFormation, STS) or "<METHOD> <path>" (S3, Lambda). */
  action: string;
  /** Decoded form parameters for query-protocol calls. */
  params?: Record<string, string>;
  /**
   * The parameters that say what a call is about, present when sent: StackName, ChangeSetName,
   * LogicalResourceId, ExportName (query services); Bucket, Key (S3); LayerName, VersionNumber (Lambda).
   */
  keys: Record<string, string>;
  /** HTTP status sent; 0 when the connection was reset instead. */
  status: number;
  /** Set when an injected fault answered instead of the service. */
  fault?: CallFaultKind;
  /** Simulated time of the call (epoch ms). */
  time: number;
  /** Same as `time`; kept for callers written before `time`. */
  at: number;
}

export interface FakeAws {
  endpoint: string;
  port: number;
  region: string;
  accountId: string;
  clock: SimClock;
  state: FakeAwsState;
  inject: FaultInjector;
  /** Every request, in arrival order. */
  calls: RecordedCall[];
  /** Calls of one action, e.g. aws.callsOf("cloudformation", "DescribeStacks"). */
  callsOf(service: string, action?: string): RecordedCall[];
  /** Runs due simulated steps now, for tests that read `state` directly after clock.advance(). */
  tick(): void;
  /** Settings for an SDK client: endpoint, region, static credentials, no retry delays hidden. */
  clientConfig(region?: string): {
    endpoint: string;
    region: string;
    credentials: { accessKeyId: string; secretAccessKey: string };
  };
  /** Environment for a child process (a bundled action) so its SDK clients reach this fake. */
  env(region?: string): Record<string, string>;
  /**
   * The endpoint goes away: the port stops listening, so new connections are refused (ECONNREFUSED),
   * and open ones are dropped (a request in flight sees its socket close). State and simulated time
   * carry on, as AWS's would while a runner loses its network.
   */
  goOffline(): Promise<void>;
  /** The endpoint comes back on the same port. */
  goOnline(): Promise<void>;
  /** False between goOffline() and goOnline(). */
  readonly online: boolean;
  close(): Promise<void>;
}

const QUERY_SERVICES: Record<string, string> = { "2010-05-15": "cloudformation", "2011-06-15": "sts" };

function serviceOf(req: FakeRequest): string {
  const scope = credentialScope(req.headers, req.query);
  if (scope) return scope.service;
  // Unsigned requests: a query-protocol body names its API version; anything else is S3.
  const version =
    req.method === "POST" ? new URLSearchParams(req.body.toString("utf8")).get("Version") : null;
  return (version && QUERY_SERVICES[version]) || "s3";
}

function actionOf(req: FakeRequest): { action: string; params?: Record<string, string> } {
  if (req.service === "cloudformation" || req.service === "sts") {
    const params = Object.fromEntries(parseQuery(req.body, req.query));
    return { action: params.Action ?? "", params };
  }
  return { action: `${req.method} ${req.path}` };
}

const QUERY_KEYS = ["StackName", "ChangeSetName", "LogicalResourceId", "ExportName"];

function keysOf(req: FakeRequest, params?: Record<string, string>): Record<string, string> {
  const keys: Record<string, string> = {};
  if (params) {
    for (const k of QUERY_KEYS) if (params[k]) keys[k] = params[k];
    return keys;
  }
  if (req.service === "lambda") {
    const m = /^\/\d{4}-\d{2}-\d{2}\/layers\/([^/]+)(?:\/versions\/(\d+))?/.exec(req.path);
    if (m) keys.LayerName = m[1];
    if (m?.[2]) keys.VersionNumber = m[2];
    return keys;
  }
  const [bucket, ...rest] = req.path.replace(/^\//, "").split("/");
  if (bucket) keys.Bucket = bucket;
  if (rest.length && rest.join("/")) keys.Key = rest.join("/");
  return keys;
}

/** What each service answers when throttled or failing, in its own protocol. */
function faultResponse(service: string, kind: "throttle" | "serverError"): FakeResponse {
  const throttle = kind === "throttle";
  if (service === "s3") {
    const [code, message, status] = throttle
      ? ["SlowDown", "Please reduce your request rate.", 503]
      : ["InternalError", "We encountered an internal error. Please try again.", 500];
    return {
      status,
      headers: { "content-type": "application/xml", "x-amz-request-id": requestId() },
      body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message><RequestId>${requestId()}</RequestId></Error>`,
    };
  }
  if (service === "lambda") {
    const [code, status] = throttle ? ["TooManyRequestsException", 429] : ["ServiceException", 500];
    return {
      status,
      headers: {
        "content-type": "application/json",
        "x-amzn-errortype": code,
        "x-amzn-requestid": requestId(),
      },
      body: JSON.stringify({
        Type: throttle ? "User" : "Service",
        message: throttle ? "Rate exceeded" : "Service error",
      }),
    };
  }
  const err = throttle
    ? new AwsError("Throttling", "Rate exceeded", 400)
    : new AwsError("InternalFailure", "An internal error has occurred", 500);
  return queryError(err, service === "sts" ? STS_XMLNS : undefined);
}

async function readRequest(req: IncomingMessage): Promise<FakeRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(", ") : v;
  }
  let path = url.pathname;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    // A malformed escape reaches the handler as sent; S3 answers it with its own error.
  }
  const request: FakeRequest = {
    method: req.method ?? "GET",
    path,
    rawPath: url.pathname,
    query: url.searchParams,
    headers,
    body: Buffer.concat(chunks),
    service: "",
  };
  request.service = serviceOf(request);
  return request;
}

function send(res: ServerResponse, response: FakeResponse): void {
  const headers = { "x-amzn-requestid": requestId(), ...response.headers };
  res.writeHead(response.status, headers);
  res.end(response.body);
}

export async function startFakeAws(options: FakeAwsOptions = {}): Promise<FakeAws> {
  const region = options.region ?? "us-east-1";
  const accountId = options.accountId ?? "123456789012";
  const clock = new SimClock({ startTime: options.startTime, timeScale: options.timeScale });
  const state: FakeAwsState = {
    s3: new S3State({ region, clock }),
    lambda: new LambdaState({ region, accountId, clock }),
    cloudformation: new CloudFormationState(clock, options),
  };
  const inject = new FaultInjector();
  const calls: RecordedCall[] = [];
  const handlers: Record<string, (req: FakeRequest, ctx: FakeContext) => Promise<FakeResponse>> = {
    cloudformation: handleCloudFormation,
    sts: handleSts,
    s3: handleS3,
    lambda: handleLambda,
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const request = await readRequest(req);
    const { action, params } = actionOf(request);
    const time = clock.now();
    const call: RecordedCall = {
      service: request.service,
      action,
      params,
      keys: keysOf(request, params),
      status: 0,
      time,
      at: time,
    };
    calls.push(call);
    const delay = inject.latencyFor(request.service, action);
    // Latency is real time: the SDK's timeouts and the bundle's polling run on real timers.
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    const fault = inject.takeCallFault(request.service, action);
    let response: FakeResponse;
    if (fault === "reset") {
      call.fault = fault;
      // The request was read in full, as a load balancer dropping the connection would have.
      req.socket.destroy();
      return;
    }
    if (fault) {
      call.fault = fault;
      response = faultResponse(request.service, fault);
    } else {
      const handler = handlers[request.service];
      const ctx: FakeContext = {
        state,
        inject,
        clock,
        region: credentialScope(request.headers, request.query)?.region ?? region,
        accountId,
      };
      response = handler
        ? await handler(request, ctx)
        : queryError(new AwsError("UnknownService", `The fake does not serve ${request.service}`));
    }
    call.status = response.status;
    send(res, response);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, queryError(new AwsError("InternalFailure", String(e), 500)));
      else res.destroy();
    });
  });
  // SDK clients keep connections alive; without this close() would wait for them to idle out.
  server.keepAliveTimeout = 1000;
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
  const stopListening = () =>
    new Promise<void>((resolve, reject) => {
      server.close((e) => (e ? reject(e) : resolve()));
      server.closeAllConnections();
    });
  await listen(options.port ?? 0);
  const { port } = server.address() as AddressInfo;
  let online = true;
  const endpoint = `http://127.0.0.1:${port}`;
  const credentials = { accessKeyId: "AKIDFAKEPREVIEW", secretAccessKey: "fake-secret" };

  return {
    endpoint,
    port,
    region,
    accountId,
    clock,
    state,
    inject,
    calls,
    callsOf: (service, action) =>
      calls.filter((c) => c.service === service && (!action || c.action === action)),
    tick: () => state.cloudformation.advance(),
    clientConfig: (r = region) => ({ endpoint, region: r, credentials }),
    env: (r = region) => ({
      AWS_ENDPOINT_URL: endpoint,
      AWS_REGION: r,
      AWS_DEFAULT_REGION: r,
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      AWS_EC2_METADATA_DISABLED: "true",
    }),
    goOffline: async () => {
      if (!online) return;
      online = false;
      await stopListening();
    },
    goOnline: async () => {
      if (online) return;
      await listen(port);
      online = true;
    },
    get online() {
      return online;
    },
    close: async () => {
      if (!online) return;
      online = false;
      await stopListening();
    },
  };
}
