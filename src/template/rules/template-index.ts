/**
 * One pass over a parsed template that every rule shares: its sections by name, each resource's
 * type and properties (with those a Fn::ForEach loop over a known list makes, loops.ts), and every
 * reference (Ref, GetAtt, Sub variables, FindInMap, conditions) with the place it was written.
 * Rules read this instead of walking the tree themselves.
 */
import type { MapEntry, MapNode, Node, ParsedTemplate, Range, ScalarNode } from "../model";
import { mapGet } from "../nodes";
import { findInMap, loopEntries, withPropertyLoops } from "./loops";

export const SAM_TRANSFORM = "AWS::Serverless-2016-10-31";
export const LANGUAGE_EXTENSIONS = "AWS::LanguageExtensions";

/** The CloudFormation User Guide, which rules cite as their source. */
export const USER_GUIDE = "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide";

/**
 * `Fn::ForEach::<Loop>` keys (AWS::LanguageExtensions) expand into resources, properties, outputs
 * or conditions at deploy time, so their names are templates rather than logical ids.
 */
export function isForEachKey(key: string): boolean {
  return key.startsWith("Fn::ForEach::");
}

/** A name with `${...}` or `&{...}`, which a language-extension loop fills in: only known after it runs. */
export function isTemplated(name: string): boolean {
  return name.includes("${") || name.includes("&{");
}

export interface ForEachParts {
  identifier: string | undefined;
  collection: Node;
  body: Node;
}

/** `Fn::ForEach::Name: [Identifier, Collection, OutputTemplate]` of the language extensions. */
export function forEachParts(entry: MapEntry): ForEachParts | undefined {
  if (!isForEachKey(entry.key) || entry.value.kind !== "seq" || entry.value.items.length !== 3) {
    return undefined;
  }
  const items = entry.value.items;
  const identifier = items[0];
  const collection = items[1];
  const body = items[2];
  return {
    identifier:
      identifier.kind === "scalar" && typeof identifier.value === "string" ? identifier.value : undefined,
    collection,
    body,
  };
}

export const PSEUDO_PARAMETERS = new Set([
  "AWS::AccountId",
  "AWS::NotificationARNs",
  "AWS::NoValue",
  "AWS::Partition",
  "AWS::Region",
  "AWS::StackId",
  "AWS::StackName",
  "AWS::URLSuffix",
]);

/** Every intrinsic function key CloudFormation knows (long form). */
export const INTRINSIC_FUNCTIONS = new Set([
  "Ref",
  "Condition",
  "Fn::And",
  "Fn::Base64",
  "Fn::Cidr",
  "Fn::Equals",
  "Fn::FindInMap",
  "Fn::ForEach",
  "Fn::GetAZs",
  "Fn::GetAtt",
  "Fn::GetStackOutput",
  "Fn::If",
  "Fn::ImportValue",
  "Fn::Join",
  "Fn::Length",
  "Fn::Not",
  "Fn::Or",
  "Fn::Select",
  "Fn::Split",
  "Fn::Sub",
  "Fn::ToJsonString",
  "Fn::Transform",
]);

export interface Section {
  entry: MapEntry;
  /** The section's mapping, or undefined when the section is not a mapping (E1001 reports that). */
  map: MapNode | undefined;
  /** Named children of the section in source order. */
  items: Map<string, MapEntry>;
}

export interface ResourceInfo {
  name: string;
  entry: MapEntry;
  /** The resource's body when it is a mapping. */
  body: MapNode | undefined;
  /** The Type value when it is a string. */
  type: string | undefined;
  typeNode: Node | undefined;
  properties: MapEntry | undefined;
  /** The Condition attribute, but for one that names no condition (namesNoCondition). */
  condition: MapEntry | undefined;
  dependsOn: MapEntry | undefined;
}

export type ReferenceKind = "Ref" | "GetAtt" | "Sub" | "FindInMap" | "Condition";

export interface Reference {
  kind: ReferenceKind;
  /** Logical name referred to (parameter, resource, mapping or condition). */
  target: string;
  /** For GetAtt (and `${Res.Attr}` in Sub): the attribute name. */
  attribute?: string;
  /** Where to point a finding about this reference. */
  range: Range;
  /** The section and logical id the reference sits in, e.g. ["Resources", "Bucket"]. */
  from: [string, string] | [string];
  /** The intrinsic node the reference was taken from. */
  node: Node;
}

export interface TemplateIndex {
  parsed: ParsedTemplate;
  root: MapNode;
  file: string;
  sections: Map<string, Section>;
  parameters: Map<string, MapEntry>;
  resources: Map<string, ResourceInfo>;
  conditions: Map<string, MapEntry>;
  mappings: Map<string, MapEntry>;
  outputs: Map<string, MapEntry>;
  /** True when Transform names AWS::Serverless-2016-10-31. */
  sam: boolean;
  transforms: string[];
  /**
   * True when a section other than Parameters, or a resource, has an `Fn::Transform` key
   * (AWS::Include), whose content only CloudFormation sees.
   */
  sectionInclude: boolean;
  references: Reference[];
  /**
   * The `Fn::ForEach::<Name>` entries of Resources, Outputs and Conditions whose items are known
   * (loops.ts), each with what it makes: those are in `resources`, `outputs` and `conditions`, and
   * the loop is read through them.
   */
  expandedLoops: Map<MapEntry, readonly MapEntry[]>;
  /**
   * The `Fn::ForEach::<Name>` entries of Resources and Outputs whose list only the deploy knows,
   * each with the one copy made with its item unknown (loops.ts): those are in `resources` and
   * `outputs` and give the loop's references, but the loop's names keep their placeholders, which
   * references to its resources match (functions/names.ts; isUnknownItemCopy).
   */
  unknownItemLoops: Map<MapEntry, readonly MapEntry[]>;
  /**
   * The resources the template writes whose properties hold `Fn::ForEach` loops over known lists,
   * each with its copy in which they are expanded (loops.ts), which `resources` holds.
   */
  expandedPropertyLoops: Map<MapEntry, MapEntry>;
  /**
   * The name of the stack the template is deployed as, where the caller knows it (a deploy, or
   * validate given a stack name): a value built from AWS::StackName is then known exactly (E3944).
   */
  stackName?: string;
  /**
   * The values a deploy passes for parameters (its parameter-overrides), where the caller knows
   * them: a Ref to such a parameter gives that value, not its Default (E3946). Never quoted in a
   * message: they are input values, and some are secrets.
   */
  parameterValues?: ReadonlyMap<string, string>;
}

const unknownItemCopies = new WeakMap<TemplateIndex, Set<MapEntry>>();

/**
 * Whether a resource's or an output's entry is the copy a loop made with an item only the deploy
 * knows: its name keeps the loop's placeholders.
 */
export function isUnknownItemCopy(template: TemplateIndex, entry: MapEntry): boolean {
  if (template.unknownItemLoops.size === 0) return false;
  let copies = unknownItemCopies.get(template);
  if (!copies) {
    copies = new Set();
    for (const made of template.unknownItemLoops.values()) for (const copy of made) copies.add(copy);
    unknownItemCopies.set(template, copies);
  }
  return copies.has(entry);
}

/**
 * Whether a mapping has a `Fn::Transform` key (a macro's call, or an AWS::Include snippet), whose
 * output CloudFormation puts in its place: what the mapping holds is known only after it runs.
 */
export function hasTransformKey(node: Node | undefined): boolean {
  return node?.kind === "map" && node.entries.some((entry) => entry.key === "Fn::Transform");
}

/** The intrinsic function a node is, when it is a one-entry mapping with an intrinsic key. */
export function intrinsicName(node: Node | undefined): string | undefined {
  if (node?.kind !== "map" || node.entries.length !== 1) return undefined;
  const key = node.entries[0].key;
  return INTRINSIC_FUNCTIONS.has(key) ? key : undefined;
}

export function isString(node: Node | undefined): node is ScalarNode & { value: string } {
  return node?.kind === "scalar" && typeof node.value === "string";
}

/**
 * Whether a Condition attribute names no condition: the empty text, which CloudFormation reads as
 * none, so the resource or output is always made (an AWS guidance's main template, deployed as
 * its README says, gives `"Condition": ""` to the resources and outputs it always makes).
 */
export function namesNoCondition(value: Node): boolean {
  return value.kind === "scalar" && value.value === "";
}

/** An output's Condition attribute, but for one that names no condition (namesNoCondition). */
export function outputCondition(output: MapEntry | undefined): MapEntry | undefined {
  const entry = mapGet(output?.value, "Condition");
  return entry && !namesNoCondition(entry.value) ? entry : undefined;
}

/** Whether the node is `!Ref AWS::NoValue`. */
export function isNoValue(node: Node): boolean {
  const arg = intrinsicName(node) === "Ref" ? (node as MapNode).entries[0].value : undefined;
  return isString(arg) && arg.value === "AWS::NoValue";
}

export interface SubVariable {
  /** The text between `${` and `}`. */
  name: string;
  /** Offset of the name inside the Sub string (after `${`). */
  offset: number;
}

/**
 * The `${...}` variables of a Fn::Sub string. `${!Literal}` is an escape, not a variable.
 * Returns `malformed` for a `${` that is never closed.
 */
export function parseSub(text: string): { variables: SubVariable[]; malformed: number[] } {
  const variables: SubVariable[] = [];
  const malformed: number[] = [];
  let index = text.indexOf("${");
  while (index !== -1) {
    const close = text.indexOf("}", index + 2);
    if (close === -1) {
      malformed.push(index);
      break;
    }
    const name = text.slice(index + 2, close);
    if (!name.startsWith("!")) variables.push({ name, offset: index + 2 });
    index = text.indexOf("${", close + 1);
  }
  return { variables, malformed };
}

/**
 * A Fn::Sub text as literal text and `${Name}` variables (found by parseSub, as every Sub rule finds
 * them); `${!Text}` is the literal `${Text}`. Undefined for a `${` never closed.
 */
export function subParts(text: string): (string | { name: string })[] | undefined {
  const { variables, malformed } = parseSub(text);
  if (malformed.length > 0) return undefined;
  const parts: (string | { name: string })[] = [];
  const literal = (from: number, to: number) => {
    const piece = text.slice(from, to).replaceAll("${!", "${");
    if (piece) parts.push(piece);
  };
  let from = 0;
  for (const { name, offset } of variables) {
    literal(from, offset - 2);
    parts.push({ name: name.trim() });
    from = offset + name.length + 1;
  }
  literal(from, text.length);
  return parts.length > 0 ? parts : [""];
}

/**
 * The key that includes a snippet into a section, as in `Resources: {Fn::Transform: {Name:
 * AWS::Include, ...}}`: allowed in every section but Parameters (the AWS::Include reference).
 */
const SECTION_INCLUDE = "Fn::Transform";

/**
 * A section's named items, and whether it includes a snippet: its `Fn::Transform` key brings in
 * items from elsewhere and is no item itself. Parameters takes no include, so there the key stays
 * an item, which the rules refuse.
 */
function sectionItems(
  section: string,
  map: MapNode | undefined,
): { items: Map<string, MapEntry>; include: boolean } {
  const items = new Map<string, MapEntry>();
  let include = false;
  if (!map) return { items, include };
  const entries = map.entries;
  for (let i = 0; i < entries.length; i++) {
    const key = entries[i].key;
    if (key === SECTION_INCLUDE && section !== "Parameters") include = true;
    else if (!items.has(key)) items.set(key, entries[i]);
  }
  return { items, include };
}

/**
 * Range of a substring of a single-line scalar; the whole scalar when the text spans lines.
 * Worked out when read: the index keeps one for every `${}` variable of every Fn::Sub, and lines
 * and columns are only needed for the few a finding is about.
 */
export function subRange(node: ScalarNode, offset: number, length: number): Range {
  return new SubRange(node, offset, length);
}

class SubRange implements Range {
  private resolved: Range | undefined;

  constructor(
    private readonly node: ScalarNode,
    private readonly offset: number,
    private readonly length: number,
  ) {}

  get start() {
    this.resolved ??= this.resolve();
    return this.resolved.start;
  }

  get end() {
    this.resolved ??= this.resolve();
    return this.resolved.end;
  }

  private resolve(): Range {
    const { start, end } = this.node.range;
    const raw = String(this.node.value);
    if (start.line !== end.line || end.column - start.column < raw.length) return { start, end };
    // Quoted scalars start one column before their text.
    const shift = end.column - start.column - raw.length > 0 ? 1 : 0;
    const column = start.column + shift + this.offset;
    return { start: { line: start.line, column }, end: { line: start.line, column: column + this.length } };
  }

  /** The same object as any other range, for JSON output and comparisons in tests. */
  toJSON(): Range {
    return { start: this.start, end: this.end };
  }
}

/**
 * The texts a `Fn::FindInMap` of names gives, at the call's place (loops.ts's findInMap); where a
 * key is known at deploy only (a loop's unknown item), the text every key there gives, and its
 * DefaultValue.
 */
function mappedNames(index: TemplateIndex, node: Node): ScalarNode[] {
  if (intrinsicName(node) !== "Fn::FindInMap") return [];
  const args = (node as MapNode).entries[0].value;
  const found = findInMap(index.mappings, args, node.range);
  if (found) return found.kind === "scalar" ? [found] : [];
  if (args.kind !== "seq" || args.items.length < 3 || !isString(args.items[0])) return [];
  const names: ScalarNode[] = [];
  const add = (value: Node | undefined) => {
    if (value?.kind === "scalar") names.push({ kind: "scalar", value: value.value, range: node.range });
  };
  for (const top of mappedUnder(index.mappings.get(args.items[0].value)?.value, args.items[1]))
    for (const value of mappedUnder(top, args.items[2])) add(value);
  add(mapGet(args.items[3], "DefaultValue")?.value);
  return names;
}

/** The values under `key` in a mapping's node: that key's where it is text, else every key's. */
function mappedUnder(node: Node | undefined, key: Node): Node[] {
  if (node?.kind !== "map") return [];
  if (!isString(key)) return node.entries.map((entry) => entry.value);
  const value = mapGet(node, key.value)?.value;
  return value ? [value] : [];
}

function collectReferences(index: TemplateIndex): void {
  const refs = index.references;
  const extensions = index.transforms.includes(LANGUAGE_EXTENSIONS);
  /** Visits the items of a list from `start` on (the arguments after a function's first). */
  const visitItems = (items: Node[], start: number, from: Reference["from"]): void => {
    for (let i = start; i < items.length; i++) if (items[i].kind !== "scalar") visit(items[i], from);
  };
  // Indexed loops and no slices: this walk goes over almost every node, and in code that runs
  // once per process an array iterator costs an object per step.
  const visit = (node: Node, from: Reference["from"]): void => {
    if (node.kind === "seq") {
      visitItems(node.items, 0, from);
      return;
    }
    if (node.kind !== "map") return;
    const fn = intrinsicName(node);
    if (fn) {
      const arg = node.entries[0].value;
      if (fn === "Ref" && isString(arg)) {
        refs.push({ kind: "Ref", target: arg.value, range: arg.range, from, node });
        return;
      }
      if (fn === "Condition" && isString(arg)) {
        refs.push({ kind: "Condition", target: arg.value, range: arg.range, from, node });
        return;
      }
      if (fn === "Fn::GetAtt") {
        if (isString(arg)) {
          const dot = arg.value.indexOf(".");
          const target = dot === -1 ? arg.value : arg.value.slice(0, dot);
          refs.push({
            kind: "GetAtt",
            target,
            attribute: dot === -1 ? undefined : arg.value.slice(dot + 1),
            range: arg.range,
            from,
            node,
          });
          return;
        }
        if (arg.kind === "seq" && arg.items.length > 0 && isString(arg.items[0])) {
          const attr = arg.items[1];
          refs.push({
            kind: "GetAtt",
            target: arg.items[0].value,
            attribute: isString(attr) ? attr.value : undefined,
            range: arg.items[0].range,
            from,
            node,
          });
          visitItems(arg.items, 1, from);
          return;
        }
      }
      if (fn === "Fn::Sub") {
        let text: Node | undefined = arg;
        let locals: Set<string> | undefined;
        if (arg.kind === "seq") {
          text = arg.items[0];
          const vars = arg.items[1];
          if (vars?.kind === "map") {
            locals = new Set(vars.entries.map((e) => e.key));
            for (let i = 0; i < vars.entries.length; i++) visit(vars.entries[i].value, from);
          }
        }
        if (isString(text) && text.value.includes("${")) {
          const variables = parseSub(text.value).variables;
          for (let i = 0; i < variables.length; i++) {
            const variable = variables[i];
            const name = variable.name.trim();
            if (locals?.has(name)) continue;
            const dot = name.indexOf(".");
            const target = dot === -1 ? name : name.slice(0, dot);
            refs.push({
              kind: "Sub",
              target,
              attribute: dot === -1 ? undefined : name.slice(dot + 1),
              range: subRange(text, variable.offset, variable.name.length),
              from,
              node,
            });
          }
        }
        return;
      }
      if (fn === "Fn::FindInMap" && arg.kind === "seq" && isString(arg.items[0])) {
        refs.push({ kind: "FindInMap", target: arg.items[0].value, range: arg.items[0].range, from, node });
        visitItems(arg.items, 1, from);
        return;
      }
      if (fn === "Fn::If" && arg.kind === "seq" && isString(arg.items[0])) {
        refs.push({ kind: "Condition", target: arg.items[0].value, range: arg.items[0].range, from, node });
        visitItems(arg.items, 1, from);
        return;
      }
    }
    // Scalars, half the nodes, hold no reference: not visited.
    const entries = node.entries;
    for (let i = 0; i < entries.length; i++)
      if (entries[i].value.kind !== "scalar") visit(entries[i].value, from);
  };

  /**
   * The Condition attribute of a resource or output names a condition: written as text, or as a
   * word YAML reads as a boolean (`Condition: Yes`), which names the condition `Yes:` by the same
   * "true" (yaml-fast.ts's plainKey).
   */
  const conditionAttribute = (value: ScalarNode, from: Reference["from"]) => {
    const target = typeof value.value === "boolean" ? String(value.value) : value.value;
    if (typeof target === "string")
      refs.push({ kind: "Condition", target, range: value.range, from, node: value });
  };

  /** The lists of a loop and of the loops it holds (`!Ref Names`), which its copies lack. */
  const visitCollections = (loop: MapEntry, section: string) => {
    const parts = forEachParts(loop);
    if (!parts) return;
    visit(parts.collection, [section, loop.key]);
    if (parts.body.kind !== "map") return;
    const entries = parts.body.entries;
    for (let i = 0; i < entries.length; i++)
      if (isForEachKey(entries[i].key)) visitCollections(entries[i], section);
  };

  // forEach rather than for...of over the maps: no [key, value] pair per item in code that runs once.
  index.sections.forEach((section, name) => {
    if (!section.map) return;
    if (name === "Resources") {
      const entries = section.map.entries;
      for (let i = 0; i < entries.length; i++) {
        const entry = entries[i];
        if (!isForEachKey(entry.key) || index.expandedLoops.has(entry)) continue;
        // A loop with an unknown item is read through its copy, but for the lists of its loops.
        if (index.unknownItemLoops.has(entry)) visitCollections(entry, "Resources");
        else visit(entry.value, ["Resources", entry.key]);
      }
      index.resources.forEach((resource) => {
        if (!resource.body) return;
        const from: Reference["from"] = ["Resources", resource.name];
        const entries = resource.body.entries;
        for (let i = 0; i < entries.length; i++) {
          const entry = entries[i];
          if (entry.key === "Condition" && entry.value.kind === "scalar") {
            if (!namesNoCondition(entry.value)) conditionAttribute(entry.value, from);
          } else if (entry.key === "DependsOn") {
            // DependsOn names resources but is not a Ref; rules read it from ResourceInfo.dependsOn.
          } else {
            // Under the language extensions a Fn::FindInMap of names gives the condition's name.
            if (entry.key === "Condition" && extensions) {
              const names = mappedNames(index, entry.value);
              for (let n = 0; n < names.length; n++) conditionAttribute(names[n], from);
            }
            visit(entry.value, from);
          }
        }
      });
    } else if (name === "Outputs") {
      index.outputs.forEach((output, outputName) => {
        // A loop is read through the outputs it makes, where it has them.
        if (index.expandedLoops.has(output)) return;
        if (index.unknownItemLoops.has(output)) {
          visitCollections(output, "Outputs");
          return;
        }
        const from: Reference["from"] = ["Outputs", outputName];
        if (output.value.kind !== "map") return;
        const entries = output.value.entries;
        for (let i = 0; i < entries.length; i++) {
          const entry = entries[i];
          if (entry.key === "Condition" && entry.value.kind === "scalar") {
            if (!namesNoCondition(entry.value)) conditionAttribute(entry.value, from);
          } else visit(entry.value, from);
        }
      });
    } else if (name === "Conditions") {
      index.conditions.forEach((condition, conditionName) => {
        if (!index.expandedLoops.has(condition)) visit(condition.value, ["Conditions", conditionName]);
      });
    } else if (name === "Parameters" || name === "Mappings" || name === "Metadata" || name === "Rules") {
      // Parameters and Mappings hold literals; Rules and Metadata may hold intrinsics that
      // reference parameters, which counts as use.
      if (name === "Rules" || name === "Metadata") visit(section.map, [name]);
    } else {
      visit(section.map, [name]);
    }
  });
}

/**
 * A section's items (Outputs, Conditions) with what its loops make (loops.ts) after them, where
 * the template alone says which; the loops stay among the items, which rules pass over by their key.
 */
function withLoopItems(
  sectionName: "Outputs" | "Conditions",
  section: Map<string, MapEntry>,
  mappings: ReadonlyMap<string, MapEntry>,
  parameters: ReadonlyMap<string, MapEntry>,
  expandedLoops: Map<MapEntry, readonly MapEntry[]>,
  unknownItemLoops: Map<MapEntry, readonly MapEntry[]>,
): Map<string, MapEntry> {
  let all: Map<string, MapEntry> | undefined;
  // A condition made with an unknown item would have a name with placeholders, which the rules
  // on conditions read as a name: only outputs get such a copy.
  const unknownItems = sectionName === "Outputs";
  section.forEach((entry, name) => {
    if (!isForEachKey(name)) return;
    const made = loopEntries(entry, mappings, parameters, { section: sectionName, unknownItems });
    if (!made) return;
    (made.unknownItems ? unknownItemLoops : expandedLoops).set(entry, made.entries);
    all ??= new Map(section);
    for (const item of made.entries) if (!all.has(item.key)) all.set(item.key, item);
  });
  return all ?? section;
}

/** The transforms the template names: Transform is a name, a {Name, Parameters} mapping, or a list of either. */
function transformNames(sections: Map<string, Section>): string[] {
  const transforms: string[] = [];
  const addTransform = (node: Node | undefined) => {
    if (isString(node)) transforms.push(node.value);
    else if (node?.kind === "map") {
      const name = mapGet(node, "Name")?.value;
      if (isString(name)) transforms.push(name.value);
    }
  };
  const transform = sections.get("Transform")?.entry.value;
  if (transform?.kind === "seq") for (const item of transform.items) addTransform(item);
  else addTransform(transform);
  return transforms;
}

export function indexTemplate(parsed: ParsedTemplate, root: MapNode): TemplateIndex {
  const sections = new Map<string, Section>();
  let sectionInclude = false;
  for (const entry of root.entries) {
    if (sections.has(entry.key)) continue;
    const map = entry.value.kind === "map" ? entry.value : undefined;
    const { items, include } = sectionItems(entry.key, map);
    sectionInclude ||= include;
    sections.set(entry.key, { entry, map, items });
  }
  const items = (name: string) => sections.get(name)?.items ?? new Map<string, MapEntry>();

  const resources = new Map<string, ResourceInfo>();
  const expandedLoops = new Map<MapEntry, readonly MapEntry[]>();
  const unknownItemLoops = new Map<MapEntry, readonly MapEntry[]>();
  const expandedPropertyLoops = new Map<MapEntry, MapEntry>();
  const declared = items("Resources");
  const transforms = transformNames(sections);
  const extensions = transforms.includes(LANGUAGE_EXTENSIONS);
  // forEach rather than for...of: no [key, value] pair per resource in code that runs once.
  declared.forEach((entry, name) => {
    // A Fn::ForEach loop of the language extensions transform is not a resource itself: where
    // its list is written out, its resources are (a name taken twice is the deploy's to refuse);
    // where only the deploy knows it, the one copy with the item unknown is.
    if (isForEachKey(name)) {
      const made = extensions
        ? loopEntries(entry, items("Mappings"), items("Parameters"), {
            section: "Resources",
            unknownItems: true,
          })
        : undefined;
      if (!made) return;
      (made.unknownItems ? unknownItemLoops : expandedLoops).set(entry, made.entries);
      for (const resource of made.entries)
        if (!declared.has(resource.key) && !resources.has(resource.key)) addResource(resource);
      return;
    }
    // A resource whose properties hold loops over known lists is read with them expanded.
    const expanded = extensions ? withPropertyLoops(entry, items("Mappings"), items("Parameters")) : entry;
    if (expanded !== entry) expandedPropertyLoops.set(entry, expanded);
    addResource(expanded);
  });

  function addResource(entry: MapEntry): void {
    const name = entry.key;
    const body = entry.value.kind === "map" ? entry.value : undefined;
    // One pass over the body for the four attributes, each its first occurrence as mapGet gives it.
    let typeEntry: MapEntry | undefined;
    let properties: MapEntry | undefined;
    let condition: MapEntry | undefined;
    let dependsOn: MapEntry | undefined;
    if (body) {
      const entries = body.entries;
      for (let i = 0; i < entries.length; i++) {
        const attribute = entries[i];
        const key = attribute.key;
        if (key === "Type") typeEntry ??= attribute;
        else if (key === "Properties") properties ??= attribute;
        else if (key === "Condition") {
          if (!namesNoCondition(attribute.value)) condition ??= attribute;
        } else if (key === "DependsOn") dependsOn ??= attribute;
        // A resource's own `Fn::Transform` (AWS::Include) adds what only CloudFormation sees.
        else if (key === SECTION_INCLUDE) sectionInclude = true;
      }
    }
    resources.set(name, {
      name,
      entry,
      body,
      type: isString(typeEntry?.value) ? typeEntry.value.value : undefined,
      typeNode: typeEntry?.value,
      properties,
      condition,
      dependsOn,
    });
  }

  const index: TemplateIndex = {
    parsed,
    root,
    file: parsed.file,
    sections,
    parameters: items("Parameters"),
    resources,
    conditions: extensions
      ? withLoopItems(
          "Conditions",
          items("Conditions"),
          items("Mappings"),
          items("Parameters"),
          expandedLoops,
          unknownItemLoops,
        )
      : items("Conditions"),
    mappings: items("Mappings"),
    outputs: extensions
      ? withLoopItems(
          "Outputs",
          items("Outputs"),
          items("Mappings"),
          items("Parameters"),
          expandedLoops,
          unknownItemLoops,
        )
      : items("Outputs"),
    sam: transforms.includes(SAM_TRANSFORM),
    transforms,
    sectionInclude,
    references: [],
    expandedLoops,
    unknownItemLoops,
    expandedPropertyLoops,
  };
  collectReferences(index);
  return index;
}
