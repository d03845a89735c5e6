/**
 * Teardown and sweep benchmark against the local fake AWS and fake GitHub, in scaled time:
 *
 * - teardown: a preview whose bucket holds 10,000 object versions, deleted by teardownStack (the
 *   path teardown and every sweep deletion take) with the real SDK clients over HTTP;
 * - sweep: dist/sweep/index.js run as the runner runs it on a schedule, over 500 previews of this
 *   repository (50 of closed pull requests, all deleted: max-deletions 50) among 100 stacks of
 *   other repositories.
 *
 * Printed per scenario: AWS calls (in total, by service and by action), GitHub calls, and the
 * time taken, real and simulated. The fake's clock and the code's clock both run SCALE times
 * faster than real time from the same origin. Nothing is asserted about time; the call-count
 * targets of issue 8 are asserted: the bucket emptied in at most 25 S3 calls; the 500 previews
 * found and classified in at most 20 CloudFormation calls and one GitHub call per distinct pull
 * request; no call of any kind about another repository's stack.
 */
import { CloudFormationClient } from "@aws-sdk/client-cloudformation";
import { S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, expect, it } from "vitest";
import { timeBase } from "../src/stack/runtime";
import { type TeardownResult, teardownStack } from "../src/stack/teardown";
import { scheduleEvent } from "../test/e2e/events";
import { runAction } from "../test/e2e/harness";
import { BUCKET_TEMPLATE, bucketOf, type StackSeed, seedStacks } from "../test/e2e/seed-previews";
import { type FakeAws, type RecordedCall, startFakeAws } from "../test/fakes/aws/index";
import { type FakeGitHub, startFakeGitHub } from "../test/fakes/github/index";
import { byAction, table } from "./table";

const SCALE = Number(process.env.BENCH_TIME_SCALE ?? 20);
const REPOSITORY = "acme/shop";
const VERSIONS = 10_000;
const PREVIEWS = 500;
const STALE = 50;
const FOREIGN = 100;

/** Simulated time per resource operation, in the range real CloudFormation takes for these types. */
const RESOURCE_DELAY_MS: Record<string, number> = {
  "AWS::S3::Bucket": 25_000,
  "AWS::SNS::Topic": 20_000,
  "*": 30_000,
};

let aws: FakeAws;
let gh: FakeGitHub;
let origin = 0;

beforeAll(async () => {
  origin = Date.now();
  aws = await startFakeAws({ startTime: origin, timeScale: SCALE, resourceDelayMs: RESOURCE_DELAY_MS });
  gh = await startFakeGitHub({ repo: REPOSITORY });
});

afterAll(async () => {
  await aws?.close();
  await gh?.close();
});

/** S3 calls are recorded as method and path; emptying a bucket makes only these two. */
function s3Operation(call: RecordedCall): string {
  return call.action.startsWith("GET")
    ? "ListObjectVersions"
    : call.action.startsWith("POST")
      ? "DeleteObjects"
      : call.action;
}

interface Row {
  scenario: string;
  cfn: number;
  s3: number;
  github: number;
  realMs: number;
  simulatedMs: number;
  detail: string;
}

async function benchTeardown(): Promise<Row> {
  await seedStacks(aws, [{ name: "shop-pr-12", pr: 12, ageDays: 1, template: BUCKET_TEMPLATE }], REPOSITORY);
  const bucket = bucketOf(aws, "shop-pr-12");
  aws.state.s3.setVersioning(bucket, "Enabled");
  // 2,500 keys of 4 versions each.
  for (let i = 0; i < VERSIONS; i++)
    aws.state.s3.putObject(bucket, `uploads/${i % 2_500}.json`, Buffer.from(`{"v":${i}}`));
  expect(aws.state.s3.listVersions(bucket)).toHaveLength(VERSIONS);

  const env = {
    AWS_ENDPOINT_URL: aws.endpoint,
    PREVIEW_STACKS_TIME_SCALE: String(SCALE),
    PREVIEW_STACKS_TIME_ORIGIN: String(origin),
  };
  const time = timeBase(env, (message) => {
    throw new Error(message);
  });
  const config = { ...aws.clientConfig() };
  const cfn = new CloudFormationClient(config);
  const s3 = new S3Client({ ...config, forcePathStyle: true });
  const first = aws.calls.length;
  const start = { real: Date.now(), sim: time.clock() };
  const result: TeardownResult = await teardownStack(
    {
      stackName: "shop-pr-12",
      expected: { repository: REPOSITORY, pr: 12 },
      allowUnmanaged: false,
      emptyBuckets: true,
      retainOnFailure: false,
      timeoutMinutes: 60,
      dryRun: false,
      region: aws.region,
      run: { id: 1, attempt: 1 },
    },
    { cfn, s3, clock: time.clock, sleep: time.sleep, log: () => {} },
  );
  const end = { real: Date.now(), sim: time.clock() };
  cfn.destroy();
  s3.destroy();
  expect(result.status, result.failure?.message).toBe("deleted");
  expect(result.objectsDeleted).toBe(VERSIONS);
  const calls = aws.calls.slice(first);
  const s3Calls = calls.filter((c) => c.service === "s3");
  expect(s3Calls.length, "S3 calls to empty the bucket").toBeLessThanOrEqual(25);
  return {
    scenario: `teardown: bucket of ${VERSIONS.toLocaleString("en")} versions`,
    cfn: calls.filter((c) => c.service === "cloudformation").length,
    s3: s3Calls.length,
    github: 0,
    realMs: end.real - start.real,
    simulatedMs: end.sim - start.sim,
    detail: `${byAction(calls.filter((c) => c.service === "cloudformation"))}; S3: ${byAction(s3Calls, s3Operation)}`,
  };
}

async function benchSweep(): Promise<Row[]> {
  const seeds: StackSeed[] = [];
  for (let i = 0; i < PREVIEWS; i++) {
    const pr = 1_000 + i;
    const stale = i < STALE;
    gh.state.addPullRequest({ number: pr, state: stale ? "closed" : "open", merged: stale && i % 2 === 0 });
    seeds.push({
      name: `shop-pr-${pr}`,
      repository: REPOSITORY,
      pr,
      ageDays: stale ? 10 + i / 10 : 1 + (i % 6),
    });
  }
  // Other repositories' previews, half of them named as this repository's would be.
  for (let i = 0; i < FOREIGN; i++) {
    const pr = 5_000 + i;
    seeds.push({
      name: i % 2 === 0 ? `shop-pr-${pr}` : `other-pr-${pr}`,
      repository: "acme/other",
      pr,
      ageDays: 30,
    });
  }
  await seedStacks(aws, seeds, REPOSITORY);
  const foreign = seeds.filter((s) => s.repository !== REPOSITORY).map((s) => s.name);

  const first = aws.calls.length;
  const firstGh = gh.calls.length;
  const start = { real: Date.now(), sim: aws.clock.now() };
  const run = await runAction({
    action: "sweep",
    event: scheduleEvent(),
    awsEndpoint: aws.endpoint,
    githubApiUrl: gh.url,
    inputs: { "github-token": gh.token, "max-deletions": String(STALE) },
    env: {
      AWS_S3_FORCE_PATH_STYLE: "true",
      PREVIEW_STACKS_TIME_SCALE: String(SCALE),
      PREVIEW_STACKS_TIME_ORIGIN: String(origin),
    },
    runId: "6000",
    timeoutMs: 280_000,
  });
  const end = { real: Date.now(), sim: aws.clock.now() };
  expect(run.exitCode, `${run.stdout}\n${run.stderr}`).toBe(0);
  expect(JSON.parse(run.outputs.deleted)).toHaveLength(STALE);
  expect(JSON.parse(run.outputs.kept)).toHaveLength(PREVIEWS - STALE);

  const calls = aws.calls.slice(first);
  const ghCalls = gh.calls.slice(firstGh);
  // Finding and classifying ends where the first deletion starts: its first call names a stack.
  const firstDeletion = calls.findIndex((c) => c.keys.StackName !== undefined);
  const finding = calls.slice(0, firstDeletion);
  const deleting = calls.slice(firstDeletion);
  const lookups = ghCalls.filter(
    (c) => c.method === "GET" && /^\/repos\/acme\/shop\/pulls\/\d+$/.test(c.path),
  );
  const distinct = new Set(lookups.map((c) => c.path)).size;
  const mentions = calls.filter((c) =>
    foreign.some((name) => JSON.stringify([c.keys, c.params ?? {}]).includes(name)),
  );

  expect(finding.every((c) => c.service === "cloudformation")).toBe(true);
  expect(finding.length, "CloudFormation calls to find the previews").toBeLessThanOrEqual(20);
  expect(distinct).toBe(PREVIEWS);
  expect(lookups.length, "GitHub calls per distinct pull request").toBeLessThanOrEqual(distinct);
  expect(mentions, "calls about other repositories' stacks").toEqual([]);

  return [
    {
      scenario: `sweep: find and classify ${PREVIEWS} previews (+${FOREIGN} foreign stacks)`,
      cfn: finding.length,
      s3: 0,
      github: lookups.length,
      realMs: Number.NaN,
      simulatedMs: Number.NaN,
      detail: `${byAction(finding)}; GitHub: ${lookups.length} GET pulls/{n} for ${distinct} distinct pull requests`,
    },
    {
      scenario: `sweep: delete ${STALE} stale previews (3 at a time)`,
      cfn: deleting.filter((c) => c.service === "cloudformation").length,
      s3: deleting.filter((c) => c.service === "s3").length,
      github: ghCalls.length - lookups.length,
      realMs: Number.NaN,
      simulatedMs: Number.NaN,
      detail: byAction(deleting.filter((c) => c.service === "cloudformation")),
    },
    {
      scenario: "sweep: the whole run",
      cfn: calls.filter((c) => c.service === "cloudformation").length,
      s3: calls.filter((c) => c.service === "s3").length,
      github: ghCalls.length,
      realMs: end.real - start.real,
      simulatedMs: end.sim - start.sim,
      detail: `other repositories' stacks named in a call: ${mentions.length}`,
    },
  ];
}

it("benchmarks a teardown of a 10,000-version bucket and a sweep of 500 previews", async () => {
  const rows = [await benchTeardown(), ...(await benchSweep())];
  const fmt = (n: number, digits = 0) => (Number.isNaN(n) ? "-" : n.toFixed(digits));
  console.log(
    `\nTeardown and sweep benchmark against the fake AWS and GitHub, time scale ${SCALE}x\n\n${table(
      ["scenario", "CloudFormation", "S3", "GitHub", "real s", "simulated s"],
      rows.map((r) => [
        r.scenario,
        String(r.cfn),
        String(r.s3),
        String(r.github),
        fmt(r.realMs / 1000, 1),
        fmt(r.simulatedMs / 1000, 0),
      ]),
    )}\n\n${table(
      ["scenario", "calls by action"],
      rows.map((r) => [r.scenario, r.detail]),
    )}\n\nTargets: the bucket emptied in at most 25 S3 calls; ${PREVIEWS} previews found and classified in at most 20 CloudFormation calls and one GitHub call per distinct pull request; no call about another repository's stack.\n`,
  );
});
