// Start-up of every bundle, as the runner starts it: the time from `node dist/<name>/index.js` to
// the first check of its inputs, which fails at once because the run gives none. By then the bundle
// has loaded every module it imports statically (what a run always pays before its own work).
//
// Each bundle is measured as built (module factories in parentheses, compiled when the file is, see
// scripts/eager-factories.mjs) and in a copy whose factories have their parentheses taken off
// (compiled lazily, on first call, as ncc leaves them), both with Node's compile cache off, as on the
// first start in a job; and, where Node has a compile cache (22.1 and later), as built with the
// cache warm, as on the second start of a bundle in a job (a post step) or any later CLI run. Runs
// interleaved, with `node -e 0` as its own row. Prints the median wall time of several runs.
//
//   node bench/startup.mjs            BENCH_RUNS (default 15), BENCH_NODE (another node binary)
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { isParenthesized, moduleFactories } from "../scripts/eager-factories.mjs";
import { hasCompileCache, median } from "./common.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const node = process.env.BENCH_NODE || process.execPath;
const runs = Number(process.env.BENCH_RUNS ?? 15);
const bundles = ["validate", "build-layer", "deploy", "teardown", "sweep", "main", "cli"];

/** The same file with the parentheses around its factories taken off: ncc's own output. */
function lazyFactories(code, name) {
  let out = "";
  let at = 0;
  for (const range of moduleFactories(code, name)) {
    if (!isParenthesized(code, range))
      throw new Error(`${name}: a factory is not parenthesized; is dist/ built?`);
    out += code.slice(at, range.start - 1) + code.slice(range.start, range.end);
    at = range.end + 1;
  }
  return out + code.slice(at);
}

const work = mkdtempSync(join(tmpdir(), "preview-stacks-startup-"));
const output = join(work, "github-output");
writeFileSync(output, "");
// GITHUB_OUTPUT and GITHUB_STATE exist, as on a runner; no input and no repository are given.
const env = {
  PATH: process.env.PATH,
  GITHUB_OUTPUT: output,
  GITHUB_STATE: output,
  GITHUB_ENV: output,
  NODE_DISABLE_COMPILE_CACHE: "1",
};
const { NODE_DISABLE_COMPILE_CACHE: _, ...cacheOn } = env;
const compileCache = hasCompileCache(node);

/** Wall ms of one run; `check` says whether the run ended the way this start-up must. */
function time(args, check, runEnv = env) {
  const start = process.hrtime.bigint();
  const result = spawnSync(node, args, { env: runEnv, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (!check(result))
    throw new Error(`${args.join(" ")} exited with ${result.status}:\n${result.stdout}${result.stderr}`);
  return ms;
}

// An action stops at its first input check with exit code 1 and an ::error:: line; anything else
// (a crash while loading, say) is not a start-up to measure.
const stoppedAtInputs = (result) => result.status === 1 && /::error::/.test(result.stdout);
const succeeded = (result) => result.status === 0;

const variants = bundles.map((name) => {
  const lazyDir = join(work, "lazy", name);
  cpSync(join(root, "dist", name), lazyDir, { recursive: true });
  for (const file of readdirSync(lazyDir).filter((f) => /^(bundle|\d+\.index)\.js$/.test(f))) {
    const path = join(lazyDir, file);
    writeFileSync(path, lazyFactories(readFileSync(path, "utf8"), path));
  }
  // The CLI's start-up: `validate --help` loads the command and everything validate imports.
  const args = name === "cli" ? ["validate", "--help"] : [];
  return {
    name,
    eager: [join(root, "dist", name, "index.js"), ...args],
    lazy: [join(lazyDir, "index.js"), ...args],
    check: name === "cli" ? succeeded : stoppedAtInputs,
    // Its own cache directory, filled by one start before the timed ones.
    cached: { ...cacheOn, NODE_COMPILE_CACHE: join(work, "cache", name) },
  };
});

const samples = new Map([
  ["node -e 0", []],
  ...variants.flatMap((v) => [
    [`${v.name} eager`, []],
    [`${v.name} lazy`, []],
    [`${v.name} cached`, []],
  ]),
]);
if (compileCache) for (const v of variants) time(v.eager, v.check, v.cached);
for (let i = 0; i < runs; i++) {
  samples.get("node -e 0").push(time(["-e", "0"], succeeded));
  for (const v of variants) {
    // Alternate which goes first, so neither always runs on a warmer machine.
    const order = i % 2 === 0 ? ["eager", "lazy"] : ["lazy", "eager"];
    for (const kind of order) samples.get(`${v.name} ${kind}`).push(time(v[kind], v.check));
    if (compileCache) samples.get(`${v.name} cached`).push(time(v.eager, v.check, v.cached));
  }
}
rmSync(work, { recursive: true, force: true });

const version = execFileSync(node, ["--version"], { encoding: "utf8" }).trim();
const bare = median(samples.get("node -e 0"));
console.log(`\nstart-up to the first input check, median of ${runs} runs, interleaved; node ${version}\n`);
console.log(
  "| bundle | factories compiled at load ms | compiled on first call ms | difference ms | x node -e 0 (at load) | compile cache warm ms |",
);
console.log("|---|---:|---:|---:|---:|---:|");
console.log(`| \`node -e 0\` | ${bare.toFixed(0)} | - | - | 1.00 | - |`);
for (const v of variants) {
  const eager = median(samples.get(`${v.name} eager`));
  const lazy = median(samples.get(`${v.name} lazy`));
  const cached = compileCache ? median(samples.get(`${v.name} cached`)).toFixed(0) : "-";
  const label = v.name === "cli" ? "cli (`validate --help`)" : v.name;
  console.log(
    `| ${label} | ${eager.toFixed(0)} | ${lazy.toFixed(0)} | ${(eager - lazy).toFixed(0)} | ${(eager / bare).toFixed(2)} | ${cached} |`,
  );
}
if (!compileCache) console.log(`\nnode ${version} has no compile cache (Node 22.1 and later have one).`);
