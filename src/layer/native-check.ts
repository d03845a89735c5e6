/**
 * Native code in a built layer that Lambda cannot load: a Node addon (`*.node`) that is not an ELF
 * for the layer's architecture, or an ELF for the other Lambda architecture directly in `bin/` or
 * `lib/` (Lambda's PATH and LD_LIBRARY_PATH). Reads the first 20 bytes of each such file only.
 */
import { open, readdir } from "node:fs/promises";
import { join } from "node:path";
import { type LayerArchitecture, nodeArch } from "../inputs";

/** ELF e_machine values of Lambda's two architectures. */
const EM_X86_64 = 62;
const EM_AARCH64 = 183;
const MACHINE: Record<LayerArchitecture, number> = { x86_64: EM_X86_64, arm64: EM_AARCH64 };
const MACHINE_NAMES: Record<number, string> = { [EM_X86_64]: "x86_64", [EM_AARCH64]: "arm64" };

/** How many bytes decide a file's format: the ELF identification, e_type and e_machine. */
export const HEADER_BYTES = 20;

export type BinaryFormat =
  | { format: "elf"; bits: 32 | 64; machine: number }
  | { format: "mach-o" }
  | { format: "pe" }
  | { format: "unknown" };

/** The executable format the first bytes of a file announce. */
export function readBinaryFormat(header: Uint8Array): BinaryFormat {
  const b = Buffer.from(header.buffer, header.byteOffset, header.byteLength);
  if (b.length >= HEADER_BYTES && b.readUInt32BE(0) === 0x7f454c46) {
    const bits = b[4] === 1 ? 32 : b[4] === 2 ? 64 : undefined;
    const machine = b[5] === 1 ? b.readUInt16LE(18) : b[5] === 2 ? b.readUInt16BE(18) : undefined;
    if (bits !== undefined && machine !== undefined) return { format: "elf", bits, machine };
    return { format: "unknown" };
  }
  // 32- and 64-bit Mach-O in either byte order, and the universal (fat) container.
  const magic = b.length >= 4 ? b.readUInt32BE(0) : 0;
  if ([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(magic))
    return { format: "mach-o" };
  if (b.length >= 2 && b[0] === 0x4d && b[1] === 0x5a) return { format: "pe" };
  return { format: "unknown" };
}

/** What a file is, said for a person: "an ELF for x86_64", "a macOS (Mach-O) binary". */
export function describeFormat(format: BinaryFormat): string {
  switch (format.format) {
    case "elf": {
      const name = MACHINE_NAMES[format.machine];
      if (name && format.bits === 64) return `an ELF for ${name}`;
      return `a ${format.bits}-bit ELF for machine ${format.machine}`;
    }
    case "mach-o":
      return "a macOS (Mach-O) binary, not a Linux one";
    case "pe":
      return "a Windows (PE) binary, not a Linux one";
    default:
      return "not a Linux native binary (no ELF header)";
  }
}

export interface WrongNativeFile {
  /** Relative to the layer root, with `/` separators. */
  path: string;
  found: string;
}

/** Words in a path that name an operating system other than Lambda's. */
const OTHER_OS =
  /^(darwin|macos|mac|osx|win|win32|win64|windows|freebsd|openbsd|netbsd|sunos|solaris|illumos|aix|android|ios|cygwin)$/;
const ARCH_WORDS: Record<LayerArchitecture, RegExp> = { x86_64: /^(x64|amd64)$/, arm64: /^(arm64|aarch64)$/ };
const ANY_ARCH =
  /^(x64|amd64|x86|x32|ia32|i[3-6]86|arm64|aarch64|arm|armv\d\w*|armhf|armel|ppc\w*|s390x?|riscv\w*|mips\w*|loong\w*|sparc\w*)$/;

/** True when a path segment names another platform: a non-Linux OS, or architectures none of which is the target. */
function namesOtherPlatform(segment: string, architecture: LayerArchitecture): boolean {
  const words = segment
    .toLowerCase()
    .replace(/x86[-_]64/g, "x64")
    .split(/[^a-z0-9]+/);
  if (words.some((w) => OTHER_OS.test(w))) return true;
  const arches = words.filter((w) => ANY_ARCH.test(w));
  return arches.length > 0 && !arches.some((w) => ARCH_WORDS[architecture].test(w));
}

/**
 * A package that ships a build per platform and picks one at run time (prebuilds/darwin-arm64/,
 * bin/napi-v3/win32/x64/, an engine named for its target) names the platform in a directory below
 * its package root or in the file's name: those for another platform are not this layer's concern.
 * The package's own directory (an npm platform package such as @img/sharp-linux-x64) does not count.
 */
function isOtherPlatformsBuild(path: string, architecture: LayerArchitecture): boolean {
  const segments = path.split("/");
  let start = segments.lastIndexOf("node_modules") + 1;
  if (start > 0) start += segments[start]?.startsWith("@") ? 2 : 1;
  const name = (segments.at(-1) ?? "").replace(/\.node$/, "");
  return [...segments.slice(start, -1), name].some((s) => namesOtherPlatform(s, architecture));
}

async function readHeader(file: string): Promise<Uint8Array> {
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEADER_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

interface Candidate {
  path: string;
  /** A Node addon (`*.node`), rather than a file in `bin/` or `lib/`. */
  addon: boolean;
}

/** Every regular `*.node` file below the layer root, and the other regular files directly in `bin/` and `lib/`. */
async function candidates(layerDir: string): Promise<Candidate[]> {
  const found: Candidate[] = [];
  const walk = async (rel: string): Promise<void> => {
    const entries = await readdir(join(layerDir, rel), { withFileTypes: true });
    await Promise.all(
      entries.map(async (entry) => {
        const path = rel === "" ? entry.name : `${rel}/${entry.name}`;
        if (entry.isDirectory()) await walk(path);
        else if (entry.isFile() && entry.name.endsWith(".node")) found.push({ path, addon: true });
        else if (entry.isFile() && (rel === "bin" || rel === "lib")) found.push({ path, addon: false });
      }),
    );
  };
  await walk("");
  return found;
}

function directoryOf(path: string): string {
  return path.slice(0, Math.max(0, path.lastIndexOf("/")));
}

/**
 * The native files in the layer that Lambda of its architecture cannot load, sorted by path: a Node
 * addon that is not a 64-bit ELF for the architecture, and an ELF for the other Lambda architecture
 * directly in `bin/` or `lib/` (scripts and data there are not judged).
 */
export async function findWrongNativeFiles(
  layerDir: string,
  architecture: LayerArchitecture,
): Promise<WrongNativeFile[]> {
  const target = MACHINE[architecture];
  const other = architecture === "arm64" ? EM_X86_64 : EM_AARCH64;
  const files = await Promise.all(
    (await candidates(layerDir)).map(async (c) => ({
      ...c,
      format: readBinaryFormat(await readHeader(join(layerDir, c.path))),
    })),
  );
  const fits = (f: BinaryFormat) => f.format === "elf" && f.bits === 64 && f.machine === target;
  // A directory holding an addon for the target holds its siblings for other targets to be chosen
  // between at run time (engines named for a distribution rather than a machine).
  const withFit = new Set(files.filter((f) => f.addon && fits(f.format)).map((f) => directoryOf(f.path)));
  const wrong = files.filter((f) => {
    if (isOtherPlatformsBuild(f.path, architecture)) return false;
    if (!f.addon) return f.format.format === "elf" && f.format.machine === other;
    return !fits(f.format) && !withFit.has(directoryOf(f.path));
  });
  return wrong
    .map((f) => ({ path: f.path, found: describeFormat(f.format) }))
    .sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)));
}

/** How many wrong files the error lists by name. */
const LISTED = 10;

/** A path from a package's contents, with control characters shown as escapes so it stays on its line. */
function printable(path: string): string {
  return [...path]
    .map((ch) => {
      const code = ch.charCodeAt(0);
      return code < 0x20 || code === 0x7f ? `\\x${code.toString(16).padStart(2, "0")}` : ch;
    })
    .join("");
}

export class NativeArchitectureError extends Error {
  constructor(
    readonly architecture: LayerArchitecture,
    readonly files: WrongNativeFile[],
  ) {
    const one = files.length === 1;
    const lines = files.slice(0, LISTED).map((f) => `  ${printable(f.path)}: ${f.found}`);
    if (files.length > LISTED) lines.push(`  and ${files.length - LISTED} more`);
    const runner = architecture === "arm64" ? "ubuntu-24.04-arm" : "ubuntu-24.04";
    const platform = `linux-${nodeArch(architecture)}`;
    super(
      `The layer is for ${architecture}, but ${one ? "this native file is" : `these ${files.length} native files are`} not, so Lambda cannot load ${one ? "it" : "them"}:\n` +
        `${lines.join("\n")}\n` +
        "npm installs the prebuilt packages of the layer's architecture, and install scripts are told it, but what an install script or the build command compiles is for the machine that runs it. " +
        `Build the layer on a Linux runner of the layer's architecture (runs-on: ${runner}), or use a version of the package with prebuilt binaries for ${platform}. ` +
        "If nothing loads a file on Lambda, delete it in build-command, which runs before this check.",
    );
    this.name = "NativeArchitectureError";
  }
}

/** Throws NativeArchitectureError, naming the files, when the layer holds native code its architecture cannot load. */
export async function checkNativeFiles(layerDir: string, architecture: LayerArchitecture): Promise<void> {
  const wrong = await findWrongNativeFiles(layerDir, architecture);
  if (wrong.length > 0) throw new NativeArchitectureError(architecture, wrong);
}
