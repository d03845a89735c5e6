/**
 * Layer zip benchmark: src/layer/zip.ts against Info-ZIP's `zip -X -r -q` on the same generated
 * tree (bench/layer-tree.ts: about 10,000 files and 100 MB shaped like a large node_modules,
 * text and random bytes mixed). Each zipper runs in a process of its own under /usr/bin/time, so
 * peak memory (maximum RSS) is that process's alone; ours is an ncc bundle of bench/layer-runner.ts.
 *
 * Printed: wall time, zip size, peak memory, and the wall time of a run of the build-layer bundle
 * that hits the cache (the fake GitHub's Actions cache service, the tree as the layer's
 * nodejs/node_modules, on a runner whose home is new). The issue 9 targets (time at most 1.0x
 * zip's, size at most 2% larger, peak memory under 200 MB, cache hit under 1 s) are printed as
 * met or not; nothing about time
 * is asserted, so a busy machine cannot fail the run. Reproducibility is asserted: two runs of
 * ours give the same sha256.
 *
 * BENCH_LAYER_ONLY=cache-hit runs the cache-hit row alone; BENCH_LAYER_NODE_OPTIONS is given to
 * the timed run as NODE_OPTIONS (a `--require` of a profiler preload, say), and its log is printed.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { expect, it } from "vitest";
import { runAction } from "../test/e2e/harness";
import { startFakeGitHub } from "../test/fakes/github/index";
import { generateTree, LARGE_NODE_MODULES } from "./layer-tree";
import { table } from "./table";

const TREE = join(tmpdir(), "preview-stacks-bench-layer", "node_modules");
const OUT = join(tmpdir(), "preview-stacks-bench-layer", "out");
const RUNNER = join("node_modules", ".cache", "bench-layer-runner", "index.js");
const RUNS = Number(process.env.BENCH_LAYER_RUNS ?? 3);
/** `cache-hit`: only the cache-hit row (the zippers are not run). */
const ONLY = process.env.BENCH_LAYER_ONLY;
/**
 * NODE_OPTIONS for the timed cache-hit run only, e.g. `--require <file>` of a preload that starts
 * node:inspector's profiler (node refuses --cpu-prof in NODE_OPTIONS).
 */
const NODE_OPTIONS = process.env.BENCH_LAYER_NODE_OPTIONS;

interface Run {
  ms: number;
  maxRssKb: number;
  size: number;
  sha256?: string;
}

/** Run a command under /usr/bin/time; wall time measured here, peak RSS as time reports it. */
function timed(
  command: string,
  args: string[],
  cwd: string,
): { ms: number; maxRssKb: number; stdout: string } {
  const report = join(OUT, "time.txt");
  const start = performance.now();
  const child = spawnSync("/usr/bin/time", ["-f", "%M", "-o", report, command, ...args], {
    cwd,
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  const ms = performance.now() - start;
  if (child.status !== 0) throw new Error(`${command} failed (${child.status}): ${child.stderr}`);
  return {
    ms,
    maxRssKb: Number(readFileSync(report, "utf8").trim().split("\n").at(-1)),
    stdout: child.stdout,
  };
}

function infoZip(): Run {
  const output = join(OUT, "info-zip.zip");
  rmSync(output, { force: true });
  // Run from the tree's parent so the entries are node_modules/..., as ours are.
  const run = timed("/usr/bin/zip", ["-X", "-r", "-q", output, "node_modules"], join(TREE, ".."));
  return { ms: run.ms, maxRssKb: run.maxRssKb, size: statSync(output).size };
}

function ours(): Run {
  const output = join(OUT, "ours.zip");
  rmSync(output, { force: true });
  const run = timed(process.execPath, [RUNNER, TREE, "node_modules/", output], process.cwd());
  const result = JSON.parse(run.stdout) as { sha256: string; size: number };
  return { ms: run.ms, maxRssKb: run.maxRssKb, size: result.size, sha256: result.sha256 };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/**
 * The wall time of a build-layer run that hits the cache: a first run builds and saves the zip,
 * then a runner with a new home (nothing of the first run left but the cache service) runs it
 * again, and only that second run is timed, from process start to exit.
 */
async function cacheHitRun(): Promise<number> {
  const root = dirname(TREE);
  const home = join(root, "home");
  mkdirSync(join(root, "layer-source"), { recursive: true });
  writeFileSync(join(root, "layer-source", "README"), "the layer is the include\n");
  const gh = await startFakeGitHub({ repo: "acme/shop" });
  try {
    const run = (extraEnv: Record<string, string> = {}) =>
      runAction({
        action: "build-layer",
        workspace: root,
        inputs: {
          name: "bench-node-modules",
          runtime: "custom",
          source: "layer-source",
          include: "node_modules:nodejs/node_modules",
          publish: "false",
        },
        env: { ...gh.cacheEnv(), HOME: home, ...extraEnv },
        timeoutMs: 300_000,
      });
    rmSync(home, { recursive: true, force: true });
    const first = await run();
    expect(first.exitCode, first.stdout).toBe(0);
    rmSync(home, { recursive: true, force: true });
    const started = performance.now();
    const second = await run(NODE_OPTIONS ? { NODE_OPTIONS } : {});
    const ms = performance.now() - started;
    if (NODE_OPTIONS) console.log(second.stdout);
    expect(second.exitCode, second.stdout).toBe(0);
    expect(second.outputs["cache-hit"]).toBe("true");
    expect(second.outputs.sha256).toBe(first.outputs.sha256);
    return ms;
  } finally {
    await gh.close();
  }
}

it("zips a large node_modules tree against Info-ZIP", async () => {
  if (!existsSync("/usr/bin/zip")) {
    throw new Error("Info-ZIP is not installed: apt-get install zip (Debian's zip package), then run again.");
  }
  const tree = await generateTree(TREE, LARGE_NODE_MODULES);
  if (ONLY === "cache-hit") {
    console.log(
      `\nTree: ${tree.files} files, ${mb(tree.bytes)}; cache-hit run: ${Math.round(await cacheHitRun())} ms\n`,
    );
    return;
  }
  execFileSync("mkdir", ["-p", OUT]);
  execFileSync(
    process.execPath,
    [
      "node_modules/@vercel/ncc/dist/ncc/cli.js",
      "build",
      "bench/layer-runner.ts",
      "-o",
      join(RUNNER, ".."),
      "-q",
    ],
    { stdio: "inherit" },
  );

  // Alternate the two so neither always runs with a warmer page cache.
  const zipRuns: Run[] = [];
  const ourRuns: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    zipRuns.push(infoZip());
    ourRuns.push(ours());
  }
  expect(new Set(ourRuns.map((r) => r.sha256)).size).toBe(1);

  const summary = (runs: Run[]) => ({
    ms: median(runs.map((r) => r.ms)),
    rss: Math.max(...runs.map((r) => r.maxRssKb)) * 1024,
    size: runs[0].size,
  });
  const zip = summary(zipRuns);
  const our = summary(ourRuns);
  const cacheHit = `${Math.round(await cacheHitRun())} ms`;
  console.log(
    `\nTree: ${tree.files} files, ${mb(tree.bytes)} (${TREE}); median of ${RUNS} runs, peak memory the largest.\n\n${table(
      ["zipper", "time", "zip size", "peak memory", "cache-hit run"],
      [
        ["Info-ZIP zip -X -r -q", `${Math.round(zip.ms)} ms`, mb(zip.size), mb(zip.rss), "-"],
        ["preview-stacks zipTree", `${Math.round(our.ms)} ms`, mb(our.size), mb(our.rss), cacheHit],
      ],
    )}\n\n${table(
      ["target", "measured", "met"],
      [
        ["time at most 1.0x zip's", `${(our.ms / zip.ms).toFixed(2)}x`, our.ms <= zip.ms ? "yes" : "no"],
        [
          "size at most 2% larger",
          `${(((our.size - zip.size) / zip.size) * 100).toFixed(2)}%`,
          our.size <= zip.size * 1.02 ? "yes" : "no",
        ],
        ["peak memory under 200 MB", mb(our.rss), our.rss < 200e6 ? "yes" : "no"],
        ["cache-hit run under 1 s", cacheHit, Number.parseInt(cacheHit, 10) < 1000 ? "yes" : "no"],
      ],
    )}\n`,
  );
});
