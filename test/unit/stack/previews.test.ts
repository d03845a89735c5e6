import { CloudFormationClient, DescribeStacksCommand, type Stack } from "@aws-sdk/client-cloudformation";
import { mockClient } from "aws-sdk-client-mock";
import { describe, expect, it } from "vitest";
import {
  listLivePreviews,
  previewAgeMs,
  previewGuard,
  previewLimitMessage,
} from "../../../src/stack/previews";
import { previewTags } from "../../../src/stack/tags";

function stack(name: string, pr: number, updated: string, repository = "acme/shop"): Stack {
  return {
    StackName: name,
    StackStatus: "UPDATE_COMPLETE",
    CreationTime: new Date("2026-01-01T00:00:00Z"),
    LastUpdatedTime: new Date(updated),
    Tags: previewTags({ repository, pr }),
  };
}

describe("listLivePreviews", () => {
  it("reads every page and keeps only this repository's previews, oldest first", async () => {
    const cfn = mockClient(CloudFormationClient);
    cfn
      .on(DescribeStacksCommand, { NextToken: undefined })
      .resolves({
        Stacks: [
          stack("shop-pr-3", 3, "2026-03-03T00:00:00Z"),
          { StackName: "shop-prod", StackStatus: "UPDATE_COMPLETE", CreationTime: new Date(0) },
        ],
        NextToken: "p2",
      })
      .on(DescribeStacksCommand, { NextToken: "p2" })
      .resolves({
        Stacks: [
          stack("shop-pr-1", 1, "2026-03-01T00:00:00Z"),
          stack("other-pr-5", 5, "2026-02-01T00:00:00Z", "acme/other"),
          // Tags claim PR 9 but the name disagrees: not ours to count.
          { ...stack("shop-pr-9", 9, "2026-02-01T00:00:00Z"), StackName: "shop-main" },
        ],
      });
    const previews = await listLivePreviews(new CloudFormationClient({ region: "eu-west-1" }), "acme/shop");
    expect(previews.map((p) => `${p.stackName} #${p.pr}`)).toEqual(["shop-pr-1 #1", "shop-pr-3 #3"]);
    cfn.restore();
  });
});

describe("previewLimitMessage", () => {
  const live = [
    {
      stackName: "shop-pr-1",
      pr: 1,
      status: "UPDATE_COMPLETE",
      lastChanged: new Date("2026-03-01T10:00:00Z"),
    },
    {
      stackName: "shop-pr-3",
      pr: 3,
      status: "CREATE_COMPLETE",
      lastChanged: new Date("2026-03-03T10:00:00Z"),
    },
  ];

  it("lets existing previews update and new ones in under the limit", () => {
    expect(previewLimitMessage(live, "shop-pr-3", 2)).toBeUndefined();
    expect(previewLimitMessage(live, "shop-pr-12", 3)).toBeUndefined();
  });

  it("refuses a new preview at the limit, naming the oldest and the ways out", () => {
    expect(previewLimitMessage(live, "shop-pr-12", 2)).toBe(
      "Preview shop-pr-12 was not created: this repository already has 2 live previews and max-previews is 2. " +
        "Oldest: shop-pr-1 (PR #1, last changed 2026-03-01, UPDATE_COMPLETE); shop-pr-3 (PR #3, last changed 2026-03-03, CREATE_COMPLETE). " +
        "Close or merge pull requests whose previews are no longer needed (the teardown action deletes them), " +
        "delete one by hand with 'aws cloudformation delete-stack --stack-name shop-pr-1', or raise max-previews.",
    );
  });
});

describe("previewGuard", () => {
  const settings = {
    preview: { repository: "acme/shop" },
    mode: "deploy",
    stackName: "shop-pr-12",
    maxPreviews: 2,
    input: "--max-previews",
  };

  it("guards nothing for a named stack or a change set made for review", () => {
    const cfn = new CloudFormationClient({ region: "eu-west-1" });
    expect(previewGuard(cfn, { ...settings, preview: undefined, log: () => {} })).toBeUndefined();
    expect(previewGuard(cfn, { ...settings, mode: "create-change-set", log: () => {} })).toBeUndefined();
  });

  it("counts the repository's previews when asked, and refuses a new one at the limit in the caller's words", async () => {
    const cfn = mockClient(CloudFormationClient);
    cfn.on(DescribeStacksCommand).resolves({
      Stacks: [stack("shop-pr-1", 1, "2026-03-01T00:00:00Z"), stack("shop-pr-3", 3, "2026-03-03T00:00:00Z")],
    });
    const lines: string[] = [];
    const guard = previewGuard(new CloudFormationClient({ region: "eu-west-1" }), {
      ...settings,
      log: (line) => lines.push(line),
    });
    // Nothing is listed until deployStack asks, before creating a stack.
    expect(cfn.calls()).toHaveLength(0);
    const refusal = await guard?.();
    expect(refusal).toMatch(/^Preview shop-pr-12 was not created: .* and --max-previews is 2\. /);
    expect(refusal).toMatch(/, or raise --max-previews\.$/);
    expect(lines).toEqual(["2 live previews in acme/shop (--max-previews: 2)."]);
    const under = previewGuard(new CloudFormationClient({ region: "eu-west-1" }), {
      ...settings,
      maxPreviews: 3,
      log: () => {},
    });
    expect(await under?.()).toBeUndefined();
    cfn.restore();
  });
});

describe("listLivePreviews for sweep", () => {
  it("keeps each preview's id, tags and age, and only the prefix's names when one is given", async () => {
    const cfn = mockClient(CloudFormationClient);
    const created = new Date("2026-02-01T00:00:00Z");
    cfn.on(DescribeStacksCommand).resolves({
      Stacks: [
        { ...stack("shop-pr-3", 3, "2026-03-03T00:00:00Z"), StackId: "arn:shop-pr-3" },
        {
          ...stack("api-pr-4", 4, "2026-03-01T00:00:00Z"),
          LastUpdatedTime: undefined,
          CreationTime: created,
        },
      ],
    });
    const client = new CloudFormationClient({ region: "eu-west-1" });
    const all = await listLivePreviews(client, "acme/shop");
    expect(all.map((p) => [p.stackName, p.lastChanged?.toISOString()])).toEqual([
      ["api-pr-4", "2026-02-01T00:00:00.000Z"],
      ["shop-pr-3", "2026-03-03T00:00:00.000Z"],
    ]);
    const shop = await listLivePreviews(client, "acme/shop", { prefix: "shop" });
    expect(shop).toEqual([
      {
        stackName: "shop-pr-3",
        stackId: "arn:shop-pr-3",
        pr: 3,
        status: "UPDATE_COMPLETE",
        lastChanged: new Date("2026-03-03T00:00:00Z"),
        tags: previewTags({ repository: "acme/shop", pr: 3 }),
      },
    ]);
    expect(previewAgeMs(shop[0], Date.parse("2026-03-04T00:00:00Z"))).toBe(86_400_000);
    expect(previewAgeMs({ lastChanged: undefined }, 0)).toBeUndefined();
    cfn.restore();
  });
});
