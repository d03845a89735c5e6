import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import module from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";

// Every dist/<name>/index.js is the same stub (scripts/build.mjs): it turns on Node's compile cache
// where Node has one, then imports bundle.js beside it.
const stub = join(__dirname, "../../dist/validate/index.js");
const hasCompileCache = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === "function";

describe("the bundles' entry stub", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function runStub(env: NodeJS.ProcessEnv): { ran: boolean; cacheDir: string | null } {
    const dir = mkdtempSync(join(tmpdir(), "preview-stacks-stub-"));
    dirs.push(dir);
    copyFileSync(stub, join(dir, "index.js"));
    writeFileSync(join(dir, "package.json"), '{"type":"module"}');
    // The bundle stand-in reports that it ran and which cache directory Node uses for it.
    writeFileSync(
      join(dir, "bundle.js"),
      'import module from "node:module";\nconsole.log(JSON.stringify({ ran: true, cacheDir: module.getCompileCacheDir?.() ?? null }));\n',
    );
    const out = execFileSync(process.execPath, [join(dir, "index.js")], {
      env: { PATH: process.env.PATH, ...env },
      encoding: "utf8",
    });
    return JSON.parse(out);
  }

  it("is the same file in every bundle", () => {
    const code = readFileSync(stub, "utf8");
    const differ = ["build-layer", "cli", "deploy", "main", "sweep", "teardown"].filter(
      (name) => readFileSync(join(__dirname, "../../dist", name, "index.js"), "utf8") !== code,
    );
    expect(differ).toEqual([]);
  });

  it("runs bundle.js, with the compile cache in RUNNER_TEMP where Node has one", () => {
    const runnerTemp = mkdtempSync(join(tmpdir(), "preview-stacks-runner-temp-"));
    dirs.push(runnerTemp);
    const result = runStub({ RUNNER_TEMP: runnerTemp });
    expect(result.ran).toBe(true);
    if (hasCompileCache) {
      expect(result.cacheDir).toBe(join(runnerTemp, "preview-stacks-compile-cache"));
    } else {
      console.log(`Node ${process.version} has no compile cache: only the import of bundle.js is checked.`);
      expect(result.cacheDir).toBeNull();
    }
  });

  it("leaves the cache off when NODE_DISABLE_COMPILE_CACHE is set", () => {
    const result = runStub({ RUNNER_TEMP: tmpdir(), NODE_DISABLE_COMPILE_CACHE: "1" });
    expect(result).toEqual({ ran: true, cacheDir: null });
  });
});
