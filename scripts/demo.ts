/**
 * The whole pull-request loop on this machine, through the root action's bundle (dist/main) as the
 * GitHub runner runs it, against the local fake AWS and fake GitHub, on the sample app in
 * workflows-examples/sample-app:
 *   1. pull request opened: validate, build the sample layer, package local code, deploy, comment;
 *   2. a push that replaces a resource: the comment flags the replacement;
 *   3. a push that changes nothing: the no-op path;
 *   4. pull request closed: teardown, and the comment says the preview was removed;
 *   5. the nightly sweep: nothing stale is left.
 * Each step prints its log, its time and its AWS call count; the demo exits 0 only when every step
 * did what it should.
 *
 * `npm run demo` bundles this file with ncc and runs it from the project root (PREVIEW_STACKS_ROOT
 * tells the bundled harness where the actions are); test/e2e/demo.test.ts calls runDemo().
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isEntry } from "../src/actions/entry";
import { pullRequestEvent, scheduleEvent, type WorkflowEvent } from "../test/e2e/events";
import { ROOT, type RunResult, runAction } from "../test/e2e/harness";
import { startFakeAws } from "../test/fakes/aws/index";
import { startFakeGitHub } from "../test/fakes/github/index";

const SCALE = 20;
const REPOSITORY = "acme/shop";
const PR = 7;
const STACK = `shop-pr-${PR}`;
const BUCKET = "shop-artifacts";
const SHA = [
  "1111111111111111111111111111111111111111",
  "2222222222222222222222222222222222222222",
  "3333333333333333333333333333333333333333",
];

/** The sample app's layer, built and published before the deploy; its ARN fills CommonLayerArn. */
const LAYERS = `- name: orders-common
  runtime: custom
  include: layers/orders-common:nodejs/node_modules/orders-common
  compatible-runtimes: nodejs22.x
  template-parameter: CommonLayerArn
`;

interface Step {
  title: string;
  event: WorkflowEvent;
  /** Before the run: a change to the checkout. */
  change?: (workspace: string) => void;
  /** What went wrong, or undefined when the step did what it should. */
  check: (run: RunResult, comment: string) => string | undefined;
  /** Print the sticky comment after this step. */
  showComment?: boolean;
}

const pr = (action: "opened" | "synchronize" | "closed", sha: string) =>
  pullRequestEvent({ number: PR, sha, action, repository: { owner: "acme", name: "shop" } });

const STEPS: Step[] = [
  {
    title: `pull request #${PR} opened: validate, build the sample layer, package, deploy`,
    event: pr("opened", SHA[0]),
    showComment: true,
    check: (run, comment) => {
      const arns = JSON.parse(run.outputs["layer-version-arns"] || "{}") as Record<string, string>;
      if (run.outputs.status !== "CREATE_COMPLETE") return `status is ${run.outputs.status}`;
      if (!arns.CommonLayerArn) return "no layer ARN was passed to CommonLayerArn";
      const packaged = run.outputs["packaged-template"];
      if (!packaged || !readFileSync(packaged, "utf8").includes(BUCKET))
        return "the local code was not packaged";
      if (!comment.includes(STACK)) return "the pull request has no comment for the preview";
      return undefined;
    },
  },
  {
    title: "a push that renames the log group: the comment flags the replacement",
    event: pr("synchronize", SHA[1]),
    change: (workspace) => {
      const file = join(workspace, "template.yaml");
      const body = readFileSync(file, "utf8");
      const renamed = body.replace(
        "LogGroupName: !Sub /aws/lambda/${CreateOrderFunction}",
        "LogGroupName: /orders/create-order",
      );
      if (renamed === body)
        throw new Error("The sample app's template no longer has the log group the demo renames.");
      writeFileSync(file, renamed);
    },
    showComment: true,
    check: (run, comment) => {
      if (run.outputs.status !== "UPDATE_COMPLETE") return `status is ${run.outputs.status}`;
      if (!/\*\*replaced\*\*/.test(comment)) return "the comment does not flag the replacement";
      return undefined;
    },
  },
  {
    title: "a push that changes nothing: the no-op path",
    event: pr("synchronize", SHA[2]),
    check: (run) => (run.outputs["has-changes"] === "false" ? undefined : "the stack was changed"),
  },
  {
    title: `pull request #${PR} closed: teardown`,
    event: pr("closed", SHA[2]),
    showComment: true,
    check: (run, comment) => {
      if (run.outputs.status !== "deleted") return `teardown status is ${run.outputs.status}`;
      if (!comment.includes("removed")) return "the comment does not say the preview was removed";
      return undefined;
    },
  },
  {
    title: "the nightly sweep: nothing stale",
    event: scheduleEvent(),
    check: (run) =>
      run.outputs.deleted === "[]" && run.outputs.failed === "[]" ? undefined : "the sweep found previews",
  },
];

/** The log a person reads: no debug lines or masks. */
function logLines(run: RunResult): string {
  return run.stdout
    .split("\n")
    .filter((line) => line && !line.startsWith("::debug") && !line.startsWith("::add-mask"))
    .join("\n");
}

/** Runs the loop; returns the exit code: 0 when every step did what it should. */
export async function runDemo(print: (text: string) => void = console.log): Promise<number> {
  const workspace = mkdtempSync(join(tmpdir(), "preview-stacks-demo-"));
  cpSync(join(ROOT, "workflows-examples/sample-app"), workspace, { recursive: true });
  const origin = Date.now();
  const aws = await startFakeAws({ startTime: origin, timeScale: SCALE, resourceDelayMs: 4_000 });
  const github = await startFakeGitHub({ repo: REPOSITORY });
  aws.state.s3.createBucket(BUCKET, "us-east-1");
  github.state.addPullRequest({ number: PR, headSha: SHA[0] });
  const failures: string[] = [];
  // The workspace and each step's runner files are removed at the end: a demo leaves nothing behind.
  const leftovers = [workspace];
  try {
    for (const [index, step] of STEPS.entries()) {
      step.change?.(workspace);
      if (step.event.payload.action === "closed") github.state.closePullRequest(PR);
      const calls = aws.calls.length;
      const started = Date.now();
      const run = await runAction({
        action: ".",
        workspace,
        event: step.event,
        awsEndpoint: aws.endpoint,
        githubApiUrl: github.url,
        runId: String(100 + index),
        inputs: {
          template: "template.yaml",
          "artifact-bucket": BUCKET,
          layers: LAYERS,
          "url-output": "ApiUrl",
          "github-token": github.token,
        },
        env: {
          AWS_S3_FORCE_PATH_STYLE: "true",
          PREVIEW_STACKS_TIME_SCALE: String(SCALE),
          PREVIEW_STACKS_TIME_ORIGIN: String(origin),
        },
        timeoutMs: 180_000,
      });
      leftovers.push(run.dir);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const comment = github.state.commentsOn(PR, REPOSITORY).at(-1)?.body ?? "";
      const problem = run.exitCode === 0 ? step.check(run, comment) : `exit code ${run.exitCode}`;
      print(`\n=== ${index + 1}. ${step.title} ===\n${logLines(run)}`);
      if (step.showComment) print(`\n--- the pull request's comment ---\n${comment || "(none)"}\n---`);
      print(
        `=== ${index + 1}. ${problem ? `FAILED: ${problem}` : "ok"} in ${seconds} s, ${aws.calls.length - calls} AWS calls ===`,
      );
      if (problem) failures.push(`${index + 1}. ${step.title}: ${problem}`);
    }
  } finally {
    await aws.close();
    await github.close();
    for (const dir of leftovers) rmSync(dir, { recursive: true, force: true });
  }
  print(
    failures.length === 0
      ? `\nEvery step did what it should (${aws.calls.length} AWS calls, ${github.calls.length} GitHub calls in all).`
      : `\n${failures.length} of ${STEPS.length} steps did not do what they should:\n  ${failures.join("\n  ")}`,
  );
  return failures.length === 0 ? 0 : 1;
}

if (isEntry("demo")) {
  runDemo().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
