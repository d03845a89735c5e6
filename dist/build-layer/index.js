// Starts ./bundle.js with Node's compile cache on, where Node has one (see scripts/build.mjs).
// The cache is kept where only this user writes: on a runner in RUNNER_TEMP, emptied after each
// job; elsewhere in the user's cache directory. NODE_COMPILE_CACHE, when set, is used instead, and
// NODE_DISABLE_COMPILE_CACHE=1 turns it off.
import module from "node:module";
import { homedir } from "node:os";
import { join } from "node:path";

if (module.enableCompileCache) {
  const { RUNNER_TEMP, XDG_CACHE_HOME } = process.env;
  try {
    module.enableCompileCache(
      RUNNER_TEMP
        ? join(RUNNER_TEMP, "preview-stacks-compile-cache")
        : join(XDG_CACHE_HOME || join(homedir(), ".cache"), "preview-stacks", "compile-cache"),
    );
  } catch {
    // No home directory: the bundle runs without a cache, as on an older Node.
  }
}
await import("./bundle.js");
