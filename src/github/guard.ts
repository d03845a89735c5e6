import { errorMessage } from "../aws/errors";

/** Runs one GitHub call; undefined, after a warning, when it fails. */
export type GitHubGuard = <T>(what: string, call: () => Promise<T>) => Promise<T | undefined>;

/** What the actions tell a user to check when a GitHub call fails. */
export const WORKFLOW_PERMISSIONS_HINT =
  "check that the workflow grants the permission (pull-requests: write, deployments: write) and that github-token is set";

/**
 * The guard for an operation whose own result (`the deploy result`) GitHub trouble must never hide
 * or change: a failed call becomes a warning that says what was not done and what to check
 * (`hint`: the workflow's permissions in an action, the token's scopes on the command line).
 */
export function githubGuard(
  result: string,
  warn: (message: string) => void,
  hint: string = WORKFLOW_PERMISSIONS_HINT,
): GitHubGuard {
  return async (what, call) => {
    try {
      return await call();
    } catch (error) {
      warn(`Could not ${what} on GitHub: ${errorMessage(error)}. ${result} is unaffected; ${hint}.`);
      return undefined;
    }
  };
}
