/**
 * The deterministic zipper, checked against what other tools read: Info-ZIP's unzip and zipinfo,
 * and Python's zipfile. Trees are built twice with different times, umask and creation order.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { open } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { hashFiles } from "../../../src/layer/hash";
import { defaultMtime, zipTree } from "../../../src/layer/zip";
import { STREAM_ABOVE, writeZip } from "../../../src/layer/zip-writer";

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "preview-stacks-zip-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const savedEpoch = process.env.SOURCE_DATE_EPOCH;
afterEach(() => {
  if (savedEpoch === undefined) delete process.env.SOURCE_DATE_EPOCH;
  else process.env.SOURCE_DATE_EPOCH = savedEpoch;
});

/** Bytes that deflate will not shrink, the same on every run: sha256 in counter mode. */
function noise(length: number, seed: number): Buffer {
  const blocks: Buffer[] = [];
  for (let i = 0; i * 32 < length; i++) blocks.push(createHash("sha256").update(`${seed}:${i}`).digest());
  return Buffer.concat(blocks).subarray(0, length);
}

const FILES: [string, Buffer | string][] = [
  ["a.txt", "hello\n".repeat(100)],
  ["a-b.txt", "dash sorts before slash\n"],
  ["B.txt", "upper case sorts first\n"],
  ["empty", ""],
  ["é.txt", "utf-8 name\n"],
  ["lib/native.so", noise(5000, 7)],
  ["blob.wasm", noise(40_000, 11)],
  ["lib/deep/er/file.js", "module.exports = 1;\n"],
  ["big.js", "const x = 1;\n".repeat(Math.ceil((STREAM_ABOVE + 100_000) / 13))],
];

/**
 * Write the fixture tree under `dir`: `reverse` flips creation order; files get mtime `when`;
 * the executable gets whatever x bits `exec` says, the rest what the umask leaves.
 */
function buildTree(dir: string, reverse: boolean, when: Date, umask: number, exec: number) {
  const old = process.umask(umask);
  try {
    const files = reverse ? [...FILES].reverse() : FILES;
    mkdirSync(dir, { recursive: true });
    if (reverse) mkdirSync(join(dir, "empty-dir"));
    for (const [name, content] of files) {
      mkdirSync(join(dir, name, ".."), { recursive: true });
      writeFileSync(join(dir, name), content);
      utimesSync(join(dir, name), when, when);
    }
    mkdirSync(join(dir, "bin"), { recursive: true });
    writeFileSync(join(dir, "bin", "tool"), "#!/bin/sh\necho tool\n");
    chmodSync(join(dir, "bin", "tool"), exec);
    symlinkSync("../a.txt", join(dir, "bin", "link"));
    if (!reverse) mkdirSync(join(dir, "empty-dir"));
  } finally {
    process.umask(old);
  }
}

interface PyEntry {
  name: string;
  date_time: number[];
  mode: number;
  extra: number;
  compress_type: number;
  sha256: string;
  content: string;
}

/** What Python's zipfile reads: every entry's metadata and its content's sha256. */
function readWithPython(zip: string): PyEntry[] {
  const script = `
import hashlib, json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    assert z.testzip() is None
    out = []
    for i in z.infolist():
        data = z.read(i)
        out.append({"name": i.filename, "date_time": list(i.date_time), "mode": i.external_attr >> 16,
                    "extra": len(i.extra), "compress_type": i.compress_type,
                    "sha256": hashlib.sha256(data).hexdigest(), "content": data[:40].decode("latin-1")})
    print(json.dumps(out))
`;
  return JSON.parse(execFileSync("python3", ["-c", script, zip], { encoding: "utf8" }));
}

/** Each entry's local-header extra field length, found through the central directory. */
function localExtraLengths(zip: string): number[] {
  const b = readFileSync(zip);
  const end = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = b.readUInt32LE(end + 16);
  const lengths: number[] = [];
  for (let i = 0; i < b.readUInt16LE(end + 10); i++) {
    expect(b.readUInt32LE(at)).toBe(0x02014b50);
    const local = b.readUInt32LE(at + 42);
    expect(b.readUInt32LE(local)).toBe(0x04034b50);
    lengths.push(b.readUInt16LE(local + 28));
    at += 46 + b.readUInt16LE(at + 28) + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
  }
  return lengths;
}

const sha = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");

describe("zipTree", () => {
  it("gives identical bytes whatever the file times, umask and creation order", async () => {
    buildTree(join(work, "one"), false, new Date("2001-02-03T04:05:06Z"), 0o022, 0o755);
    buildTree(join(work, "two"), true, new Date("2024-06-07T08:09:10Z"), 0o077, 0o700);
    const one = await zipTree([{ dir: join(work, "one"), prefix: "" }], join(work, "one.zip"));
    const two = await zipTree([{ dir: join(work, "two"), prefix: "" }], join(work, "two.zip"));
    expect(readFileSync(join(work, "one.zip")).equals(readFileSync(join(work, "two.zip")))).toBe(true);
    expect(two.sha256).toBe(one.sha256);
    expect(one.sha256).toBe(sha(readFileSync(join(work, "one.zip"))));
    expect(one.size).toBe(readFileSync(join(work, "one.zip")).length);
    expect(one.entries).toBe(FILES.length + 2 + 5); // files, tool and link, five directories
    const expectedUnzipped =
      FILES.reduce((n, [, c]) => n + Buffer.byteLength(c), 0) +
      "#!/bin/sh\necho tool\n".length +
      "../a.txt".length;
    expect(one.unzippedSize).toBe(expectedUnzipped);
  });

  it("writes a zip Info-ZIP tests clean and Python reads, with normalized metadata and byte-ordered paths", async () => {
    const zip = join(work, "one.zip");
    execFileSync("/usr/bin/unzip", ["-t", "-q", zip]);
    const entries = readWithPython(zip);
    const names = entries.map((e) => e.name);
    expect(names).toEqual([...names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
    expect(names).toEqual([
      "B.txt",
      "a-b.txt",
      "a.txt",
      "big.js",
      "bin/",
      "bin/link",
      "bin/tool",
      "blob.wasm",
      "empty",
      "empty-dir/",
      "lib/",
      "lib/deep/",
      "lib/deep/er/",
      "lib/deep/er/file.js",
      "lib/native.so",
      "é.txt",
    ]);
    const byName = new Map(entries.map((e) => [e.name, e]));
    for (const e of entries) {
      expect(e.date_time).toEqual([1980, 1, 1, 0, 0, 0]);
      expect(e.extra).toBe(0);
    }
    expect(byName.get("a.txt")!.mode).toBe(0o100644);
    expect(byName.get("bin/tool")!.mode).toBe(0o100755);
    expect(byName.get("bin/")!.mode).toBe(0o40755);
    expect(byName.get("empty-dir/")!.mode).toBe(0o40755);
    expect(byName.get("bin/link")!.mode).toBe(0o120777);
    expect(byName.get("bin/link")!.content).toBe("../a.txt");
    expect(byName.get("a.txt")!.compress_type).toBe(8);
    expect(byName.get("big.js")!.compress_type).toBe(8);
    // Random bytes are stored rather than grown by deflate, as Info-ZIP does; past 16 KiB a
    // sample decides, without deflating the whole file.
    expect(byName.get("lib/native.so")!.compress_type).toBe(0);
    expect(byName.get("blob.wasm")!.compress_type).toBe(0);
    for (const [name, content] of FILES) expect(byName.get(name)!.sha256).toBe(sha(content));
    expect(localExtraLengths(zip).every((n) => n === 0)).toBe(true);
    const verbose = execFileSync("/usr/bin/zipinfo", ["-v", zip], { encoding: "utf8" });
    expect(verbose).toContain("There is no file comment.");
    expect(verbose).not.toMatch(/extra field.*contains/i);
  });

  it("extracts the symlink as a link", async () => {
    const out = join(work, "extracted");
    execFileSync("/usr/bin/unzip", ["-q", join(work, "one.zip"), "-d", out]);
    expect(execFileSync("readlink", [join(out, "bin", "link")], { encoding: "utf8" }).trim()).toBe(
      "../a.txt",
    );
  });

  it("takes its timestamp from SOURCE_DATE_EPOCH, or from the mtime option", async () => {
    process.env.SOURCE_DATE_EPOCH = "1700000000"; // 2023-11-14T22:13:20Z
    await zipTree([{ dir: join(work, "one"), prefix: "" }], join(work, "epoch.zip"));
    expect(readWithPython(join(work, "epoch.zip")).map((e) => e.date_time)).toContainEqual([
      2023, 11, 14, 22, 13, 20,
    ]);
    await zipTree([{ dir: join(work, "one"), prefix: "" }], join(work, "option.zip"), {
      mtime: new Date("2010-05-06T07:08:10Z"),
    });
    expect(new Set(readWithPython(join(work, "option.zip")).map((e) => e.date_time.join(",")))).toEqual(
      new Set(["2010,5,6,7,8,10"]),
    );
    process.env.SOURCE_DATE_EPOCH = "yesterday";
    expect(() => defaultMtime()).toThrow(/SOURCE_DATE_EPOCH must be a whole number/);
  });

  it("puts roots under their prefixes, with an entry for each prefix folder", async () => {
    mkdirSync(join(work, "native", "lib"), { recursive: true });
    writeFileSync(join(work, "native", "lib", "libx.so"), "so");
    const result = await zipTree(
      [
        { dir: join(work, "one", "lib"), prefix: "nodejs/node_modules/" },
        { dir: join(work, "native", "lib"), prefix: "lib" },
      ],
      join(work, "prefixed.zip"),
    );
    expect(readWithPython(join(work, "prefixed.zip")).map((e) => e.name)).toEqual([
      "lib/",
      "lib/libx.so",
      "nodejs/",
      "nodejs/node_modules/",
      "nodejs/node_modules/deep/",
      "nodejs/node_modules/deep/er/",
      "nodejs/node_modules/deep/er/file.js",
      "nodejs/node_modules/native.so",
    ]);
    expect(result.entries).toBe(8);
  });

  it("refuses a path that two roots both give, naming it", async () => {
    await expect(
      zipTree(
        [
          { dir: join(work, "one"), prefix: "" },
          { dir: join(work, "two"), prefix: "" },
        ],
        join(work, "overlap.zip"),
      ),
    ).rejects.toThrow(/same path "B\.txt"/);
    mkdirSync(join(work, "clash"), { recursive: true });
    writeFileSync(join(work, "clash", "lib"), "a file where a directory goes");
    await expect(
      zipTree(
        [
          { dir: join(work, "one"), prefix: "" },
          { dir: join(work, "clash"), prefix: "" },
        ],
        join(work, "clash.zip"),
      ),
    ).rejects.toThrow(/"lib" both as a file and as a directory/);
  });

  it("lists the largest directories, skipping folders whose bytes all sit in one subfolder", async () => {
    const result = await zipTree([{ dir: join(work, "one"), prefix: "nodejs/" }], join(work, "sizes.zip"));
    const big = Buffer.byteLength(FILES.find(([n]) => n === "big.js")![1]);
    expect(result.largestDirectories(3)).toEqual([
      { path: "nodejs", bytes: result.unzippedSize },
      { path: "nodejs/lib", bytes: 5000 + 20 },
      { path: "nodejs/bin", bytes: 20 + 8 },
    ]);
    expect(result.unzippedSize).toBeGreaterThan(big);
    // lib/deep holds only lib/deep/er, so only the deeper one is listed.
    expect(result.largestDirectories(10).map((d) => d.path)).toContain("nodejs/lib/deep/er");
    expect(result.largestDirectories(10).map((d) => d.path)).not.toContain("nodejs/lib/deep");
  });
});

describe("writeZip", () => {
  it("writes the zip64 end records past 65,535 entries, which Info-ZIP and Python read", async () => {
    const count = 65_600;
    const specs = Array.from({ length: count }, (_, i) => ({
      path: `d${String(i).padStart(5, "0")}/`,
      mode: 0o40755,
      data: { kind: "directory" as const },
      level: 0,
    }));
    const file = await open(join(work, "many.zip"), "w");
    try {
      await writeZip(file, specs, new Date("1980-01-01T00:00:00Z"));
    } finally {
      await file.close();
    }
    execFileSync("/usr/bin/unzip", ["-t", "-q", join(work, "many.zip")]);
    const read = `import sys, zipfile; print(len(zipfile.ZipFile(sys.argv[1]).infolist()))`;
    expect(execFileSync("python3", ["-c", read, join(work, "many.zip")], { encoding: "utf8" }).trim()).toBe(
      String(count),
    );
  });
});

describe("hashFiles", () => {
  it("hashes contents in byte order of path, not the paths or the order given", async () => {
    const a = join(work, "one", "a.txt");
    const b = join(work, "one", "B.txt");
    const key = await hashFiles([a, b], ["runtime=nodejs"]);
    expect(await hashFiles([b, a], ["runtime=nodejs"])).toBe(key);
    expect(
      await hashFiles([join(work, "two", "a.txt"), join(work, "two", "B.txt")], ["runtime=nodejs"]),
    ).toBe(key);
    expect(await hashFiles([a, b], ["runtime=python"])).not.toBe(key);
    expect(await hashFiles([a], ["runtime=nodejs"])).not.toBe(key);
    await expect(hashFiles([join(work, "missing")])).rejects.toThrow(/Cannot hash .*missing/);
  });
});
