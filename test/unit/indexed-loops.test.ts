import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { indexedLoops } from "../../scripts/indexed-loops.mjs";

const work = mkdtempSync(join(tmpdir(), "indexed-loops-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The source rewritten by indexedLoops, type-checked as the build's program checks it. */
function rewrite(source: string): string | undefined {
  const file = join(work, `case${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(file, source);
  const program = ts.createProgram({
    rootNames: [file],
    options: { target: ts.ScriptTarget.ES2022, strict: true, lib: ["lib.es2022.d.ts"], types: [] },
  });
  const sourceFile = program.getSourceFile(file);
  if (!sourceFile) throw new Error("no source file");
  return indexedLoops(sourceFile, program.getTypeChecker());
}

/** Runs `source`, whose last statement is an expression, and returns that value. */
function run(source: string): unknown {
  const js = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText;
  return runInNewContext(js);
}

const loopCount = (source: string) => source.match(/\bof\b/g)?.length ?? 0;

describe("indexedLoops", () => {
  it("writes a loop over an array as a loop over its indexes, with the binding first in the body", () => {
    const out = rewrite(
      "const list: number[] = [1, 2];\nlet sum = 0;\nfor (const x of list) {\n  sum += x;\n}\n",
    );
    expect(out).toBe(
      "const list: number[] = [1, 2];\nlet sum = 0;\n" +
        "for (let i$0 = 0, a$0 = list; i$0 < a$0.length; i$0++) { const x = a$0[i$0];\n  sum += x;\n}\n",
    );
  });

  // Each case's result is computed by the original source and by the rewritten one, and both
  // must agree; the expected values are written out as well, so that a case that computes
  // nothing cannot pass.
  const cases: [string, string, unknown][] = [
    [
      "break, continue and labels",
      `const log: string[] = [];
       const rows: number[][] = [[1, 2, 3], [4, 5], [6]];
       outer: for (const row of rows) {
         for (const n of row) {
           if (n === 2) continue;
           if (n === 5) continue outer;
           if (n === 6) break outer;
           log.push(String(n));
         }
         log.push("end");
       }
       log`,
      ["1", "3", "end", "4"],
    ],
    [
      "a binding of its own for each pass, which closures keep",
      `const fns: (() => string)[] = [];
       for (const s of ["a", "b", "c"]) fns.push(() => s);
       fns.map((f) => f())`,
      ["a", "b", "c"],
    ],
    [
      "items pushed during the loop, and holes",
      `const list: (number | undefined)[] = [1, , 3];
       const seen: (number | undefined)[] = [];
       for (const n of list) {
         seen.push(n);
         if (n === 1) list.push(9);
       }
       seen`,
      [1, undefined, 3, 9],
    ],
    [
      "the list read once, before the first pass",
      `let reads = 0;
       const get = (): number[] => { reads++; return [1, 2, 3]; };
       let sum = 0;
       for (const n of get()) sum += n;
       [sum, reads]`,
      [6, 1],
    ],
    [
      "a let binding the body assigns, and a var",
      `const out: number[] = [];
       for (let n of [1, 2]) { n *= 10; out.push(n); }
       for (var v of [7]) out.push(v);
       out.push(v);
       out`,
      [10, 20, 7, 7],
    ],
    [
      "pairs, holes in a pattern, and object patterns",
      `const out: string[] = [];
       for (const [key, value] of Object.entries({ a: 1, b: 2 })) out.push(key + value);
       for (const [, second] of [[1, 2], [3, 4]] as [number, number][]) out.push(String(second));
       for (const [first, ...rest] of [[1, 2, 3]]) out.push(first + ":" + rest.join());
       for (const { name, size = 0 } of [{ name: "x" }, { name: "y", size: 2 }] as { name: string; size?: number }[]) {
         out.push(name + size);
       }
       out`,
      ["a1", "b2", "2", "4", "1:2,3", "x0", "y2"],
    ],
    [
      "a body that declares the loop's name again",
      `const out: number[] = [];
       for (const n of [1, 2]) {
         const n = 5;
         out.push(n);
       }
       for (const [a] of [[3]]) {
         function a() { return 4; }
         out.push(a());
       }
       out`,
      [5, 5, 4],
    ],
    [
      "a loop that is the body of a loop or a branch without braces",
      `const out: number[] = [];
       for (const row of [[1], [2]]) for (const n of row) if (n > 1) out.push(n); else out.push(-n);
       if (out.length) for (const n of [8]) out.push(n);
       out`,
      [-1, 2, 8],
    ],
  ];
  for (const [name, source, expected] of cases) {
    it(`keeps what the loop does: ${name}`, () => {
      const out = rewrite(source);
      expect(out).toBeDefined();
      expect(loopCount(out ?? "")).toBe(0);
      expect(run(source)).toEqual(expected);
      expect(run(out ?? "")).toEqual(expected);
    });
  }

  it("leaves loops over what is not an array as they are", () => {
    const source = `
      const map = new Map([["a", 1]]);
      const set = new Set([1]);
      function* numbers() { yield 1; }
      const anything: any = [1];
      const either: number[] | Set<number> = set;
      async function later(items: AsyncIterable<number>) { for await (const x of items) console.log(x); }
      for (const [k] of map) console.log(k);
      for (const x of set) console.log(x);
      for (const c of "text") console.log(c);
      for (const n of numbers()) console.log(n);
      for (const x of anything) console.log(x);
      for (const x of either) console.log(x);
      let outside: number;
      for (outside of [1]) console.log(outside);
    `;
    expect(rewrite(source)).toBeUndefined();
  });

  it("rewrites a loop over a tuple and over a union of arrays", () => {
    const out = rewrite(
      "const pair: [number, string] = [1, 'a'];\nconst list: number[] | string[] = [];\nfor (const x of pair) console.log(x);\nfor (const x of list) console.log(x);\n",
    );
    expect(loopCount(out ?? "")).toBe(0);
  });

  it("refuses a source that already uses one of the names it declares", () => {
    expect(() => rewrite("const i$0 = 1;\nfor (const x of [i$0]) console.log(x);\n")).toThrow(
      /uses a name of the form i\$0/,
    );
  });
});
