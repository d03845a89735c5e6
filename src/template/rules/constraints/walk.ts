/**
 * Walks resource property values (and SAM Globals) alongside the constraints the resource provider
 * schemas give them (see ConstraintNode), once per template; each constraint rule reports its own
 * kind of problem from the same, cached list.
 *
 * Only what the template states is judged. A value given by an intrinsic function is skipped
 * (Fn::If is followed into both branches); a property whose value may be AWS::NoValue counts as
 * possibly absent, so it satisfies "at least one of" but never breaks "only one of".
 */
import type { MapNode, Node, Range, ScalarNode, SeqNode } from "../../model";
import { mapGet } from "../../nodes";
import type { ConstraintNode, GroupAlternative, ResourceConstraints, SpecIndex } from "../../spec/types";
import { didYouMean } from "../../suggest";
import { displayPath, isCustomType, isModuleType, realResources, SAM_GLOBALS } from "../resources/shared";
import { intrinsicName, isForEachKey, isNoValue, isString, type TemplateIndex } from "../template-index";
import { NAMED_FORMATS } from "./formats";

export type ConstraintKind =
  | "enum"
  | "range"
  | "length"
  | "pattern"
  | "items"
  | "unique"
  | "required"
  | "requiredGroup"
  | "oneOf"
  | "anyOfValue"
  | "requiredXor"
  | "requiredOr"
  | "dependentRequired"
  | "dependentExcluded"
  /** A parameter's Default or AllowedValues item that a property referring to it cannot take. */
  | "parameter";

export interface ConstraintProblem {
  kind: ConstraintKind;
  at: Node | Range;
  message: string;
  path: (string | number)[];
}

const cache = new WeakMap<TemplateIndex, ConstraintProblem[]>();

/** Every constraint problem of the template, computed once and shared by the constraint rules. */
export function constraintProblems(template: TemplateIndex, spec: SpecIndex): ConstraintProblem[] {
  let problems = cache.get(template);
  if (!problems) {
    problems = collect(template, spec);
    cache.set(template, problems);
  }
  return problems;
}

function collect(template: TemplateIndex, spec: SpecIndex): ConstraintProblem[] {
  const out: ConstraintProblem[] = [];
  const judged: JudgedParameters = new WeakMap();
  for (const resource of realResources(template)) {
    const type = resource.type;
    if (!type || isCustomType(type) || isModuleType(type)) continue;
    if (type.startsWith("AWS::Serverless::") && !template.sam) continue;
    const constraints = spec.constraints(type);
    if (!constraints) continue;
    const walker = new Walker(template, constraints, type, out, judged);
    const path = ["Resources", resource.name, "Properties"];
    const properties = resource.properties;
    if (properties) walker.value(properties.value, constraints.r, path, properties.keyRange);
    // Without Properties only the required properties and groups can be missing.
    else walker.object(undefined, constraints.r, path, resource.entry.keyRange);
  }
  if (template.sam) {
    const globals = template.sections.get("Globals")?.map;
    for (const entry of globals?.entries ?? []) {
      const type = SAM_GLOBALS[entry.key];
      const constraints = type ? spec.constraints(type) : undefined;
      if (!constraints || entry.value.kind !== "map") continue;
      // Globals are partial: what is required is judged on each resource.
      const { pr } = constraints.r;
      new Walker(template, constraints, `Globals.${entry.key}`, out, judged).value(
        entry.value,
        pr ? { pr } : {},
        ["Globals", entry.key],
        entry.keyRange,
      );
    }
  }
  return out;
}

/**
 * The parameters whose values were judged against a constraint node, by the property name the
 * messages give (which names the owner): another Ref with both the same would repeat the findings.
 */
type JudgedParameters = WeakMap<ConstraintNode, Set<string>>;

type Presence = "yes" | "maybe" | "no";
/** Three-valued truth: a property that may be AWS::NoValue leaves a group undecided. */
type Truth = "true" | "false" | "unknown";

const patterns = new Map<string, RegExp | null>();

/** A schema pattern compiled on first use; null when this engine cannot compile it. */
function compiled(source: string, unicode: boolean, flags: string): RegExp | null {
  const key = `${unicode ? "u" : "-"}${flags}/${source}`;
  let regex = patterns.get(key);
  if (regex === undefined) {
    try {
      regex = new RegExp(source, `${unicode ? "u" : ""}${flags}`);
    } catch {
      regex = null;
    }
    patterns.set(key, regex);
  }
  return regex;
}

class Walker {
  constructor(
    private readonly template: TemplateIndex,
    private readonly constraints: ResourceConstraints,
    /** The resource type, or `Globals.<Section>`. */
    private readonly owner: string,
    private out: ConstraintProblem[],
    private readonly judged: JudgedParameters,
  ) {}

  /** How many Fn::If the walk is inside: parameter values are judged outside conditions only. */
  private conditional = 0;

  /** The node and every node it brings along ($ definitions, allOf members). */
  private expand(node: ConstraintNode, into: ConstraintNode[] = [], depth = 0): ConstraintNode[] {
    if (depth > 16) return into;
    into.push(node);
    if (node.$) {
      const definition = this.constraints.d[node.$];
      if (definition) this.expand(definition, into, depth + 1);
    }
    for (const member of node.al ?? []) this.expand(member, into, depth + 1);
    return into;
  }

  value(node: Node, schema: ConstraintNode, path: (string | number)[], keyRange: Range): void {
    const fn = intrinsicName(node);
    if (fn) {
      const arg = (node as MapNode).entries[0].value;
      if (fn === "Ref" && isString(arg) && this.conditional === 0) this.parameter(arg.value, schema, path);
      if (fn !== "Fn::If") return;
      if (arg.kind !== "seq") return;
      // A condition often guards against the very default a branch would get ("" meaning none).
      this.conditional++;
      for (const branch of arg.items.slice(1, 3)) {
        if (!isNoValue(branch)) this.value(branch, schema, path, keyRange);
      }
      this.conditional--;
      return;
    }
    const nodes = this.expand(schema);
    switch (node.kind) {
      case "scalar":
        if (node.value === null) return;
        for (const s of nodes) this.scalar(node, s, path);
        return;
      case "seq":
        for (const s of nodes) {
          this.array(node, s, path);
          if (s.it) {
            const items = s.it;
            node.items.forEach((item, i) => {
              this.value(item, items, [...path, i], item.range);
            });
          }
        }
        return;
      case "map":
        for (const s of nodes) {
          this.object(node, s, path, keyRange);
          if (!s.pr) continue;
          for (const entry of node.entries) {
            const child = s.pr[entry.key];
            if (child && Object.hasOwn(s.pr, entry.key))
              this.value(entry.value, child, [...path, entry.key], entry.keyRange);
          }
        }
        return;
    }
  }

  /**
   * A Ref to a String or Number parameter: its Default and AllowedValues are the values the
   * property may get, so each is checked (as a warning: the deployer may pass another value).
   */
  private parameter(name: string, schema: ConstraintNode, path: (string | number)[]): void {
    const parameter = this.template.parameters.get(name)?.value;
    const type = mapGet(parameter, "Type")?.value;
    if (!isString(type) || (type.value !== "String" && type.value !== "Number")) return;
    // The same findings again (same values, same messages) would only be dropped as duplicates.
    let judged = this.judged.get(schema);
    if (!judged) {
      judged = new Set();
      this.judged.set(schema, judged);
    }
    const key = `${name}\u0000${this.name(path)}`;
    if (judged.has(key)) return;
    judged.add(key);
    const candidates: [ScalarNode, string][] = [];
    const fallback = mapGet(parameter, "Default")?.value;
    if (fallback?.kind === "scalar") candidates.push([fallback, "Default"]);
    const allowed = mapGet(parameter, "AllowedValues")?.value;
    if (allowed?.kind === "seq") {
      allowed.items.forEach((item, i) => {
        if (item.kind === "scalar") candidates.push([item, `AllowedValues[${i}]`]);
      });
    }
    const nodes = this.expand(schema);
    const saved = this.out;
    for (const [candidate, which] of candidates) {
      const trial: ConstraintProblem[] = [];
      this.out = trial;
      for (const s of nodes) this.scalar(candidate, s, path);
      this.out = saved;
      for (const problem of trial) {
        if (problem.kind === "anyOfValue" && trial.length > 1) continue;
        this.problem(
          "parameter",
          candidate,
          `${which} of parameter '${name}' does not fit: ${problem.message}`,
          path,
        );
      }
    }
  }

  private scalar(node: ScalarNode, s: ConstraintNode, path: (string | number)[]): void {
    const value = node.value;
    // A dynamic reference ({{resolve:ssm:...}}) is replaced by its value at deploy time.
    if (typeof value === "string" && value.includes("{{resolve:")) return;
    if (s.av) this.anyOfValues(node, s.av, path);
    if (s.e) this.enumeration(node, s, path);
    if (typeof value === "string") this.text(node, value, s, path);
    if (s.mn !== undefined || s.mx !== undefined || s.xn !== undefined || s.xx !== undefined) {
      const n =
        typeof value === "number" ? value : typeof value === "string" ? Number(value.trim()) : Number.NaN;
      if (!Number.isFinite(n) || (typeof value === "string" && value.trim() === "")) return;
      let bound: string | undefined;
      if (s.mn !== undefined && n < s.mn) bound = `at least ${s.mn}`;
      else if (s.xn !== undefined && n <= s.xn) bound = `more than ${s.xn}`;
      else if (s.mx !== undefined && n > s.mx) bound = `at most ${s.mx}`;
      else if (s.xx !== undefined && n >= s.xx) bound = `less than ${s.xx}`;
      if (bound) this.problem("range", node, `${this.name(path)} must be ${bound}`, path);
    }
  }

  /** anyOf over scalar constraints: reported only when every alternative rejects the value. */
  private anyOfValues(node: ScalarNode, alternatives: ConstraintNode[], path: (string | number)[]): void {
    const saved = this.out;
    const reasons: string[] = [];
    for (const alternative of alternatives) {
      const trial: ConstraintProblem[] = [];
      this.out = trial;
      this.scalar(node, alternative, path);
      this.out = saved;
      if (trial.length === 0) return;
      reasons.push(trial[0].message.slice(this.name(path).length + 1));
    }
    this.problem("anyOfValue", node, `${this.name(path)} must meet one of: ${reasons.join("; or ")}`, path);
  }

  private enumeration(node: ScalarNode, s: ConstraintNode, path: (string | number)[]): void {
    const { allowed, folded } = enumerated(s);
    const value = String(node.value);
    if (folded.has(s.ci ? value.toLowerCase() : value)) return;
    const listed =
      allowed.length <= 12
        ? allowed.join(", ")
        : `${allowed.slice(0, 12).join(", ")} (and ${allowed.length - 12} more)`;
    this.problem(
      "enum",
      node,
      `${this.name(path)} must be one of ${listed}${typeof node.value === "string" ? didYouMean(value, allowed) : ""}`,
      path,
    );
  }

  private text(node: ScalarNode, value: string, s: ConstraintNode, path: (string | number)[]): void {
    if (s.ln !== undefined || s.lx !== undefined) {
      // The schemas count characters (code points), not UTF-16 units.
      const length = /[\uD800-\uDFFF]/.test(value) ? [...value].length : value.length;
      if (s.ln !== undefined && length < s.ln)
        this.problem("length", node, `${this.name(path)} must be at least ${s.ln} characters long`, path);
      else if (s.lx !== undefined && length > s.lx)
        this.problem(
          "length",
          node,
          `${this.name(path)} must be at most ${s.lx} characters long, not ${length}`,
          path,
        );
    }
    const source = s.p ?? s.P;
    // Without the u flag, \w and \d are ASCII-only where the schemas' engine is not.
    if (source !== undefined && !(s.p === undefined && /[\u0080-\uffff]/.test(value))) {
      const regex = compiled(source, s.p !== undefined, s.f ?? "");
      if (regex && !matches(regex, value)) {
        this.problem("pattern", node, `${this.name(path)} must match the pattern ${source}`, path);
        return;
      }
    }
    const format = s.fm ? NAMED_FORMATS[s.fm] : undefined;
    if (
      format &&
      !matches(format.pattern, value) &&
      !(s.fm === "AWS::EC2::Image.Id" && value.startsWith("resolve:ssm"))
    )
      this.problem("pattern", node, `${this.name(path)} must be ${format.what}`, path);
  }

  private array(list: SeqNode, s: ConstraintNode, path: (string | number)[]): void {
    const items = list.items;
    if (s.in !== undefined || s.ix !== undefined) {
      let certain = 0;
      let possible = 0;
      for (const item of items) {
        if (isNoValue(item)) continue;
        possible++;
        if (!mayBeNoValue(item)) certain++;
      }
      const at = list;
      if (s.in !== undefined && possible < s.in)
        this.problem(
          "items",
          at,
          `${this.name(path)} must have at least ${s.in} item${s.in === 1 ? "" : "s"}`,
          path,
        );
      else if (s.ix !== undefined && certain > s.ix)
        this.problem(
          "items",
          at,
          `${this.name(path)} must have at most ${s.ix} item${s.ix === 1 ? "" : "s"}, not ${certain}`,
          path,
        );
    }
    if (s.u) {
      const seen = new Map<string, number>();
      items.forEach((item, i) => {
        if (isNoValue(item) || mayBeNoValue(item)) return;
        const key = canonical(item);
        const first = seen.get(key);
        if (first === undefined) seen.set(key, i);
        else
          this.problem(
            "unique",
            item,
            `${this.name([...path, i])} repeats item ${first}: the items of ${displayPath(relative(path))} must be unique`,
            [...path, i],
          );
      });
    }
  }

  object(node: MapNode | undefined, s: ConstraintNode, path: (string | number)[], keyRange: Range): void {
    const entries = node?.entries ?? [];
    // Fn::ForEach and Fn::Transform (AWS::Include) add properties the template does not show.
    if (entries.some((entry) => isForEachKey(entry.key) || entry.key === "Fn::Transform")) return;
    const presence = (name: string): Presence => {
      for (const entry of entries) {
        if (entry.key !== name) continue;
        if (isNoValue(entry.value)) return "no";
        return mayBeNoValue(entry.value) ? "maybe" : "yes";
      }
      return "no";
    };
    const keyOf = (name: string): Range => entries.find((entry) => entry.key === name)?.keyRange ?? keyRange;
    // Named only in a message: most objects have none.
    const where = () => this.where(path);
    for (const name of s.r ?? []) {
      if (!entries.some((entry) => entry.key === name))
        this.problem("required", keyRange, `Missing required property '${name}' ${where()}`, [...path, name]);
    }
    if (s.a) this.anyOf(s.a, presence, path, keyRange);
    if (s.o) this.oneOf(s.o, presence, path, keyRange);
    if (s.x) {
      const present = s.x.filter((name) => presence(name) === "yes");
      const possible = s.x.filter((name) => presence(name) !== "no");
      if (possible.length === 0)
        this.problem("requiredXor", keyRange, `Exactly one of ${names(s.x)} is required ${where()}`, path);
      else if (present.length > 1)
        this.problem(
          "requiredXor",
          keyOf(present[1]),
          `Only one of ${names(s.x)} may be set ${where()}, not ${names(present, "and")}`,
          [...path, present[1]],
        );
    }
    if (s.ro?.every((name) => presence(name) === "no"))
      this.problem("requiredOr", keyRange, `At least one of ${names(s.ro)} is required ${where()}`, path);
    for (const [name, needed] of Object.entries(s.dr ?? {})) {
      if (presence(name) !== "yes") continue;
      const missing = needed.filter((other) => presence(other) === "no");
      if (missing.length > 0)
        this.problem(
          "dependentRequired",
          keyOf(name),
          `'${name}' requires ${names(missing, "and")} ${where()}`,
          [...path, name],
        );
    }
    for (const [name, excluded] of Object.entries(s.dx ?? {})) {
      if (presence(name) !== "yes") continue;
      for (const other of excluded) {
        if (presence(other) === "yes")
          this.problem(
            "dependentExcluded",
            keyOf(other),
            `'${other}' cannot be set together with '${name}' ${where()}`,
            [...path, other],
          );
      }
    }
  }

  private anyOf(
    alternatives: GroupAlternative[],
    presence: (name: string) => Presence,
    path: (string | number)[],
    at: Range,
  ): void {
    if (alternatives.some((alt) => evaluate(alt, presence) !== "false")) return;
    // An alternative whose required properties are all there fails only on properties it does not
    // allow; that is a different problem than a missing group, and reported elsewhere if at all.
    if (alternatives.some((alt) => requiredMet(alt, presence))) return;
    const described = describeAlternatives(alternatives);
    if (!described) return;
    this.problem("requiredGroup", at, `At least one of ${described} is required ${this.where(path)}`, path);
  }

  private oneOf(
    alternatives: GroupAlternative[],
    presence: (name: string) => Presence,
    path: (string | number)[],
    at: Range,
  ): void {
    const met = alternatives.filter((alt) => alt.r?.every((name) => presence(name) === "yes"));
    const described = describeAlternatives(alternatives);
    if (met.length > 1) {
      this.problem(
        "oneOf",
        at,
        `Only one of ${described ?? "the alternatives"} may be set ${this.where(path)}, not ${listOf(met.map(altText), "and")}`,
        path,
      );
      return;
    }
    if (met.length > 0 || !described) return;
    if (alternatives.every((alt) => evaluate(alt, presence) === "false"))
      this.problem("requiredGroup", at, `Exactly one of ${described} is required ${this.where(path)}`, path);
  }

  private name(path: (string | number)[]): string {
    const inner = relative(path);
    return path[0] === "Resources"
      ? `'${displayPath(inner)}' of ${this.owner}`
      : `'${displayPath(inner)}' in ${this.owner}`;
  }

  private where(path: (string | number)[]): string {
    const inner = relative(path);
    if (inner.length > 0) return `in ${displayPath(inner)} (${this.owner})`;
    return path[0] === "Globals" ? `in ${this.owner}` : `for ${this.owner}`;
  }

  private problem(kind: ConstraintKind, at: Node | Range, message: string, path: (string | number)[]): void {
    this.out.push({ kind, at, message, path });
  }
}

interface Enumeration {
  /** The allowed values as CloudFormation's strings, in the schema's order. */
  allowed: string[];
  /** The same, lowercased when the comparison is case-insensitive. */
  folded: Set<string>;
}

const enumerations = new WeakMap<ConstraintNode, Enumeration>();

/** A node's enum, prepared on first use: the spec index keeps each node for the whole run. */
function enumerated(s: ConstraintNode): Enumeration {
  let enumeration = enumerations.get(s);
  if (!enumeration) {
    const allowed = (s.e ?? []).filter((v) => v !== null).map(String);
    enumeration = { allowed, folded: new Set(s.ci ? allowed.map((v) => v.toLowerCase()) : allowed) };
    enumerations.set(s, enumeration);
  }
  return enumeration;
}

/** The part of a path below `Properties` (or below `Globals.<Section>`). */
function relative(path: (string | number)[]): (string | number)[] {
  return path[0] === "Resources" ? path.slice(3) : path.slice(2);
}

/** The schemas' `$` also matches before a final newline, which YAML block scalars end with. */
function matches(regex: RegExp, value: string): boolean {
  return regex.test(value) || (value.endsWith("\n") && regex.test(value.slice(0, -1)));
}

/** A Fn::If with an AWS::NoValue branch (at any depth of nested Fn::If). */
function mayBeNoValue(node: Node): boolean {
  if (intrinsicName(node) !== "Fn::If") return false;
  const arg = (node as MapNode).entries[0].value;
  if (arg.kind !== "seq") return true;
  return arg.items.slice(1, 3).some((branch) => isNoValue(branch) || mayBeNoValue(branch));
}

/** A comparison key for uniqueness: scalars as CloudFormation's strings, mappings in key order. */
function canonical(node: Node): string {
  if (node.kind === "scalar") return JSON.stringify(node.value === null ? null : String(node.value));
  if (node.kind === "seq") return `[${node.items.map(canonical).join(",")}]`;
  const entries = [...node.entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return `{${entries.map((entry) => `${JSON.stringify(entry.key)}:${canonical(entry.value)}`).join(",")}}`;
}

function evaluate(alt: GroupAlternative, presence: (name: string) => Presence): Truth {
  const parts: Truth[] = [];
  for (const name of alt.r ?? []) {
    const p = presence(name);
    parts.push(p === "yes" ? "true" : p === "no" ? "false" : "unknown");
  }
  if (alt.a) parts.push(or(alt.a.map((a) => evaluate(a, presence))));
  if (alt.o) parts.push(exactlyOne(alt.o.map((a) => evaluate(a, presence))));
  if (alt.l) parts.push(and(alt.l.map((a) => evaluate(a, presence))));
  return and(parts);
}

function requiredMet(alt: GroupAlternative, presence: (name: string) => Presence): boolean {
  return (alt.r ?? []).length > 0 && (alt.r ?? []).every((name) => presence(name) === "yes");
}

function and(values: Truth[]): Truth {
  if (values.includes("false")) return "false";
  return values.includes("unknown") ? "unknown" : "true";
}

function or(values: Truth[]): Truth {
  if (values.includes("true")) return "true";
  return values.includes("unknown") ? "unknown" : "false";
}

function exactlyOne(values: Truth[]): Truth {
  const yes = values.filter((v) => v === "true").length;
  const maybe = values.filter((v) => v === "unknown").length;
  if (yes > 1 || yes + maybe === 0) return "false";
  return yes === 1 && maybe === 0 ? "true" : "unknown";
}

/** "'A', 'B' or 'C and D'" when every alternative is a plain set of required names. */
function describeAlternatives(alternatives: GroupAlternative[]): string | undefined {
  if (!alternatives.every((alt) => alt.r && !alt.a && !alt.o && !alt.l)) return undefined;
  return listOf(alternatives.map(altText), "or");
}

/** "'A' with 'B'", for listOf, which quotes the ends. */
function altText(alt: GroupAlternative): string {
  return (alt.r ?? []).join("' with '");
}

function names(list: string[], conjunction = "or"): string {
  return listOf(list, conjunction);
}

function listOf(items: string[], conjunction: string): string {
  const quoted = items.map((item) => `'${item}'`);
  if (quoted.length <= 1) return quoted.join("");
  return `${quoted.slice(0, -1).join(", ")} ${conjunction} ${quoted[quoted.length - 1]}`;
}
