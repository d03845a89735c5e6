import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

// V8 keeps each compiled script's source for the whole run, in one byte per character only when
// every character is Latin-1; one wider character doubles the string. The build writes every
// JavaScript file of dist/ in ASCII (scripts/build.mjs, asciiOnly), a wider character as its escape.
const dist = join(__dirname, "../../dist");

function scripts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return scripts(path);
    return /\.(m?js|cjs)$/.test(entry.name) ? [path] : [];
  });
}

/** The first byte beyond ASCII in the file, as "<file> at byte N", or null. */
function firstWide(file: string): string | null {
  const bytes = readFileSync(file);
  const at = bytes.findIndex((byte) => byte > 0x7f);
  return at === -1 ? null : `${relative(dist, file)} at byte ${at}`;
}

describe("dist", () => {
  it("holds JavaScript in ASCII alone, so V8 keeps each source in one byte per character", () => {
    const files = scripts(dist);
    // Every bundle, and the rule chunks that every validate run loads.
    expect(files.length).toBeGreaterThan(20);
    expect(files.map(firstWide).filter((found) => found !== null)).toEqual([]);
  });
});
