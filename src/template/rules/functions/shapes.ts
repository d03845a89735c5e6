/**
 * What a Ref or a Fn::GetAtt gives: a list or text. A Ref to a parameter gives what its Type says
 * (List<...>, CommaDelimitedList and their SSM forms a list); a Fn::GetAtt gives what the spec
 * says of the attribute (its list attributes a list, its object attributes nothing this module
 * judges). Shared by the property walk (E3012), the arguments of functions (slots.ts) and
 * outputs (E6101).
 */
import type { MapEntry, Node } from "../../model";
import { mapGet } from "../../nodes";
import type { SpecIndex } from "../../spec/types";
import { isCustomType } from "../resources/shared";
import { isString, type TemplateIndex } from "../template-index";

export function isListParameterType(type: string): boolean {
  return (
    type === "CommaDelimitedList" ||
    type.startsWith("List<") ||
    /^AWS::SSM::Parameter::Value<(List<|CommaDelimitedList)/.test(type)
  );
}

/**
 * What a Ref to a declared parameter gives, with the parameter's Type: a list for List<...>,
 * CommaDelimitedList and their SSM forms, text for the other types. Undefined for any other name
 * (a resource's Ref is text too, but a SAM-generated or misspelt name is not known here).
 */
export function parameterShape(
  parameters: ReadonlyMap<string, MapEntry>,
  name: string,
): { shape: "list" | "text"; type: string } | undefined {
  const type = mapGet(parameters.get(name)?.value, "Type")?.value;
  if (!isString(type)) return undefined;
  return { shape: isListParameterType(type.value) ? "list" : "text", type: type.value };
}

/** `Resource.Attribute` or `[Resource, Attribute]`, both written out; undefined otherwise. */
export function getAttParts(arg: Node): { resource: string; name: string } | undefined {
  if (isString(arg)) {
    const dot = arg.value.indexOf(".");
    return dot > 0 ? { resource: arg.value.slice(0, dot), name: arg.value.slice(dot + 1) } : undefined;
  }
  if (arg.kind !== "seq" || arg.items.length !== 2) return undefined;
  const [resource, name] = arg.items;
  return isString(resource) && isString(name) ? { resource: resource.value, name: name.value } : undefined;
}

/**
 * What a Fn::GetAtt with argument `arg` gives, by the attribute's type in the spec: a list (a
 * VPC's CidrBlockAssociations), text (a security group's GroupId), or undefined: an attribute a
 * function names, an object attribute, a custom resource's or a stack's outputs, a name SAM
 * generates, a resource the template does not declare.
 */
export function attributeShape(
  template: TemplateIndex,
  spec: SpecIndex,
  arg: Node,
): "list" | "text" | undefined {
  const parts = getAttParts(arg);
  if (!parts) return undefined;
  const type = template.resources.get(parts.resource)?.type;
  if (!type || isCustomType(type) || type === "AWS::CloudFormation::Stack") return undefined;
  const target = spec.resource(type);
  if (!target?.attributes.includes(parts.name)) return undefined;
  if (target.listAttributes?.includes(parts.name)) return "list";
  return target.objectAttributes?.includes(parts.name) ? undefined : "text";
}
