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
 * `code` with every module factory parenthesized. `name` is for the error: a bundle file without
 * exactly one module map means ncc's output changed shape, and the build stops rather than ship
 * start-up code it did not mean to.
 */
export function eagerFactories(code, name) {
  const program = parse(code, { ecmaVersion: "latest", sourceType: "module" });
  const maps = moduleMaps(program);
  if (maps.length !== 1) {
    throw new Error(
      `${name}: expected one module map ({<id>: <function>, ...}) at the top level, found ${maps.length}; ` +
        "see scripts/eager-factories.mjs.",
    );
  }
  let out = "";
  let at = 0;
  for (const { value } of maps[0].properties) {
    const alreadyWrapped = code[value.start - 1] === "(" && code[value.end] === ")";
    if (alreadyWrapped) continue;
    out += `${code.slice(at, value.start)}(${code.slice(value.start, value.end)})`;
    at = value.end;
  }
  return out + code.slice(at);
}
