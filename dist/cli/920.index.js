export const id = 920;
export const ids = [920,220];
export const modules = {

/***/ 6220:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createLambdaClient: () => (/* binding */ createLambdaClient)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1696);
/* harmony import */ var _clients__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(201);
/** The Lambda client, made as clients.ts makes every other: region, adaptive retries, AWS_ENDPOINT_URL. */


function createLambdaClient(settings = {}) {
    return new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_1__/* .LambdaClient */ .Nox((0,_clients__WEBPACK_IMPORTED_MODULE_0__.clientConfig)(settings));
}


/***/ }),

/***/ 920:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  command: () => (/* binding */ command)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/aws/clients.ts
var clients = __webpack_require__(201);
// EXTERNAL MODULE: ./src/aws/lambda-client.ts
var lambda_client = __webpack_require__(6220);
// EXTERNAL MODULE: ./src/inputs.ts
var src_inputs = __webpack_require__(8422);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/layer/cache.ts
/**
 * The built zip in the Actions cache, by content key. The cache client is passed in (the action
 * entry gives @actions/cache), so this module decides only what is cached and how a hit is trusted.
 */


const ZIP_NAME = "layer.zip";
const META_NAME = "layer.json";
/**
 * A layer is two cache entries: the record (META_NAME, a few hundred bytes) under the content's
 * cache key, and the zip (ZIP_NAME) under that key plus ZIP_SUFFIX, each in a directory of its own
 * below the cache directory. A hit restores the record alone: it carries every output, and the zip
 * is fetched only when it must be uploaded (the object is not in the bucket yet), so a hit does not
 * download, unpack and re-read tens of MB it then throws away. The zip entry is saved first; since
 * @actions/cache reports a failed save with a warning rather than an error, a record may still lack
 * its zip, and a zip that cannot be restored when needed counts as a miss: the layer is built and
 * the zip saved again.
 */
const RECORD_DIR = "record";
const ZIP_DIR = "zip";
const ZIP_SUFFIX = "-zip";
/**
 * The whole content key is in the cache key and no restore keys are given: a near match would be
 * another layer's zip, and using it would publish the wrong content.
 */
function cacheKey(name, architecture, contentKey) {
    return `preview-stacks-layer-${name}-${architecture}-${contentKey}`;
}
async function writeCachedLayer(dir, layer) {
    await (0,promises_.mkdir)((0,external_node_path_.join)(dir, RECORD_DIR), { recursive: true });
    await (0,promises_.writeFile)((0,external_node_path_.join)(dir, RECORD_DIR, META_NAME), `${JSON.stringify(layer, null, 2)}\n`);
}
/** The restored record, or undefined when it is missing or not one of ours. */
async function readCachedLayer(dir) {
    try {
        const layer = JSON.parse(await (0,promises_.readFile)((0,external_node_path_.join)(dir, RECORD_DIR, META_NAME), "utf8"));
        const valid = /^[0-9a-f]{64}$/.test(layer.sha256) &&
            [layer.size, layer.unzippedSize, layer.entries].every(Number.isSafeInteger) &&
            Array.isArray(layer.largestDirectories);
        return valid ? layer : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * Whether the restored zip is the one the record describes. Its size is compared, not its sha256:
 * the entry was written whole by the client that saved it, and re-reading tens of MB on every hit
 * cost more than the rest of the hit; the sha256 is the record's, measured when the zip was written.
 */
async function restoredZipMatches(dir, layer) {
    const size = await (0,promises_.stat)(zipFile(dir)).then((s) => s.size, () => -1);
    return size === layer.size;
}
function zipFile(dir) {
    return (0,external_node_path_.join)(dir, ZIP_DIR, ZIP_NAME);
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/layer/files.ts
/** Walking a directory for the layer modules: every regular file and symlink below it, in byte order. */


/** Directories never part of a layer's inputs: version control and a local install. */
const SKIPPED_DIRECTORIES = new Set([".git", "node_modules"]);
/**
 * Files (and symlinks, not followed) below `root`, as paths relative to it with `/` separators,
 * sorted by their bytes. A `root` that is a file gives its own name.
 */
async function listFiles(root, skip = new Set()) {
    const top = await (0,promises_.lstat)(root);
    if (!top.isDirectory())
        return [root.split(external_node_path_.sep).pop() ?? root];
    const found = [];
    // Sibling directories are read concurrently: one readdir after another costs a thread-pool
    // round trip each, most of the walk on a node_modules of hundreds of packages.
    const walk = async (dir) => {
        const entries = await (0,promises_.readdir)(dir, { withFileTypes: true });
        await Promise.all(entries.map(async (entry) => {
            const path = (0,external_node_path_.join)(dir, entry.name);
            if (entry.isDirectory()) {
                if (!skip.has(entry.name))
                    await walk(path);
            }
            else {
                found.push((0,external_node_path_.relative)(root, path).split(external_node_path_.sep).join("/"));
            }
        }));
    };
    await walk(root);
    return found.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
;// CONCATENATED MODULE: ./src/layer/hash.ts
/** Content keys: one sha256 over a set of files' contents and a few strings, independent of where they live. */


/**
 * Reads and hashes its share of the files synchronously, one reused buffer, and posts each file's
 * length and sha256 in the order given. Why threads and synchronous reads: on the benchmark tree
 * (10,000 files, 100 MB) a read stream per file spent most of the time in thread-pool hand-offs
 * (open, read, close each a round trip through the event loop); a worker reading synchronously
 * keeps both cores busy hashing, and the main thread free for the rest of start-up. The worker is
 * inline CommonJS, so the ncc bundles need no extra file.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { closeSync, openSync, readSync } = require("node:fs");
const { createHash } = require("node:crypto");
const scratch = Buffer.allocUnsafe(1 << 20);
function hashOne(path) {
  const fd = openSync(path, "r");
  try {
    const hash = createHash("sha256");
    let length = 0;
    for (;;) {
      const n = readSync(fd, scratch, 0, scratch.length, null);
      hash.update(scratch.subarray(0, n));
      length += n;
      // A regular file reads short only at its end: most files take one read, not two.
      if (n < scratch.length) break;
    }
    return { length, digest: hash.digest() };
  } finally {
    closeSync(fd);
  }
}
const lengths = new Float64Array(workerData.length);
const digests = new Uint8Array(workerData.length * 32);
try {
  workerData.forEach((path, i) => {
    let one;
    try {
      one = hashOne(path);
    } catch (error) {
      throw new Error("Cannot hash " + path + ": " + error.message);
    }
    lengths[i] = one.length;
    digests.set(one.digest, i * 32);
  });
  parentPort.postMessage({ lengths, digests }, [lengths.buffer, digests.buffer]);
} catch (error) {
  parentPort.postMessage({ error: error.message });
}
`;
/** Files per thread below which a second thread costs more to start than it saves. */
const FILES_PER_THREAD = 500;
function hashOnThread(paths) {
    return new Promise((resolve, reject) => {
        const worker = new external_node_worker_threads_.Worker(WORKER_SOURCE, { eval: true, workerData: paths });
        worker.once("message", (message) => {
            if (message.error !== undefined)
                reject(new Error(message.error));
            else
                resolve(message);
        });
        worker.once("error", reject);
        worker.once("exit", (code) => reject(new Error(`The hashing thread stopped (exit code ${code}).`)));
    });
}
/** Each file's length and sha256, in the order of `paths`, read on up to two threads. */
async function fileDigests(paths) {
    const threads = Math.max(1, Math.min(2, Math.ceil(paths.length / FILES_PER_THREAD)));
    // Interleaved shares: neighbouring files are often alike in size, so each thread gets a fair half.
    const shares = Array.from({ length: threads }, (_, t) => paths.filter((_, i) => i % threads === t));
    const results = await Promise.all(shares.map(hashOnThread));
    return paths.map((_, i) => {
        const { lengths, digests } = results[i % threads];
        const j = Math.floor(i / threads);
        return { length: lengths[j], digest: Buffer.from(digests.buffer, digests.byteOffset + j * 32, 32) };
    });
}
/**
 * sha256 (hex) over the contents of `paths` taken in byte order of their UTF-8 paths, then `extra`
 * in the order given. Paths themselves are not hashed: a checkout in another directory must give
 * the same key. `extra` may be a promise, awaited after the files are read. Each part is framed by its kind and length, so moving bytes from one file to the
 * next, or from a file into an extra string, changes the key. A missing file is an error naming it.
 */
async function hashFiles(paths, extra = []) {
    const hash = (0,external_node_crypto_.createHash)("sha256");
    const sorted = [...paths].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    // Each file is hashed on its own and its length and digest go into the key: that frames it
    // without reading it twice or holding it in memory.
    for (const { length, digest } of await fileDigests(sorted)) {
        hash.update(`file\0${length}\0`);
        hash.update(digest);
    }
    // A promise may be given so that slow strings (tool versions) are found while the files are read.
    for (const value of await extra) {
        const bytes = Buffer.from(value);
        hash.update(`extra\0${bytes.length}\0`);
        hash.update(bytes);
    }
    return hash.digest("hex");
}

;// CONCATENATED MODULE: ./src/layer/key.ts
/**
 * The layer's content key: what decides the built zip, hashed. Two runs with the same key build the
 * same layer, so the key names the cache entry and a hit skips the build.
 */




/** Bumped when the layout or the zip format changes, so old cache entries are never reused. */
const KEY_FORMAT = "preview-stacks-layer-v1";
/** The manifests and lockfiles the runtime installs from, relative to the source directory. */
const MANIFESTS = {
    // Each inner list: one of these must exist; the first found is used.
    nodejs: [["package.json"], ["npm-shrinkwrap.json", "package-lock.json"]],
    python: [["requirements.txt"]],
};
/** The tools whose versions change what an install produces. */
const TOOLS = {
    nodejs: [
        ["node", ["--version"]],
        ["npm", ["--version"]],
    ],
    python: [["python3", ["-m", "pip", "--version"]]],
    java: [],
    custom: [],
};
/** The files that decide the build's result, absolute; the runtime's inputs, then each include's. */
async function keyFiles(inputs) {
    const files = [];
    const names = [];
    const add = (base, rel, label) => {
        for (const r of rel) {
            files.push((0,external_node_path_.join)(base, r));
            names.push(`${label}:${r}`);
        }
    };
    if (inputs.runtime === "nodejs" || inputs.runtime === "python") {
        for (const choices of MANIFESTS[inputs.runtime]) {
            const found = choices.find((c) => (0,external_node_fs_.existsSync)((0,external_node_path_.join)(inputs.source, c)));
            if (found)
                add(inputs.source, [found], "source");
        }
    }
    else {
        // A jars directory, or whatever a custom build command reads: every file of the source.
        const all = await listFiles(inputs.source, SKIPPED_DIRECTORIES);
        add(inputs.source, inputs.runtime === "java" ? all.filter((f) => f.endsWith(".jar")) : all, "source");
    }
    for (const include of inputs.include) {
        const local = (0,external_node_path_.resolve)(include.localPath);
        const base = (0,external_node_fs_.statSync)(local).isDirectory() ? local : (0,external_node_path_.dirname)(local);
        add(base, await listFiles(local), `include:${include.layerPath}`);
    }
    return { files, names };
}
/** The tools' versions, one string each; a tool that cannot run counts as "absent". */
async function toolVersions(runtime, probe) {
    const versions = [];
    for (const [command, args] of TOOLS[runtime]) {
        const version = await probe(command, args).then((out) => out.trim().replace(/ from \S+/, ""), () => "absent");
        versions.push(`${command}=${version}`);
    }
    return versions;
}
/** sha256 (hex) over the key files' contents and names, the runtime, architecture, command and tools. */
async function contentKey(inputs, probe) {
    // The tools run (npm alone takes a few hundred ms to start) while the files are walked and read.
    const tools = toolVersions(inputs.runtime, probe);
    const { files, names } = await keyFiles(inputs).catch(async (error) => {
        await tools;
        throw error;
    });
    const extra = [
        KEY_FORMAT,
        `runtime=${inputs.runtime}`,
        `architecture=${inputs.architecture}`,
        `build-command=${inputs.buildCommand ?? ""}`,
        `pip-args=${inputs.pipArgs.join(" ")}`,
        `compatible-runtimes=${inputs.compatibleRuntimes.join(",")}`,
        // hashFiles ignores paths; a renamed file or a file moved to another layer path must change the key.
        ...names.sort(),
    ];
    return hashFiles(files, tools.then((versions) => [...extra, ...versions]));
}

;// CONCATENATED MODULE: ./src/layer/layout.ts
/**
 * Builds a layer's tree in Lambda's layout: `nodejs/node_modules`, `python/`, `java/lib/*.jar`, the
 * `include` paths (native code in `lib/`, which Lambda puts on LD_LIBRARY_PATH, tools in `bin/`), and
 * whatever the build command writes into $LAYER_DIR.
 */





/** A layer that cannot be built from what is there: says which file is missing and what to do. */
class LayerSourceError extends Error {
    constructor(message) {
        super(message);
        this.name = "LayerSourceError";
    }
}
/** Fails before any build when the source lacks what its runtime installs from. */
async function checkSource(inputs) {
    if (!(0,external_node_fs_.existsSync)(inputs.source) || !(await (0,promises_.lstat)(inputs.source)).isDirectory()) {
        throw new LayerSourceError(`The source directory (input source) does not exist. Check out the repository before this step, and set source to the directory that holds the layer's manifest.`);
    }
    if (inputs.runtime === "nodejs" || inputs.runtime === "python") {
        for (const choices of MANIFESTS[inputs.runtime]) {
            if (!choices.some((c) => (0,external_node_fs_.existsSync)((0,external_node_path_.join)(inputs.source, c)))) {
                const hint = inputs.runtime === "nodejs"
                    ? "npm ci installs exactly what the lockfile says; run npm install once and commit package-lock.json."
                    : "list the layer's packages there, pinned (pip freeze).";
                throw new LayerSourceError(`The source directory has no ${choices.join(" or ")}: ${hint}`);
            }
        }
    }
    if (inputs.runtime === "java" && (await javaJars(inputs.source)).length === 0) {
        throw new LayerSourceError(`The source directory holds no .jar file. Build the project first (mvn package dependency:copy-dependencies, or gradle jar), and point source at the jars.`);
    }
    for (const [index, include] of inputs.include.entries()) {
        if (!(0,external_node_fs_.existsSync)(include.localPath)) {
            throw new LayerSourceError(`The local path of include line ${index + 1} does not exist; build it before this step, or remove the line.`);
        }
    }
}
async function javaJars(source) {
    return (await listFiles(source, SKIPPED_DIRECTORIES)).filter((f) => f.endsWith(".jar"));
}
/** `manylinux2014_x86_64` or `manylinux2014_aarch64`: wheels Lambda's Amazon Linux can load. */
function pipPlatform(architecture) {
    return `manylinux2014_${architecture === "arm64" ? "aarch64" : "x86_64"}`;
}
/** The pip install command line for the layer's `python/` directory. */
function pipArguments(inputs, target) {
    const args = [
        "-m",
        "pip",
        "install",
        "--disable-pip-version-check",
        "--no-input",
        // .pyc files carry build times and the builder's paths; Lambda compiles on first import.
        "--no-compile",
        "-r",
        "requirements.txt",
        "--target",
        target,
        "--platform",
        pipPlatform(inputs.architecture),
        "--only-binary=:all:",
    ];
    const python = inputs.compatibleRuntimes.find((r) => /^python3\.\d+$/.test(r));
    if (python)
        args.push("--python-version", python.slice("python".length));
    return [...args, ...inputs.pipArgs];
}
async function buildNode(inputs, layerDir, deps) {
    // npm ci runs in a copy of the source, so the user's own node_modules is never replaced, and
    // `file:` dependencies in the lockfile resolve as they do in the checkout.
    const stage = await (0,promises_.mkdtemp)((0,external_node_path_.join)(deps.tempDir, "npm-"));
    await (0,promises_.cp)(inputs.source, stage, {
        recursive: true,
        verbatimSymlinks: true,
        filter: (path) => !SKIPPED_DIRECTORIES.has((0,external_node_path_.basename)(path)),
    });
    await deps.run("npm", ["ci", "--omit=dev", "--no-audit", "--no-fund"], { cwd: stage, env: deps.env });
    await (0,promises_.mkdir)((0,external_node_path_.join)(layerDir, "nodejs"), { recursive: true });
    const installed = (0,external_node_path_.join)(stage, "node_modules");
    if ((0,external_node_fs_.existsSync)(installed)) {
        // npm's own bookkeeping (a lock copy with install-time details) is not part of what Lambda loads.
        await (0,promises_.rm)((0,external_node_path_.join)(installed, ".package-lock.json"), { force: true });
        await (0,promises_.rename)(installed, (0,external_node_path_.join)(layerDir, "nodejs", "node_modules"));
    }
    else {
        await (0,promises_.mkdir)((0,external_node_path_.join)(layerDir, "nodejs", "node_modules"));
    }
}
async function buildPython(inputs, layerDir, deps) {
    const target = (0,external_node_path_.join)(layerDir, "python");
    await (0,promises_.mkdir)(target, { recursive: true });
    await deps.run("python3", pipArguments(inputs, target), { cwd: inputs.source, env: deps.env });
    // PEP 610's record of a wheel installed from a local file holds its absolute path on this machine,
    // which would make the zip differ between checkouts; nothing reads it at run time.
    for (const entry of await (0,promises_.readdir)(target)) {
        if (entry.endsWith(".dist-info"))
            await (0,promises_.rm)((0,external_node_path_.join)(target, entry, "direct_url.json"), { force: true });
    }
}
async function buildJava(inputs, layerDir) {
    const lib = (0,external_node_path_.join)(layerDir, "java", "lib");
    await (0,promises_.mkdir)(lib, { recursive: true });
    const seen = new Map();
    for (const jar of await javaJars(inputs.source)) {
        const name = (0,external_node_path_.basename)(jar);
        const other = seen.get(name);
        if (other !== undefined) {
            throw new LayerSourceError(`Two jars are named ${name} (${other} and ${jar}); java/lib is flat, so keep one.`);
        }
        seen.set(name, jar);
        await (0,promises_.cp)((0,external_node_path_.join)(inputs.source, jar), (0,external_node_path_.join)(lib, name));
    }
}
async function copyIncludes(include, layerDir) {
    for (const { localPath, layerPath } of include) {
        const target = (0,external_node_path_.join)(layerDir, layerPath);
        await (0,promises_.mkdir)(target, { recursive: true });
        const stat = await (0,promises_.lstat)(localPath);
        const destination = stat.isDirectory() ? target : (0,external_node_path_.join)(target, (0,external_node_path_.basename)(localPath));
        await (0,promises_.cp)(localPath, destination, { recursive: true, verbatimSymlinks: true, preserveTimestamps: false });
    }
}
/** Builds the layer's tree into `layerDir` (which exists and is empty). */
async function buildLayout(inputs, layerDir, deps) {
    if (inputs.runtime === "nodejs")
        await buildNode(inputs, layerDir, deps);
    else if (inputs.runtime === "python")
        await buildPython(inputs, layerDir, deps);
    else if (inputs.runtime === "java")
        await buildJava(inputs, layerDir);
    await copyIncludes(inputs.include, layerDir);
    if (inputs.buildCommand) {
        await deps.run("bash", ["-eo", "pipefail", "-c", inputs.buildCommand], {
            cwd: inputs.source,
            env: { ...(deps.env ?? process.env), LAYER_DIR: layerDir },
        });
    }
    if ((await (0,promises_.readdir)(layerDir)).length === 0) {
        throw new LayerSourceError("The build produced an empty layer: nothing was installed, included or written to $LAYER_DIR.");
    }
}
function absoluteIncludes(include, workspace) {
    return include.map((i) => ({ ...i, localPath: (0,external_node_path_.resolve)(workspace, i.localPath) }));
}

// EXTERNAL MODULE: ./src/layer/limits.ts
var limits = __webpack_require__(7169);
// EXTERNAL MODULE: ./src/layer/zip.ts + 2 modules
var layer_zip = __webpack_require__(1967);
;// CONCATENATED MODULE: ./src/layer/build-layer.ts
/**
 * The build-layer flow: content key, cache restore, build in Lambda's layout, deterministic zip,
 * size limit, cache save, then upload and publish. Knows nothing of @actions/core: the entry passes
 * the log, the collapsed group, the cache client and the AWS clients.
 */







/** The cache paths of the record and of the zip, as the cache client names them. */
function cachePaths(deps) {
    return { record: `${deps.cachePath}/${RECORD_DIR}`, zip: `${deps.cachePath}/${ZIP_DIR}` };
}
/** Restores one entry; false on a miss, and after a warning when the service fails. */
async function restoreEntry(deps, path, key) {
    try {
        return (await deps.cache.restore([path], key)) !== undefined;
    }
    catch (error) {
        deps.warn(`The Actions cache could not be read (${error.message}); building the layer instead.`);
        return false;
    }
}
/** The cached layer's record, or undefined on a miss (then the layer is built). */
async function restore(inputs, deps, key) {
    if (!inputs.cache) {
        deps.log("Cache is off (cache: false); building.");
        return undefined;
    }
    if (!deps.cache?.available()) {
        deps.log("No Actions cache service in this environment (not running on GitHub Actions?); building without a cache.");
        return undefined;
    }
    // What an earlier job left on a reused runner must not pass for what this key restores.
    await (0,promises_.rm)(deps.cacheDir, { recursive: true, force: true });
    if (!(await restoreEntry({ ...deps, cache: deps.cache }, cachePaths(deps).record, key))) {
        deps.log(`Cache miss for ${key}; building.`);
        return undefined;
    }
    const layer = await readCachedLayer(deps.cacheDir);
    if (!layer)
        deps.warn(`The cache entry ${key} holds no usable layer record; building the layer instead.`);
    return layer;
}
/** Restores the zip the record describes; false (after a warning) when it cannot be had. */
async function restoreZip(deps, key, layer) {
    if (!deps.cache)
        return false;
    const restored = await restoreEntry({ ...deps, cache: deps.cache }, cachePaths(deps).zip, key + ZIP_SUFFIX);
    if (restored && (await restoredZipMatches(deps.cacheDir, layer)))
        return true;
    deps.warn(`The cache entry ${key} holds no usable layer zip; building the layer instead.`);
    return false;
}
async function save(deps, key) {
    try {
        // The zip first, so a save that fails outright leaves no record without its zip.
        await deps.cache.save([cachePaths(deps).zip], key + ZIP_SUFFIX);
        await deps.cache.save([cachePaths(deps).record], key);
        deps.log(`Saved the layer to the cache as ${key}.`);
    }
    catch (error) {
        deps.warn(`The layer could not be saved to the Actions cache (${error.message}); the next run builds it again.`);
    }
}
async function build(inputs, layout, deps) {
    const work = await (0,promises_.mkdtemp)((0,external_node_path_.join)(deps.tempDir, `layer-${inputs.name}-`));
    try {
        const layerDir = (0,external_node_path_.join)(work, "layer");
        await (0,promises_.mkdir)(layerDir);
        await deps.group(`Building layer ${inputs.name} (${inputs.runtime}, ${inputs.architecture})`, () => buildLayout(layout, layerDir, { run: deps.run, tempDir: work, env: deps.env }));
        await (0,promises_.rm)(deps.cacheDir, { recursive: true, force: true });
        await (0,promises_.mkdir)((0,external_node_path_.join)(deps.cacheDir, ZIP_DIR), { recursive: true });
        const zip = await (0,layer_zip/* zipTree */.wz)([{ dir: layerDir, prefix: "" }], zipFile(deps.cacheDir));
        const layer = {
            sha256: zip.sha256,
            size: zip.size,
            unzippedSize: zip.unzippedSize,
            entries: zip.entries,
            largestDirectories: zip.largestDirectories(10),
        };
        await writeCachedLayer(deps.cacheDir, layer);
        deps.log(`Zipped ${zip.entries} entries: ${zip.size} bytes, ${zip.unzippedSize} unzipped, sha256 ${zip.sha256}.`);
        return layer;
    }
    finally {
        await (0,promises_.rm)(work, { recursive: true, force: true });
    }
}
async function buildLayer(inputs, deps) {
    const layout = {
        runtime: inputs.runtime,
        architecture: inputs.architecture,
        source: (0,external_node_path_.resolve)(deps.workspace, inputs.source),
        include: absoluteIncludes(inputs.include, deps.workspace),
        buildCommand: inputs.buildCommand,
        pipArgs: inputs.pipArgs,
        compatibleRuntimes: inputs.compatibleRuntimes,
    };
    await checkSource(layout);
    const hash = await contentKey(layout, deps.probe);
    const key = cacheKey(inputs.name, inputs.architecture, hash);
    deps.log(`Content key: ${hash}`);
    const publishing = inputs.publish && inputs.artifactBucket !== undefined && inputs.artifactBucket !== "";
    if (publishing && (!deps.s3 || !deps.lambda))
        throw new Error("Publishing needs the S3 and Lambda clients.");
    // The AWS SDK's commands load only when publishing (a run that only builds starts sooner),
    // while the cache is read.
    const loading = publishing ? __webpack_require__.e(/* import() */ 122).then(__webpack_require__.bind(__webpack_require__, 1122)) : undefined;
    let layer = await restore(inputs, deps, key);
    const aws = await loading;
    const target = (sha256) => ({
        bucket: inputs.artifactBucket ?? "",
        key: aws?.layerObjectKey(inputs.artifactPrefix, inputs.name, sha256) ?? "",
    });
    let exists;
    let onDisk = false;
    if (layer) {
        // Checked on a cache hit too: a limit is a property of the content, wherever it came from.
        (0,limits/* checkLayerSize */.hw)(layer.unzippedSize, (n) => (layer?.largestDirectories ?? []).slice(0, n));
        if (aws && deps.s3)
            exists = await aws.objectExists(deps.s3, target(layer.sha256));
        if (deps.fetchZip !== "to-upload" || (publishing && !exists)) {
            onDisk = await restoreZip(deps, key, layer);
            if (!onDisk)
                layer = undefined;
        }
        if (layer)
            deps.log(`Cache hit for ${key}: the build is skipped.`);
    }
    const cacheHit = layer !== undefined;
    if (!layer) {
        layer = await build(inputs, layout, deps);
        onDisk = true;
        exists = undefined;
        (0,limits/* checkLayerSize */.hw)(layer.unzippedSize, (n) => (layer?.largestDirectories ?? []).slice(0, n));
        if (inputs.cache && deps.cache?.available())
            await save({ ...deps, cache: deps.cache }, key);
    }
    if (inputs.template) {
        // Loaded only when asked for: the template parser and the packager are large.
        const { checkLayerAgainstTemplate } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(100), __webpack_require__.e(132), __webpack_require__.e(11)]).then(__webpack_require__.bind(__webpack_require__, 5102));
        await checkLayerAgainstTemplate({
            workspace: deps.workspace,
            file: inputs.template.file,
            parameter: inputs.template.parameter,
            layer: { name: inputs.name, unzippedSize: layer.unzippedSize },
            lambda: deps.lambda,
            log: deps.log,
            warn: deps.warn,
        });
    }
    const result = {
        contentKey: hash,
        cacheHit,
        zip: { ...layer, file: zipFile(deps.cacheDir), onDisk },
        published: false,
        pruned: [],
    };
    if (!aws || !deps.s3 || !deps.lambda)
        return result;
    const objectKey = target(layer.sha256).key;
    result.s3Uri = `s3://${inputs.artifactBucket}/${objectKey}`;
    result.uploaded = await aws.uploadZip(deps.s3, target(layer.sha256), result.zip, exists);
    deps.log(result.uploaded ? `Uploaded ${result.s3Uri}.` : `${result.s3Uri} is already there; not uploaded again.`);
    const published = await aws.publishLayer(deps.lambda, {
        name: inputs.name,
        bucket: target(layer.sha256).bucket,
        key: objectKey,
        sha256: layer.sha256,
        unzippedSize: layer.unzippedSize,
        architecture: inputs.architecture,
        compatibleRuntimes: inputs.compatibleRuntimes,
        description: inputs.description,
        keepVersions: inputs.keepVersions,
    }, deps.log);
    return {
        ...result,
        layerVersionArn: published.layerVersionArn,
        layerVersion: published.version,
        published: published.published,
        pruned: published.pruned,
    };
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/layer/command.ts
/** Runs a build tool with its output streamed, line by line, to the log. */

/** How many of the last output lines a failure repeats, so the cause is in the error itself. */
const TAIL_LINES = 20;
function streamingRunner(log) {
    return (command, args, options) => new Promise((resolveRun, reject) => {
        const child = (0,external_node_child_process_.spawn)(command, args, {
            cwd: options.cwd,
            env: options.env ?? process.env,
            stdio: ["ignore", "pipe", "pipe"],
        });
        const tail = [];
        const pending = { out: "", err: "" };
        const emit = (line) => {
            log(line);
            tail.push(line);
            if (tail.length > TAIL_LINES)
                tail.shift();
        };
        const feed = (which) => (chunk) => {
            const lines = (pending[which] + chunk.toString("utf8")).split("\n");
            pending[which] = lines.pop() ?? "";
            for (const line of lines)
                emit(line.replace(/\r$/, ""));
        };
        child.stdout.on("data", feed("out"));
        child.stderr.on("data", feed("err"));
        child.on("error", (error) => reject(new Error(`Cannot run ${command}: ${error.message}. Install it on the runner before this step.`)));
        child.on("close", (code, signal) => {
            for (const rest of [pending.out, pending.err])
                if (rest !== "")
                    emit(rest);
            if (code === 0)
                return resolveRun();
            const status = signal ? `was killed by ${signal}` : `exited with status ${code}`;
            reject(new Error(`${[command, ...args].join(" ")} ${status}. Its last output:\n${tail.join("\n")}`));
        });
    });
}
/** Runs a tool and returns its standard output (for versions); rejects when it fails. */
function captureOutput(command, args) {
    return new Promise((resolveRun, reject) => {
        const child = (0,external_node_child_process_.spawn)(command, args, { stdio: ["ignore", "pipe", "ignore"] });
        let out = "";
        child.stdout.on("data", (chunk) => {
            out += chunk.toString("utf8");
        });
        child.on("error", reject);
        child.on("close", (code) => code === 0 ? resolveRun(out) : reject(new Error(`${command} exited ${code}`)));
    });
}

// EXTERNAL MODULE: ./src/cli/context.ts + 5 modules
var context = __webpack_require__(1604);
// EXTERNAL MODULE: ./src/cli/options.ts
var options = __webpack_require__(776);
;// CONCATENATED MODULE: ./src/cli/build-layer.ts
/**
 * `preview-stacks build-layer`: the build-layer action from a terminal. Builds the layer's
 * deterministic zip in Lambda's layout (the build's output streamed as progress), and with
 * --artifact-bucket uploads and publishes it unless an existing version holds the same content.
 * There is no Actions cache on a laptop: the zip stays in the local cache directory instead.
 */










const I = src_inputs/* BUILD_LAYER_INPUTS */.jc;
const INPUT_OPTIONS = {
    [I.name]: { kind: "string", value: "NAME", help: "the Lambda layer's name" },
    [I.runtime]: { kind: "string", value: "RUNTIME", help: "nodejs, python, java or custom" },
    [I.source]: {
        kind: "string",
        value: "DIR",
        help: "directory with package.json, requirements.txt or the jars (default: .)",
    },
    [I.include]: {
        kind: "list",
        value: "LOCAL:LAYER",
        help: "an extra local-path:layer-path to copy into the layer",
    },
    [I.buildCommand]: {
        kind: "string",
        value: "COMMAND",
        help: "shell command run in the source directory with LAYER_DIR set",
    },
    [I.architecture]: { kind: "string", value: "ARCH", help: "x86_64 or arm64 (default: x86_64)" },
    [I.compatibleRuntimes]: {
        kind: "list",
        value: "RUNTIME",
        help: "a Lambda runtime identifier for the version, e.g. python3.13",
    },
    [I.artifactBucket]: {
        kind: "string",
        value: "BUCKET",
        help: "S3 bucket the zip is uploaded to (needed to publish)",
    },
    [I.artifactPrefix]: { kind: "string", value: "PREFIX", help: "key prefix in the bucket" },
    [I.publish]: {
        kind: "negatable",
        help: "upload and publish a layer version (default: on; --no-publish only builds)",
    },
    [I.cache]: { kind: "negatable", help: "reuse a zip built from the same content (default: on)" },
    [I.keepVersions]: { kind: "string", value: "N", help: "newest layer versions to keep (1-1000, default 5)" },
    [I.description]: {
        kind: "string",
        value: "TEXT",
        help: "layer version description (the content hash is appended)",
    },
    [I.pipArgs]: { kind: "string", value: "ARGS", help: "extra arguments for pip install" },
    [I.template]: {
        kind: "string",
        value: "FILE",
        help: "a template whose functions will use the layer: each function with --template-parameter in its Layers is checked against Lambda's size limit",
    },
    [I.templateParameter]: {
        kind: "string",
        value: "PARAMETER",
        help: "the template parameter that receives the layer's ARN",
    },
};
function outputs(result) {
    const O = src_inputs/* BUILD_LAYER_OUTPUTS */.cz;
    return {
        ok: true,
        [O.layerVersionArn]: result.layerVersionArn ?? "",
        [O.layerVersion]: result.layerVersion ?? null,
        [O.sha256]: result.zip.sha256,
        [O.s3Uri]: result.s3Uri ?? "",
        [O.size]: result.zip.size,
        [O.unzippedSize]: result.zip.unzippedSize,
        [O.cacheHit]: result.cacheHit,
        [O.published]: result.published,
        zip: result.zip.file,
    };
}
function textReport(result) {
    const lines = [
        `zip: ${result.zip.file} (${(0,limits/* mib */.jO)(result.zip.size)}, ${(0,limits/* mib */.jO)(result.zip.unzippedSize)} unzipped, sha256 ${result.zip.sha256})`,
    ];
    if (result.layerVersionArn) {
        lines.push(`layer version: ${result.layerVersionArn} (${result.published ? "published" : "unchanged, reused"})`);
    }
    return `${lines.join("\n")}\n`;
}
async function run(parsed, io) {
    const inputs = (0,src_inputs/* readBuildLayerInputs */.j7)((0,options/* inputReader */.cN)(command, parsed));
    const env = (0,context/* environment */.cA)(io);
    const region = inputs.publish ? await (0,context/* awsRegion */.Ue)(parsed, env, "build-layer") : undefined;
    const { log, stop } = (0,context/* runLog */.YD)(io, `build-layer ${inputs.name}`, () => Date.now());
    const folder = `${inputs.name}-${inputs.architecture}`;
    const cacheHome = env.XDG_CACHE_HOME?.trim() || (0,external_node_path_.join)((0,external_node_os_.homedir)(), ".cache");
    const s3 = region ? (0,clients.createS3Client)({ region }) : undefined;
    const lambda = region ? (0,lambda_client.createLambdaClient)({ region }) : undefined;
    let result;
    try {
        result = await buildLayer(inputs, {
            workspace: io.cwd,
            tempDir: (0,external_node_os_.tmpdir)(),
            cacheDir: (0,external_node_path_.join)(cacheHome, "preview-stacks", "layers", folder),
            cachePath: (0,external_node_path_.join)(cacheHome, "preview-stacks", "layers", folder),
            run: streamingRunner(log),
            probe: captureOutput,
            log,
            warn: (line) => log(`Warning: ${line}`),
            group: (title, fn) => {
                log(title);
                return fn();
            },
            s3,
            lambda,
        });
    }
    finally {
        s3?.destroy();
        lambda?.destroy();
        stop();
    }
    io.stdout((0,options/* flagValue */.y6)(parsed, "json") ? (0,options/* jsonDocument */.Q8)(outputs(result)) : textReport(result));
    return 0;
}
const command = {
    name: "build-layer",
    summary: "build a Lambda layer's deterministic zip, and publish it (--artifact-bucket)",
    synopsis: [
        "preview-stacks build-layer --name NAME --runtime RUNTIME --artifact-bucket BUCKET [options]",
        "preview-stacks build-layer --name NAME --runtime RUNTIME --no-publish [options]",
    ],
    about: [
        "Builds the layer in Lambda's layout (nodejs/node_modules, python/, java/lib, or what --build-command writes to $LAYER_DIR), zips it the same way every time, and publishes a new version only when no existing one holds the same content. The options are the build-layer action's inputs.",
        `Exit codes: 0 built (and published), 1 the build or the publish failed, 2 usage error.\n${options/* ABOUT_AWS */._k}`,
    ],
    options: [...(0,options/* inputOptions */.NH)(INPUT_OPTIONS), ...(0,options/* commonOptions */.OP)()],
    run,
};


/***/ }),

/***/ 7169:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hw: () => (/* binding */ checkLayerSize),
/* harmony export */   jO: () => (/* binding */ mib),
/* harmony export */   ul: () => (/* binding */ UNZIPPED_LIMIT_BYTES)
/* harmony export */ });
/* unused harmony export LayerTooLargeError */
/** Lambda's size limit for a layer, checked before anything is uploaded. */
/** Lambda's limit on a function's unzipped code and layers together: 250 MiB. */
const UNZIPPED_LIMIT_BYTES = 262_144_000;
class LayerTooLargeError extends Error {
    unzippedSize;
    largest;
    constructor(unzippedSize, largest) {
        super(`The layer unzips to ${mib(unzippedSize)}, over Lambda's limit of ${mib(UNZIPPED_LIMIT_BYTES)} (${UNZIPPED_LIMIT_BYTES} bytes) for a function and all its layers. ` +
            `The largest directories:\n${largest.map((d) => `  ${d.path}  ${mib(d.bytes)}`).join("\n")}\n` +
            "Drop what the function does not load (tests, docs, other platforms' binaries), split the layer, or ship the function as a container image.");
        this.unzippedSize = unzippedSize;
        this.largest = largest;
        this.name = "LayerTooLargeError";
    }
}
function mib(bytes) {
    return `${(bytes / 1048576).toFixed(1)} MiB`;
}
/** Throws LayerTooLargeError, naming the ten largest directories, when the layer is over the limit. */
function checkLayerSize(unzippedSize, largestDirectories) {
    if (unzippedSize > UNZIPPED_LIMIT_BYTES)
        throw new LayerTooLargeError(unzippedSize, largestDirectories(10));
}


/***/ })

};
