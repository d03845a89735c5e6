/**
 * The all-in-one action (the root action.yml, dist/main) run as the runner runs it, once per event
 * it serves, against the fake AWS and fake GitHub: what each event makes it do, what it refuses,
 * and the inputs it ignores. The sub-actions' own behaviour is tested with their bundles; here the
 * question is whether the root action chose and called the right one with the right inputs.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { lambdaFunction, yaml } from "../unit/template/fixtures";
import { pullRequestEvent, pushEvent, scheduleEvent, workflowDispatchEvent } from "./events";
import { ROOT, type RunResult } from "./harness";
import { HEAD, PR, PreviewFixture } from "./preview-fixture";
import { seedStacks } from "./seed-previews";

const STACK = `shop-pr-${PR}`;
const BUCKET = "shop-artifacts";

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Queue:
    Type: AWS::SQS::Queue
Outputs:
  QueueUrl:
    Value: !Ref Queue
`;

/** A function whose code is packaged from ./src and whose layer ARN comes in as a parameter. */
const LAYERED = `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Parameters:
  DepsLayerArn:
    Type: String
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: ./src
      Handler: index.handler
      Runtime: nodejs22.x
      Layers: [!Ref DepsLayerArn]
Outputs:
  LayerArn:
    Value: !Ref DepsLayerArn
`;

/** E3001-worthy: a resource without a Type. */
const BROKEN = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Queue:
    Properties: {}
`;

let f: PreviewFixture;

function main(
  event: { name: string; payload: Record<string, unknown> },
  inputs: Record<string, string> = {},
  env: Record<string, string> = {},
): Promise<RunResult> {
  return f.run(".", inputs, { event, timeoutMs: 120_000, env });
}

const opened = () => pullRequestEvent({ number: PR, sha: HEAD, action: "opened" });
const closed = () => pullRequestEvent({ number: PR, sha: HEAD, action: "closed" });
const log = (run: RunResult) => `${run.stdout}\n${run.stderr}`;
const cfnWrites = (from = 0) =>
  f.cfnActionsSince(from).filter((action) => !/^(Describe|List|Get|Validate)/.test(action));

describe("the all-in-one action", () => {
  afterEach(async () => {
    await f?.close();
  });

  it("on pull_request opened, stops at validate errors before any AWS call", async () => {
    f = await PreviewFixture.start({ template: BROKEN });
    const run = await main(opened());
    expect(run.exitCode, log(run)).toBe(1);
    expect(run.annotations.some((a) => a.level === "error" && a.file === "template.yaml")).toBe(true);
    expect(run.stdout).toMatch(/::error::Validation found [1-9][\d,]* errors? and /);
    expect(run.outputs.errors).not.toBe("0");
    expect(f.aws.calls).toEqual([]);
    expect(f.comments()).toEqual([]);
  });

  it("on pull_request opened, validates the template as the preview it deploys (E3944)", async () => {
    f = await PreviewFixture.start({
      template: yaml("Resources:", ...lambdaFunction("Fn", undefined, "FunctionName: !Ref AWS::StackName")),
    });
    // A function's name takes no more than 64 characters: the preview's name is longer.
    const run = await main(opened(), { "stack-prefix": `shop${"-x".repeat(40)}` });
    expect(run.exitCode, log(run)).toBe(1);
    const titled = run.annotations.filter((a) => a.title);
    expect(titled.map((a) => `${a.level} ${a.title} ${a.line}:${a.col}`)).toEqual(["error E3944 9:21"]);
    expect(run.outputs.errors).toBe("1");
    expect(f.aws.calls).toEqual([]);
    // Another template checked beside it is deployed under a name of its own: not judged with this one.
    writeFileSync(join(f.workspace, "other.yaml"), readFileSync(join(f.workspace, "template.yaml"), "utf8"));
    writeFileSync(join(f.workspace, "template.yaml"), TEMPLATE);
    const both = await main(opened(), {
      "stack-prefix": `shop${"-x".repeat(40)}`,
      templates: "template.yaml, other.yaml",
    });
    expect(both.exitCode, log(both)).toBe(0);
    expect(both.annotations.filter((a) => a.title === "E3944")).toEqual([]);
  });

  it("on pull_request opened, validates the deployed template with the values of parameter-overrides (E3946)", async () => {
    f = await PreviewFixture.start({
      template: yaml(
        "Parameters:",
        "  Memory: {Type: Number, Default: 256}",
        "Resources:",
        ...lambdaFunction("Fn", undefined, "MemorySize: !Ref Memory"),
      ),
    });
    const run = await main(opened(), { "parameter-overrides": "Memory=64" });
    expect(run.exitCode, log(run)).toBe(1);
    const titled = run.annotations.filter((a) => a.title);
    expect(titled.map((a) => `${a.level} ${a.title} ${a.line}:${a.col}`)).toEqual(["error E3946 11:19"]);
    expect(titled[0].message).toContain("the value passed for parameter 'Memory' does not fit");
    expect(f.aws.calls).toEqual([]);
    const fine = await main(opened(), { "parameter-overrides": "Memory=512" });
    expect(fine.exitCode, log(fine)).toBe(0);
  });

  it("on pull_request opened, validates, deploys the preview and comments; on synchronize, updates it", async () => {
    f = await PreviewFixture.start({ template: TEMPLATE });
    const run = await main(opened(), { "sarif-file": "out/validate.sarif" });
    expect(run.exitCode, log(run)).toBe(0);
    expect(run.outputs.operation).toBe("preview");
    // The validate step ran with its own settings, then deploy.
    expect(run.outputs.errors).toBe("0");
    expect(readFileSync(join(f.workspace, "out/validate.sarif"), "utf8")).toContain('"version": "2.1.0"');
    expect(run.outputs["stack-name"]).toBe(STACK);
    expect(run.outputs.status).toBe("CREATE_COMPLETE");
    expect(f.aws.state.cloudformation.findStack(STACK)?.status).toBe("CREATE_COMPLETE");
    expect(f.comments()).toHaveLength(1);
    expect(f.comments()[0]).toContain(STACK);
    expect(f.gh.state.deployments.some((d) => d.environment === `pr-${PR}`)).toBe(true);
    // The post step finds the deploy reported, and does nothing.
    const post = await f.run(".", {}, { event: opened(), post: true, state: run.state });
    expect(post.exitCode, log(post)).toBe(0);
    expect(post.stdout).not.toContain("marking it as stopped");

    f.writeTemplate(
      TEMPLATE.replace("Type: AWS::SQS::Queue", "Type: AWS::SQS::Queue\n    Properties: { DelaySeconds: 5 }"),
    );
    const pushed = await main(pullRequestEvent({ number: PR, sha: HEAD, action: "synchronize" }));
    expect(pushed.exitCode, log(pushed)).toBe(0);
    expect(pushed.outputs.status).toBe("UPDATE_COMPLETE");
    expect(pushed.outputs["has-changes"]).toBe("true");
    // One sticky comment, updated in place.
    expect(f.comments()).toHaveLength(1);
  });

  it("on pull_request closed, tears the preview down and never deploys", async () => {
    f = await PreviewFixture.start({ template: TEMPLATE });
    expect((await main(opened())).exitCode).toBe(0);
    const before = f.aws.calls.length;
    const run = await main(closed());
    expect(run.exitCode, log(run)).toBe(0);
    expect(run.outputs.operation).toBe("teardown");
    expect(run.outputs.status).toBe("deleted");
    expect(cfnWrites(before)).toEqual(["DeleteStack"]);
    expect(f.comments().at(-1)).toMatch(/removed/i);
    // A closed pull request's template is not validated either: no validate outputs.
    expect(run.outputs.errors).toBeUndefined();
  });

  it("on push with stack-name, deploys that stack (not a preview), packaging and layers included", async () => {
    f = await PreviewFixture.start({ template: LAYERED, inputs: { "artifact-bucket": BUCKET } });
    f.aws.state.s3.createBucket(BUCKET, "us-east-1");
    writeSources(f.workspace);
    const layers =
      "- name: shop-deps\n  runtime: custom\n  include: layer:nodejs\n  template-parameter: DepsLayerArn\n";
    const run = await main(pushEvent(), { "stack-name": "shop-prod", layers });
    expect(run.exitCode, log(run)).toBe(0);
    expect(run.outputs.operation).toBe("deploy");
    expect(run.outputs["stack-name"]).toBe("shop-prod");
    const arns = JSON.parse(run.outputs["layer-version-arns"]) as Record<string, string>;
    expect(arns.DepsLayerArn).toMatch(/^arn:aws:lambda:us-east-1:\d{12}:layer:shop-deps:1$/);
    // The stack received the layer's ARN as the parameter the layers item names.
    expect(run.outputs.LayerArn).toBe(arns.DepsLayerArn);
    expect(f.aws.state.lambda.listLayerNames()).toContain("shop-deps");
    // The function's code was packaged to the bucket.
    expect(readFileSync(run.outputs["packaged-template"], "utf8")).toContain(`s3://${BUCKET}/`);
    expect(f.comments("shop-prod")).toEqual([]);
  });

  it("on workflow_dispatch, deploys stack-name, and asks for it when it is missing", async () => {
    f = await PreviewFixture.start({ template: TEMPLATE });
    const missing = await main(workflowDispatchEvent());
    expect(missing.exitCode).toBe(1);
    expect(missing.stdout).toContain("::error::Input 'stack-name': no stack name");
    expect(f.aws.calls).toEqual([]);
    const run = await main(workflowDispatchEvent(), { "stack-name": "shop-staging" });
    expect(run.exitCode, log(run)).toBe(0);
    expect(run.outputs.operation).toBe("deploy");
    expect(f.aws.state.cloudformation.findStack("shop-staging")?.status).toBe("CREATE_COMPLETE");
  });

  it("on schedule, sweeps: a closed pull request's preview is deleted, an open one's kept", async () => {
    f = await PreviewFixture.start({ template: TEMPLATE });
    f.gh.state.addPullRequest({ number: 40, state: "closed" });
    f.gh.state.addPullRequest({ number: 41 });
    await seedStacks(f.aws, [
      { name: "shop-pr-40", pr: 40, ageDays: 1 },
      { name: "shop-pr-41", pr: 41, ageDays: 1 },
    ]);
    const run = await main(scheduleEvent());
    expect(run.exitCode, log(run)).toBe(0);
    expect(run.outputs.operation).toBe("sweep");
    expect(JSON.parse(run.outputs.deleted)).toEqual(["shop-pr-40"]);
    expect(JSON.parse(run.outputs.kept)).toEqual(["shop-pr-41"]);
    expect(f.cfnActionsSince(0)).not.toContain("CreateChangeSet");
  });

  it("fails on an event it does not serve, naming the events it serves", async () => {
    f = await PreviewFixture.start({ template: TEMPLATE });
    const run = await main({ name: "issue_comment", payload: { action: "created" } });
    expect(run.exitCode).toBe(1);
    const failure = run.annotations.find((a) => a.level === "error")?.message ?? "";
    expect(failure).toContain("does not serve issue_comment events");
    for (const event of ["pull_request", "push", "release", "workflow_dispatch", "schedule"]) {
      expect(failure).toContain(event);
    }
    const event = opened();
    const labeled = await main({ ...event, payload: { ...event.payload, action: "labeled" } });
    expect(labeled.exitCode).toBe(1);
    expect(labeled.stdout).toContain("does not serve pull_request events of type labeled");
    expect(f.aws.calls).toEqual([]);
  });

  it("ignores an input that does not apply to the event, with a debug line", async () => {
    f = await PreviewFixture.start({ template: TEMPLATE });
    const run = await main(scheduleEvent(), { capabilities: "CAPABILITY_NAMED_IAM", "dry-run": "true" });
    expect(run.exitCode, log(run)).toBe(0);
    expect(run.stdout).toContain(
      "::debug::Input 'capabilities' is ignored: it does not apply to schedule events.",
    );
    // Inputs left at their default, and those the sweep reads, get no line.
    expect(run.stdout).not.toContain("Input 'fail-on' is ignored");
    expect(run.stdout).not.toContain("Input 'dry-run' is ignored");
  });

  it("checks the layers input before any AWS call", async () => {
    f = await PreviewFixture.start({ template: LAYERED, inputs: { "artifact-bucket": BUCKET } });
    writeSources(f.workspace);
    const unknown = await main(opened(), {
      layers: "- { name: shop-deps, runtime: custom, include: 'layer:nodejs', template-parameter: Missing }",
    });
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stdout).toContain(
      "::error::Input 'layers': item 1: the template declares no parameter Missing",
    );
    const badRuntime = await main(opened(), {
      layers: "- { name: shop-deps, runtime: rust, template-parameter: DepsLayerArn }",
    });
    expect(badRuntime.exitCode).toBe(1);
    expect(badRuntime.stdout).toContain(
      "::error::Input 'layers': item 1, runtime: the value is not one of the allowed values",
    );
    expect(f.aws.calls).toEqual([]);
  });

  it("builds no layer for a fork's pull request: deploy refuses it first", async () => {
    f = await PreviewFixture.start({ template: LAYERED, inputs: { "artifact-bucket": BUCKET } });
    writeSources(f.workspace);
    const fork = pullRequestEvent({
      number: PR,
      sha: HEAD,
      action: "opened",
      headRepository: { owner: "mallory", name: "shop" },
    });
    const run = await main(fork, {
      layers:
        "- { name: shop-deps, runtime: custom, build-command: 'touch $LAYER_DIR/x', template-parameter: DepsLayerArn }",
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain("Preview deployment is refused for forks");
    expect(run.stdout).not.toContain("Building layer");
    expect(f.aws.calls).toEqual([]);
  });
});

describe("action.yml", () => {
  interface ActionYaml {
    inputs: Record<string, { description: string; default?: string; required?: boolean }>;
    outputs: Record<string, { description: string }>;
    runs: Record<string, string>;
  }
  const load = (path: string) => parse(readFileSync(join(ROOT, path), "utf8")) as ActionYaml;
  const root = load("action.yml");
  const subs = ["validate", "deploy", "teardown", "sweep"].map((name) => load(`actions/${name}/action.yml`));

  it("runs dist/main with a post step, as deploy does", () => {
    expect(root.runs).toEqual({
      using: "node24",
      main: "dist/main/index.js",
      post: "dist/main/index.js",
      "post-if": "always()",
    });
  });

  it("takes every sub-action's inputs and outputs under the same names, with the same defaults", () => {
    for (const sub of subs) {
      for (const [name, spec] of Object.entries(sub.inputs)) {
        expect(root.inputs[name], name).toBeDefined();
        // The sub-actions' required inputs are required only on the events that read them.
        expect(root.inputs[name].required, name).toBe(false);
        if (!spec.required) expect(root.inputs[name].default ?? "", name).toBe(spec.default ?? "");
      }
      for (const name of Object.keys(sub.outputs)) expect(root.outputs[name], name).toBeDefined();
    }
  });

  it("describes an input one sub-action has with that sub-action's words, and every input says when it is read", () => {
    const owners = new Map<string, ActionYaml["inputs"][string][]>();
    for (const sub of subs) {
      for (const [name, spec] of Object.entries(sub.inputs))
        owners.set(name, [...(owners.get(name) ?? []), spec]);
    }
    for (const [name, specs] of owners) {
      // templates and validate mean more here: templates defaults to template, validate runs the validate step.
      if (specs.length === 1 && !["templates", "validate"].includes(name)) {
        expect(root.inputs[name].description.startsWith(specs[0].description), name).toBe(true);
      }
    }
    for (const [name, spec] of Object.entries(root.inputs)) {
      expect(spec.description, name).toMatch(/when deploying|closed pull request|teardown|sweep/);
    }
  });
});

function writeSources(workspace: string): void {
  const files: Record<string, string> = {
    "src/index.js": "exports.handler = async () => require('dep');\n",
    "layer/node_modules/dep/index.js": "module.exports = 42;\n",
  };
  for (const [path, body] of Object.entries(files)) {
    const file = join(workspace, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, body);
  }
}
