// Helpers the process-level benchmarks (startup.mjs, validate.mjs) share.
import { execFileSync } from "node:child_process";

/** Whether this node binary has Node's compile cache (22.1 and later). */
export function hasCompileCache(node) {
  return (
    execFileSync(node, ["-p", "typeof require('node:module').enableCompileCache"], {
      encoding: "utf8",
    }).trim() === "function"
  );
}

/** The middle value (the upper one of an even count). */
export function median(values) {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}
