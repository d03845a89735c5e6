import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { closest } from "../suggest";
import type {
  CacheEngineVersions,
  DeprecatedEngineVersions,
  InstanceTypes,
  PropertySpec,
  ResourceConstraints,
  ResourceTypeSpec,
  SamPolicyTemplate,
  SpecIndex,
  StructSpec,
  TypeRef,
} from "./types";

export type {
  ConstraintNode,
  GroupAlternative,
  PropertySpec,
  ResourceConstraints,
  ResourceTypeSpec,
  SpecIndex,
  StructSpec,
  TypeRef,
} from "./types";

/**
 * One resource type as stored in a shard: [properties, attributes, structs], properties as a flat
 * [name, type, ...] list, each struct as [structName, name, type, ...], then [list attributes,
 * object attributes] for a type that has some (see scripts/build-spec.mjs).
 */
type EncodedResource = [string[], string[], string[][], [string[], string[]]?];

type Shard = Record<string, EncodedResource>;

/**
 * Next to this module from source (src/template/spec/data), next to the bundle in dist/<action>/data,
 * where the build copies it. The path is built at run time so the bundler leaves it alone.
 */
function defaultDataDir(): URL {
  const dir = [".", "data", ""].join("/");
  return new URL(dir, import.meta.url);
}

/** A file's text, or undefined when there is no such file (one open, no stat before it). */
function readIfPresent(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

let defaultIndex: SpecIndex | undefined;

/** The spec index shipped with the project; data is read lazily, per service namespace. */
export function loadSpec(): SpecIndex {
  defaultIndex ??= createSpecIndex(defaultDataDir());
  return defaultIndex;
}

/** A spec index over the data in `dataDir` (a directory written by `npm run spec`). */
export function createSpecIndex(dataDir: string | URL): SpecIndex {
  // A path, not a URL: a whole repository's run reads a hundred data files, and making and
  // converting a file URL for each cost more than reading some of them.
  const dir = typeof dataDir === "string" ? dataDir : fileURLToPath(dataDir);
  /** Every name with its lowercase form, for suggestions only. */
  let names: { known: Set<string>; list: string[]; lowercase: string[] } | undefined;
  const suggestions = new Map<string, string | undefined>();
  /** Undefined for a service the data does not have: its types are unknown. */
  const shards = new Map<string, Shard | undefined>();
  const encoded = new Map<string, EncodedResource | undefined>();
  const resources = new Map<string, ResourceTypeSpec>();
  /** Shards map each type to its entry's JSON text, parsed on first use (see scripts/build-spec.mjs). */
  const constraintShards = new Map<string, Record<string, string>>();
  const constraints = new Map<string, ResourceConstraints | undefined>();
  let iamData: Buffer | undefined;
  let iamServiceNames: string[] | undefined;
  let samTemplates: Map<string, SamPolicyTemplate> | undefined;
  let managed: Set<string> | undefined;
  let instanceTypeLists: Map<string, InstanceTypes> | undefined;
  let deprecatedEngines: Record<"cluster" | "instance", DeprecatedEngineVersions> | undefined;
  let cacheEngines: CacheEngineVersions | undefined;
  const iamActionSets = new Map<string, ReadonlySet<string> | undefined>();

  const read = (file: string): Buffer => {
    const path = join(dir, file);
    try {
      return readFileSync(path);
    } catch (error) {
      throw new Error(
        `Resource specification data ${path} cannot be read (${(error as Error).message}). ` +
          "From source, run `npm run spec`; in a bundle, the build must copy src/template/spec/data next to index.js.",
      );
    }
  };

  const allNames = () => {
    if (!names) {
      const list = JSON.parse(read("names.json").toString("utf8")) as string[];
      names = { known: new Set(list), list, lowercase: list.map((name) => name.toLowerCase()) };
    }
    return names;
  };

  /** The type's entry in its service shard, or undefined for a type the data does not have. */
  const encodedOf = (typeName: string): EncodedResource | undefined => {
    if (encoded.has(typeName)) return encoded.get(typeName);
    const file = shardFile(typeName);
    let shard = file ? shards.get(file) : undefined;
    if (file && !shards.has(file)) {
      const text = readIfPresent(join(dir, file));
      if (text !== undefined) shard = JSON.parse(text) as Shard;
      // A missing directory means the data was not copied: read() throws the explanation.
      else if (!existsSync(join(dir, "names.json"))) read("names.json");
      shards.set(file, shard);
    }
    const entry = shard && Object.hasOwn(shard, typeName) ? shard[typeName] : undefined;
    encoded.set(typeName, entry);
    return entry;
  };

  /** A service without constraints has no file; a missing directory means the data was not copied. */
  const constraintShardOf = (shardName: string): Record<string, string> => {
    const file = `constraints/${shardName}`;
    let shard = constraintShards.get(file);
    if (!shard) {
      const text = readIfPresent(join(dir, file));
      if (text !== undefined) shard = JSON.parse(text) as Record<string, string>;
      else {
        read("constraints/source.json"); // throws the explanation when the constraint data is absent
        shard = {};
      }
      constraintShards.set(file, shard);
    }
    return shard;
  };

  /** constraints/iam-actions.json: one `"<service>":"<action> <action> ..."` a line (see scripts/build-spec.mjs). */
  const iamActionData = (): Buffer => {
    iamData ??= read("constraints/iam-actions.json");
    return iamData;
  };

  /**
   * A service's line of iam-actions.json, its actions in the case the data gives, or undefined.
   * Only that line becomes a string: the file holds every service's actions.
   */
  const iamActionLine = (key: string): string | undefined => {
    const data = iamActionData();
    const marker = `"${key}":"`;
    const first = data.toString("latin1", 1, 1 + marker.length) === marker;
    const found = first ? 1 : data.indexOf(`\n${marker}`) + 1;
    if (found === 0) return undefined;
    const start = found + marker.length;
    return data.toString("latin1", start, data.indexOf(0x22 /* " */, start));
  };

  return {
    has: (typeName) => encodedOf(typeName) !== undefined,

    iamActions(service) {
      const key = service.toLowerCase();
      if (iamActionSets.has(key)) return iamActionSets.get(key);
      const line = /^[a-z0-9-]+$/.test(key) ? iamActionLine(key) : undefined;
      const actions = line === undefined ? undefined : new Set(line.toLowerCase().split(" "));
      iamActionSets.set(key, actions);
      return actions;
    },

    iamActionName(service, action) {
      const key = service.toLowerCase();
      if (!this.iamActions(key)?.has(action)) return undefined;
      // Read again for the rare suggestion, rather than kept beside the lowercase set.
      const wanted = action.toLowerCase();
      return iamActionLine(key)
        ?.split(" ")
        .find((name) => name.toLowerCase() === wanted);
    },

    samPolicyTemplates() {
      if (!samTemplates) {
        const data = JSON.parse(read("constraints/sam-policy-templates.json").toString("utf8")) as Record<
          string,
          { n: string[]; p: string[] }
        >;
        samTemplates = new Map(
          Object.entries(data).map(([name, { n, p }]) => [name, { parameters: p, names: n }]),
        );
      }
      return samTemplates;
    },

    managedPolicies() {
      managed ??= new Set(JSON.parse(read("constraints/managed-policies.json").toString("utf8")) as string[]);
      return managed;
    },

    instanceTypes(service) {
      if (!instanceTypeLists) {
        const data = JSON.parse(read("constraints/instance-types.json").toString("utf8")) as {
          cfnLint: string;
          types: Record<string, string[]>;
        };
        instanceTypeLists = new Map(
          Object.entries(data.types).map(([key, list]) => [
            key,
            { types: new Set(list.map((type) => type.toLowerCase())), cfnLint: data.cfnLint },
          ]),
        );
      }
      return instanceTypeLists.get(service);
    },

    deprecatedEngineVersions(kind) {
      if (!deprecatedEngines) {
        const data = JSON.parse(read("constraints/deprecated-engine-versions.json").toString("utf8")) as {
          cfnLint: string;
          cluster: Record<string, string[]>;
          instance: Record<string, string[]>;
          oldest: Record<"cluster" | "instance", Record<string, Record<string, string>>>;
        };
        const versions = (byEngine: Record<string, string[]>) =>
          new Map(Object.entries(byEngine).map(([engine, list]) => [engine.toLowerCase(), new Set(list)]));
        const oldest = (byEngine: Record<string, Record<string, string>>) =>
          new Map(
            Object.entries(byEngine).map(([engine, lines]) => [engine, new Map(Object.entries(lines))]),
          );
        deprecatedEngines = {
          cluster: {
            versions: versions(data.cluster),
            oldest: oldest(data.oldest.cluster),
            cfnLint: data.cfnLint,
          },
          instance: {
            versions: versions(data.instance),
            oldest: oldest(data.oldest.instance),
            cfnLint: data.cfnLint,
          },
        };
      }
      return deprecatedEngines[kind];
    },

    cacheEngineVersions() {
      if (!cacheEngines) {
        const data = JSON.parse(read("constraints/cache-engine-versions.json").toString("utf8")) as {
          cfnLint: string;
          engines: string[];
          oldest: Record<string, Record<string, string>>;
        };
        cacheEngines = {
          engines: new Set(data.engines.map((engine) => engine.toLowerCase())),
          oldest: new Map(
            Object.entries(data.oldest).map(([engine, lines]) => [
              engine.toLowerCase(),
              new Map(Object.entries(lines)),
            ]),
          ),
          cfnLint: data.cfnLint,
        };
      }
      return cacheEngines;
    },

    iamServices() {
      // The key at the start of every line: the actions themselves stay bytes.
      if (!iamServiceNames) {
        const data = iamActionData();
        const names: string[] = [];
        for (let at = 0; at >= 0 && at < data.length; ) {
          const start = data.indexOf(0x22 /* " */, at) + 1;
          names.push(data.toString("latin1", start, data.indexOf(0x22, start)));
          const newline = data.indexOf(0x0a /* \n */, start);
          at = newline < 0 ? -1 : newline + 1;
        }
        iamServiceNames = names;
      }
      return iamServiceNames;
    },

    constraints(typeName) {
      if (constraints.has(typeName)) return constraints.get(typeName);
      let entry: ResourceConstraints | undefined;
      const file = shardFile(typeName);
      // The constraint shard first: its absence is what the explanation is about.
      const shard = file ? constraintShardOf(file) : {};
      if (Object.hasOwn(shard, typeName) && encodedOf(typeName))
        entry = JSON.parse(shard[typeName]) as ResourceConstraints;
      constraints.set(typeName, entry);
      return entry;
    },

    resource(typeName) {
      const cached = resources.get(typeName);
      if (cached) return cached;
      const encoded = encodedOf(typeName);
      if (!encoded) return undefined;
      const spec = decodeResource(typeName, encoded);
      resources.set(typeName, spec);
      return spec;
    },

    suggest(typeName) {
      if (suggestions.has(typeName)) return suggestions.get(typeName);
      const { known, list, lowercase } = allNames();
      // Type names are long and alike, so the bar is tighter than for logical ids: a fifth of the
      // name (at least 2 edits). Typos sit mostly in the last segment: scoring the name's own
      // namespace first tightens the bound, which makes the pass over every name cheap, and lets
      // that namespace win ties.
      const maxDistance = Math.max(2, Math.floor(typeName.length / 5));
      const suggestion = known.has(typeName)
        ? typeName
        : closest(typeName, namespaceFirst(list, lowercase, typeName, maxDistance), maxDistance);
      suggestions.set(typeName, suggestion);
      return suggestion;
    },
  };
}

/** `AWS-S3.json` for AWS::S3::Bucket; undefined for a name no shard can hold (nor a path escape). */
function shardFile(typeName: string): string | undefined {
  const [vendor, service] = typeName.split("::");
  if (!service || !/^[A-Za-z0-9]+$/.test(vendor) || !/^[A-Za-z0-9]+$/.test(service)) return undefined;
  return `${vendor}-${service}.json`;
}

function decodeResource(name: string, encoded: EncodedResource): ResourceTypeSpec {
  const [properties, attributes, structList, shapes] = encoded;
  // A template uses few of a type's structs (AWS::S3::Bucket has 70), so each is decoded on first access.
  const structs: Record<string, StructSpec> = {};
  for (const struct of structList) {
    Object.defineProperty(structs, struct[0], {
      configurable: true,
      enumerable: true,
      get() {
        const value: StructSpec = { properties: decodeProperties(struct, 1) };
        Object.defineProperty(structs, struct[0], { value, enumerable: true });
        return value;
      },
    });
  }
  const spec: ResourceTypeSpec = { name, properties: decodeProperties(properties, 0), attributes, structs };
  if (shapes) {
    spec.listAttributes = shapes[0];
    spec.objectAttributes = shapes[1];
  }
  return spec;
}

function decodeProperties(pairs: string[], start: number): Record<string, PropertySpec> {
  const out: Record<string, PropertySpec> = {};
  for (let i = start; i < pairs.length; i += 2) {
    const code = pairs[i + 1];
    const required = code.endsWith("!");
    out[pairs[i]] = { type: decodeType(required ? code.slice(0, -1) : code), required };
  }
  return out;
}

const PRIMITIVES: Record<string, TypeRef> = {
  s: { kind: "string" },
  n: { kind: "number" },
  i: { kind: "integer" },
  b: { kind: "boolean" },
  j: { kind: "json" },
  t: { kind: "timestamp" },
  "*": { kind: "any" },
};

// The same few codes ("s", "[s]", "{s}") recur thousands of times; decoded refs are immutable data.
const decoded = new Map<string, TypeRef>();

/** Decodes a type code: s n i b j t *, [T] list, {T} map, #Name struct, A|B union. */
export function decodeType(code: string): TypeRef {
  let type = decoded.get(code);
  if (!type) {
    type = parseType(code);
    decoded.set(code, type);
  }
  return type;
}

function parseType(code: string): TypeRef {
  const members = splitUnion(code);
  if (members.length > 1) return { kind: "union", types: members.map(decodeType) };
  const primitive = PRIMITIVES[code];
  if (primitive) return primitive;
  const first = code[0];
  const last = code[code.length - 1];
  if (first === "[" && last === "]") return { kind: "list", item: decodeType(code.slice(1, -1)) };
  if (first === "{" && last === "}") return { kind: "map", item: decodeType(code.slice(1, -1)) };
  if (first === "#" && code.length > 1) return { kind: "struct", name: code.slice(1) };
  throw new Error(
    `Malformed type code "${code}" in the resource specification data; regenerate it with npm run spec.`,
  );
}

function splitUnion(code: string): string[] {
  const parts: string[] = [];
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

/**
 * The known names `maxDistance` edits or fewer from `typeName` could be, those in its namespace
 * (`AWS::S3::`, whatever the case) first. `lowercase` holds each name of `known` lowercased, at the
 * same index. Two cheap bounds leave a few of the 1,500 names for `closest` to compare: an edit
 * changes the length by one at most, and the letter counts by two at most (a transposition by
 * none), so a name whose lengths or letter counts differ by more is too far.
 */
function namespaceFirst(
  known: string[],
  lowercase: string[],
  typeName: string,
  maxDistance: number,
): string[] {
  const lower = typeName.toLowerCase();
  const namespace = lower.slice(0, lower.lastIndexOf("::") + 2);
  const counts = new Int32Array(128); // other characters share the last count: a lower bound still
  for (let i = 0; i < lower.length; i++) counts[Math.min(lower.charCodeAt(i), 127)]++;
  const inside: string[] = [];
  const outside: string[] = [];
  for (let i = 0; i < known.length; i++) {
    const name = lowercase[i];
    if (Math.abs(name.length - lower.length) > maxDistance) continue;
    for (let k = 0; k < name.length; k++) counts[Math.min(name.charCodeAt(k), 127)]--;
    let differences = 0;
    for (let k = 0; k < name.length; k++) {
      const code = Math.min(name.charCodeAt(k), 127);
      differences += Math.abs(counts[code]);
      counts[code] = 0; // counted once; restored below
    }
    for (let k = 0; k < lower.length; k++) {
      const code = Math.min(lower.charCodeAt(k), 127);
      differences += Math.abs(counts[code]);
      counts[code] = 0;
    }
    for (let k = 0; k < lower.length; k++) counts[Math.min(lower.charCodeAt(k), 127)]++;
    if (differences > 2 * maxDistance) continue;
    if (namespace && name.startsWith(namespace)) inside.push(known[i]);
    else outside.push(known[i]);
  }
  return inside.concat(outside);
}
