/**
 * ASCII twins of the provider schemas' Unicode patterns. Many schema patterns spell their
 * character classes with Unicode properties (`^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$`, the tag pattern),
 * which V8 compiles, on first use, into large tables; most values a template gives are ASCII,
 * and on ASCII text such a class means exactly its ASCII members (`[A-Za-z 0-9_.:/=+\-@]`). The
 * twin is that pattern without the u flag, for ASCII values only: cheap to compile, the same
 * answer. A pattern with a property outside a class, a negated property (`\P`), a property of
 * other names or a `\u{...}` escape has no twin.
 */

/** The ASCII members of the Unicode properties the schemas use, as class contents. */
const ASCII_MEMBERS: Record<string, string> = {
  L: "A-Za-z",
  Lu: "A-Z",
  Ll: "a-z",
  N: "0-9",
  Nd: "0-9",
  M: "",
  Pc: "_",
  Z: " ",
  Zs: " ",
};

/** The pattern's ASCII twin, or undefined when it has none (or needs none: no property at all). */
export function asciiTwin(source: string): string | undefined {
  if (!source.includes("\\p{") || source.includes("\\P") || source.includes("\\u{")) return undefined;
  let out = "";
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      if (source[i + 1] === "p" && source[i + 2] === "{") {
        const end = source.indexOf("}", i + 3);
        const members = end < 0 ? undefined : ASCII_MEMBERS[source.slice(i + 3, end)];
        if (!inClass || members === undefined) return undefined;
        out += members;
        i = end;
        continue;
      }
      out += source.slice(i, i + 2);
      i++;
      continue;
    }
    if (c === "[" && !inClass) inClass = true;
    else if (c === "]" && inClass) inClass = false;
    out += c;
  }
  return out;
}

const NON_ASCII = /[\u0080-\uffff]/;

/** Whether a value is ASCII only, so that a pattern's twin may judge it. */
export function isAscii(value: string): boolean {
  return !NON_ASCII.test(value);
}
