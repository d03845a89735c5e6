// Wraps each module factory of an ncc bundle file in parentheses, so V8 compiles it when the file
// is compiled instead of on first call.
//
// ncc (webpack) emits a module map, `{1455:(e,t,n)=>{...},...}`: in its bundle as a top-level
// `var`, in a chunk as `export const modules={...}`. V8 compiles a function lazily: it pre-parses
// the body when it compiles the file, then parses it again in full when the function is first
// called. A function expression inside parentheses is a "possibly invoked function expression",
// which V8 compiles at once, so its body is parsed once. Every factory of the bundle that a run
// needs runs at start-up, and a chunk is only loaded for the modules in it, so the second parse is
// pure start-up cost.
//
// The parentheses change nothing else: `(x=>{...})` is the same value as `x=>{...}`.
import { parse } from "acorn";

/** True for `{<number>: <function>, ...}`, the shape of webpack's module map. */
function isModuleMap(node) {
  return (
    node?.type === "ObjectExpression" &&
    node.properties.length > 0 &&
    node.properties.every(
      (p) =>
        p.type === "Property" &&
        !p.computed &&
        p.key.type === "Literal" &&
        typeof p.key.value === "number" &&
        (p.value.type === "ArrowFunctionExpression" || p.value.type === "FunctionExpression"),
    )
  );
}

/** The module maps declared at the top level: `var t={...}` or `export const modules={...}`. */
function moduleMaps(program) {
  const maps = [];
  for (const statement of program.body) {
    const declaration = statement.type === "ExportNamedDeclaration" ? statement.declaration : statement;
    if (declaration?.type !== "VariableDeclaration") continue;
    for (const declarator of declaration.declarations) {
      if (isModuleMap(declarator.init)) maps.push(declarator.init);
    }
  }
  return maps;
}

/**
 * The [start, end) of each module factory in `code`, the function itself (inside its parentheses,
 * where it has them). `name` is for the error: a bundle file without exactly one module map means
 * ncc's output changed shape, and the build stops rather than ship start-up code it did not mean to.
 */
export function moduleFactories(code, name) {
  const program = parse(code, { ecmaVersion: "latest", sourceType: "module" });
  const maps = moduleMaps(program);
  if (maps.length !== 1) {
    throw new Error(
      `${name}: expected one module map ({<id>: <function>, ...}) at the top level, found ${maps.length}; ` +
        "see scripts/eager-factories.mjs.",
    );
  }
  return maps[0].properties.map(({ value }) => ({ start: value.start, end: value.end }));
}

/** True when the factory at `range` already sits inside parentheses. */
export function isParenthesized(code, { start, end }) {
  return code[start - 1] === "(" && code[end] === ")";
}

/** `code` with every module factory parenthesized. */
export function eagerFactories(code, name) {
  let out = "";
  let at = 0;
  for (const range of moduleFactories(code, name)) {
    if (isParenthesized(code, range)) continue;
    out += `${code.slice(at, range.start)}(${code.slice(range.start, range.end)})`;
    at = range.end;
  }
  return out + code.slice(at);
}
