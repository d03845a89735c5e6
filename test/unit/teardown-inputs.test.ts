import { describe, expect, it } from "vitest";
import { readDeployInputs, readTeardownInputs } from "../../src/inputs";

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? "";
const PR = { eventName: "pull_request", repository: "acme/shop", prNumber: 12 };
const DISPATCH = { eventName: "workflow_dispatch", repository: "acme/shop" };

describe("teardown inputs", () => {
  it("on a pull request, names the preview and expects this repository's preview of this pull request", () => {
    expect(readTeardownInputs(reader({ "github-token": "t" }), PR)).toEqual({
      stackName: "shop-pr-12",
      expected: { repository: "acme/shop", pr: 12 },
      template: undefined,
      emptyBuckets: true,
      retainOnFailure: false,
      timeoutMinutes: 60,
      dryRun: false,
      githubToken: "t",
      environment: "pr-12",
      allowUnmanaged: false,
    });
  });

  it("derives the preview name exactly as deploy does, stack-prefix included", () => {
    for (const prefix of ["", "Shop API", "x".repeat(200)]) {
      const teardown = readTeardownInputs(reader({ "stack-prefix": prefix }), PR);
      const deploy = readDeployInputs(reader({ template: "t.yaml", "stack-prefix": prefix }), PR);
      expect(teardown.stackName).toBe(deploy.stackName);
    }
    expect(readTeardownInputs(reader({ "stack-prefix": "Shop API" }), PR).stackName).toBe("Shop-API-pr-12");
  });

  it("reads what is given", () => {
    const inputs = readTeardownInputs(
      reader({
        "stack-name": "legacy-app",
        template: "infra/template.yaml",
        "empty-buckets": "false",
        "retain-on-failure": "true",
        "timeout-minutes": "15",
        "dry-run": "true",
        environment: "staging",
        "allow-unmanaged": "true",
      }),
      DISPATCH,
    );
    expect(inputs).toEqual({
      stackName: "legacy-app",
      expected: { repository: "acme/shop" },
      template: "infra/template.yaml",
      emptyBuckets: false,
      retainOnFailure: true,
      timeoutMinutes: 15,
      dryRun: true,
      githubToken: "",
      environment: "staging",
      allowUnmanaged: true,
    });
  });

  it("keeps this pull request as the expected owner when stack-name is given on a pull request", () => {
    expect(readTeardownInputs(reader({ "stack-name": "other-pr-3" }), PR).expected).toEqual({
      repository: "acme/shop",
      pr: 12,
    });
  });

  it.each([
    [
      {},
      DISPATCH,
      "Input 'stack-name': no stack name; outside pull_request events give stack-name (this run is a workflow_dispatch event).",
    ],
    [
      { "stack-name": "9lives" },
      DISPATCH,
      "Input 'stack-name': the value is not a stack name; use at most 128 letters, digits and dashes, starting with a letter.",
    ],
    [
      { "allow-unmanaged": "true" },
      PR,
      "Input 'allow-unmanaged': allow-unmanaged: true lets teardown delete a stack that is not a tagged preview, which it does only for a stack named in stack-name. Name the stack, or remove allow-unmanaged.",
    ],
    [
      { "timeout-minutes": "0" },
      PR,
      "Input 'timeout-minutes': the value is not allowed; use a whole number from 1 to 1440.",
    ],
    [{ "dry-run": "yes" }, PR, "Input 'dry-run': the value is not a boolean; use true or false."],
  ])("refuses %j", (values, context, message) => {
    expect(() => readTeardownInputs(reader(values), context)).toThrow(message);
  });
});
