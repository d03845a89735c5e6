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
}

export interface UpsertCommentResult {
  action: "created" | "updated";
  id: number;
  url: string;
}

/**
 * Updates the comment that starts with the stack's marker, or creates one. Only a comment
 * starting with the marker counts, so a person quoting ours does not get overwritten.
 */
export async function upsertComment(
  octokit: Octokit,
  options: UpsertCommentOptions,
): Promise<UpsertCommentResult> {
  const marker = commentMarker(options.stackName);
  const { owner, repo, issueNumber: issue_number, body } = options;
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner,
    repo,
    issue_number,
    per_page: 100,
  });
  const existing = comments.find((c) => c.body?.startsWith(marker));
  if (existing) {
    const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
    return { action: "updated", id: data.id, url: data.html_url };
  }
  const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number, body });
  return { action: "created", id: data.id, url: data.html_url };
}
