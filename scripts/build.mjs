// Builds one minified ncc bundle per action (dist/<name>/bundle.js, started by the stub
// dist/<name>/index.js; dist/main for the root action.yml) and the CLI (dist/cli). Chunks are
// minified, and every bundle file's module factories are parenthesized so V8 compiles them eagerly
// (scripts/eager-factories.mjs). What ncc bundles is a copy of src/ whose loops over arrays are
// indexed loops (scripts/indexed-loops.mjs).
// With --check, builds in memory and fails when the committed dist/ differs from a fresh build.
// package.json runs it with an 8 GB heap: ncc type-checks the whole project once per bundle and
// keeps much of that memory until the process ends (about 5 GB peak for six bundles).

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ncc from "@vercel/ncc";
import { minify } from "terser";
import { specDataFiles } from "./copy-spec-data.mjs";
import { eagerFactories } from "./eager-factories.mjs";
import { indexedLoopSources } from "./indexed-loops.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const check = process.argv.includes("--check");
const only = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));

/**
 * ncc bundles a copy of src/ in .build/src, where each `for...of` over an array is an indexed loop
 * (see indexed-loops.mjs: cold code, which most of a validate run is, allocates an iterator and an
 * object per item for it). The copy is inside the repository so that imports find node_modules,
 * and is made afresh by each build (two builds at once would share it) and removed after.
 */
const sources = join(root, ".build/src");

function writeSources() {
  rmSync(join(root, ".build"), { recursive: true, force: true });
  for (const [name, content] of indexedLoopSources(root, listFiles(join(root, "src")))) {
    mkdirSync(dirname(join(sources, name)), { recursive: true });
    writeFileSync(join(sources, name), content);
  }
}

function entries() {
  // One bundle per sub-action folder (actions/<name>/action.yml), whose entry is src/actions/<name>.ts.
  const actions = readdirSync(join(root, "actions"))
    .filter((name) => existsSync(join(root, "actions", name, "action.yml")))
    .map((name) => ({ name, input: join(sources, "actions", `${name}.ts`) }));
  // The root action.yml is the all-in-one action, whose entry is src/actions/main.ts.
  const main = { name: "main", input: join(sources, "actions/main.ts") };
  return [...actions, main, { name: "cli", input: join(sources, "cli.ts") }].filter(
    (entry) => only.length === 0 || only.includes(entry.name),
  );
}

/**
 * The validate action makes no network call and runs no process, yet @actions/core imports its
 * OIDC client (@actions/http-client, which loads http, https, tunnel and undici) and its platform
 * details (@actions/exec, which loads child_process), about a third of a cold validate run. Its
 * bundle gets one stand-in module for those, which refuses to be used; the other actions talk to
 * AWS and GitHub and keep the real ones.
 *
 * The stand-in also takes the place of node:crypto, which @actions/core imports for one call:
 * crypto.randomUUID() names the delimiter of each value it writes to GITHUB_OUTPUT. Loading
 * node:crypto loads many of Node's own modules (ciphers, keys, streams) that nothing else in
 * this action uses. @actions/core refuses any name or value that contains the delimiter, so the
 * delimiter has to differ from the text around it, not be secret: the stand-in's randomUUID draws
 * from Math.random. Nothing else in the validate bundle imports crypto; the e2e test of the bundle
 * checks that Node's crypto module is not loaded and that the outputs are read back.
 */
const OFFLINE = new Set(["validate"]);
const OFFLINE_STAND_IN = "offline-stand-in.js";
const OFFLINE_EXTERNALS = Object.fromEntries(
  ["@actions/http-client", "@actions/http-client/lib/auth", "@actions/exec", "crypto"].map((name) => [
    name,
    `./${OFFLINE_STAND_IN}`,
  ]),
);
const OFFLINE_STAND_IN_CODE = `// Stand-in for @actions/http-client and @actions/exec in an action that makes no network call
// and runs no process, and for node:crypto, whose only use here is the delimiter @actions/core
// writes outputs with (see scripts/build.mjs).
export function randomUUID() {
  const hex = (digits) =>
    Array.from({ length: digits }, () => Math.floor(Math.random() * 16).toString(16)).join("");
  const variant = (8 + Math.floor(Math.random() * 4)).toString(16);
  return \`\${hex(8)}-\${hex(4)}-4\${hex(3)}-\${variant}\${hex(3)}-\${hex(12)}\`;
}
function refuse() {
  throw new Error("This action makes no network calls and runs no process; the modules for them are not bundled.");
}
export class HttpClient {
  constructor() {
    refuse();
  }
}
export class BearerCredentialHandler {
  constructor() {
    refuse();
  }
}
export const exec = async () => refuse();
export const getExecOutput = async () => refuse();
`;

/**
 * What the runner (and bin/preview-stacks.js) starts, dist/<name>/index.js, is this stub; ncc's
 * bundle is bundle.js beside it. The stub turns on Node's compile cache where Node has one (22.1 and
 * later, so on the runner's node24) before the bundle is compiled: V8's code for the bundle is kept
 * on disk, and the next start of the same bundle (the post step of deploy and of the all-in-one
 * action, each later run of the CLI) reads it instead of compiling the bundle again. The first start
 * compiles as before and writes the cache. The stub can only do this because the bundle is
 * imported after it: the code of a module's static imports is compiled before the module runs.
 */
const BUNDLE = "bundle.js";
const ENTRY_CODE = `// Starts ./${BUNDLE} with Node's compile cache on, where Node has one (see scripts/build.mjs).
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
await import("./${BUNDLE}");
`;

async function bundle(entry) {
  const offline = OFFLINE.has(entry.name);
  const { code, assets } = await ncc(entry.input, {
    minify: true,
    target: "es2022",
    license: "licenses.txt",
    quiet: true,
    ...(offline ? { externals: OFFLINE_EXTERNALS } : {}),
  });
  const files = new Map([
    ["index.js", Buffer.from(ENTRY_CODE)],
    [BUNDLE, Buffer.from(eagerFactories(await asciiOnly(code), `dist/${entry.name}/${BUNDLE}`))],
  ]);
  if (offline) files.set(OFFLINE_STAND_IN, Buffer.from(OFFLINE_STAND_IN_CODE));
  for (const [name, asset] of Object.entries(assets)) {
    files.set(name, CHUNK.test(name) ? await minifiedChunk(asset.source, name) : Buffer.from(asset.source));
  }
  serviceSpecDatabase(files);
  // Every bundle validates templates, and the spec loader reads its shards from ./data at run time.
  for (const [name, bytes] of specDataFiles()) files.set(name, bytes);
  return files;
}

/** The lazily loaded chunks ncc writes beside its bundle (`<id>.index.js`). */
const CHUNK = /^\d+\.index\.js$/;
const minified = new Map();

/**
 * ncc minifies its bundle but leaves the chunks it loads on demand as they are, comments and all;
 * V8 parses a chunk's code when it is loaded, so a cold validate paid for the comments and
 * whitespace of 330 KB of rule code. Minified here with ncc's own options for the bundle (no
 * compression; names mangled, but not function and class names, which code may read); terser is
 * deterministic, so the dist check still compares bytes. Chunks shared by bundles are minified once.
 * Then, like the bundle's, its module factories are parenthesized (see eager-factories.mjs).
 */
async function minifiedChunk(source, name) {
  const code = Buffer.isBuffer(source) ? source.toString("utf8") : String(source);
  const key = createHash("sha256").update(code).digest("hex");
  let result = minified.get(key);
  if (!result) {
    const { code: out } = await minify(code, {
      module: true,
      compress: false,
      mangle: { keep_classnames: true, keep_fnames: true },
      format: { comments: false, ascii_only: true },
    });
    result = Buffer.from(eagerFactories(out, name));
    minified.set(key, result);
  }
  return result;
}

/**
 * V8 keeps the source of every script it compiles for as long as its functions live, which in a
 * bundle is the whole run, and holds it in one byte per character only when every character is
 * Latin-1: one `…` in a message, or a box-drawing character of a table library, doubles the string
 * (the 730 KB rules chunk took 1.46 MB of heap in every validate run). So every file the build
 * writes is ASCII, a character beyond it written as its escape (`\u2026`), by terser, which knows
 * where an escape means the same (strings, templates, regular expressions): in the chunks through
 * their minification, in ncc's bundle by printing it again as it is, only where it needs it.
 * test/unit/dist-ascii.test.ts checks every committed file.
 */
async function asciiOnly(code) {
  if (!/[\u0080-\uffff]/.test(code)) return code;
  const { code: out } = await minify(code, {
    module: true,
    compress: false,
    mangle: false,
    format: { comments: false, ascii_only: true },
  });
  return out;
}

/**
 * @aws-cdk/aws-service-spec, which @aws-cdk/cloudformation-diff loads lazily for the IAM and
 * security-group diff, reads `path.join(__dirname, "..", "db.json.gz")`. An ESM chunk has no
 * __dirname, so the chunk that holds it gets one pointing at service-spec/lib beside the bundle,
 * and the database is shipped at service-spec/db.json.gz.
 */
function serviceSpecDatabase(files) {
  for (const [name, content] of files) {
    if (!name.endsWith(".js")) continue;
    const code = content.toString("utf8");
    if (!code.includes("__dirname")) continue;
    if (!code.includes("db.json.gz") || code.split("__dirname").length !== 2) {
      throw new Error(
        `${name} uses __dirname in a way the build does not know how to serve; see serviceSpecDatabase().`,
      );
    }
    const shim =
      'import{fileURLToPath as __psFileURLToPath}from"node:url";' +
      'const __dirname=__psFileURLToPath(new URL("./service-spec/lib",import.meta.url));\n';
    files.set(name, Buffer.from(shim + code));
    files.set(
      "service-spec/db.json.gz",
      readFileSync(join(root, "node_modules/@aws-cdk/aws-service-spec/db.json.gz")),
    );
  }
}

function listFiles(dir, base = dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path, base) : [relative(base, path)];
  });
}

const problems = [];
const built = new Set();
writeSources();
for (const entry of entries()) {
  const files = await bundle(entry);
  const outDir = join(root, "dist", entry.name);
  built.add(entry.name);
  if (check) {
    const committed = new Set(listFiles(outDir));
    for (const [name, content] of files) {
      const path = join(outDir, name);
      if (!committed.has(name)) problems.push(`dist/${entry.name}/${name} is missing`);
      else if (!readFileSync(path).equals(content))
        problems.push(`dist/${entry.name}/${name} differs from a fresh build`);
      committed.delete(name);
    }
    for (const name of committed) problems.push(`dist/${entry.name}/${name} is not produced by the build`);
  } else {
    rmSync(outDir, { recursive: true, force: true });
    for (const [name, content] of files) {
      mkdirSync(dirname(join(outDir, name)), { recursive: true });
      writeFileSync(join(outDir, name), content);
    }
    console.log(
      `dist/${entry.name}: ${files.size} files, ${BUNDLE} ${(files.get(BUNDLE).length / 1024).toFixed(0)} KiB`,
    );
  }
}
rmSync(join(root, ".build"), { recursive: true, force: true });
if (check && only.length === 0) {
  for (const name of existsSync(join(root, "dist")) ? readdirSync(join(root, "dist")) : []) {
    if (!built.has(name)) problems.push(`dist/${name} has no source entry (actions/${name}/action.yml)`);
  }
}
if (problems.length > 0) {
  console.error(
    `dist/ does not match a fresh build of src/:\n  ${problems.join("\n  ")}\nRun \`npm run build\` and commit dist/.`,
  );
  process.exit(1);
}
if (check) console.log("dist/ matches a fresh build of src/.");
