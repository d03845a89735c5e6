// The main job on the bundled example: the validate action run exactly as the GitHub runner runs
// it, over the sample app in workflows-examples/, printing its log, outputs and job summary.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dir = mkdtempSync(join(tmpdir(), "preview-stacks-demo-"));
const output = join(dir, "output");
const summary = join(dir, "summary.md");
writeFileSync(output, "");
writeFileSync(summary, "");

console.log("$ preview-stacks validate (workflows-examples/sample-app/template.yaml)\n");
const run = spawnSync(process.execPath, [join(root, "dist/validate/index.js")], {
  cwd: root,
  encoding: "utf8",
  env: {
    PATH: process.env.PATH,
    GITHUB_WORKSPACE: root,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    INPUT_TEMPLATES: "workflows-examples/sample-app/template.yaml",
    "INPUT_FAIL-ON": "error",
    "INPUT_IGNORE-RULES": "",
    "INPUT_SARIF-FILE": join(dir, "validate.sarif"),
    "INPUT_ALLOW-EMPTY": "false",
  },
});
process.stdout.write(run.stdout);
process.stderr.write(run.stderr);
console.log("\n--- step outputs ---");
console.log(readFileSync(output, "utf8").replace(/ghadelimiter_[0-9a-f-]+/g, "EOF"));
console.log("--- job summary ---");
console.log(readFileSync(summary, "utf8"));
console.log(run.status === 0 ? "The sample app is valid." : `validate exited with ${run.status}.`);
process.exit(run.status ?? 1);
