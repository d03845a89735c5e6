// Cold-process validation benchmark: our CLI bundle against cfn-lint (when on PATH) on a minimal
// template, the largest corpus template, the whole corpus in one run, and a generated template of
// 500 resources near 1 MB. Prints the median wall time and peak memory of several runs per row.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const corpus = join(root, "../shared/corpus/aws-cloudformation-templates");
const cli = join(root, "dist/cli/index.js");
const runs = Number(process.env.BENCH_RUNS ?? 5);
const lintRuns = Number(process.env.BENCH_LINT_RUNS ?? 3);

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const templates = walk(corpus).filter((file) => /\.(ya?ml|json)$/.test(file));
const largest = templates.reduce((a, b) => (statSync(a).size >= statSync(b).size ? a : b));
const work = mkdtempSync(join(tmpdir(), "preview-stacks-bench-"));

const minimal = join(work, "minimal.yaml");
writeFileSync(minimal, "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n");

function generated() {
  const lines = [
    'AWSTemplateFormatVersion: "2010-09-09"',
    "Parameters:",
    "  Stage:",
    "    Type: String",
    "    Default: dev",
    "Resources:",
  ];
  const code = "x".repeat(1400);
  for (let i = 0; i < 500; i++) {
    if (i % 2 === 0) {
      lines.push(
        `  Queue${i}:`,
        "    Type: AWS::SQS::Queue",
        "    Properties:",
        `      QueueName: !Sub "\${Stage}-queue-${i}"`,
        "      VisibilityTimeout: 60",
        "      Tags:",
        "        - Key: note",
        `          Value: "${code}"`,
      );
    } else {
      lines.push(
        `  Topic${i}:`,
        "    Type: AWS::SNS::Topic",
        `    DependsOn: Queue${i - 1}`,
        "    Properties:",
        `      DisplayName: !Join ["-", [!Ref Stage, topic, "${i}"]]`,
        "      Subscription:",
        `        - Endpoint: !GetAtt Queue${i - 1}.Arn`,
        "          Protocol: sqs",
        "      Tags:",
        "        - Key: note",
        `          Value: "${code}"`,
      );
    }
  }
  const file = join(work, "generated-500.yaml");
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

const rows = [
  { name: "minimal template", files: [minimal] },
  { name: `largest corpus template (${(statSync(largest).size / 1024).toFixed(0)} KB)`, files: [largest] },
  { name: `whole corpus (${templates.length} files)`, files: templates },
  { name: "generated, 500 resources", files: [generated()] },
];
rows[3].name += ` (${(statSync(rows[3].files[0]).size / 1024).toFixed(0)} KB)`;

/** Runs a command once under /usr/bin/time; returns wall ms (measured here) and peak RSS in MB. */
function measure(command, args, env = process.env) {
  const start = process.hrtime.bigint();
  const result = spawnSync("/usr/bin/time", ["-f", "%M", command, ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 28,
    env,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const rss = Number(result.stderr.trim().split("\n").pop()) / 1024;
  return { ms, rss, status: result.status };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function bench(command, args, count, env) {
  const samples = Array.from({ length: count }, () => measure(command, args, env));
  return { ms: median(samples.map((s) => s.ms)), rss: median(samples.map((s) => s.rss)) };
}

let cfnLint = null;
try {
  cfnLint = execFileSync("cfn-lint", ["--version"], { encoding: "utf8" }).trim();
} catch {
  console.log("cfn-lint is not on PATH: its columns stay empty.");
}

const table = [];
for (const row of rows) {
  const ours = bench(process.execPath, [cli, "validate", ...row.files, "--fail-on", "never"], runs);
  const theirs = cfnLint ? bench("cfn-lint", ["--", ...row.files], lintRuns) : null;
  table.push({ row, ours, theirs });
}

// The action bundle as the runner starts it, on the minimal template: it also loads @actions/core
// and writes outputs and the job summary, so it is compared with the same cfn-lint run.
const runner = mkdtempSync(join(tmpdir(), "preview-stacks-bench-runner-"));
writeFileSync(join(runner, "output"), "");
writeFileSync(join(runner, "summary.md"), "");
const actionEnv = {
  PATH: process.env.PATH,
  GITHUB_WORKSPACE: work,
  GITHUB_OUTPUT: join(runner, "output"),
  GITHUB_STEP_SUMMARY: join(runner, "summary.md"),
  INPUT_TEMPLATES: "minimal.yaml",
  "INPUT_FAIL-ON": "never",
};
table.splice(1, 0, {
  row: { name: "minimal template, validate action bundle" },
  ours: bench(process.execPath, [join(root, "dist/validate/index.js")], runs, actionEnv),
  theirs: table[0].theirs,
});

const fmt = (n, digits = 0) => n.toFixed(digits);
console.log(
  `\nvalidate, cold process, median of ${runs} runs (cfn-lint: ${lintRuns}); node ${process.version}; ${cfnLint ?? "no cfn-lint"}\n`,
);
console.log("| case | ours ms | ours MB | cfn-lint ms | cfn-lint MB | speed-up | memory ratio |");
console.log("|---|---:|---:|---:|---:|---:|---:|");
for (const { row, ours, theirs } of table) {
  console.log(
    `| ${row.name} | ${fmt(ours.ms)} | ${fmt(ours.rss)} | ${theirs ? fmt(theirs.ms) : "-"} | ${theirs ? fmt(theirs.rss) : "-"} | ` +
      `${theirs ? `${fmt(theirs.ms / ours.ms, 1)}x` : "-"} | ${theirs ? fmt(ours.rss / theirs.rss, 2) : "-"} |`,
  );
}
