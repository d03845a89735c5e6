import type { getOctokit } from "@actions/github";
import type { DeployResult } from "../stack/deploy";
import { type ReportInfo, renderDeployReport } from "./report";

/**
 * The sticky pull request comment: one per stack, found again by a hidden marker and edited in
 * place on every push, so a pull request carries one up-to-date comment instead of a trail.
 */

export type Octokit = ReturnType<typeof getOctokit>;

/** GitHub refuses comment bodies over this many characters. */
export const MAX_COMMENT_LENGTH = 65_536;

export function commentMarker(stackName: string): string {
  return `<!-- preview-stacks:stack=${stackName} -->`;
}

export function renderComment(
  result: DeployResult,
  info: ReportInfo,
  maxLength: number = MAX_COMMENT_LENGTH,
): string {
  return renderDeployReport(result, info, {
    maxSize: maxLength,
    // String length counts UTF-16 units, never fewer than GitHub's characters, so it is safe.
    measure: (text) => text.length,
    prefix: commentMarker(result.stackName),
    fullListIn: "the job summary and the changes-json output",
  });
}

export interface UpsertCommentOptions {
  owner: string;
  repo: string;
  issueNumber: number;
  stackName: string;
  body: string;
  /**
   * Who the token acts as, when the caller already knows. Otherwise it is asked of GitHub with
   * resolveTokenLogin, and only when a comment with the marker exists.
   */
  login?: string;
  /** Receives a line for each thing worth a log: whom the token acts as, comments left alone. */
  log?: (line: string) => void;
}

/** A comment that starts with the marker but was written by someone else. */
export interface IgnoredComment {
  id: number;
  login: string;
}

export interface UpsertCommentResult {
  action: "created" | "updated";
  id: number;
  url: string;
  /** Comments that carry the marker but are not ours; they were neither edited nor deleted. */
  ignored: IgnoredComment[];
}

/** The login GITHUB_TOKEN acts as; assumed when GitHub will not say who a token is. */
export const ACTIONS_BOT_LOGIN = "github-actions[bot]";

function hasStatus(error: unknown, ...statuses: number[]): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" && statuses.includes(status);
}

function describeError(error: unknown): string {
  const status = (error as { status?: unknown } | null)?.status;
  const message = error instanceof Error ? error.message : String(error);
  return typeof status === "number" && !message.startsWith(String(status)) ? `${status} ${message}` : message;
}

/**
 * The login of the user or app the token acts as, the author of every comment it writes.
 * A personal or OAuth token is a user, named by GET /user. An installation token (GITHUB_TOKEN,
 * a GitHub App's) gets 403 "Resource not accessible by integration" there, but GraphQL's
 * viewer names its bot. When neither answers, the token is most likely GITHUB_TOKEN without
 * more rights, so github-actions[bot] is assumed and the log says so.
 */
export async function resolveTokenLogin(
  octokit: Octokit,
  log: (line: string) => void = () => {},
): Promise<string> {
  let restError: unknown;
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    log(`The GitHub token acts as ${data.login} (GET /user).`);
    return data.login;
  } catch (error) {
    // Anything but "this token is no user" (a server error, a 429) is a real failure to report.
    if (!hasStatus(error, 401, 403)) throw error;
    restError = error;
  }
  try {
    const data = await octokit.graphql<{ viewer?: { login?: unknown } }>("query { viewer { login } }");
    const login = data?.viewer?.login;
    if (typeof login !== "string" || login === "") throw new Error("the answer names no viewer login");
    log(`The GitHub token acts as ${login} (GraphQL viewer).`);
    return login;
  } catch (error) {
    log(
      `Could not tell whom the GitHub token acts as (GET /user: ${describeError(restError)}; GraphQL viewer: ${describeError(error)}); assuming ${ACTIONS_BOT_LOGIN}, as GITHUB_TOKEN does.`,
    );
    return ACTIONS_BOT_LOGIN;
  }
}

/**
 * Updates our comment that starts with the stack's marker, or creates one. Only a comment
 * starting with the marker counts, so a person quoting ours does not get overwritten; and only
 * one written by the token's own identity is ours: anyone can post a comment that starts with the
 * marker, and editing theirs would spend the token's rights on it and leave our report under their
 * name, where they can rewrite it. Others' comments are never edited or deleted; the log names them.
 * Learning the identity costs a call or two, so it is asked only when a marker comment exists.
 */
export async function upsertComment(
  octokit: Octokit,
  options: UpsertCommentOptions,
): Promise<UpsertCommentResult> {
  const marker = commentMarker(options.stackName);
  const { owner, repo, issueNumber: issue_number, body } = options;
  const log = options.log ?? (() => {});
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner,
    repo,
    issue_number,
    per_page: 100,
  });
  const marked = comments.filter((c) => c.body?.startsWith(marker)).sort((a, b) => a.id - b.id);
  const login = marked.length > 0 ? (options.login ?? (await resolveTokenLogin(octokit, log))) : undefined;
  const isOurs = (c: (typeof marked)[number]) =>
    login !== undefined && c.user?.login.toLowerCase() === login.toLowerCase();
  const ours = marked.filter(isOurs);
  // GitHub shows the comments of deleted accounts as by "ghost".
  const ignored = marked
    .filter((c) => !isOurs(c))
    .map((c) => ({ id: c.id, login: c.user?.login ?? "ghost" }));
  if (ignored.length > 0) {
    const what = ignored.length === 1 ? "a comment" : `${ignored.length} comments`;
    const who = ignored.map((c) => `${c.login} (comment ${c.id})`).join(", ");
    log(
      `Ignoring ${what} with the marker of ${options.stackName} not written by ${login}, whom the GitHub token acts as: ${who}. Comments by others are never edited.`,
    );
  }
  if (ours.length > 1) {
    const others = ours.slice(1).map((c) => c.id);
    log(
      `Found ${ours.length} comments by ${login} for ${options.stackName}; updating the oldest (${ours[0].id}) and leaving ${others.join(", ")} as they are.`,
    );
  }
  const existing = ours[0];
  if (existing) {
    const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
    return { action: "updated", id: data.id, url: data.html_url, ignored };
  }
  const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number, body });
  return { action: "created", id: data.id, url: data.html_url, ignored };
}
