import { describe, expect, it } from "vitest";
import { type DeployContext, readDeployInputs } from "../../../src/inputs";

const pr: DeployContext = { eventName: "pull_request", repository: "acme/web-app", prNumber: 12 };
const push: DeployContext = { eventName: "push", repository: "acme/web-app" };
const reader = (values: Record<string, string>) => (name: string) => values[name] ?? "";

describe("readDeployInputs", () => {
  it("defaults a pull request run to a preview named after the repository", () => {
    const inputs = readDeployInputs(reader({ template: "template.yaml" }), pr);
    expect(inputs).toMatchObject({
      stackName: "web-app-pr-12",
      preview: { repository: "acme/web-app", pr: 12 },
      capabilities: ["CAPABILITY_IAM"],
      terminationProtection: undefined,
      timeoutMinutes: 60,
      mode: "deploy",
      comment: true,
      environment: "pr-12",
      validate: true,
      maxPreviews: 20,
    });
  });

  it("deploys a named stack on push, with tags and settings parsed", () => {
    const inputs = readDeployInputs(
      reader({
        template: "t.yaml",
        "stack-name": "prod-api",
        tags: "team=web\ncost-center = a=b",
        capabilities: "CAPABILITY_NAMED_IAM, CAPABILITY_AUTO_EXPAND",
        "termination-protection": "true",
        "timeout-minutes": "90",
      }),
      push,
    );
    expect(inputs).toMatchObject({
      stackName: "prod-api",
      preview: undefined,
      tags: [
        { Key: "team", Value: "web" },
        { Key: "cost-center", Value: "a=b" },
      ],
      capabilities: ["CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"],
      terminationProtection: true,
      timeoutMinutes: 90,
      comment: false,
      environment: undefined,
    });
  });

  it("names the input and what is allowed when one is wrong", () => {
    const bad =
      (values: Record<string, string>, context = push) =>
      () =>
        readDeployInputs(reader({ template: "t.yaml", "stack-name": "s", ...values }), context);
    expect(bad({ "stack-name": "" })).toThrow(
      "Input 'stack-name': no stack name; outside pull_request events give stack-name (this run is a push event).",
    );
    expect(bad({ "stack-name": "my_stack" })).toThrow(
      "Input 'stack-name': the value is not a stack name; use at most 128 letters, digits and dashes, starting with a letter.",
    );
    expect(bad({ capabilities: "CAPABILITY_ALL" })).toThrow(
      "Input 'capabilities': item 1 is not a capability; use any of: CAPABILITY_IAM, CAPABILITY_NAMED_IAM, CAPABILITY_AUTO_EXPAND.",
    );
    expect(bad({ "timeout-minutes": "0" })).toThrow(
      "Input 'timeout-minutes': the value is not allowed; use a whole number from 1 to 1440.",
    );
    expect(bad({ mode: "execute-change-set" })).toThrow(
      /^Input 'change-set-id': mode: execute-change-set needs change-set-id/,
    );
    expect(bad({ "artifact-bucket": "s3://bucket" })).toThrow(
      /^Input 'artifact-bucket': the value is not an S3 bucket name/,
    );
    expect(bad({ "role-arn": "deployer" })).toThrow(/^Input 'role-arn': the value is not an IAM role ARN/);
    expect(bad({ tags: "preview-stacks:pr=1" })).toThrow(
      /^Input 'tags': tag 'preview-stacks:pr' uses a reserved prefix/,
    );
    expect(bad({ preview: "true" })).toThrow(/^Input 'preview': preview stacks need a pull_request event/);
    expect(bad({ "disable-rollback": "yes" })).toThrow(
      "Input 'disable-rollback': the value is not a boolean; use true or false.",
    );
  });
});
