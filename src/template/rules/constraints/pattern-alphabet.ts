/**
 * The characters a pattern can ever match, for judging text with a part only the deploy knows
 * (`${AWS::StackName}-exports-Dev` as a bucket name): where a written character is one the pattern
 * never matches, the whole value cannot match, whatever the unknown part is. Read only where that
 * is certain: literal characters, escapes and classes of a pattern anchored at both ends, without
 * a wildcard (`.`), a
 * negated class, a negated escape (`\S`, `\W`, `\D`), a property escape or a backreference; the
 * text of a lookaround consumes nothing and is skipped. Any other pattern gives undefined.
 */

const cache = new Map<string, ReadonlySet<string> | null>();

/** The set of characters `source` can match (both cases with the `i` flag), or undefined. */
export function patternAlphabet(source: string, flags = ""): ReadonlySet<string> | undefined {
  const key = `${flags}/${source}`;
  let found = cache.get(key);
  if (found === undefined) {
    found = read(source) ?? null;
    if (found && flags.includes("i"))
      found = new Set([...found].flatMap((c) => [c.toLowerCase(), c.toUpperCase()]));
    cache.set(key, found);
  }
  return found ?? undefined;
}

const DIGITS = "0123456789";
const WORD = `${DIGITS}ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_`;
const SPACE = " \t\n\r\v\f";

/** The characters an escape after `\` at `i` stands for, and where it ends; undefined if not read. */
function escaped(source: string, i: number): { chars: string; end: number } | undefined {
  const c = source[i];
  if (c === undefined) return undefined;
  if (c === "d") return { chars: DIGITS, end: i + 1 };
  if (c === "w") return { chars: WORD, end: i + 1 };
  if (c === "s") return { chars: SPACE, end: i + 1 };
  if (c === "t") return { chars: "\t", end: i + 1 };
  if (c === "n") return { chars: "\n", end: i + 1 };
  if (c === "r") return { chars: "\r", end: i + 1 };
  if (c === "x" && /^[0-9a-fA-F]{2}$/.test(source.slice(i + 1, i + 3)))
    return { chars: String.fromCharCode(Number.parseInt(source.slice(i + 1, i + 3), 16)), end: i + 3 };
  if (c === "u" && /^[0-9a-fA-F]{4}$/.test(source.slice(i + 1, i + 5)))
    return { chars: String.fromCharCode(Number.parseInt(source.slice(i + 1, i + 5), 16)), end: i + 5 };
  // An escaped punctuation character stands for itself.
  if (/[^A-Za-z0-9]/.test(c)) return { chars: c, end: i + 1 };
  return undefined;
}

/**
 * Whether the pattern must match the whole text: `^` first and an unescaped `$` last, with every
 * `|` inside a group (`^a|b$` leaves each branch half-open). A pattern is matched as a search, so
 * an unanchored one (`[0-z]*`) matches any text.
 */
function anchored(source: string): boolean {
  if (!source.startsWith("^") || !source.endsWith("$")) return false;
  let backslashes = 0;
  for (let i = source.length - 2; i >= 0 && source[i] === "\\"; i--) backslashes += 1;
  if (backslashes % 2 === 1) return false;
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i += 1;
    else if (c === "[") i = classEnd(source, i);
    else if (c === "(") depth += 1;
    else if (c === ")") depth -= 1;
    else if (c === "|" && depth === 0) return false;
  }
  return true;
}

function read(source: string): Set<string> | undefined {
  if (!anchored(source)) return undefined;
  const out = new Set<string>();
  const add = (chars: string) => {
    for (const ch of chars) out.add(ch);
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === "\\") {
      if (source[i + 1] === "b" || source[i + 1] === "B") {
        i += 2;
        continue;
      }
      const e = escaped(source, i + 1);
      if (!e) return undefined;
      add(e.chars);
      i = e.end;
    } else if (c === "[") {
      const end = readClass(source, i + 1, add);
      if (end === undefined) return undefined;
      i = end;
    } else if (c === "(") {
      if (/^\(\?<?[=!]/.test(source.slice(i, i + 4))) {
        const end = closing(source, i);
        if (end === undefined) return undefined;
        i = end;
      } else if (source.startsWith("(?:", i)) i += 3;
      else if (source.startsWith("(?<", i)) return undefined;
      else i += 1;
    } else if (c === "{") {
      const end = source.indexOf("}", i);
      if (end < 0 || !/^\{\d*(,\d*)?\}$/.test(source.slice(i, end + 1))) return undefined;
      i = end + 1;
    } else if (c === ".") return undefined;
    else if ("^$|)*+?".includes(c)) i += 1;
    else {
      add(c);
      i += 1;
    }
  }
  return out;
}

/** Reads a class from after its `[`; the index after its `]`, or undefined for what is not read. */
function readClass(source: string, start: number, add: (chars: string) => void): number | undefined {
  if (source[start] === "^") return undefined;
  let i = start;
  let previous: string | undefined;
  while (i < source.length && source[i] !== "]") {
    let chars: string;
    if (source[i] === "\\") {
      const e = escaped(source, i + 1);
      if (!e) return undefined;
      chars = e.chars;
      i = e.end;
    } else {
      chars = source[i];
      i += 1;
    }
    if (source[i] === "-" && source[i + 1] !== "]" && i + 1 < source.length && chars.length === 1) {
      // A range: from this character to the next one.
      let last: string;
      if (source[i + 1] === "\\") {
        const e = escaped(source, i + 2);
        if (e?.chars.length !== 1) return undefined;
        last = e.chars;
        i = e.end;
      } else {
        last = source[i + 1];
        i += 2;
      }
      const from = chars.charCodeAt(0);
      const to = last.charCodeAt(0);
      if (to < from || to - from > 0xffff) return undefined;
      let range = "";
      for (let code = from; code <= to; code++) range += String.fromCharCode(code);
      chars = range;
    }
    add(chars);
    previous = chars;
  }
  return source[i] === "]" && previous !== undefined ? i + 1 : undefined;
}

/** The index after the `)` that closes the group opened at `open`, or undefined. */
function closing(source: string, open: number): number | undefined {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i += 1;
    else if (c === "[") {
      i = classEnd(source, i);
      if (i >= source.length) return undefined;
    } else if (c === "(") depth += 1;
    else if (c === ")") {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  return undefined;
}

/** The index of the `]` that closes the class opened at `open` (escaped characters skipped), or the source's length. */
function classEnd(source: string, open: number): number {
  let i = open + 1;
  while (i < source.length && source[i] !== "]") i += source[i] === "\\" ? 2 : 1;
  return i;
}
