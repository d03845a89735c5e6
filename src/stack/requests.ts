/**
 * What the deploy, teardown and sweep inputs ask of deployStack, teardownStack and sweepPreviews,
 * the same from the actions and from the command line; each caller adds only what its run knows
 * (the template as read, the region, the run's id).
 */
import type { DeployInputs, SweepInputs, TeardownInputs } from "../inputs";
import type { DeployOptions } from "./deploy";
import type { SweepOptions } from "./sweep";
import type { TeardownOptions } from "./teardown";

/** The S3 endpoint override (AWS_ENDPOINT_URL_S3, else AWS_ENDPOINT_URL), so template URLs point there. */
function s3Endpoint(env: NodeJS.ProcessEnv): string | undefined {
  return env.AWS_ENDPOINT_URL_S3?.trim() || env.AWS_ENDPOINT_URL?.trim() || undefined;
}

export function deployOptions(
  inputs: DeployInputs,
  run: Pick<DeployOptions, "template" | "parameterOverrides" | "region" | "run" | "description">,
  env: NodeJS.ProcessEnv = process.env,
): DeployOptions {
  return {
    stackName: inputs.stackName,
    preview: inputs.preview,
    tags: inputs.tags,
    capabilities: inputs.capabilities,
    roleArn: inputs.roleArn,
    artifactBucket: inputs.artifactBucket,
    artifactPrefix: inputs.artifactPrefix,
    s3Endpoint: s3Endpoint(env),
    terminationProtection: inputs.terminationProtection,
    disableRollback: inputs.disableRollback,
    timeoutMinutes: inputs.timeoutMinutes,
    mode: inputs.mode,
    changeSetId: inputs.changeSetId,
    failOnEmptyChangeset: inputs.failOnEmptyChangeset,
    urlOutput: inputs.urlOutput,
    recreateFailed: inputs.recreateFailed,
    continueRollback: inputs.continueRollback,
    ...run,
  };
}

export function teardownOptions(
  inputs: TeardownInputs,
  run: Pick<TeardownOptions, "region" | "run" | "template">,
): TeardownOptions {
  return {
    stackName: inputs.stackName,
    expected: inputs.expected,
    allowUnmanaged: inputs.allowUnmanaged,
    emptyBuckets: inputs.emptyBuckets,
    retainOnFailure: inputs.retainOnFailure,
    timeoutMinutes: inputs.timeoutMinutes,
    dryRun: inputs.dryRun,
    ...run,
  };
}

export function sweepOptions(
  inputs: SweepInputs,
  run: Pick<SweepOptions, "repository" | "region" | "run">,
): SweepOptions {
  return {
    prefix: inputs.stackPrefix,
    policy: { ttlMs: inputs.ttlMs, deleteExpiredOpen: inputs.deleteExpiredOpen },
    maxDeletions: inputs.maxDeletions,
    dryRun: inputs.dryRun,
    timeoutMinutes: inputs.timeoutMinutes,
    ...run,
  };
}
