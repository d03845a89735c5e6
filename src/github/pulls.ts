import type { PullRequestStatus } from "../stack/sweep";
import type { Octokit } from "./comment";

/**
 * What GitHub says of a pull request now, for sweep: one GET /repos/{owner}/{repo}/pulls/{n}.
 * A pull request GitHub does not know (404) is `not-found`; any other error is thrown, for the
 * caller to count as unknown (a preview is never deleted on a guess).
 */
export async function pullRequestStatus(
  octokit: Octokit,
  options: { owner: string; repo: string; number: number },
): Promise<PullRequestStatus> {
  try {
    const { data } = await octokit.rest.pulls.get({
      owner: options.owner,
      repo: options.repo,
      pull_number: options.number,
    });
    if (data.merged) return { state: "merged" };
    return { state: data.state === "closed" ? "closed" : "open" };
  } catch (error) {
    if ((error as { status?: unknown } | null)?.status === 404) return { state: "not-found" };
    throw error;
  }
}
