// Contract tests: the real @actions/cache client (v2 service, tar and zstd from the machine) saving to and
// restoring from the fake cache service, in-process.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import * as cache from "@actions/cache";
import { BlockBlobClient } from "@azure/storage-blob";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CACHE_SERVICE, cacheVersion, type FakeGitHub, startFakeGitHub } from "./index";

const T0 = Date.parse("2026-03-01T12:00:00Z");
/** Variables the client reads; each test sets them and puts the originals back. */
const CLIENT_ENV = [
  "ACTIONS_CACHE_SERVICE_V2",
  "ACTIONS_RESULTS_URL",
  "ACTIONS_RUNTIME_TOKEN",
  "ACTIONS_CACHE_URL",
  "ACTIONS_CACHE_MODE",
  "GITHUB_SERVER_URL",
  "GITHUB_WORKSPACE",
  "RUNNER_TEMP",
  "RUNNER_DEBUG",
];

describe("fake Actions cache service with the real @actions/cache", () => {
  let gh: FakeGitHub;
  let time: number;
  let dir: string;
  let workspace: string;
  let layer: string;
  let saved: Record<string, string | undefined>;
  let log: string[];

  const useEnv = (env: Record<string, string>) => Object.assign(process.env, env);
  /** What the client wrote to the log: core.info lines as they are, warnings as ::warning::…. */
  const output = () => log.join("");

  async function writeLayer(content: string): Promise<Record<string, Buffer>> {
    await rm(layer, { recursive: true, force: true });
    const files: Record<string, Buffer> = {
      "nodejs/package.json": Buffer.from(`{"name":"layer","content":"${content}"}\n`),
      "nodejs/node_modules/dep/index.js": Buffer.from(`module.exports = "${content}";\n`),
      "lib/libnative.so": randomBytes(70_000),
    };
    for (const [name, data] of Object.entries(files)) {
      await mkdir(join(layer, name, ".."), { recursive: true });
      await writeFile(join(layer, name), data);
    }
    return files;
  }

  async function expectLayer(files: Record<string, Buffer>): Promise<void> {
    for (const [name, data] of Object.entries(files)) {
      expect((await readFile(join(layer, name))).equals(data), name).toBe(true);
    }
  }

  const ops = () => gh.cache.calls.map((c) => `${c.op} ${c.status}`);

  beforeEach(async () => {
    time = T0;
    gh = await startFakeGitHub({ now: () => time });
    dir = await mkdtemp(join(tmpdir(), "fake-cache-"));
    workspace = join(dir, "workspace");
    layer = join(workspace, "layer");
    await mkdir(join(dir, "runner-temp"), { recursive: true });
    saved = Object.fromEntries(CLIENT_ENV.map((k) => [k, process.env[k]]));
    for (const k of CLIENT_ENV) delete process.env[k];
    useEnv({ ...gh.cacheEnv(), GITHUB_WORKSPACE: workspace, RUNNER_TEMP: join(dir, "runner-temp") });
    log = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      log.push(String(chunk));
      return true;
    });
  });

  afterEach(async () => {
    vi.restoreAllMocks();
    for (const k of CLIENT_ENV) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    await gh.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("misses, saves, then restores the files byte-identical on the next run", async () => {
    const files = await writeLayer("v1");
    expect(cache.isFeatureAvailable()).toBe(true);

    expect(await cache.restoreCache([layer], "layer-linux-x64-aaa")).toBeUndefined();
    expect(ops()).toEqual(["GetCacheEntryDownloadURL 200"]);

    const id = await cache.saveCache([layer], "layer-linux-x64-aaa");
    expect(id).toBeGreaterThan(0);
    expect(ops().slice(1)).toEqual(["CreateCacheEntry 200", "PutBlob 201", "FinalizeCacheEntryUpload 200"]);
    const [entry] = gh.cache.list();
    expect(entry).toMatchObject({
      id,
      key: "layer-linux-x64-aaa",
      scope: "refs/heads/main",
      finalized: true,
      createdAt: T0,
    });
    expect(entry.sizeBytes).toBe(entry.data?.length);
    // zstd is on this machine, so the client stores a tar.zst: the fake keeps it as an opaque blob.
    expect(entry.data?.subarray(0, 4).toString("hex")).toBe("28b52ffd");

    await rm(layer, { recursive: true });
    expect(await cache.restoreCache([layer], "layer-linux-x64-aaa")).toBe("layer-linux-x64-aaa");
    await expectLayer(files);
    expect(ops().slice(4)).toEqual(["GetCacheEntryDownloadURL 200", "GetBlob 200"]);
    expect(output()).toContain("Cache hit for: layer-linux-x64-aaa");
    expect(gh.cache.calls.find((c) => c.op === "GetBlob")?.bytes).toBe(entry.sizeBytes);
  });

  it("falls back to the newest entry matching a restore key, and never across versions", async () => {
    await writeLayer("old");
    await cache.saveCache([layer], "layer-linux-x64-aaa");
    time += 60_000;
    const newest = await writeLayer("new");
    await cache.saveCache([layer], "layer-linux-x64-bbb");
    time += 60_000;
    await writeLayer("other");
    await cache.saveCache([layer], "other-linux-x64-ccc");

    await rm(layer, { recursive: true });
    const restored = await cache.restoreCache([layer], "layer-linux-x64-zzz", ["layer-linux-x64-", "layer-"]);
    expect(restored).toBe("layer-linux-x64-bbb");
    await expectLayer(newest);
    expect(output()).toContain("Cache hit for restore-key: layer-linux-x64-bbb");

    // An exact key wins over a newer prefix match.
    expect(await cache.restoreCache([layer], "layer-linux-x64-aaa", ["layer-"])).toBe("layer-linux-x64-aaa");

    expect(gh.cache.list()[0].version).toBe(cacheVersion([layer]));

    // The version hashes the paths (and compression): the same key for other paths is a miss.
    expect(await cache.restoreCache([join(workspace, "elsewhere")], "layer-linux-x64-bbb", ["layer-"])).toBe(
      undefined,
    );
  });

  it("restores a seeded entry", async () => {
    const files = await writeLayer("seeded");
    const { stdout } = await promisify(execFile)("tar", ["--zstd", "-cf", "-", "-C", workspace, "layer"], {
      encoding: "buffer",
      maxBuffer: 16 * 1024 * 1024,
    });
    // The client extracts with -C GITHUB_WORKSPACE and -P, so member names are relative to the workspace.
    gh.cache.seed({ key: "layer-seeded", version: cacheVersion([layer]), data: stdout });
    await rm(layer, { recursive: true });
    expect(await cache.restoreCache([layer], "layer-seeded")).toBe("layer-seeded");
    await expectLayer(files);
  });

  it("refuses a second save of the same key, which the client logs at info level", async () => {
    await writeLayer("v1");
    const id = await cache.saveCache([layer], "layer-linux-x64-aaa");
    expect(id).toBeGreaterThan(0);

    await writeLayer("v2");
    expect(await cache.saveCache([layer], "layer-linux-x64-aaa")).toBe(-1);
    expect(gh.cache.calls.at(-1)).toMatchObject({ op: "CreateCacheEntry", status: 409 });
    expect(output()).toContain(
      "Failed to save: Unable to reserve cache with key layer-linux-x64-aaa, another job may be creating this cache.",
    );
    expect(output()).not.toContain("::warning::");
    expect(gh.cache.list().map((e) => e.id)).toEqual([id]);
  });

  it("when the service is down, restore warns and misses, save gives up, and nothing throws", async () => {
    await writeLayer("v1");
    gh.cache.down();

    expect(await cache.restoreCache([layer], "layer-linux-x64-aaa", ["layer-"])).toBeUndefined();
    expect(output()).toContain(
      "::warning::Failed to restore: Failed to GetCacheEntryDownloadURL: Unable to make request: ECONNRESET",
    );

    // The client turns every reservation failure into "another job may be creating this cache", at info level.
    log.length = 0;
    expect(await cache.saveCache([layer], "layer-linux-x64-aaa")).toBe(-1);
    expect(output()).toContain("Failed to save: Unable to reserve cache with key layer-linux-x64-aaa");
    expect(output()).not.toContain("::warning::");
    expect(gh.cache.calls.map((c) => [c.op, c.fault])).toEqual([
      ["GetCacheEntryDownloadURL", "down"],
      ["CreateCacheEntry", "down"],
    ]);
    expect(gh.cache.entries).toEqual([]);

    gh.cache.up();
    expect(await cache.saveCache([layer], "layer-linux-x64-aaa")).toBeGreaterThan(0);
  });

  it("a 429 from the service is a warning without retries", async () => {
    await writeLayer("v1");
    gh.cache.down({ status: 429, times: 1 });
    expect(await cache.restoreCache([layer], "layer-linux-x64-aaa")).toBeUndefined();
    expect(output()).toContain(
      "::warning::You've hit a rate limit, your rate limit will reset in 60 seconds",
    );
    expect(output()).toContain(
      "::warning::Failed to restore: Failed to GetCacheEntryDownloadURL: Rate limited: Failed request: (429) Too Many Requests",
    );
    expect(gh.cache.calls).toHaveLength(1);
  });

  it("scopes entries by ref: a pull request reads its base branch, and main never sees the pull request's", async () => {
    const main = await writeLayer("main");
    await cache.saveCache([layer], "layer-linux-x64-main");

    useEnv(gh.cacheEnv({ ref: "refs/pull/12/merge", restoreFrom: ["refs/heads/main"] }));
    await rm(layer, { recursive: true });
    expect(await cache.restoreCache([layer], "layer-linux-x64-pr", ["layer-linux-x64-"])).toBe(
      "layer-linux-x64-main",
    );
    await expectLayer(main);
    await writeLayer("pr");
    expect(await cache.saveCache([layer], "layer-linux-x64-pr")).toBeGreaterThan(0);
    expect(gh.cache.list({ key: "layer-linux-x64-pr" })[0].scope).toBe("refs/pull/12/merge");

    useEnv(gh.cacheEnv({ ref: "refs/heads/main" }));
    expect(await cache.restoreCache([layer], "layer-linux-x64-pr")).toBeUndefined();

    // A read-only token (an untrusted event) restores but cannot save.
    useEnv(gh.cacheEnv({ ref: "refs/pull/13/merge", restoreFrom: ["refs/heads/main"], readOnly: true }));
    log.length = 0;
    expect(await cache.saveCache([layer], "layer-linux-x64-ro")).toBe(-1);
    expect(output()).toContain(
      "::warning::Failed to save: Unable to reserve cache with key layer-linux-x64-ro.",
    );
    expect(output()).toContain("cache write denied: token has no writable scopes");
  });
});

describe("fake Actions cache service for a child process", () => {
  it("needs only cacheEnv(), RUNNER_TEMP and the workspace, as a bundled action gets them", async () => {
    const gh = await startFakeGitHub();
    const dir = await mkdtemp(join(tmpdir(), "fake-cache-child-"));
    try {
      const client = pathToFileURL(join(process.cwd(), "node_modules/@actions/cache/lib/cache.js")).href;
      const script = join(dir, "run.mjs");
      await writeFile(
        script,
        `const cache = await import(${JSON.stringify(client)});
const [mode, key] = process.argv.slice(2);
const out = mode === "save" ? await cache.saveCache(["out"], key) : await cache.restoreCache(["out"], key);
console.log("RESULT " + JSON.stringify({ available: cache.isFeatureAvailable(), out }));`,
      );
      const run = async (mode: string, runDir: string) => {
        await mkdir(join(runDir, "tmp"), { recursive: true });
        const { stdout } = await promisify(execFile)(process.execPath, [script, mode, "k-1"], {
          cwd: runDir,
          env: {
            PATH: process.env.PATH,
            HOME: runDir,
            RUNNER_TEMP: join(runDir, "tmp"),
            GITHUB_WORKSPACE: runDir,
            ...gh.cacheEnv({ ref: "refs/pull/7/merge" }),
          },
        });
        return JSON.parse(/^RESULT (.*)$/m.exec(stdout)?.[1] ?? "null") as {
          available: boolean;
          out: unknown;
        };
      };
      await mkdir(join(dir, "one", "out"), { recursive: true });
      await writeFile(join(dir, "one", "out", "a.txt"), "hello");
      expect(await run("save", join(dir, "one"))).toEqual({ available: true, out: 1 });
      expect(await run("restore", join(dir, "two"))).toEqual({ available: true, out: "k-1" });
      expect(await readFile(join(dir, "two", "out", "a.txt"), "utf8")).toBe("hello");
      expect(gh.cache.list()[0].scope).toBe("refs/pull/7/merge");
    } finally {
      await gh.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("fake Actions cache service protocol", () => {
  let gh: FakeGitHub;

  beforeEach(async () => {
    gh = await startFakeGitHub();
  });
  afterEach(async () => {
    await gh.close();
  });

  const twirp = async (method: string, body: unknown, token = gh.cacheEnv().ACTIONS_RUNTIME_TOKEN) => {
    const res = await fetch(`${gh.url}/twirp/${CACHE_SERVICE}/${method}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, string | boolean> };
  };

  it("answers Twirp errors for bad tokens and finalize before upload, and needs no GitHub token", async () => {
    expect(await twirp("GetCacheEntryDownloadURL", { key: "k", version: "v" }, "a.b.c")).toEqual({
      status: 401,
      body: { code: "unauthenticated", msg: "invalid or missing runtime token" },
    });
    expect((await twirp("CreateCacheEntry", { key: "k" })).body.code).toBe("invalid_argument");
    expect((await twirp("CreateCacheEntry", { key: "k", version: "v" })).body.ok).toBe(true);
    expect(await twirp("FinalizeCacheEntryUpload", { key: "k", version: "v", size_bytes: "3" })).toEqual({
      status: 200,
      body: { ok: false, entry_id: "0", message: "no blob was uploaded for this cache entry" },
    });
    expect((await twirp("FinalizeCacheEntryUpload", { key: "x", version: "v" })).status).toBe(404);
    // A reserved but unfinalized entry is not restored.
    expect((await twirp("GetCacheEntryDownloadURL", { key: "k", version: "v" })).body.ok).toBe(false);
    expect(gh.calls).toEqual([]);
  });

  it("takes staged blocks from the Azure SDK and serves ranged reads", async () => {
    const created = await twirp("CreateCacheEntry", { key: "big", version: "v" });
    const upload = String(created.body.signed_upload_url);
    expect(upload).toMatch(/\/devstoreaccount1\/actions-cache\/[0-9a-f]{32}\?.*sp=cw&sig=/);

    const data = randomBytes(300_000);
    await new BlockBlobClient(upload).uploadData(data, { blockSize: 100_000, maxSingleShotSize: 100_000 });
    expect(gh.cache.calls.filter((c) => c.kind === "blob").map((c) => c.op)).toEqual([
      "PutBlock",
      "PutBlock",
      "PutBlock",
      "PutBlockList",
    ]);
    // The upload URL cannot read, and the entry is invisible until finalized.
    expect((await fetch(upload)).status).toBe(403);
    const finalized = await twirp("FinalizeCacheEntryUpload", {
      key: "big",
      version: "v",
      size_bytes: "300000",
    });
    expect(finalized.body).toMatchObject({ ok: true });

    const found = await twirp("GetCacheEntryDownloadURL", { key: "bi", restore_keys: [], version: "v" });
    expect(found.body).toMatchObject({ ok: true, matched_key: "big" });
    const download = String(found.body.signed_download_url);
    const part = await fetch(download, { headers: { range: "bytes=1000-1999" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe("bytes 1000-1999/300000");
    expect(Buffer.from(await part.arrayBuffer()).equals(data.subarray(1000, 2000))).toBe(true);
    expect(Buffer.from(await new BlockBlobClient(download).downloadToBuffer()).equals(data)).toBe(true);

    const tampered = download.replace(/sig=[^&]+/, "sig=AAAA");
    expect((await fetch(tampered)).status).toBe(403);
    expect(
      (await fetch(upload, { method: "PUT", body: "x", headers: { "x-ms-blob-type": "BlockBlob" } })).status,
    ).toBe(409);
  });
});
