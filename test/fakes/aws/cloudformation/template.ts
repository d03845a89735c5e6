// Template parsing for the fake: JSON or YAML with CloudFormation short tags, turned into the
// long forms ({"Fn::GetAtt": [...]}) so one resolver serves both. Independent of src/template on
// purpose: the fake must not share the bugs of the code it tests.
import { parse as parseYaml, type Tags, YAMLError } from "yaml";
import { validationError } from "../protocol";

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

export interface TemplateParameter {
  Type: string;
  Default?: Json;
  AllowedValues?: Json[];
  NoEcho?: boolean | string;
  Description?: string;
}

export interface TemplateResource {
  Type: string;
  Properties?: JsonObject;
  DependsOn?: string | string[];
  Condition?: string;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  Metadata?: Json;
}

export interface TemplateOutput {
  Value: Json;
  Description?: string;
  Export?: { Name: Json };
  Condition?: string;
}

export interface Template {
  AWSTemplateFormatVersion?: string;
  Description?: string;
  Transform?: Json;
  Parameters: Record<string, TemplateParameter>;
  Mappings: Record<string, Record<string, Record<string, Json>>>;
  Conditions: Record<string, Json>;
  Resources: Record<string, TemplateResource>;
  Outputs: Record<string, TemplateOutput>;
}

const SHORT_FORMS: Record<string, string> = {
  Base64: "Fn::Base64",
  Cidr: "Fn::Cidr",
  FindInMap: "Fn::FindInMap",
  GetAZs: "Fn::GetAZs",
  ImportValue: "Fn::ImportValue",
  Join: "Fn::Join",
  Select: "Fn::Select",
  Split: "Fn::Split",
  Sub: "Fn::Sub",
  Transform: "Fn::Transform",
  And: "Fn::And",
  Equals: "Fn::Equals",
  If: "Fn::If",
  Not: "Fn::Not",
  Or: "Fn::Or",
  Length: "Fn::Length",
  ToJsonString: "Fn::ToJsonString",
  Ref: "Ref",
  Condition: "Condition",
};

function toPlain(v: unknown): Json {
  if (v && typeof v === "object" && "toJSON" in v && typeof v.toJSON === "function") return v.toJSON();
  return v as Json;
}

const customTags: Tags = [];
for (const [short, long] of Object.entries(SHORT_FORMS)) {
  customTags.push({
    tag: `!${short}`,
    resolve: (s: string) => {
      // `!GetAtt A.B` is the only short form whose scalar is not the long form's argument.
      return { [long]: s };
    },
  });
  for (const collection of ["seq", "map"] as const) {
    customTags.push({
      tag: `!${short}`,
      collection,
      resolve: (node: unknown) => ({ [long]: toPlain(node) }),
    });
  }
}
customTags.push({
  tag: "!GetAtt",
  resolve: (s: string) => {
    const dot = s.indexOf(".");
    return { "Fn::GetAtt": dot < 0 ? [s] : [s.slice(0, dot), s.slice(dot + 1)] };
  },
});
customTags.push({
  tag: "!GetAtt",
  collection: "seq",
  resolve: (node: unknown) => ({ "Fn::GetAtt": toPlain(node) }),
});

export function parseTemplateText(text: string): JsonObject {
  const trimmed = text.trimStart();
  let doc: unknown;
  if (trimmed.startsWith("{")) {
    try {
      doc = JSON.parse(text);
    } catch (e) {
      throw validationError(`Template format error: JSON not well-formed. (${(e as Error).message})`);
    }
  } else {
    try {
      doc = parseYaml(text, { customTags, uniqueKeys: true, prettyErrors: true, intAsBigInt: false });
    } catch (e) {
      const pos = e instanceof YAMLError && e.linePos ? e.linePos[0] : undefined;
      const where = pos ? ` (line ${pos.line}, column ${pos.col})` : "";
      throw validationError(`Template format error: YAML not well-formed.${where}`);
    }
  }
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) {
    throw validationError("Template format error: unsupported structure.");
  }
  return doc as JsonObject;
}

/** Parses and checks the structure CloudFormation checks before it accepts a change set. */
export function parseTemplate(text: string): Template {
  const doc = parseTemplateText(text);
  const resources = doc.Resources;
  if (
    !resources ||
    typeof resources !== "object" ||
    Array.isArray(resources) ||
    !Object.keys(resources).length
  ) {
    throw validationError("Template format error: At least one Resources member must be defined.");
  }
  for (const [id, r] of Object.entries(resources)) {
    if (!r || typeof r !== "object" || Array.isArray(r) || typeof r.Type !== "string") {
      throw validationError(
        `Template format error: [/Resources/${id}] Every Resources object must contain a Type member.`,
      );
    }
    if (!/^[A-Za-z0-9]+$/.test(id)) {
      throw validationError(`Template format error: Resource name ${id} is non alphanumeric.`);
    }
  }
  return {
    AWSTemplateFormatVersion: doc.AWSTemplateFormatVersion as string | undefined,
    Description: typeof doc.Description === "string" ? doc.Description : undefined,
    Transform: doc.Transform,
    Parameters: (doc.Parameters ?? {}) as unknown as Template["Parameters"],
    Mappings: (doc.Mappings ?? {}) as unknown as Template["Mappings"],
    Conditions: (doc.Conditions ?? {}) as Record<string, Json>,
    Resources: resources as unknown as Template["Resources"],
    Outputs: (doc.Outputs ?? {}) as unknown as Template["Outputs"],
  };
}

export interface Reference {
  target: string;
  attribute?: string;
}

/** Every Ref, GetAtt and ${...} in a value (pseudo parameters included; callers filter). */
export function references(value: Json, out: Reference[] = []): Reference[] {
  if (Array.isArray(value)) {
    for (const v of value) references(v, out);
    return out;
  }
  if (!value || typeof value !== "object") return out;
  const keys = Object.keys(value);
  if (keys.length === 1) {
    const [k] = keys;
    const arg = value[k];
    if (k === "Ref" && typeof arg === "string") {
      out.push({ target: arg });
      return out;
    }
    if (k === "Fn::GetAtt") {
      const [target, attribute] = typeof arg === "string" ? arg.split(/\.(.*)/s) : (arg as Json[]);
      if (typeof target === "string") out.push({ target, attribute: attribute as string });
      return out;
    }
    if (k === "Fn::Sub") {
      const [text, vars] = typeof arg === "string" ? [arg, {}] : (arg as [string, JsonObject]);
      const local = new Set(Object.keys(vars ?? {}));
      for (const m of String(text).matchAll(/\$\{([^!}][^}]*)\}/g)) {
        const [target, attribute] = m[1].trim().split(/\.(.*)/s);
        if (!local.has(target)) out.push({ target, attribute });
      }
      references(vars as Json, out);
      return out;
    }
  }
  for (const v of Object.values(value)) references(v, out);
  return out;
}
