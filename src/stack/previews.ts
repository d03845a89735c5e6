/** The live preview stacks of a repository, their ages, and the guard on how many may exist at once. */
import { DescribeStacksCommand, type Stack, type Tag } from "@aws-sdk/client-cloudformation";
import { describeAwsError } from "../aws/errors";
import { previewStackName } from "./naming";
import type { CfnClient } from "./runtime";
import { isPreviewStack, TAG_PR } from "./tags";

/**
 * This repository's live preview stacks, found with DescribeStacks pages (which carry every stack's
 * tags, so no stack is asked about one by one). Deploy's max-previews cost guard counts them, so a
 * new pull request cannot push the account past the number of previews the team agreed to pay for;
 * sweep classifies them by their pull request and age.
 */

export interface LivePreview {
  stackName: string;
  stackId: string | undefined;
  pr: number;
  status: string;
  /** LastUpdatedTime, or CreationTime for a stack never updated: the preview's age. */
  lastChanged: Date | undefined;
  tags: Tag[];
}

export interface ListPreviewsOptions {
  /**
   * Keeps only the previews named `<prefix>-pr-<n>` as deploy names them with this stack-prefix;
   * every preview of the repository when undefined.
   */
  prefix?: string;
}

/** Every stack DescribeStacks lists, page by page (it lists only stacks that are not deleted). */
async function describeAllStacks(cfn: CfnClient): Promise<Stack[]> {
  const stacks: Stack[] = [];
  let token: string | undefined;
  do {
    let page: { Stacks?: Stack[]; NextToken?: string };
    try {
      page = await cfn.send(new DescribeStacksCommand({ NextToken: token }));
    } catch (error) {
      throw describeAwsError(error, { action: "cloudformation:DescribeStacks" });
    }
    stacks.push(...(page.Stacks ?? []));
    token = page.NextToken;
  } while (token);
  return stacks;
}

/** The repository's previews whose tags and name agree, oldest first. */
export async function listLivePreviews(
  cfn: CfnClient,
  repository: string,
  options: ListPreviewsOptions = {},
): Promise<LivePreview[]> {
  const stacks = await describeAllStacks(cfn);
  return stacks
    .filter((s) => s.StackStatus !== "DELETE_COMPLETE" && isPreviewStack(s, repository))
    .map((s) => ({
      stackName: s.StackName ?? "",
      stackId: s.StackId,
      pr: Number(s.Tags?.find((t) => t.Key === TAG_PR)?.Value),
      status: s.StackStatus ?? "",
      lastChanged: s.LastUpdatedTime ?? s.CreationTime,
      tags: s.Tags ?? [],
    }))
    .filter((p) => options.prefix === undefined || p.stackName === previewStackName(options.prefix, p.pr))
    .sort((a, b) => (a.lastChanged?.getTime() ?? 0) - (b.lastChanged?.getTime() ?? 0));
}

/** How long ago the preview last changed, in ms; undefined when CloudFormation gave no time. */
export function previewAgeMs(preview: Pick<LivePreview, "lastChanged">, now: number): number | undefined {
  return preview.lastChanged ? Math.max(0, now - preview.lastChanged.getTime()) : undefined;
}

/**
 * Undefined when `stackName` may be deployed; otherwise the refusal, naming the oldest previews
 * and how to remove them. A stack already among the previews is an update and always allowed.
 */
export function previewLimitMessage(
  previews: Pick<LivePreview, "stackName" | "pr" | "status" | "lastChanged">[],
  stackName: string,
  maxPreviews: number,
  input = "max-previews",
): string | undefined {
  if (previews.some((p) => p.stackName === stackName)) return undefined;
  if (previews.length < maxPreviews) return undefined;
  const oldest = previews.slice(0, 5).map((p) => {
    const when = p.lastChanged ? p.lastChanged.toISOString().slice(0, 10) : "unknown date";
    return `${p.stackName} (PR #${p.pr}, last changed ${when}, ${p.status})`;
  });
  return (
    `Preview ${stackName} was not created: this repository already has ${previews.length} live previews and ${input} is ${maxPreviews}. ` +
    `Oldest: ${oldest.join("; ")}. ` +
    "Close or merge pull requests whose previews are no longer needed (the teardown action deletes them), " +
    `delete one by hand with 'aws cloudformation delete-stack --stack-name ${previews[0]?.stackName ?? "<name>"}', ` +
    `or raise ${input}.`
  );
}

export interface PreviewGuardOptions {
  /** The preview being deployed; undefined for a named stack, which no limit applies to. */
  preview: { repository: string } | undefined;
  mode: string;
  stackName: string;
  maxPreviews: number;
  /** The max-previews input or option, named in the refusal. */
  input: string;
  log: (line: string) => void;
}

/**
 * The max-previews cost guard, as deployStack's beforeCreate: deployStack calls it only before
 * creating a stack, so only a new preview pays for listing the account's stacks. Undefined when
 * no limit applies (a named stack, or a mode that creates nothing but a change set).
 */
export function previewGuard(
  cfn: CfnClient,
  options: PreviewGuardOptions,
): (() => Promise<string | undefined>) | undefined {
  const { preview } = options;
  if (!preview || options.mode !== "deploy") return undefined;
  return async () => {
    const previews = await listLivePreviews(cfn, preview.repository);
    options.log(
      `${previews.length} live previews in ${preview.repository} (${options.input}: ${options.maxPreviews}).`,
    );
    return previewLimitMessage(previews, options.stackName, options.maxPreviews, options.input);
  };
}
