// Generates the compact resource-spec index under src/template/spec/data from
// @aws-cdk/aws-service-spec plus the reviewed SAM supplement (src/template/spec/sam-supplement.json).
//
//   node scripts/build-spec.mjs [outDir]
//
// Output (plain JSON, keys sorted, so every run produces the same bytes):
//   names.json          every resource type name, sorted: enough for has() and suggest()
//   <Vendor>-<Service>.json
//                       one shard per service namespace ("AWS::S3" -> AWS-S3.json), mapping each
//                       type name to [properties, attributes, structs]: properties is a flat
//                       [name, type, name, type, ...] list, structs a list of [structName, name, type, ...]
//
// Types are encoded as short strings, decoded by src/template/spec/index.ts:
//   s string, n number, i integer, b boolean, j json, t timestamp, * any,
//   [T] list of T, {T} map of T, #Name struct, A|B union; a trailing "!" marks a required property.

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadAwsServiceSpec } from "@aws-cdk/aws-service-spec";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const specDir = join(root, "src", "template", "spec");

/** Name of the synthetic struct standing for the spec's builtin `tag` type. */
const TAG_STRUCT = "Tag";

export function shardFileName(typeName) {
  const [vendor, service] = typeName.split("::");
  return `${vendor}-${service}.json`;
}

/** JSON with object keys sorted at every level, so output does not depend on insertion order. */
export function stableJson(value) {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    const out = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys(value[key]);
    return out;
  }
  return value;
}

/** Splits a union at top level only: "s|[s|n]" -> ["s", "[s|n]"]. */
function splitUnion(code) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === "[" || c === "{") depth++;
    else if (c === "]" || c === "}") depth--;
    else if (c === "|" && depth === 0) {
      parts.push(code.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(code.slice(start));
  return parts;
}

/** Union of encoded types, flattened, deduplicated and sorted; "*" absorbs everything. */
function unionOf(codes) {
  const members = new Set();
  for (const code of codes) for (const part of splitUnion(code)) members.add(part);
  if (members.has("*")) return "*";
  return [...members].sort().join("|");
}

function encodeType(db, type, structNames) {
  switch (type.type) {
    case "string":
      return "s";
    case "number":
      return "n";
    case "integer":
      return "i";
    case "boolean":
      return "b";
    case "json":
      return "j";
    case "date-time":
      return "t";
    // A null member carries no constraint a template can meet other than omitting the value.
    case "null":
      return "*";
    case "tag":
      return `#${TAG_STRUCT}`;
    case "array":
      return `[${encodeType(db, type.element, structNames)}]`;
    case "map":
      return `{${encodeType(db, type.element, structNames)}}`;
    case "union":
      return unionOf(type.types.map((t) => encodeType(db, t, structNames)));
    case "ref": {
      const name = structNames.get(type.reference.$ref);
      if (!name) throw new Error(`Unresolved type reference ${type.reference.$ref}`);
      return `#${name}`;
    }
    default:
      throw new Error(`Unknown property type ${JSON.stringify(type)}`);
  }
}

/**
 * A property whose type changed keeps accepting its previous types: templates written against the
 * older shape still deploy, so the linter must not flag them.
 */
function encodeProperty(db, prop, structNames) {
  const types = [prop.type, ...(prop.previousTypes ?? [])];
  const code = unionOf(types.map((t) => encodeType(db, t, structNames)));
  return prop.required ? `${code}!` : code;
}

function encodeProperties(db, props, structNames) {
  const out = {};
  for (const [name, prop] of Object.entries(props)) out[name] = encodeProperty(db, prop, structNames);
  return out;
}

/** Struct names referenced (transitively) from the resource's properties. */
function reachableStructs(entry) {
  const seen = new Set();
  const visit = (code) => {
    for (const match of code.matchAll(/#([A-Za-z0-9_.]+)/g)) {
      const name = match[1];
      if (seen.has(name) || !entry.s[name]) continue;
      seen.add(name);
      for (const propCode of Object.values(entry.s[name])) visit(propCode);
    }
  };
  for (const code of Object.values(entry.p)) visit(code);
  return seen;
}

function encodeResource(db, resource) {
  const defs = db.follow("usesType", resource).map((link) => link.entity);
  const structNames = new Map(defs.map((def) => [def.$id, def.name]));
  const entry = {
    p: encodeProperties(db, resource.properties, structNames),
    a: Object.keys(resource.attributes).sort(),
    s: {},
  };
  for (const def of defs) {
    if (entry.s[def.name]) throw new Error(`${resource.cloudFormationType}: two structs named ${def.name}`);
    entry.s[def.name] = encodeProperties(db, def.properties, structNames);
  }
  entry.s[TAG_STRUCT] ??= { Key: "s!", Value: "s!" };
  return entry;
}

/**
 * Merges a supplement entry over a spec entry: supplement properties and structs replace those of
 * the same name; attributes are added, directly or copied from the resource SAM generates.
 */
function applySupplement(entry, supplement, entries) {
  const merged = entry ?? { p: {}, a: [], s: {} };
  Object.assign(merged.p, supplement.properties ?? {});
  Object.assign(merged.s, supplement.structs ?? {});
  const attributes = new Set([...merged.a, ...(supplement.attributes ?? [])]);
  for (const source of supplement.attributesFrom ?? []) {
    const from = entries.get(source);
    if (!from) throw new Error(`attributesFrom: the spec has no ${source}`);
    for (const name of from.a) attributes.add(name);
  }
  merged.a = [...attributes].sort();
  return merged;
}

function finish(entry) {
  const reachable = reachableStructs(entry);
  const structs = {};
  for (const name of reachable) structs[name] = entry.s[name];
  for (const [typeName, code] of [
    ...Object.entries(entry.p),
    ...Object.values(structs).flatMap((s) => Object.entries(s)),
  ]) {
    for (const match of code.matchAll(/#([A-Za-z0-9_.]+)/g)) {
      if (!structs[match[1]]) throw new Error(`${typeName} refers to missing struct ${match[1]}`);
    }
  }
  return [
    flatPairs(entry.p),
    entry.a,
    Object.keys(structs)
      .sort()
      .map((name) => [name, ...flatPairs(structs[name])]),
  ];
}

/**
 * Name/code pairs as one flat array, sorted by name. V8 parses arrays of strings several times
 * faster than objects with as many distinct key sets, and parsing is most of a shard's load time.
 */
function flatPairs(record) {
  return Object.keys(record)
    .sort()
    .flatMap((name) => [name, record[name]]);
}

function loadSupplement() {
  const raw = JSON.parse(readFileSync(join(specDir, "sam-supplement.json"), "utf8"));
  const types = {};
  for (const [name, value] of Object.entries(raw)) if (!name.startsWith("$")) types[name] = value;
  return types;
}

/** Builds every file of the index in memory: file name -> JSON text. */
export async function buildIndex() {
  const db = await loadAwsServiceSpec();
  const entries = new Map();
  for (const resource of db.all("resource")) {
    entries.set(resource.cloudFormationType, encodeResource(db, resource));
  }
  for (const [name, supplement] of Object.entries(loadSupplement())) {
    entries.set(name, applySupplement(entries.get(name), supplement, entries));
  }

  const shards = new Map();
  for (const name of [...entries.keys()].sort()) {
    const file = shardFileName(name);
    if (!shards.has(file)) shards.set(file, {});
    shards.get(file)[name] = finish(entries.get(name));
  }
  const files = new Map([["names.json", `${stableJson([...entries.keys()].sort())}\n`]]);
  for (const [file, shard] of shards) files.set(file, `${stableJson(shard)}\n`);
  return files;
}

/**
 * Writes the index into outDir and removes files of namespaces that no longer exist. Shards are
 * plain JSON, not gzip: a cold process pays for loading zlib and its stream machinery on the first
 * gunzip, which measured as about half the load time of a small template's spec.
 */
export async function writeIndex(outDir) {
  const files = await buildIndex();
  mkdirSync(outDir, { recursive: true });
  for (const file of readdirSync(outDir)) {
    if (!files.has(file) && file.endsWith(".json")) rmSync(join(outDir, file));
  }
  for (const [file, text] of files) writeFileSync(join(outDir, file), text);
  return files.size;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = resolve(process.argv[2] ?? join(specDir, "data"));
  const files = await writeIndex(outDir);
  console.log(`spec index: ${files} files written to ${outDir}`);
}
