import { describe, expect, it } from "vitest";
import { LineIndex } from "../../../src/template/lines";
import { parseYamlWithLibrary } from "../../../src/template/yaml";
import { parseYamlFast, Unsupported } from "../../../src/template/yaml-fast";

/**
 * Cases the fast YAML reader handles itself rather than handing the whole template to the library
 * (which costs a cold process the library's load and a second read). Each must give exactly the
 * library's tree, node for node and range for range.
 */

function fast(source: string) {
  try {
    return parseYamlFast(source, "template.yaml", new LineIndex(source));
  } catch (error) {
    if (error instanceof Unsupported) throw new Error(`fast reader gave up at offset ${error.at}`);
    throw error;
  }
}

function library(source: string) {
  return parseYamlWithLibrary(source, "template.yaml", new LineIndex(source));
}

function bails(source: string): boolean {
  try {
    parseYamlFast(source, "template.yaml", new LineIndex(source));
    return false;
  } catch (error) {
    if (error instanceof Unsupported) return true;
    throw error;
  }
}

describe("the fast reader agrees with the library", () => {
  const cases: Record<string, string> = {
    "folded with more-indented lines": "A: >\n  a\n    b\n  c\n\n    d\n\n\n  e\n    f\n\n    g\nB: 1\n",
    "folded query with an indented continuation":
      "Q:\n  S: >\n    fields a, b\n    | stats count(*) as n,\n      sum(x) as total\n    by c\n    | sort n desc\n\n  T: 2\n",
    "folded, more-indented first after a blank line": "A: >-\n\n  a\n\n    b\n  c\n",
    "folded, more-indented last": "A: >\n  a\n    b\n",
    "literal with an indentation indicator in a sequence": "A:\n  - |2\n      x\n    y\n  - z\n",
    "literal with an indentation indicator under a key": "B:\n  A: |2\n      x\n    y\n  C: 1\n",
    "indicator after a tag": "B:\n  A: !Sub |2\n      x\n    y\n",
    "indicator in a compact mapping": "B:\n  - A: |2\n        x\n      y\n",
    "indicator in a nested sequence": "B:\n  - - |2\n        x\n      y\n",
    "indicator on a line of its own": "B:\n  A:\n    |2\n      x\n    y\n",
    "folded with an indicator": "B:\n  A: >2\n      x\n    y\n    z\n",
    "indicator of one": "B:\n  A: |1\n     x\n    y\n",
    "indicator then strip": "B:\n  A: |2-\n      x\n    y\n",
    "strip then indicator": "B:\n  A: |-2\n      x\n    y\nC: 1\n",
    "indicator with a comment": "A: |2 # note\n    x\n",
    "a pair in a flow sequence": 'A: !Select [0, Fn::GetAZs: !Ref "AWS::Region"]\n',
    "pairs among items": "A: [b: c, d, 'e': [f], 80: g]\n",
    "a pair spanning lines of the sequence": "A: [\n    b: c,\n    d\n  ]\n",
    "a pair key with a space before its colon": "A: [ b : c ]\n",
    "quotes and escapes on one line": 'A: "a\\tb\\"c" # x\nB: \'it\'\'s\'\nC: ""\n',
    // Inline code whose editor indented its empty lines (a public Service Catalog template of round
    // 14): the spaces past the block's indent are the line's text.
    "literal with blank lines holding more spaces than its indent":
      "A:\n  ZipFile: |\n    def f():\n        \n        return 1\n      \n    x = 2\n  B: 1\n",
    "literal ending in a line of spaces": "A: |\n  a\n    \nB: 1\n",
    // Plain scalars over several lines (a Description wrapped by hand, a packaged template's
    // long values): until now the whole template went to the library, which is stricter than
    // PyYAML elsewhere (a quoted scalar's less-indented line).
    "a plain scalar over lines": "A: a  b\n  c   d\n\n  e\n\n\n     f\nB: 1\n",
    "a plain scalar over lines on a line of its own": "A:\n  a\n  b\nB: 1\n",
    "a plain scalar over lines in a sequence": "A:\n  - a\n    b\n  - c\n   d\n",
    "a plain scalar over lines in a compact mapping": "A:\n  - B: a\n     b\n    C: c\n",
    "a plain scalar over lines in an indentless sequence": "A:\n- a\n b\nC: 1\n",
    "a plain scalar over lines after a tag": "A: !Sub a ${B}\n  c\nD: 1\n",
    "a plain scalar over lines ending in a comment": "A: a\n  b # c\nB: 1\n",
    "a plain scalar over lines with colons and hashes inside words": "A: a\n  b:c d#e\nB: 1\n",
    "a plain scalar over lines whose empty lines hold spaces": "A: a\n     \n  b\n \nB: 1\n",
    "a plain scalar over lines with CRLF line ends": "A: a\r\n  b\r\n\r\n  c\r\nB: 1\r\n",
    "a plain scalar over lines at the end of the source": "A: a\n  b",
    "a plain scalar followed by a less-indented comment": "A: a\n# c\nB: 1\n",
    // A backslash before a line break joins the lines with nothing between (a long command
    // broken for reading, in a public template's cfn-init commands).
    "an escaped line break in a double-quoted scalar": 'A: "x\\\n  y"\nB: 1\n',
    "an escaped line break after spaces, then a folded break": 'A: "a  \\\n    b\n  c"\n',
    "escaped line breaks on two lines": 'A:\n  - "a\\\n    b\\\n    c"\n',
    // CRLF line ends in a quoted scalar over lines (a public toolchain template of round 39, whose
    // closing line at its key's column the library then refused).
    "a single-quoted scalar over lines with CRLF line ends": "A: 'a\r\n  b\r\n\r\n  c'\r\nB: 1\r\n",
    "a double-quoted scalar over lines with CRLF line ends": 'A: "a\r\n  b  \r\n  c"\r\nB: 1\r\n',
    "an escaped CRLF line break in a double-quoted scalar": 'A: "x\\\r\n  y"\r\nB: 1\r\n',
    // A tag with no value before a flow indicator (`!GetAZs ]`, a public VPC template of round 33,
    // whose quoted policy with a less-indented closing line the library then refused).
    "a tag with no value before a closing bracket": "A: !Select [ 0, !GetAZs ]\n",
    "a tag with no value before a comma": "A: [!GetAZs   , b]\nB: {x: !Ref }\n",
    // A document end marker on the last line (a public Transfer Family template of round 35, whose
    // single-quoted dashboard body closes at its item's column, which the library then refused).
    "a document end marker": "A: 1\n...\n",
    "a document end marker after a start marker and a literal": "---\nA:\n  B: |\n    x\n...",
    "a document end marker with comments and blank lines after it": "A: 1\n... # end\n\n  # c\r\n",
    // A start marker after a header of comments (21 public templates of rounds 27 to 35).
    "a start marker after comments": "# Copyright\n#\n\n---\nA: 1\n",
    "a start marker after comments, with CRLF line ends": "# c\r\n---\r\nA: 1\r\n",
    // Keep chomping (`|+`: inline code that keeps its trailing blank lines; 9 public templates of
    // rounds 27 to 35, which went to the library before).
    "a literal that keeps its final line break": "A: |+\n  a\nB: 1\n",
    "a literal that keeps its trailing blank lines": "A:\n  - |+\n    a\n\n      \n    b\n\n\n  - c\n",
    "a kept literal at the end of the source": "A: |+\n  a\n\n",
    "a kept literal before a comment line": "A: |+\n  a\n\n# c\nB: 1\n",
    "a kept literal with an indicator": "A: |2+\n    a\n  b\n\nB: 1\n",
    "a kept literal with CRLF line ends": "A: |+\r\n  a\r\n\r\nB: 1\r\n",
    "a kept folded scalar": "A: >+\n  a\n  b\n\nB: 1\n",
    "a kept literal of a blank line alone, between items": "A:\n  - x\n  - |+\n\n  - y\n",
    "a kept literal of two blank lines alone, before a key": "A: |+\n\n\nB: 1\n",
    "an empty kept literal before the next item": "A:\n- |+\n- x\n",
    "an empty kept literal at the end of the source": "A: |+\n",
    // A block scalar with no text line is empty text (an inline ZipFile or a script item left
    // empty: public templates of rounds 29, 35 and 36, which went to the library before).
    "an empty literal before a key": "A: |\nB: 1\n",
    "an empty literal before the next item": "A:\n- |\n- |\n  x\n",
    "an empty stripped literal with spaces after its header, then a blank line": "A: |-   \n\nB: 1\n",
    "an empty folded scalar with an indicator": "A:\n  - >2\n  - x\n",
    "an empty literal at the end of the source": "A:\n  ZipFile: |\n",
    "an empty literal at the end of a source without a final break": "A: |",
  };
  it.each(Object.entries(cases))("%s", (_name, source) => {
    expect(fast(source)).toEqual(library(source));
  });
});

describe("the fast reader leaves to the library", () => {
  const cases: Record<string, string> = {
    "an empty line after an escaped line break": 'A: "x\\\n\n  y"\n',
    "an escaped backslash at a line's end": 'A: "x\\\\\n  y"\n',
    // A carriage return alone ends a line, wherever it stands.
    "a lone carriage return after a tag": "A: !Sub\rx\nB: 1\n",
    "a lone carriage return after a key": "A:\rB: 1\n",
    "a lone carriage return in a comment": "# c\rA: 1\nB: 2\n",
    "a lone carriage return in a quoted scalar over lines": "A: 'a\r  b'\nB: 1\n",
    "a pair without a value": "A: [b: , c]\n",
    "a pair with a null key": "A: [null: x]\n",
    "a tagged pair key": "A: [!Ref b: c]\n",
    "an indentation indicator of zero": "A: |0\n  x\n",
    "an indentation indicator of two digits": "A: |12\n  x\n",
    "two chomping indicators": "A: |-2-\n    x\n",
    "text less indented than its indicator": "A: |4\n  x\n",
    "a folded scalar with a blank line holding more spaces than its indent": "A: >\n  a\n    \n  b\n",
    "a line of spaces before the first text line": "A: |\n      \n  a\n",
    // A plain scalar's continuation lines that another reading could take for something else.
    "a plain scalar's continuation holding a key": "A: a\n  b: c\n",
    "a plain scalar's continuation starting with a dash": "A: a\n  - b\n",
    "a plain scalar's continuation after a comment line": "A: a\n  # c\n  b\n",
    "a plain scalar's continuation after a comment": "A: a # c\n  b\n",
    "a plain scalar's continuation holding a tab": "A: a\n  b\tc\n",
    "a plain scalar's continuation starting with a quote": "A: a\n  'b'\n",
    "a tag with no value whose indicator is on the next line": "A: [!GetAZs\n  ]\n",
    "a second document after an end marker": "A: 1\n...\nB: 2\n",
    "a directive after an end marker": "A: 1\n...\n%YAML 1.2\n---\nB: 2\n",
    "three dots that begin a word": "A: 1\n...x\n",
    "an end marker inside a quoted scalar": "A: 'a\n...\n  b'\n",
    "a kept literal at the end of a source without a final break": "A: |+\n  a",
    "a second start marker": "# c\n---\n---\nA: 1\n",
    // The library reads an empty document ended by `...` otherwise than an empty source.
    "an end marker before any content": "# c\n... # e\n",
    "a start marker after content": "A: 1\n---\nB: 2\n",
  };
  it.each(Object.entries(cases))("%s", (_name, source) => {
    expect(bails(source)).toBe(true);
  });

  it("reads an escaped line break as the library does", () => {
    expect(library('A: "x\\\n  y"\n').root).toMatchObject({ entries: [{ value: { value: "xy" } }] });
  });
});

describe("the fast reader takes what PyYAML takes and the library refuses", () => {
  it("reads a quoted scalar closed at its item's column in a template that ends with `...`", () => {
    const source = "---\nA:\n  B:\n    !Sub\n    - '{\n        \"x\": 1\n    }'\n...\n";
    expect(fast(source).root).toMatchObject({
      entries: [
        { value: { entries: [{ value: { entries: [{ value: { items: [{ value: '{ "x": 1 }' }] } }] } }] } },
      ],
    });
    expect(library(source).findings.length).toBeGreaterThan(0);
  });

  it("reads a quoted scalar over CRLF lines closed at its key's column, as PyYAML does", () => {
    // PyYAML: {'A': {'B': 'a x ', 'C': 1}}.
    const source = "A:\r\n  B: 'a\r\n    x\r\n  '\r\n  C: 1\r\n";
    expect(fast(source).root).toMatchObject({
      entries: [{ value: { entries: [{ value: { value: "a x " } }, { key: "C", value: { value: 1 } }] } }],
    });
    expect(library(source).findings.length).toBeGreaterThan(0);
  });

  it("reads a quoted scalar whose lines open with a tab, in the first column too, as PyYAML does", () => {
    // PyYAML: {'A': {'B': 'a\nb c', 'C': 1}, 'D': 2}.
    const source = "A:\n  B: 'a\n\n\tb\n    \t c'\n  C: 1\nD: 2\n";
    expect(fast(source).root).toMatchObject({
      entries: [
        { value: { entries: [{ value: { value: "a\nb c" } }, { key: "C", value: { value: 1 } }] } },
        { key: "D" },
      ],
    });
    expect(library(source).findings.length).toBeGreaterThan(0);
  });

  it("reads an escaped line break whose next line is no more indented than the key", () => {
    const source = 'A:\n  command: "tar -x a.tar && \\\n  ./setup.sh"\n  cwd: /home\n';
    expect(fast(source).root).toMatchObject({
      entries: [{ value: { entries: [{ value: { value: "tar -x a.tar && ./setup.sh" } }, { key: "cwd" }] } }],
    });
    expect(library(source).findings.length).toBeGreaterThan(0);
  });
});

describe("the fast reader agrees with the library on generated documents", () => {
  // Documents put together from pieces around the forms the fast reader took on last (document
  // markers, keep chomping), with a seeded generator so that a failure repeats.
  const pieces = [
    "A: |+\n  a\n",
    "A: |+\n\n",
    "A: >+\n  a\n  b\n\n",
    "A: |2+\n    a\n  b\n",
    "A:\n  - |+\n\n  - x\n",
    "B: 1\n",
    "# c\n",
    "\n",
    "  \n",
    "C:\n  D: |+\n    x\n\n    y\n\n",
    "E: [a, b]\n",
    "F: 'q\n  r'\n",
    "G: !Sub |+\n  ${X}\n\n",
    "I: |+\n  a\n  # not a comment\n\n",
    "J: |+\n  a\n# c\n\n",
    "M: >+\n\n  a\n\n  b\n\n",
    "O: plain\n  more\n",
    "Q:\n  - - |+\n      v\n\n    - w\n",
    "S: |+\n  a\n   \n",
  ];
  const heads = ["", "---\n", "# h\n---\n", "# h\n\n---\n", "# a\n# b\n--- \n"];
  const tails = ["", "...\n", "... # e\n", "...", "...\n\n# c\n", "...\n  \n"];

  it("gives the library's tree wherever it does not leave the document to it", () => {
    let seed = 12345;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      // The high bits: the low bits of such a generator repeat with a short period.
      return (seed >>> 16) % n;
    };
    let agreed = 0;
    for (let n = 0; n < 3000; n++) {
      const keys = new Set<string>();
      let body = "";
      for (let i = 0, count = 1 + next(4); i < count; i++) {
        const piece = pieces[next(pieces.length)];
        if (/[A-Z]/.test(piece[0])) {
          if (keys.has(piece[0])) continue;
          keys.add(piece[0]);
        }
        body += piece;
      }
      let source = heads[next(heads.length)] + body + tails[next(tails.length)];
      if (next(5) === 0) source = source.replaceAll("\n", "\r\n");
      if (bails(source)) continue;
      expect({ source, tree: fast(source) }).toEqual({ source, tree: library(source) });
      agreed++;
    }
    // Most documents are the fast reader's own: the comparison above is not vacuous.
    expect(agreed).toBeGreaterThan(2000);
  });

  // Nested mappings and sequences of the scalars, flow collections and block scalars templates hold.
  const scalars = [
    "a b",
    "'it''s'",
    '"d\\"q"',
    "''",
    "1",
    "0x1F",
    "1.5",
    "1e3",
    "No",
    "~",
    "2016-03-23",
    "a:b",
    "a #b",
    "!Ref X",
    "!Sub '${A}'",
    "!GetAtt A.B",
    "[!Ref A, 'b']",
    "{a: [1, {b: c}]}",
    "!Select [0, !GetAZs '']",
    "|\n  lit\n  two",
    ">\n  fold\n  ed",
    "|+\n  kept\n",
    "plain\n  continued",
    "'multi\n  line'",
    '"dq\n  line"',
    ">-\n  a\n\n  b",
    "[a,\n  b]",
  ];

  it("gives the library's tree for nested mappings and sequences", () => {
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return (seed >>> 16) % n;
    };
    const value = (depth: number, indent: number): string => {
      const pad = " ".repeat(indent);
      const kind = depth > 2 ? 0 : next(4);
      if (kind === 0) return ` ${scalars[next(scalars.length)].replaceAll("\n", `\n${pad}`)}`;
      let out = "";
      for (let i = 0, count = 1 + next(3); i < count; i++) {
        const inner = value(depth + 1, indent + 2);
        out += kind === 3 ? `\n${pad}-${inner.replace(/^\n\s*/, " ")}` : `\n${pad}K${i}:${inner}`;
      }
      return out;
    };
    let agreed = 0;
    for (let n = 0; n < 2000; n++) {
      let source = "";
      for (let i = 0, count = 1 + next(3); i < count; i++) source += `R${i}:${value(0, 2)}\n`;
      if (next(6) === 0) source = source.replaceAll("\n", "\r\n");
      if (bails(source)) continue;
      expect({ source, tree: fast(source) }).toEqual({ source, tree: library(source) });
      agreed++;
    }
    expect(agreed).toBeGreaterThan(1500);
  });
});
