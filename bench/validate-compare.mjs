// Our CLI bundle at a git ref against the working tree's, run interleaved (one then the other, so a
// machine that slows down slows both), cold, on the whole corpus, the largest corpus template and a
// minimal template. Prints the median and fastest wall time and the median and largest peak memory
// of each, and the change: what a set of commits cost or saved, which the cfn-lint ratio of
// bench:validate hides when cfn-lint's own time moves.
//
//   node bench/validate-compare.mjs <ref> [runs]     (npm run bench:validate-compare -- <ref>)
//
// The ref's bundle is read from its committed dist/cli (git archive), so nothing is built. Like
// bench:validate, runs use BENCH_NODE when set, without NODE_EXTRA_CA_CERTS and the compile cache.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { median } from "./common.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const [ref, runsArg] = process.argv.slice(2);
if (!ref) {
  console.error("Usage: node bench/validate-compare.mjs <git ref> [runs]: name the commit to compare with.");
  process.exit(2);
}
const runs = Number(runsArg ?? 11);
const node = process.env.BENCH_NODE || process.execPath;
const corpus = join(root, "../shared/corpus/aws-cloudformation-templates");

const work = mkdtempSync(join(tmpdir(), "preview-stacks-compare-"));
process.on("exit", () => rmSync(work, { recursive: true, force: true }));
const archive = join(work, "dist.tar");
execFileSync("git", ["-C", root, "archive", "-o", archive, ref, "dist/cli"]);
execFileSync("tar", ["-xf", archive, "-C", work]);
const bundles = [
  { label: ref, cli: join(work, "dist/cli/index.js") },
  { label: "working tree", cli: join(root, "dist/cli/index.js") },
];

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
const templates = walk(corpus).filter((file) => /\.(ya?ml|json)$/.test(file));
const largest = templates.reduce((a, b) => (statSync(a).size >= statSync(b).size ? a : b));
const minimal = join(work, "minimal.yaml");
writeFileSync(minimal, "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n");
const cases = [
  { name: `whole corpus (${templates.length} files)`, files: templates },
  { name: "largest corpus template", files: [largest] },
  { name: "minimal template", files: [minimal] },
];

const env = { ...process.env, NODE_DISABLE_COMPILE_CACHE: "1" };
delete env.NODE_EXTRA_CA_CERTS;
delete env.NODE_COMPILE_CACHE;

/** One cold run: wall ms and peak RSS in MB (a failed run is not a measurement). */
function measure(cli, files) {
  const start = process.hrtime.bigint();
  const result = spawnSync("/usr/bin/time", ["-f", "%M", node, cli, "validate", ...files], {
    env,
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`${cli} exited with ${result.status}: ${result.stderr.slice(-500)}`);
  }
  return { ms, mb: Number(result.stderr.trim().split("\n").pop()) / 1024 };
}

console.log(
  `validate, cold, ${runs} interleaved runs each; node ${execFileSync(node, ["-v"]).toString().trim()}\n`,
);
console.log("| case | bundle | median ms | fastest ms | median MB | largest MB | change (median) |");
console.log("|---|---|---:|---:|---:|---:|---:|");
for (const { name, files } of cases) {
  const samples = bundles.map(() => []);
  for (let r = 0; r < runs; r++) {
    for (let i = 0; i < bundles.length; i++) samples[i].push(measure(bundles[i].cli, files));
  }
  const rows = samples.map((s) => ({
    ms: median(s.map((x) => x.ms)),
    fastest: Math.min(...s.map((x) => x.ms)),
    mb: median(s.map((x) => x.mb)),
    maxMb: Math.max(...s.map((x) => x.mb)),
  }));
  rows.forEach((row, i) => {
    const change = i === 0 ? "" : `${(((row.ms - rows[0].ms) / rows[0].ms) * 100).toFixed(1)}%`;
    console.log(
      `| ${name} | ${bundles[i].label} | ${row.ms.toFixed(1)} | ${row.fastest.toFixed(1)} | ${row.mb.toFixed(1)} | ` +
        `${row.maxMb.toFixed(1)} | ${change} |`,
    );
  });
}
