// Intrinsic-function resolution for resource properties and Outputs. Two modes: full (every
// resource is deployed, so Ref/GetAtt have values) and symbolic (references to resources are
// left as written, which is what a change set compares).
import { validationError } from "../protocol";
import type { Json, JsonObject, Template } from "./template";

export interface DeployedResource {
  physicalId: string;
  attributes: Record<string, string>;
}

export interface ResolveEnv {
  template: Template;
  /** Parameter values as CloudFormation holds them: lists are comma-joined strings. */
  parameters: Record<string, string>;
  region: string;
  accountId: string;
  stackName: string;
  stackId: string;
  notificationArns?: string[];
  /** Undefined when the resource is not deployed (or, in symbolic mode, always). */
  resource?(logicalId: string): DeployedResource | undefined;
  importValue?(name: string): string | undefined;
}

const NO_VALUE = Symbol("AWS::NoValue");
type Value = Json | typeof NO_VALUE;

const INTRINSIC = /^(Ref|Condition|Fn::[A-Za-z0-9]+)$/;

export function isIntrinsic(v: Json): v is JsonObject {
  if (!v || typeof v !== "object" || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 1 && INTRINSIC.test(keys[0]) && keys[0] !== "Condition";
}

export function containsIntrinsic(v: Json): boolean {
  if (Array.isArray(v)) return v.some(containsIntrinsic);
  if (!v || typeof v !== "object") return false;
  return isIntrinsic(v) || Object.values(v as JsonObject).some(containsIntrinsic);
}

export class Resolver {
  private readonly conditionCache = new Map<string, boolean>();

  constructor(
    private readonly env: ResolveEnv,
    private readonly symbolic = false,
  ) {}

  condition(name: string): boolean {
    const cached = this.conditionCache.get(name);
    if (cached !== undefined) return cached;
    const expr = this.env.template.Conditions[name];
    if (expr === undefined)
      throw validationError(`Template format error: Unresolved condition dependencies [${name}]`);
    const result = this.evalCondition(expr);
    this.conditionCache.set(name, result);
    return result;
  }

  private evalCondition(expr: Json): boolean {
    if (typeof expr === "boolean") return expr;
    if (expr === "true" || expr === "false") return expr === "true";
    if (!expr || typeof expr !== "object" || Array.isArray(expr)) {
      throw validationError("Template error: every Conditions member must be a condition function");
    }
    const [[fn, arg]] = Object.entries(expr);
    const args = (Array.isArray(arg) ? arg : [arg]) as Json[];
    switch (fn) {
      case "Condition":
        return this.condition(String(arg));
      case "Fn::Not":
        return !this.evalCondition(args[0]);
      case "Fn::And":
        return args.every((a) => this.evalCondition(a));
      case "Fn::Or":
        return args.some((a) => this.evalCondition(a));
      case "Fn::Equals": {
        const [a, b] = args.map((a) => this.value(a));
        return JSON.stringify(stringish(a)) === JSON.stringify(stringish(b));
      }
      default:
        throw validationError(`Template error: ${fn} is not a condition function`);
    }
  }

  /** Resolves a value; AWS::NoValue removes the key or list item that holds it. */
  resolve(v: Json): Json {
    const out = this.value(v);
    return out === NO_VALUE ? null : out;
  }

  private value(v: Json): Value {
    if (Array.isArray(v)) return v.map((x) => this.value(x)).filter((x): x is Json => x !== NO_VALUE);
    if (!v || typeof v !== "object") return v;
    if (isIntrinsic(v)) return this.call(v);
    const out: JsonObject = {};
    for (const [k, x] of Object.entries(v as JsonObject)) {
      const r = this.value(x);
      if (r !== NO_VALUE) out[k] = r;
    }
    return out;
  }

  private call(v: JsonObject): Value {
    const [[fn, arg]] = Object.entries(v);
    switch (fn) {
      case "Ref":
        return this.ref(String(arg), v);
      case "Fn::GetAtt": {
        const [id, attr] = typeof arg === "string" ? arg.split(/\.(.*)/s) : (arg as string[]);
        return this.getAtt(String(id), String(this.value(attr as Json)), v);
      }
      case "Fn::Sub":
        return this.sub(arg);
      case "Fn::Join": {
        const [delim, list] = arg as [string, Json];
        const items = this.value(list);
        if (!Array.isArray(items) || items.some((i) => i !== null && typeof i === "object")) {
          return { [fn]: [delim, items as Json] };
        }
        return items.map((i) => (i === null ? "" : String(i))).join(delim);
      }
      case "Fn::Select": {
        const [index, list] = arg as [Json, Json];
        const i = Number(this.value(index));
        const items = this.value(list);
        if (!Array.isArray(items)) return { [fn]: [i, items as Json] };
        if (!Number.isInteger(i) || i < 0 || i >= items.length) {
          throw validationError(`Template error: Fn::Select cannot select nonexistent value at index ${i}`);
        }
        return items[i];
      }
      case "Fn::Split": {
        const [delim, text] = arg as [string, Json];
        const s = this.value(text);
        return typeof s === "string" ? s.split(delim) : { [fn]: [delim, s as Json] };
      }
      case "Fn::If": {
        const [cond, a, b] = arg as [string, Json, Json];
        return this.value(this.condition(cond) ? a : b);
      }
      case "Fn::Equals":
      case "Fn::And":
      case "Fn::Or":
      case "Fn::Not":
        return this.evalCondition(v);
      case "Fn::FindInMap": {
        const [map, top, second] = (arg as Json[]).map((x) => String(this.value(x)));
        const found = this.env.template.Mappings[map]?.[top]?.[second];
        if (found === undefined) {
          throw validationError(`Template error: Unable to get mapping for ${map}::${top}::${second}`);
        }
        return found;
      }
      case "Fn::GetAZs":
        return ["a", "b", "c"].map((z) => `${this.env.region}${z}`);
      case "Fn::Base64": {
        const s = this.value(arg);
        return typeof s === "string" ? Buffer.from(s).toString("base64") : { [fn]: s as Json };
      }
      case "Fn::ImportValue": {
        const name = this.value(arg);
        if (typeof name !== "string" || this.symbolic) return { [fn]: name as Json };
        const found = this.env.importValue?.(name);
        if (found === undefined)
          throw validationError(`No export named ${name} found. Rollback requested by user.`);
        return found;
      }
      case "Fn::Length": {
        const items = this.value(arg);
        return Array.isArray(items) ? items.length : { [fn]: items as Json };
      }
      case "Fn::ToJsonString": {
        const inner = this.value(arg);
        return containsIntrinsic(inner as Json) ? { [fn]: inner as Json } : JSON.stringify(inner);
      }
      default:
        // Functions the fake does not evaluate (Fn::Cidr, Fn::Transform) stay as written.
        return v;
    }
  }

  private ref(name: string, original: JsonObject): Value {
    switch (name) {
      case "AWS::NoValue":
        return NO_VALUE;
      case "AWS::Region":
        return this.env.region;
      case "AWS::AccountId":
        return this.env.accountId;
      case "AWS::StackName":
        return this.env.stackName;
      case "AWS::StackId":
        return this.env.stackId;
      case "AWS::Partition":
        return "aws";
      case "AWS::URLSuffix":
        return "amazonaws.com";
      case "AWS::NotificationARNs":
        return this.env.notificationArns ?? [];
    }
    const param = this.env.template.Parameters[name];
    if (param) {
      const value = this.env.parameters[name] ?? "";
      return /^List<|^CommaDelimitedList$/.test(param.Type) ? (value === "" ? [] : value.split(",")) : value;
    }
    if (this.symbolic) return original;
    const res = this.env.resource?.(name);
    if (!res)
      throw validationError(
        `Template format error: Unresolved resource dependencies [${name}] in the Outputs block of the template`,
      );
    return res.physicalId;
  }

  private getAtt(id: string, attr: string, original: JsonObject): Value {
    if (this.symbolic) return original;
    const res = this.env.resource?.(id);
    if (!res)
      throw validationError(`Template error: instance of Fn::GetAtt references undefined resource ${id}`);
    // Attributes the fake has no table for still resolve, to a value that names where it came from.
    return res.attributes[attr] ?? `${res.physicalId}.${attr}`;
  }

  private sub(arg: Json): Value {
    const [text, vars] = typeof arg === "string" ? [arg, {} as JsonObject] : (arg as [string, JsonObject]);
    const local: Record<string, Value> = {};
    for (const [k, x] of Object.entries(vars ?? {})) local[k] = this.value(x);
    let unresolved = false;
    const out = String(text).replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
      if (inner.startsWith("!")) return `\${${inner.slice(1)}}`;
      const name = inner.trim();
      let r: Value;
      if (name in local) r = local[name];
      else {
        const [id, attr] = name.split(/\.(.*)/s);
        r =
          attr === undefined
            ? this.ref(id, { Ref: id })
            : this.getAtt(id, attr, { "Fn::GetAtt": [id, attr] });
      }
      if (r === NO_VALUE) return "";
      if (r !== null && typeof r === "object") {
        unresolved = true;
        return whole;
      }
      return String(r);
    });
    return unresolved ? { "Fn::Sub": out } : out;
  }
}

function stringish(v: Value): Value {
  return typeof v === "number" || typeof v === "boolean" ? String(v) : v;
}
