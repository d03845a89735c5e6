/**
 * docs/iam-policy.json, the deploy role's policy, checked against what the bundles really call:
 * build-layer, deploy (create, update, no-op), teardown (dry run, then for real) and sweep (dry
 * run, then for real) run against the fake AWS through a recording proxy on 127.0.0.1, each AWS
 * request is mapped to the IAM actions and resource ARNs that authorize it, and a small evaluator
 * of Allow statements (wildcards in Action and Resource, StringEquals/StringLike conditions)
 * must allow every one. The other way round, the policy may grant no `*` action, `*` resources
 * only to the actions that have no resource-level permissions, no resource pattern that nothing
 * used, and no action that nothing used beyond the few listed here with the path that needs them.
 *
 * The proxy exists because the fake records S3 and Lambda calls as `<METHOD> <path>`: the query
 * string is what tells ListObjectsV2 (s3:ListBucket) from ListObjectVersions
 * (s3:ListBucketVersions). Its records are checked against the fake's own `aws.calls`, one for
 * one, so no call escapes the check.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, request } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RecordedCall } from "../fakes/aws/index";
import { credentialScope } from "../fakes/aws/protocol";
import { pullRequestEvent, scheduleEvent } from "./events";
import { ROOT, type RunResult, runAction } from "./harness";
import { HEAD, PR, PreviewFixture } from "./preview-fixture";
import { BUCKET_TEMPLATE, seedStacks } from "./seed-previews";

/** What the placeholders of docs/iam-policy.json stand for in these runs. */
const VALUES = {
  REGION: "us-east-1",
  ACCOUNT_ID: "123456789012",
  STACK_PREFIX: "shop",
  ARTIFACT_BUCKET: "acme-artifacts",
  ARTIFACT_PREFIX: "previews/",
  CLOUDFORMATION_ROLE: "shop-previews-cloudformation",
};
const ROLE_ARN = `arn:aws:iam::${VALUES.ACCOUNT_ID}:role/${VALUES.CLOUDFORMATION_ROLE}`;

/**
 * Actions that authorize no particular resource (the Service Authorization Reference lists no
 * resource type for them), or, for DescribeStacks, its listing form without a StackName: the
 * only actions a `*` resource may be granted to.
 */
const NO_RESOURCE_LEVEL = new Set([
  "cloudformation:DescribeStacks",
  "cloudformation:ListStacks",
  "cloudformation:ListExports",
  "cloudformation:ListImports",
  "cloudformation:ValidateTemplate",
  "lambda:ListLayers",
]);

/** Granted, and needed, on paths these flows do not take. */
const UNEXERCISED: Record<string, string> = {
  "cloudformation:CancelUpdateStack":
    "teardown cancels an update in progress; deploy cancels a preview's update on timeout",
  "cloudformation:ContinueUpdateRollback":
    "deploy with continue-rollback: true on a stack in UPDATE_ROLLBACK_FAILED",
  "cloudformation:ListChangeSets":
    "a first change set that fails: deploy deletes the empty REVIEW_IN_PROGRESS stack it left when no other change set waits on it",
};

// ---------------------------------------------------------------------------------------------
// The policy and its evaluator

type OneOrMany = string | string[];

interface Statement {
  Sid?: string;
  Effect: string;
  Action?: OneOrMany;
  Resource?: OneOrMany;
  NotAction?: OneOrMany;
  NotResource?: OneOrMany;
  Condition?: Record<string, Record<string, OneOrMany>>;
}

interface Policy {
  Version: string;
  Statement: Statement[];
}

/** One authorization IAM makes for a request: an action on a resource, with condition keys. */
interface Authorization {
  action: string;
  resource: string;
  context?: Record<string, string>;
  /** The request it came from, for failure messages. */
  from: string;
}

const list = (value: OneOrMany | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** IAM's wildcard match: `*` any run of characters, `?` one character. */
function wildcard(pattern: string, value: string, ignoreCase: boolean): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${source}$`, ignoreCase ? "i" : "").test(value);
}

function conditionHolds(condition: Statement["Condition"], context: Record<string, string>): boolean {
  for (const [operator, keys] of Object.entries(condition ?? {})) {
    for (const [key, expected] of Object.entries(keys)) {
      const actual = context[key];
      // A key the request does not carry makes a String condition false, as in IAM.
      if (actual === undefined) return false;
      if (operator === "StringEquals") {
        if (!list(expected).includes(actual)) return false;
      } else if (operator === "StringLike") {
        if (!list(expected).some((p) => wildcard(p, actual, false))) return false;
      } else {
        throw new Error(`the evaluator does not know condition operator ${operator}`);
      }
    }
  }
  return true;
}

function allows(policy: Policy, auth: Authorization): boolean {
  return policy.Statement.some(
    (s) =>
      s.Effect === "Allow" &&
      list(s.Action).some((a) => wildcard(a, auth.action, true)) &&
      list(s.Resource).some((r) => wildcard(r, auth.resource, false)) &&
      conditionHolds(s.Condition, auth.context ?? {}),
  );
}

function loadPolicy(): Policy {
  let text = readFileSync(join(ROOT, "docs/iam-policy.json"), "utf8");
  for (const [placeholder, value] of Object.entries(VALUES)) text = text.replaceAll(placeholder, value);
  return JSON.parse(text) as Policy;
}

// ---------------------------------------------------------------------------------------------
// Recording proxy and the mapping of requests to IAM authorizations

interface Recorded {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: string;
  /** HTTP status of the answer. */
  status: number;
}

async function startProxy(target: string) {
  const requests: Recorded[] = [];
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const recorded: Recorded = {
        method: req.method ?? "GET",
        path: decodeURIComponent(url.pathname),
        query: url.searchParams,
        headers: flatten(req.headers),
        body: body.toString("utf8"),
        status: 0,
      };
      requests.push(recorded);
      const forward = request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        (answer) => {
          recorded.status = answer.statusCode ?? 0;
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on("error", () => res.destroy());
      forward.end(body);
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function flatten(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers))
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}

/** The stack a CloudFormation request names, as the ARN IAM checks; `*` when it names none. */
function stackArn(region: string, name: string | null): string {
  if (!name) return "*";
  if (name.startsWith("arn:")) return name;
  return `arn:aws:cloudformation:${region}:${VALUES.ACCOUNT_ID}:stack/${name}/*`;
}

/** An S3 object a URL names (path style, as with a custom endpoint, or virtual-hosted). */
function s3ObjectArn(url: string): string {
  const u = new URL(url);
  const hosted = /^([^.]+)\.s3[.-]/.exec(u.hostname);
  const path = decodeURIComponent(u.pathname).replace(/^\//, "");
  return `arn:aws:s3:::${hosted ? `${hosted[1]}/${path}` : path}`;
}

function cloudFormation(r: Recorded, region: string): Authorization[] {
  const params = new URLSearchParams(r.body);
  const operation = params.get("Action") ?? "";
  const from = `cloudformation ${operation} ${params.get("StackName") ?? ""}`.trim();
  const auths: Authorization[] = [
    { action: `cloudformation:${operation}`, resource: stackArn(region, params.get("StackName")), from },
  ];
  const role = params.get("RoleARN");
  if (role) {
    auths.push({
      action: "iam:PassRole",
      resource: role,
      context: { "iam:PassedToService": "cloudformation.amazonaws.com" },
      from,
    });
  }
  // CloudFormation reads a TemplateURL with the caller's permissions.
  const templateUrl = params.get("TemplateURL");
  if (templateUrl) auths.push({ action: "s3:GetObject", resource: s3ObjectArn(templateUrl), from });
  return auths;
}

function lambda(r: Recorded, region: string): Authorization[] {
  const m = /^\/2018-10-31\/layers(?:\/([^/]+)(?:\/versions(?:\/(\d+))?)?)?\/?$/.exec(r.path);
  if (!m) throw new Error(`unmapped Lambda request ${r.method} ${r.path}`);
  const from = `lambda ${r.method} ${r.path}`;
  const [, rawName, version] = m;
  const layer = (name: string) =>
    name.startsWith("arn:") ? name : `arn:aws:lambda:${region}:${VALUES.ACCOUNT_ID}:layer:${name}`;
  if (rawName === undefined) {
    if (r.query.get("find") === "LayerVersion")
      return [{ action: "lambda:GetLayerVersion", resource: r.query.get("Arn") ?? "", from }];
    return [{ action: "lambda:ListLayers", resource: "*", from }];
  }
  if (version === undefined) {
    const action = r.method === "POST" ? "lambda:PublishLayerVersion" : "lambda:ListLayerVersions";
    return [{ action, resource: layer(rawName), from }];
  }
  const action = r.method === "DELETE" ? "lambda:DeleteLayerVersion" : "lambda:GetLayerVersion";
  return [{ action, resource: `${layer(rawName)}:${version}`, from }];
}

function s3(r: Recorded): Authorization[] {
  const [bucket, ...rest] = r.path.replace(/^\//, "").split("/");
  const key = rest.join("/");
  const from = `s3 ${r.method} ${r.path}?${r.query}`;
  // The SDK names some operations in an x-id parameter; what authorizes them is the rest.
  const q = new URLSearchParams([...r.query].filter(([k]) => k !== "x-id"));
  const on = (action: string, resource: string) => [{ action: `s3:${action}`, resource, from }];
  const bucketArn = `arn:aws:s3:::${bucket}`;
  if (!bucket) throw new Error(`unmapped S3 request ${from}`);
  if (key === "") {
    if (r.method === "HEAD") return on("ListBucket", bucketArn); // HeadBucket
    if (r.method === "GET" && q.has("location")) return on("GetBucketLocation", bucketArn);
    if (r.method === "GET" && q.has("versioning")) return on("GetBucketVersioning", bucketArn);
    if (r.method === "GET" && q.has("versions")) return on("ListBucketVersions", bucketArn);
    if (
      r.method === "GET" &&
      [...q.keys()].every((k) =>
        /^(list-type|prefix|continuation-token|max-keys|delimiter|start-after|encoding-type|fetch-owner)$/.test(
          k,
        ),
      )
    )
      return on("ListBucket", bucketArn); // ListObjectsV2
    if (r.method === "POST" && q.has("delete")) {
      // DeleteObjects authorizes each object: DeleteObjectVersion when a version is named.
      return [...r.body.matchAll(/<Object>([\s\S]*?)<\/Object>/g)].map(([, object]) => {
        const objectKey = /<Key>([\s\S]*?)<\/Key>/.exec(object)?.[1] ?? "";
        const versioned = /<VersionId>/.test(object);
        return {
          action: versioned ? "s3:DeleteObjectVersion" : "s3:DeleteObject",
          resource: `${bucketArn}/${objectKey}`,
          from,
        };
      });
    }
  } else {
    const objectArn = `${bucketArn}/${key}`;
    if (r.headers["x-amz-copy-source"]) throw new Error(`unmapped S3 copy ${from}`);
    if (r.method === "PUT" && [...q.keys()].length === 0) return on("PutObject", objectArn);
    if (r.method === "GET" || r.method === "HEAD") {
      const read = on(q.has("versionId") ? "GetObjectVersion" : "GetObject", objectArn);
      // S3 answers a missing object with 404 only to a caller that may list the bucket (403
      // otherwise), and the code reads 404 as "not uploaded yet".
      return r.status === 404 ? [...read, ...on("ListBucket", bucketArn)] : read;
    }
    if (r.method === "DELETE")
      return on(q.has("versionId") ? "DeleteObjectVersion" : "DeleteObject", objectArn);
  }
  throw new Error(`unmapped S3 request ${from}`);
}

function authorizations(r: Recorded): Authorization[] {
  const scope = credentialScope(r.headers, r.query);
  if (!scope) throw new Error(`unsigned request ${r.method} ${r.path}`);
  if (scope.service === "cloudformation") return cloudFormation(r, scope.region);
  // GetCallerIdentity needs no permission: IAM cannot deny it.
  if (scope.service === "sts") return [];
  if (scope.service === "lambda") return lambda(r, scope.region);
  if (scope.service === "s3") return s3(r);
  throw new Error(`unmapped service ${scope.service}`);
}

// ---------------------------------------------------------------------------------------------
// The flows

const TEMPLATE = `Transform: AWS::Serverless-2016-10-31
Parameters:
  DepsLayerArn:
    Type: String
Resources:
  Uploads:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: Enabled
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: src
      Handler: index.handler
      Runtime: nodejs22.x
      Layers: [!Ref DepsLayerArn]
Outputs:
  Uploads:
    Value: !Ref Uploads
    Export:
      Name: !Sub \${AWS::StackName}-uploads
`;

let f: PreviewFixture;
let proxy: Awaited<ReturnType<typeof startProxy>>;
const runs: { name: string; calls: RecordedCall[]; recorded: Recorded[] }[] = [];

/** Runs one bundle through the proxy and keeps what it called. */
async function flow(name: string, start: () => Promise<RunResult>): Promise<RunResult> {
  const fakeBefore = f.aws.calls.length;
  const proxyBefore = proxy.requests.length;
  const run = await start();
  expect(run.exitCode, `${name}\n${run.stdout}\n${run.stderr}`).toBe(0);
  runs.push({
    name,
    calls: f.aws.calls.slice(fakeBefore),
    recorded: proxy.requests.slice(proxyBefore),
  });
  return run;
}

function buildLayer(content: string): Promise<RunResult> {
  mkdirSync(join(f.workspace, "native/lib"), { recursive: true });
  writeFileSync(join(f.workspace, "native/lib/libdeps.so"), content);
  return runAction({
    action: "build-layer",
    workspace: f.workspace,
    awsEndpoint: proxy.url,
    inputs: {
      name: "shop-deps",
      runtime: "custom",
      source: "native",
      include: "native/lib:lib",
      "artifact-bucket": VALUES.ARTIFACT_BUCKET,
      "artifact-prefix": VALUES.ARTIFACT_PREFIX,
      "keep-versions": "1",
      cache: "false",
    },
    env: { AWS_S3_FORCE_PATH_STYLE: "true" },
  });
}

beforeAll(async () => {
  f = await PreviewFixture.start({ template: TEMPLATE });
  proxy = await startProxy(f.aws.endpoint);
  f.aws.state.s3.createBucket(VALUES.ARTIFACT_BUCKET, VALUES.REGION);
  const via = { awsEndpoint: proxy.url };

  await flow("build-layer", () => buildLayer("v1"));
  const layer = await flow("build-layer, new content (prunes the old version)", () => buildLayer("v2"));
  const arn = layer.outputs["layer-version-arn"];

  mkdirSync(join(f.workspace, "src"), { recursive: true });
  writeFileSync(join(f.workspace, "src/index.js"), "exports.handler = async () => 1;\n");
  const parameters = {
    "artifact-bucket": VALUES.ARTIFACT_BUCKET,
    "artifact-prefix": VALUES.ARTIFACT_PREFIX,
    "role-arn": ROLE_ARN,
    "parameter-overrides": `DepsLayerArn=${arn}`,
  };
  const created = await flow("deploy (create)", () => f.deploy(parameters, via));
  writeFileSync(join(f.workspace, "src/index.js"), "exports.handler = async () => 2;\n");
  await flow("deploy (update)", () => f.deploy(parameters, via));
  await flow("deploy (no-op)", () => f.deploy(parameters, via));
  // A template whose text changed but not its resources: a change set without changes, deleted.
  f.writeTemplate(`${TEMPLATE}# a comment\n`);
  await flow("deploy (empty change set)", () => f.deploy(parameters, via));

  const bucket = JSON.parse(created.outputs["outputs-json"]).Uploads as string;
  for (let v = 0; v < 3; v++) f.aws.state.s3.putObject(bucket, "uploads/a.png", Buffer.from(`v${v}`));
  const closed = { ...via, event: pullRequestEvent({ number: PR, sha: HEAD, action: "closed" }) };
  await flow("teardown (dry run)", () => f.run("teardown", { "dry-run": "true" }, closed));
  await flow("teardown", () => f.run("teardown", {}, closed));

  f.gh.state.addPullRequest({ number: 5, state: "closed" });
  await seedStacks(f.aws, [{ name: "shop-pr-5", pr: 5, ageDays: 3, template: BUCKET_TEMPLATE }]);
  const swept = { ...via, event: scheduleEvent(), timeoutMs: 120_000 };
  await flow("sweep (dry run)", () => f.run("sweep", { "dry-run": "true" }, swept));
  const sweep = await flow("sweep", () => f.run("sweep", {}, swept));
  expect(JSON.parse(sweep.outputs.deleted)).toEqual(["shop-pr-5"]);
}, 300_000);

afterAll(async () => {
  await proxy?.close();
  await f?.close();
});

// ---------------------------------------------------------------------------------------------

describe("docs/iam-policy.json against the calls of the end-to-end flows", () => {
  const all = () => runs.flatMap((r) => r.recorded.flatMap(authorizations));

  it("saw every call the fake saw, through the proxy", () => {
    expect(runs.map((r) => r.name)).toHaveLength(10);
    // The same calls, as the fake names them (the query action, or the method and path).
    const named = (service: string, action: string) => `${service} ${action}`;
    for (const r of runs) {
      const seen = r.recorded.map((q) => {
        const service = credentialScope(q.headers, q.query)?.service ?? "";
        const query = service === "cloudformation" || service === "sts";
        return named(
          service,
          query ? (new URLSearchParams(q.body).get("Action") ?? "") : `${q.method} ${q.path}`,
        );
      });
      expect(seen.sort(), r.name).toEqual(r.calls.map((c) => named(c.service, c.action)).sort());
    }
    const used = new Set(all().map((a) => a.action));
    // The flows reach each service the policy is about.
    for (const action of [
      "cloudformation:CreateChangeSet",
      "cloudformation:ExecuteChangeSet",
      "cloudformation:DeleteStack",
      "cloudformation:DeleteChangeSet",
      "cloudformation:ListImports",
      "iam:PassRole",
      "s3:ListBucket",
      "s3:PutObject",
      "s3:ListBucketVersions",
      "s3:DeleteObjectVersion",
      "lambda:PublishLayerVersion",
      "lambda:DeleteLayerVersion",
    ])
      expect(used, action).toContain(action);
  });

  it("allows every call", () => {
    const policy = loadPolicy();
    const denied = all().filter((a) => !allows(policy, a));
    expect(denied.map((a) => `${a.action} on ${a.resource} (${a.from})`)).toEqual([]);
  });

  it("grants only Allow statements of named actions, no wildcard action", () => {
    const policy = loadPolicy();
    expect(policy.Version).toBe("2012-10-17");
    for (const s of policy.Statement) {
      expect(s.Effect, s.Sid).toBe("Allow");
      expect([s.NotAction, s.NotResource], s.Sid).toEqual([undefined, undefined]);
      for (const action of list(s.Action)) expect(action, s.Sid).toMatch(/^[a-z0-9]+:[A-Za-z]+$/);
    }
  });

  it("grants `*` resources only to actions without resource-level permissions that the flows used", () => {
    const policy = loadPolicy();
    const usedOnAny = new Set(
      all()
        .filter((a) => a.resource === "*")
        .map((a) => a.action),
    );
    for (const s of policy.Statement.filter((s) => list(s.Resource).includes("*"))) {
      for (const action of list(s.Action)) {
        expect(NO_RESOURCE_LEVEL.has(action), `${s.Sid}: ${action}`).toBe(true);
        expect(usedOnAny.has(action), `${s.Sid}: ${action} on *`).toBe(true);
      }
    }
  });

  it("scopes every other resource to this account, region and naming, and uses each pattern", () => {
    const policy = loadPolicy();
    const used = all();
    for (const s of policy.Statement) {
      for (const resource of list(s.Resource).filter((r) => r !== "*")) {
        const [arn, partition, service, region, account, ...name] = resource.split(":");
        expect([arn, partition], resource).toEqual(["arn", "aws"]);
        // No wildcard in the service, region or account, nor at the start of the name.
        for (const part of [service, region, account]) expect(part, resource).not.toMatch(/[*?]/);
        if (service !== "s3" && service !== "iam") expect(region, resource).toBe(VALUES.REGION);
        if (service !== "s3") expect(account, resource).toBe(VALUES.ACCOUNT_ID);
        expect(name.join(":"), resource).toMatch(/^[^*?]*[A-Za-z0-9]/);
        expect(
          used.some((a) => list(s.Action).includes(a.action) && wildcard(resource, a.resource, false)),
          `${s.Sid}: ${resource} is used by no call`,
        ).toBe(true);
      }
    }
  });

  it("grants no action that no flow used, beyond those listed with the path that needs them", () => {
    const policy = loadPolicy();
    const used = new Set(all().map((a) => a.action));
    const granted = new Set(policy.Statement.flatMap((s) => list(s.Action)));
    expect([...granted].filter((a) => !used.has(a)).sort()).toEqual(Object.keys(UNEXERCISED).sort());
  });

  it("refuses what is outside the previews: other stacks, other buckets, other layers, other roles", () => {
    const policy = loadPolicy();
    const region = VALUES.REGION;
    const account = VALUES.ACCOUNT_ID;
    const denied: Omit<Authorization, "from">[] = [
      {
        action: "cloudformation:DeleteStack",
        resource: `arn:aws:cloudformation:${region}:${account}:stack/shop-production/1`,
      },
      {
        action: "cloudformation:ExecuteChangeSet",
        resource: `arn:aws:cloudformation:${region}:${account}:stack/billing-pr-3/1`,
      },
      {
        action: "cloudformation:DeleteStack",
        resource: `arn:aws:cloudformation:eu-west-1:${account}:stack/shop-pr-3/1`,
      },
      { action: "s3:PutObject", resource: `arn:aws:s3:::${VALUES.ARTIFACT_BUCKET}/other/x.zip` },
      { action: "s3:DeleteObjectVersion", resource: `arn:aws:s3:::${VALUES.ARTIFACT_BUCKET}/previews/x.zip` },
      { action: "s3:DeleteObjectVersion", resource: "arn:aws:s3:::shop-production-uploads/x" },
      {
        action: "lambda:DeleteLayerVersion",
        resource: `arn:aws:lambda:${region}:${account}:layer:billing-deps:3`,
      },
      {
        action: "iam:PassRole",
        resource: `arn:aws:iam::${account}:role/admin`,
        context: { "iam:PassedToService": "cloudformation.amazonaws.com" },
      },
      {
        action: "iam:PassRole",
        resource: ROLE_ARN,
        context: { "iam:PassedToService": "lambda.amazonaws.com" },
      },
    ];
    expect(denied.filter((a) => allows(policy, { ...a, from: "" }))).toEqual([]);
  });
});

describe("the policy evaluator", () => {
  const policy: Policy = {
    Version: "2012-10-17",
    Statement: [
      { Effect: "Allow", Action: "s3:Get*", Resource: "arn:aws:s3:::b/p?/*" },
      {
        Effect: "Allow",
        Action: ["iam:PassRole"],
        Resource: "arn:aws:iam::1:role/r",
        Condition: { StringLike: { "iam:PassedToService": "cloudformation.*" } },
      },
      { Effect: "Deny", Action: "s3:PutObject", Resource: "*" },
    ],
  };
  const check = (action: string, resource: string, context?: Record<string, string>) =>
    allows(policy, { action, resource, context, from: "" });

  it("matches wildcards in actions (case-insensitively) and resources (case-sensitively)", () => {
    expect(check("s3:GetObject", "arn:aws:s3:::b/p1/key")).toBe(true);
    expect(check("S3:getobject", "arn:aws:s3:::b/p1/key")).toBe(true);
    expect(check("s3:GetObject", "arn:aws:s3:::b/p12/key")).toBe(false);
    expect(check("s3:GetObject", "arn:aws:s3:::B/p1/key")).toBe(false);
    expect(check("s3:ListBucket", "arn:aws:s3:::b/p1/key")).toBe(false);
  });

  it("holds conditions against the request's keys, a missing key failing them", () => {
    expect(
      check("iam:PassRole", "arn:aws:iam::1:role/r", {
        "iam:PassedToService": "cloudformation.amazonaws.com",
      }),
    ).toBe(true);
    expect(
      check("iam:PassRole", "arn:aws:iam::1:role/r", { "iam:PassedToService": "ec2.amazonaws.com" }),
    ).toBe(false);
    expect(check("iam:PassRole", "arn:aws:iam::1:role/r")).toBe(false);
  });

  it("never allows through a Deny statement", () => {
    expect(check("s3:PutObject", "arn:aws:s3:::b/p1/key")).toBe(false);
  });
});
