import type { Octokit } from "./comment";

/**
 * GitHub Deployments for the environment a stack serves, so the pull request shows "deployed to
 * pr-12" with a link to the preview, and the environment page keeps the history. A deployment is
 * created in_progress when the deploy starts and ends as success (with the preview URL) or
 * failure.
 */

/** GitHub refuses longer status descriptions. */
const MAX_DESCRIPTION = 140;

export interface StartDeploymentOptions {
  owner: string;
  repo: string;
  /** The commit deployed (a sha resolves on every repository, a branch name may not). */
  ref: string;
  environment: string;
  /** True for previews: GitHub then marks the environment as going away, and never "production". */
  transient: boolean;
  description: string;
  logUrl: string;
  /** Kept on the deployment so later tools can find the stack. */
  payload: Record<string, unknown>;
}

export function shorten(text: string, max = MAX_DESCRIPTION): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Creates the deployment and its in_progress status; returns its id. */
export async function startDeployment(octokit: Octokit, options: StartDeploymentOptions): Promise<number> {
  const { owner, repo } = options;
  const response = await octokit.rest.repos.createDeployment({
    owner,
    repo,
    ref: options.ref,
    environment: options.environment,
    transient_environment: options.transient,
    ...(options.transient ? { production_environment: false } : {}),
    // The stack is already built from this commit; merging the base in or waiting for checks
    // would deploy something else or nothing at all.
    auto_merge: false,
    required_contexts: [],
    description: shorten(options.description),
    payload: options.payload,
  });
  const id = (response.data as { id?: number }).id;
  if (typeof id !== "number") {
    const message = (response.data as { message?: string }).message ?? `HTTP ${response.status}`;
    throw new Error(`GitHub did not create the deployment for ${options.environment}: ${message}.`);
  }
  await octokit.rest.repos.createDeploymentStatus({
    owner,
    repo,
    deployment_id: id,
    state: "in_progress",
    // A run from a terminal has no log page to link.
    ...(options.logUrl ? { log_url: options.logUrl } : {}),
    description: shorten(options.description),
  });
  return id;
}

export interface FinishDeploymentOptions {
  owner: string;
  repo: string;
  id: number;
  /** `error` marks a run that was cancelled or stopped before it could report. */
  state: "success" | "failure" | "error";
  /** The preview URL (or the stack in the console); http(s) only. */
  environmentUrl?: string;
  logUrl: string;
  description: string;
}

export async function finishDeployment(octokit: Octokit, options: FinishDeploymentOptions): Promise<void> {
  const url =
    options.environmentUrl && /^https:\/\//.test(options.environmentUrl) ? options.environmentUrl : undefined;
  await octokit.rest.repos.createDeploymentStatus({
    owner: options.owner,
    repo: options.repo,
    deployment_id: options.id,
    state: options.state,
    ...(options.logUrl ? { log_url: options.logUrl } : {}),
    ...(url ? { environment_url: url } : {}),
    description: shorten(options.description),
  });
}
