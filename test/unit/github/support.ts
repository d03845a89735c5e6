import { afterEach, beforeEach } from "vitest";
import type { DeployResult } from "../../../src/stack/deploy";
import { NO_SECURITY_CHANGES } from "../../../src/stack/diff";
import { type FakeGitHub, startFakeGitHub } from "../../fakes/github/index";

export const STACK_ID = "arn:aws:cloudformation:eu-west-1:123456789012:stack/shop-pr-12/6a1b2c3d";

/** A successful update of preview shop-pr-12; tests override what they look at. */
export function result(overrides: Partial<DeployResult> = {}): DeployResult {
  return {
    ok: true,
    outcome: "deployed",
    mode: "deploy",
    stackName: "shop-pr-12",
    stackId: STACK_ID,
    status: "UPDATE_COMPLETE",
    preview: { repository: "acme/shop", pr: 12 },
    region: "eu-west-1",
    created: false,
    recreated: false,
    waitedForOtherOperation: false,
    changeSetId: "arn:aws:cloudformation:eu-west-1:123456789012:changeSet/preview-stacks-4242-1/0f9e",
    changeSetName: "preview-stacks-4242-1",
    hasChanges: true,
    changes: [
      {
        action: "Modify",
        logicalId: "Api",
        physicalId: "api-1",
        resourceType: "AWS::Lambda::Function",
        replacement: "False",
        replaces: false,
        scope: ["Properties"],
        details: ["MemorySize"],
      },
    ],
    security: NO_SECURITY_CHANGES,
    parameters: ["Stage=pr-12"],
    outputs: { ApiUrl: "https://abc.execute-api.eu-west-1.amazonaws.com/" },
    url: "https://abc.execute-api.eu-west-1.amazonaws.com/",
    consoleUrl: "https://console.example/stack",
    rootCause: undefined,
    failure: undefined,
    warnings: [],
    packagedTemplate: undefined,
    packaged: [],
    timings: {
      startedAt: 0,
      finishedAt: 42_000,
      preflightMs: 1_000,
      changeSetMs: 5_000,
      executeMs: 36_000,
      totalMs: 42_000,
    },
    awsCalls: 9,
    awsCallsByOperation: { DescribeStacks: 4, CreateChangeSet: 1 },
    ...overrides,
  };
}

export const INFO = {
  commit: {
    sha: "1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d",
    url: "https://github.com/acme/shop/commit/1a2b3c4",
  },
  runUrl: "https://github.com/acme/shop/actions/runs/4242",
  environment: "pr-12",
};

/** A fresh fake GitHub serving acme/shop for each test of the enclosing describe; call the result to get it. */
export function withFakeGitHub(): () => FakeGitHub {
  let gh: FakeGitHub | undefined;
  beforeEach(async () => {
    gh = await startFakeGitHub({ repo: "acme/shop" });
  });
  afterEach(async () => {
    await gh?.close();
  });
  return () => gh as FakeGitHub;
}
