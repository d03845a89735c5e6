import { DescribeStacksCommand, type Stack } from "@aws-sdk/client-cloudformation";
import { describeAwsError } from "../aws/errors";
import type { CfnClient } from "../stack/runtime";
import { isPreviewStack, TAG_PR } from "../stack/tags";

/**
 * The max-previews cost guard: counts this repository's live preview stacks, so a new pull
 * request cannot push the account past the number of previews the team agreed to pay for.
 * Existing previews keep updating; only a new one is refused.
 */

export interface LivePreview {
  stackName: string;
  pr: number;
  status: string;
  /** LastUpdatedTime, or CreationTime for a stack never updated: the preview's age. */
  lastChanged: Date | undefined;
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

export async function listLivePreviews(cfn: CfnClient, repository: string): Promise<LivePreview[]> {
  const stacks = await describeAllStacks(cfn);
  return stacks
    .filter((s) => s.StackStatus !== "DELETE_COMPLETE" && isPreviewStack(s, repository))
    .map((s) => ({
      stackName: s.StackName ?? "",
      pr: Number(s.Tags?.find((t) => t.Key === TAG_PR)?.Value),
      status: s.StackStatus ?? "",
      lastChanged: s.LastUpdatedTime ?? s.CreationTime,
    }))
    .sort((a, b) => (a.lastChanged?.getTime() ?? 0) - (b.lastChanged?.getTime() ?? 0));
}

/**
 * Undefined when `stackName` may be deployed; otherwise the refusal, naming the oldest previews
 * and how to remove them. A stack already among the previews is an update and always allowed.
 */
export function previewLimitMessage(
  previews: LivePreview[],
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
