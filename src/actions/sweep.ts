/**
 * The sweep action: reads the inputs, lists this repository's previews, asks GitHub about each
 * one's pull request, deletes the stale ones through the teardown path (and reports each removal
 * on GitHub as teardown does), then writes the outputs and a job summary, and fails the step when
 * any deletion failed. GitHub trouble while reporting a removal is a warning.
 */
import * as core from "@actions/core";
import { createCloudFormationClient, createS3Client, resolveRegion } from "../aws/clients";
import { readEventContext } from "../github/context";
import { githubGuard } from "../github/guard";
import { createOctokit } from "../github/octokit";
import { pullRequestStatus } from "../github/pulls";
import { reportRemoval } from "../github/removal";
import { renderSweepSummary } from "../github/sweep-summary";
import { type ReadInput, readSweepInputs, SWEEP_INPUTS, SWEEP_OUTPUTS, type SweepInputs } from "../inputs";
import { sweepOptions } from "../stack/requests";
import { timeBase } from "../stack/runtime";
import { type SweepEntry, type SweepResult, sweepPreviews } from "../stack/sweep";
import { agreeing, plural } from "../text";
import { isEntry } from "./entry";
import { reportFailure } from "./failure";

function stacks(entries: SweepEntry[]): string {
  return entries.map((e) => `${e.preview.stackName} (PR #${e.preview.pr})`).join(", ");
}

/** What a person should know about the previews the sweep left, and what to do about them. */
function annotate(result: SweepResult, inputs: SweepInputs): void {
  const reported = (state: string) =>
    result.entries.filter((e) => e.outcome === "reported" && e.pullRequest.state === state);
  const open = reported("open");
  if (open.length > 0) {
    core.notice(
      `${plural(open.length, "preview")} of open pull requests ${agreeing(open.length, "has", "have")} not changed for longer than the ttl (${inputs.ttl}) and ${agreeing(open.length, "was", "were")} kept: ${stacks(open)}. Set ${SWEEP_INPUTS.deleteExpiredOpen}: true to delete such previews too.`,
    );
  }
  const missing = reported("not-found");
  if (missing.length > 0) {
    core.warning(
      `${plural(missing.length, "preview")} ${agreeing(missing.length, "is", "are")} tagged with a pull request this repository does not have, and the sweep never deletes those: ${stacks(missing)}. Check them, and delete the ones no longer needed by hand.`,
    );
  }
  const unknown = reported("unknown");
  if (unknown.length > 0) {
    core.warning(
      `GitHub did not say whether ${plural(unknown.length, "pull request")} ${agreeing(unknown.length, "is", "are")} still open, so ${agreeing(unknown.length, "its preview was", "their previews were")} kept: ${stacks(unknown)}. The next run asks again; check that github-token can read pull requests.`,
    );
  }
  const deferred = result.entries.filter((e) => e.outcome === "deferred");
  if (deferred.length > 0) {
    core.notice(
      `${plural(deferred.length, "stale preview")} ${agreeing(deferred.length, "is", "are")} left for the next run, as ${SWEEP_INPUTS.maxDeletions} is ${inputs.maxDeletions}: ${stacks(deferred)}.`,
    );
  }
}

/** The action's work on inputs read through `read`; the all-in-one action calls it on a schedule. */
export async function sweepStep(read: ReadInput): Promise<void> {
  const context = readEventContext();
  const inputs = readSweepInputs(read, context);
  const region = resolveRegion();
  const time = timeBase(process.env, (message) => core.warning(message));
  const log = (line: string) => core.info(line);
  const octokit = createOctokit(inputs.githubToken, { log, timeScale: time.scale });
  const guard = githubGuard("The sweep's result", (message) => core.warning(message));
  const cfn = createCloudFormationClient({ region });
  const s3 = createS3Client({ region });
  const { owner, repo } = context;

  const result = await sweepPreviews(
    sweepOptions(inputs, {
      repository: context.repository,
      region,
      run: { id: context.runId, attempt: context.runAttempt },
    }),
    {
      cfn,
      s3,
      clock: time.clock,
      sleep: time.sleep,
      log,
      lookupPullRequest: (number) => pullRequestStatus(octokit, { owner, repo, number }),
      afterTeardown: async (entry, teardown) => {
        await reportRemoval(octokit, teardown, {
          owner,
          repo,
          pr: entry.preview.pr,
          environment: `pr-${entry.preview.pr}`,
          runUrl: context.runUrl,
          when: new Date(time.clock()),
          dryRun: inputs.dryRun,
          guard,
          log,
        });
      },
    },
  );

  core.setOutput(SWEEP_OUTPUTS.deleted, JSON.stringify(result.deleted));
  core.setOutput(SWEEP_OUTPUTS.kept, JSON.stringify(result.kept));
  core.setOutput(SWEEP_OUTPUTS.failed, JSON.stringify(result.failed));
  annotate(result, inputs);
  if (process.env.GITHUB_STEP_SUMMARY) {
    const server = (process.env.GITHUB_SERVER_URL ?? "https://github.com").replace(/\/+$/, "");
    await core.summary
      .addRaw(
        renderSweepSummary(result, {
          repository: context.repository,
          repositoryUrl: `${server}/${context.repository}`,
          prefix: inputs.stackPrefix,
          ttl: inputs.ttl,
          maxDeletions: inputs.maxDeletions,
          dryRun: inputs.dryRun,
          runUrl: context.runUrl,
        }),
      )
      .write();
  }
  const failed = result.entries.filter((e) => e.outcome === "failed" || e.outcome === "refused");
  if (failed.length > 0) {
    const each = failed.map((e) => `${e.preview.stackName}: ${e.message ?? e.outcome}`).join(" ");
    core.setFailed(
      `${failed.length} of ${plural(failed.length + result.deleted.length, "deletion")} did not succeed; the others went on. ${each}`,
    );
  }
  cfn.destroy();
  s3.destroy();
}

export async function run(): Promise<void> {
  try {
    await sweepStep((name) => core.getInput(name));
  } catch (error) {
    reportFailure(error);
  }
}

if (isEntry("sweep")) await run();
