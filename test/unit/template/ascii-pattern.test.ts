/** ASCII twins of the schemas' Unicode patterns give the same answer as the patterns on ASCII text. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { asciiTwin, isAscii } from "../../../src/template/rules/constraints/ascii-pattern";

const constraints = join(__dirname, "../../../src/template/spec/data/constraints");

/** Every `p` (a pattern with the u flag) of the committed constraint data. */
function schemaPatterns(): string[] {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) for (const item of value) visit(item);
    else if (value && typeof value === "object")
      for (const [key, item] of Object.entries(value)) {
        if (key === "p" && typeof item === "string") found.add(item);
        else visit(item);
      }
  };
  for (const file of readdirSync(constraints)) {
    if (!/^[A-Z].*\.json$/.test(file)) continue;
    const shard = JSON.parse(readFileSync(join(constraints, file), "utf8")) as Record<string, string>;
    for (const entry of Object.values(shard)) visit(JSON.parse(entry));
  }
  return [...found];
}

describe("asciiTwin", () => {
  it("keeps the ASCII members of each property inside a class", () => {
    expect(asciiTwin("^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+$")).toBe("^[A-Za-z 0-9_.:/=+\\-@]+$");
    expect(asciiTwin("^[\\p{L}\\p{N}\\p{M}\\p{Pc}#:\\.\\-/]+$")).toBe("^[A-Za-z0-9_#:\\.\\-/]+$");
    expect(asciiTwin("^[^\\p{M}]$")).toBe("^[^]$");
  });

  it("gives none for what it cannot carry over, or where nothing needs it", () => {
    expect(asciiTwin("^\\p{L}+$")).toBeUndefined();
    expect(asciiTwin("^[\\P{L}]+$")).toBeUndefined();
    expect(asciiTwin("^[\\p{Sc}]+$")).toBeUndefined();
    expect(asciiTwin("^[\\p{L}\\u{1F600}]+$")).toBeUndefined();
    expect(asciiTwin("^[a-z]+$")).toBeUndefined();
  });

  it("judges random ASCII text as every schema pattern with a twin does", () => {
    const patterns = schemaPatterns()
      .map((source) => ({ source, twin: asciiTwin(source) }))
      .filter((pattern): pattern is { source: string; twin: string } => pattern.twin !== undefined);
    // The schemas use the tag, name and ARN classes throughout: a twin for each of them.
    expect(patterns.length).toBeGreaterThan(20);
    let seed = 11;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n);
    };
    const alphabet = " \t!\"#$%&'()*+,-./0123456789:;<=>?@ABCXYZ[\\]^_`abcxyz{|}~arn:aws:lambda:eu-west-1";
    let matched = 0;
    for (const { source, twin } of patterns) {
      const full = new RegExp(source, "u");
      const ascii = new RegExp(twin);
      // Random strings, and each pattern's own twin source as a string that often nearly matches.
      const samples = Array.from({ length: 200 }, () =>
        Array.from({ length: random(24) }, () => alphabet[random(alphabet.length)]).join(""),
      );
      samples.push("Name", "my-bucket", "arn:aws:events:eu-west-1:123456789012:rule/x", "a b", "");
      for (const sample of samples) {
        expect(isAscii(sample)).toBe(true);
        expect(ascii.test(sample), `${source} on ${JSON.stringify(sample)}`).toBe(full.test(sample));
        if (full.test(sample)) matched++;
      }
    }
    // Not a comparison of two patterns that reject everything.
    expect(matched).toBeGreaterThan(100);
  });

  it("tells ASCII text from the rest", () => {
    expect(isAscii("plain text ~")).toBe(true);
    expect(isAscii("café")).toBe(false);
  });
});
