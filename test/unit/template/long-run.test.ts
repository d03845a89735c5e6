import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { checkTemplates } from "../../../src/template/check";
import {
  collectorAfterGrowth,
  LONG_RUN_V8_FLAGS,
  MANY_TEMPLATES,
  prepareForLongRun,
} from "../../../src/template/long-run";

const afterTemplate = vi.fn();
vi.mock("../../../src/template/long-run", async (original) => ({
  ...(await original<typeof import("../../../src/template/long-run")>()),
  prepareForLongRun: vi.fn(async () => afterTemplate),
}));

// Run in a process of its own: sets the flags it is given at run time, as prepareForLongRun does,
// keeps a third of what it allocates alive for a while (which makes V8 grow its young generation),
// then runs small functions until V8 compiles them with Maglev, and with Turbofan, or gives up.
const probe = `import v8 from "node:v8";
for (const flag of JSON.parse(process.env.FLAGS)) v8.setFlagsFromString(flag);
const kept = [];
for (let i = 0; i < 400000; i++) {
  const o = { i, s: "x" + i, a: [i, i + 1] };
  if (i % 3 === 0) kept.push(o);
  if (kept.length > 50000) kept.splice(0, 25000);
}
const youngMb = v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size / 2 ** 20;
v8.setFlagsFromString("--allow-natives-syntax");
// Ten small functions, each called until Maglev has compiled it: the fewest calls any of them needed
// (about 500 on Node 24 without the flags), or null when Maglev compiled none in 200,000 calls each.
const isMaglev = new Function("f", "return %ActiveTierIsMaglev(f)");
let maglevAfter = null;
for (let k = 0; k < 10; k++) {
  const hot = new Function("x", "return x * " + (k + 2) + " + 1;");
  for (let i = 1; i <= 200000; i++) {
    hot(i);
    if (i % 100 === 0 && isMaglev(hot)) { maglevAfter = Math.min(maglevAfter ?? i, i); break; }
  }
}
// Another function, run until Turbofan has compiled it (about 35,000 calls on Node 20 and 110,000 on
// Node 24 without the flags) or for ten times as long as that takes and two seconds: Turbofan
// compiles on a thread of its own, which a busy machine may run late.
const isTurbofan = new Function("f", "return %ActiveTierIsTurbofan(f)");
function hotter(x) { return x * 3 + 1; }
let turbofan = false;
const until = Date.now() + 2000;
for (let i = 0, sum = 0; !turbofan && (i < 1500000 || Date.now() < until); i++) { sum += hotter(i); if (i % 100 === 0) turbofan = isTurbofan(hotter); }
console.log(JSON.stringify({ youngMb, maglevAfter, turbofan }));
`;

interface Probe {
  youngMb: number;
  /** The fewest calls after which Maglev had compiled one of the probe's functions; null for none. */
  maglevAfter: number | null;
  turbofan: boolean;
}

function runProbe(flags: readonly string[]): Probe {
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", probe], {
    env: { PATH: process.env.PATH, FLAGS: JSON.stringify(flags) },
    encoding: "utf8",
  });
  return JSON.parse(out);
}

// Keeps a tenth of each round's objects for five rounds, as a long run keeps a little of each
// template, and reports the largest the heap grew.
const heapProbe = `import v8 from "node:v8";
for (const flag of JSON.parse(process.env.FLAGS)) v8.setFlagsFromString(flag);
const kept = [];
let peak = 0;
for (let round = 0; round < 30; round++) {
  const batch = [];
  for (let i = 0; i < 40000; i++) batch.push({ i, s: "x" + i + round, a: [i, i + 1] });
  kept.push(batch.filter((_, i) => i % 10 === 0));
  if (kept.length > 5) kept.shift();
  peak = Math.max(peak, v8.getHeapStatistics().total_heap_size);
}
console.log(JSON.stringify({ peakMb: peak / 2 ** 20 }));
`;

function peakHeapMb(flags: readonly string[]): number {
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", heapProbe], {
    env: { PATH: process.env.PATH, FLAGS: JSON.stringify(flags) },
    encoding: "utf8",
  });
  return JSON.parse(out).peakMb;
}

describe("the V8 flags of a long run", () => {
  it("keep the heap of a run that throws most of what it makes away from growing", () => {
    const others = LONG_RUN_V8_FLAGS.filter((flag) => !flag.startsWith("--heap-growing-percent"));
    // Seen here: about 150 MB with no flag, 65 to 95 MB with the other two and 37 to 46 MB with all
    // three on Node 24; 82, 49 to 57 and about 29 MB on Node 20.
    const all = peakHeapMb(LONG_RUN_V8_FLAGS);
    expect(all).toBeLessThan(peakHeapMb(others) * 0.75);
    expect(all).toBeLessThan(peakHeapMb([]) * 0.5);
  });

  it("keep the young generation at its size, defer Maglev and keep Turbofan off, when set at run time", () => {
    const withoutFlags = runProbe([]);
    const withFlags = runProbe(LONG_RUN_V8_FLAGS);
    // Without them the young generation grows past its first 2 MB; with them, it does not.
    expect(withoutFlags.youngMb).toBeGreaterThan(4);
    expect(withFlags.youngMb).toBeLessThanOrEqual(2);
    // Node 20's V8 has Maglev off by default; where it is on, the flags make it wait for the count
    // they give.
    const count = Number(
      LONG_RUN_V8_FLAGS.find((flag) => flag.startsWith("--invocation-count-for-maglev="))?.split("=")[1],
    );
    expect(count).toBeGreaterThan(1000);
    if (withoutFlags.maglevAfter === null) {
      console.log(`Node ${process.version} does not use Maglev: its call count is not checked.`);
      expect(withFlags.maglevAfter).toBeNull();
    } else {
      // About 500 calls here; Maglev also compiles on a thread of its own, so a busy machine may
      // see more, though never the flags' count.
      expect(withoutFlags.maglevAfter).toBeLessThan(count);
      expect(withFlags.maglevAfter).toBeGreaterThanOrEqual(count);
    }
    // Turbofan is on by default on every Node we support; the flags keep it off.
    expect(withoutFlags.turbofan).toBe(true);
    expect(withFlags.turbofan).toBe(false);
  });
});

describe("collectorAfterGrowth", () => {
  it("collects when the heap has grown by its step since the last collection, and measures again after", () => {
    let heap = 100;
    const collect = vi.fn(() => {
      heap = 110;
    });
    const onTemplate = collectorAfterGrowth(collect, () => heap, 50);
    heap = 149;
    onTemplate();
    expect(collect).not.toHaveBeenCalled();
    heap = 150;
    onTemplate();
    expect(collect).toHaveBeenCalledTimes(1);
    // From 110, what the collection left, not from 150 or the start.
    heap = 159;
    onTemplate();
    expect(collect).toHaveBeenCalledTimes(1);
    heap = 160;
    onTemplate();
    expect(collect).toHaveBeenCalledTimes(2);
  });
});

describe("checkTemplates", () => {
  const workspace = mkdtempSync(join(tmpdir(), "preview-stacks-long-run-"));
  afterAll(() => rmSync(workspace, { recursive: true, force: true }));
  const templates = (count: number) =>
    Array.from({ length: count }, (_, i) => {
      const name = `t${count}-${i}.yaml`;
      writeFileSync(join(workspace, name), "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n");
      return name;
    });

  it(`sets the flags for a run of ${MANY_TEMPLATES} templates or more, and not for fewer, and calls its hook after each template`, async () => {
    const prepare = vi.mocked(prepareForLongRun);
    await checkTemplates(templates(MANY_TEMPLATES - 1), { workspace });
    expect(prepare).not.toHaveBeenCalled();
    expect(afterTemplate).not.toHaveBeenCalled();
    const { files } = await checkTemplates(templates(MANY_TEMPLATES), { workspace });
    expect(files).toHaveLength(MANY_TEMPLATES);
    expect(prepare).toHaveBeenCalledTimes(1);
    expect(afterTemplate).toHaveBeenCalledTimes(MANY_TEMPLATES);
  });
});
