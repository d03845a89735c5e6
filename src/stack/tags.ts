import type { Stack, Tag } from "@aws-sdk/client-cloudformation";

/**
 * The tags that mark a preview stack. Teardown and sweep trust a stack only when these tags and
 * its name agree. None of them changes between pushes: CloudFormation copies stack tags onto
 * every taggable resource, so a per-push tag would turn every push into a full update.
 */
export const TAG_PREFIX = "preview-stacks:";
export const TAG_MANAGED = "preview-stacks:managed";
export const TAG_REPOSITORY = "preview-stacks:repository";
export const TAG_PR = "preview-stacks:pr";

export interface PreviewIdentity {
  /** owner/repo */
  repository: string;
  pr: number;
}

export function previewTags(preview: PreviewIdentity): Tag[] {
  return [
    { Key: TAG_MANAGED, Value: "true" },
    { Key: TAG_REPOSITORY, Value: preview.repository },
    { Key: TAG_PR, Value: String(preview.pr) },
  ];
}

/** A user tag that tries to set one of ours; the message names it and says why it is refused. */
export class ReservedTagError extends Error {
  constructor(readonly key: string) {
    super(
      `Tag '${key}' is reserved: keys starting with '${TAG_PREFIX}' mark preview stacks for teardown and sweep, and are set by the action. Rename the tag.`,
    );
    this.name = "ReservedTagError";
  }
}

/** Ours first, then the user's in their order; a user tag may not use our prefix. */
export function mergeTags(ours: Tag[], user: Tag[]): Tag[] {
  for (const tag of user) {
    if (tag.Key?.startsWith(TAG_PREFIX)) throw new ReservedTagError(tag.Key);
  }
  const seen = new Set(ours.map((t) => t.Key));
  return [...ours, ...user.filter((t) => !seen.has(t.Key))];
}

function tagValue(tags: Tag[] | undefined, key: string): string | undefined {
  return tags?.find((t) => t.Key === key)?.Value;
}

/**
 * True when the stack is a preview of this repository (and of this pull request, when `pr` is
 * given): the tags say so and the name ends in the `-pr-<n>` its tag claims.
 */
export function isPreviewStack(
  stack: Pick<Stack, "StackName" | "Tags">,
  repository: string,
  pr?: number,
): boolean {
  if (tagValue(stack.Tags, TAG_MANAGED) !== "true") return false;
  if (tagValue(stack.Tags, TAG_REPOSITORY) !== repository) return false;
  const tagPr = tagValue(stack.Tags, TAG_PR);
  if (tagPr === undefined || !/^[1-9]\d*$/.test(tagPr)) return false;
  if (pr !== undefined && tagPr !== String(pr)) return false;
  return stack.StackName?.endsWith(`-pr-${tagPr}`) ?? false;
}

/** What a stack's preview-stacks:* tags claim, each undefined when the tag is absent. */
export interface PreviewClaim {
  managed: string | undefined;
  repository: string | undefined;
  pr: string | undefined;
}

/** The stack's preview-stacks:* tags, or undefined when it carries none of them. */
export function previewClaim(tags: Tag[] | undefined): PreviewClaim | undefined {
  if (!tags?.some((t) => t.Key?.startsWith(TAG_PREFIX))) return undefined;
  return {
    managed: tagValue(tags, TAG_MANAGED),
    repository: tagValue(tags, TAG_REPOSITORY),
    pr: tagValue(tags, TAG_PR),
  };
}

/** "a preview of other/repo PR #7", from whatever the tags say. */
export function describeClaim(claim: PreviewClaim): string {
  const repository = claim.repository ?? "an unnamed repository";
  const pr = claim.pr === undefined ? "no pull request" : `PR #${claim.pr}`;
  return `a preview of ${repository} ${pr}`;
}

/** Order does not matter to CloudFormation, so it does not matter here either. */
export function sameTags(a: Tag[] | undefined, b: Tag[] | undefined): boolean {
  const left = a ?? [];
  const right = b ?? [];
  if (left.length !== right.length) return false;
  const index = new Map(left.map((t) => [t.Key, t.Value]));
  return right.every((t) => index.has(t.Key) && index.get(t.Key) === t.Value);
}
