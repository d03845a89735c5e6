/**
 * One zipTree run in a process of its own, so the benchmark can read this process's peak memory:
 * `node index.js <dir> <prefix> <output>` prints the result and the time taken as JSON.
 */
import { performance } from "node:perf_hooks";
import { zipTree } from "../src/layer/zip";

const [dir, prefix, output] = process.argv.slice(2);
// Where the peak comes from: the largest heap and off-heap (buffers) use seen, sampled.
const peak = { heapUsed: 0, external: 0, rss: 0 };
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
  peak.external = Math.max(peak.external, m.external);
  peak.rss = Math.max(peak.rss, m.rss);
}, 20);
const start = performance.now();
const result = await zipTree([{ dir, prefix }], output);
const ms = performance.now() - start;
clearInterval(sampler);
process.stdout.write(
  `${JSON.stringify({
    ms,
    size: result.size,
    sha256: result.sha256,
    entries: result.entries,
    unzippedSize: result.unzippedSize,
    maxRssKb: process.resourceUsage().maxRSS,
    peakHeapMb: Math.round(peak.heapUsed / 1e6),
    peakExternalMb: Math.round(peak.external / 1e6),
  })}\n`,
);
