// Starts ./bundle.js with Node's compile cache on, where Node has one (see scripts/build.mjs).
// On a runner the cache is kept in RUNNER_TEMP, which only the runner's user writes and which is
// emptied after each job; elsewhere where NODE_COMPILE_CACHE says, or in Node's default place.
// NODE_DISABLE_COMPILE_CACHE=1 turns it off.
import module from "node:module";
import { join } from "node:path";

const temp = process.env.RUNNER_TEMP;
module.enableCompileCache?.(temp ? join(temp, "preview-stacks-compile-cache") : undefined);
await import("./bundle.js");
