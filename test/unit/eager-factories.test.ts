import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { eagerFactories, isParenthesized, moduleFactories } from "../../scripts/eager-factories.mjs";

// The shapes ncc writes: index.js declares the module map as a top-level var, a chunk exports it.
const INDEX = 'import{createRequire as e}from"module";var t={12:(e,t,n)=>{n.v=1},7:function(e,t){t.v=this}};';
const CHUNK = "export const id=5;export const ids=[5];export const modules={5:(e,t,n)=>{n.v=[1,{a:()=>2}]}};";

describe("eagerFactories", () => {
  it("parenthesizes each factory of an index.js module map", () => {
    expect(eagerFactories(INDEX, "index.js")).toBe(
      'import{createRequire as e}from"module";var t={12:((e,t,n)=>{n.v=1}),7:(function(e,t){t.v=this})};',
    );
  });

  it("parenthesizes the factories of a chunk's exported modules, and nothing nested in them", () => {
    expect(eagerFactories(CHUNK, "5.index.js")).toBe(
      "export const id=5;export const ids=[5];export const modules={5:((e,t,n)=>{n.v=[1,{a:()=>2}]})};",
    );
  });

  it("leaves the factories' behaviour as it was", () => {
    const code = "var t={1:(e,t,n)=>{n.v=e+1},2:function(e,t,n){n.v=this.w+e}};";
    const run = (source: string) =>
      runInNewContext(`${source} const a={},b={};t[1](41,0,a);t[2].call({w:1},2,0,b);[a.v,b.v]`);
    expect(run(eagerFactories(code, "x.js"))).toEqual(run(code));
    expect(run(code)).toEqual([42, 3]);
  });

  it("is idempotent", () => {
    const once = eagerFactories(INDEX, "index.js");
    expect(eagerFactories(once, "index.js")).toBe(once);
  });

  it("stops the build when a file has no module map, or more than one", () => {
    expect(() => eagerFactories("var t={a:()=>1};", "dist/x/index.js")).toThrow(
      /dist\/x\/index\.js: expected one module map .* found 0/,
    );
    expect(() => eagerFactories("var t={1:()=>1};var u={2:()=>2};", "y.js")).toThrow(/found 2/);
  });
});

describe("the committed validate bundle", () => {
  const dir = join(__dirname, "../../dist/validate");
  const bundleFiles = readdirSync(dir).filter((name) => /^(bundle|\d+\.index)\.js$/.test(name));

  it("is there to check: bundle.js and its chunks", () => {
    expect(bundleFiles).toContain("bundle.js");
    expect(bundleFiles.length).toBeGreaterThan(1);
  });

  it.each(bundleFiles)("%s has every module factory parenthesized", (name) => {
    const code = readFileSync(join(dir, name), "utf8");
    const factories = moduleFactories(code, name);
    expect(factories.length).toBeGreaterThan(0);
    expect(factories.filter((range) => !isParenthesized(code, range))).toEqual([]);
  });
});
