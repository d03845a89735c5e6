/**
 * A generated tree shaped like a large node_modules, the same bytes on every run: packages with
 * package.json, README, JavaScript and type declarations (compressible), and native addons,
 * images and wasm (incompressible random bytes), a few executables and .bin symlinks.
 */
import { existsSync } from "node:fs";
import { chmod, mkdir, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";

export interface TreeShape {
  packages: number;
  /** Files per package, besides package.json and README.md. */
  filesPerPackage: number;
  seed: number;
}

export const LARGE_NODE_MODULES: TreeShape = { packages: 500, filesPerPackage: 18, seed: 9 };

/** xorshift32: small, fast and the same everywhere. */
function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

const WORDS = (
  "const let var function return if else for while of in new this module exports require import " +
  "from default async await Promise resolve reject error options value result callback buffer " +
  "length index string number object undefined null true false typeof instanceof throw catch try " +
  "finally class extends super static get set prototype call apply bind map filter reduce push " +
  "slice concat join split replace test match keys values entries assign create define property"
).split(" ");
const PUNCT = [" = ", "(", ")", " { ", " }", ";\n", ", ", ".", " => ", "\n  ", " + ", "[", "]", ": "];

function text(next: () => number, bytes: number): Buffer {
  const parts: string[] = [];
  let length = 0;
  while (length < bytes) {
    const r = next();
    const word = r % 3 === 0 ? PUNCT[r % PUNCT.length] : WORDS[(r >>> 8) % WORDS.length];
    const piece = r % 11 === 0 ? `${word}${(r >>> 4) % 1000}` : word;
    parts.push(piece);
    length += piece.length + 1;
    parts.push(" ");
  }
  return Buffer.from(parts.join("").slice(0, bytes));
}

function binary(next: () => number, bytes: number): Buffer {
  const words = new Uint32Array(Math.ceil(bytes / 4));
  for (let i = 0; i < words.length; i++) words[i] = next();
  return Buffer.from(words.buffer, 0, bytes);
}

/**
 * Write the tree under `dir` unless a previous run already wrote this shape there; returns the
 * number of files and their total bytes.
 */
export async function generateTree(dir: string, shape: TreeShape): Promise<{ files: number; bytes: number }> {
  const marker = join(dir, ".complete");
  const next = random(shape.seed);
  let files = 0;
  let bytes = 0;
  const reuse = existsSync(marker);
  if (!reuse) {
    await rm(dir, { recursive: true, force: true });
    await mkdir(join(dir, ".bin"), { recursive: true });
  }
  const put = async (path: string, content: Buffer, mode = 0o644) => {
    files++;
    bytes += content.length;
    if (reuse) return;
    await writeFile(path, content);
    await chmod(path, mode);
  };
  for (let p = 0; p < shape.packages; p++) {
    const name = `pkg-${p.toString(36)}-${WORDS[next() % WORDS.length]}`;
    const root = join(dir, name);
    if (!reuse) await mkdir(join(root, "lib", "internal"), { recursive: true });
    await put(join(root, "package.json"), text(next, 600 + (next() % 1500)));
    await put(join(root, "README.md"), text(next, 2000 + (next() % 8000)));
    for (let f = 0; f < shape.filesPerPackage; f++) {
      const r = next();
      const sub = r % 4 === 0 ? "lib/internal" : "lib";
      if (r % 29 === 0) {
        // Native addons, images and wasm: random bytes, 20 KB to 260 KB.
        const ext = [".node", ".png", ".wasm"][r % 3];
        await put(join(root, sub, `asset${f}${ext}`), binary(next, 20_000 + (next() % 240_000)), 0o755);
      } else if (r % 5 === 0) {
        await put(join(root, sub, `file${f}.d.ts`), text(next, 500 + (next() % 4000)));
      } else {
        await put(join(root, sub, `file${f}.js`), text(next, 1000 + (next() % 13_000)));
      }
    }
    if (p % 25 === 0) {
      await put(join(root, "cli.js"), text(next, 3000), 0o755);
      if (!reuse) await symlink(`../${name}/cli.js`, join(dir, ".bin", name));
    }
  }
  if (!reuse) await writeFile(marker, "");
  return { files, bytes };
}
