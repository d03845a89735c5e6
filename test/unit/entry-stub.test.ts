import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import module from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
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

  // Where Node keeps the cache, for each environment; null where it keeps none.
  const cases: [string, (dir: string) => NodeJS.ProcessEnv, (dir: string) => string | null][] = [
    [
      "in RUNNER_TEMP on a runner",
      (dir) => ({ RUNNER_TEMP: dir, HOME: dir }),
      (dir) => join(dir, "preview-stacks-compile-cache"),
    ],
    [
      "in XDG_CACHE_HOME elsewhere",
      (dir) => ({ XDG_CACHE_HOME: dir, HOME: tmpdir() }),
      (dir) => join(dir, "preview-stacks", "compile-cache"),
    ],
    [
      "in ~/.cache without XDG_CACHE_HOME",
      (dir) => ({ HOME: dir }),
      (dir) => join(dir, ".cache", "preview-stacks", "compile-cache"),
    ],
    [
      "in NODE_COMPILE_CACHE when it is set",
      (dir) => ({ NODE_COMPILE_CACHE: dir, RUNNER_TEMP: tmpdir() }),
      (dir) => dir,
    ],
    [
      "nowhere with NODE_DISABLE_COMPILE_CACHE=1",
      (dir) => ({ RUNNER_TEMP: dir, NODE_DISABLE_COMPILE_CACHE: "1" }),
      () => null,
    ],
  ];

  it.each(cases)("runs bundle.js, with the compile cache %s", (_, env, expected) => {
    const dir = mkdtempSync(join(tmpdir(), "preview-stacks-cache-home-"));
    dirs.push(dir);
    const result = runStub(env(dir));
    expect(result.ran).toBe(true);
    if (!hasCompileCache)
      console.log(`Node ${process.version} has no compile cache: only the import of bundle.js is checked.`);
    // Node keeps each Node version's cache in its own directory below the one it is given.
    expect(result.cacheDir && dirname(result.cacheDir)).toBe(hasCompileCache ? expected(dir) : null);
  });
});
