/**
 * The main job on the bundled example, end to end on this machine: the sample app in
 * workflows-examples/ is validated, then deployed as a pull request's preview stack against the
 * local fake AWS and fake GitHub, pushed again with a change, pushed once more unchanged, and the
 * sticky PR comment is printed. The actions run as bundles, exactly as the GitHub runner runs them.
 *
 * `npm run demo` bundles this file with ncc and runs it from the project root (PREVIEW_STACKS_ROOT
 * tells the bundled harness where the actions are).
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pullRequestEvent } from "../test/e2e/events";
import { type RunResult, runAction } from "../test/e2e/harness";
import { startFakeAws } from "../test/fakes/aws/index";
import { startFakeGitHub } from "../test/fakes/github/index";

const root = process.cwd();
const SCALE = 20;
const SHA = ["1111111111111111111111111111111111111111", "2222222222222222222222222222222222222222"];

function show(title: string, run: RunResult): void {
  console.log(`\n=== ${title}: exit ${run.exitCode} ===`);
  const lines = run.stdout
    .split("\n")
    .filter((line) => line && !line.startsWith("::debug") && !line.startsWith("::add-mask"));
  console.log(lines.join("\n"));
}

async function main(): Promise<number> {
  const workspace = mkdtempSync(join(tmpdir(), "preview-stacks-demo-"));
  cpSync(join(root, "workflows-examples/sample-app"), workspace, { recursive: true });

  const validate = await runAction({
    action: "validate",
    workspace,
    inputs: { templates: "template.yaml", "sarif-file": "results/validate.sarif" },
  });
  show("validate template.yaml", validate);
  if (validate.exitCode !== 0) return 1;

  const origin = Date.now();
  const aws = await startFakeAws({ startTime: origin, timeScale: SCALE, resourceDelayMs: 4_000 });
  const github = await startFakeGitHub({ repo: "acme/shop" });
  github.state.addPullRequest({ number: 7, headSha: SHA[0] });
  let runId = 100;
  const deploy = (sha: string, action: "opened" | "synchronize") =>
    runAction({
      action: "deploy",
      workspace,
      event: pullRequestEvent({ number: 7, sha, action }),
      awsEndpoint: aws.endpoint,
      githubApiUrl: github.url,
      runId: String(runId++),
      inputs: { template: "template.yaml", "github-token": github.token, "url-output": "ApiUrl" },
      env: { PREVIEW_STACKS_TIME_SCALE: String(SCALE), PREVIEW_STACKS_TIME_ORIGIN: String(origin) },
    });
  try {
    const opened = await deploy(SHA[0], "opened");
    show("pull request #7 opened: deploy the preview", opened);

    const template = readFileSync(join(workspace, "template.yaml"), "utf8");
    writeFileSync(join(workspace, "template.yaml"), template.replace("Default: 14", "Default: 30"));
    const pushed = await deploy(SHA[1], "synchronize");
    show("a push that changes the template: update", pushed);

    const again = await deploy(SHA[1], "synchronize");
    show("a push that changes nothing: the no-op path", again);

    const comments = github.state.commentsOn(7, "acme/shop");
    console.log(`\n=== the pull request has ${comments.length} comment(s); the sticky one reads: ===\n`);
    console.log(comments.at(-1)?.body ?? "(none)");
    console.log(
      `\nAWS calls in all: ${aws.calls.length}; GitHub calls: ${github.calls.length}. ` +
        "Outputs, summary and annotations are those a workflow would see.",
    );
    return [opened, pushed, again].every((run) => run.exitCode === 0) ? 0 : 1;
  } finally {
    await aws.close();
    await github.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
