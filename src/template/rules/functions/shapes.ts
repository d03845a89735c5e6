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
import { referenceTarget } from "../services/values";
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

/**
 * What the Fn::GetAtt `node` gives (its resource and attribute written out: referenceTarget), by
 * the attribute's type in the spec: a list (a VPC's CidrBlockAssociations), text (a security
 * group's GroupId), or undefined: an attribute a function names, an object attribute, a custom
 * resource's or a stack's outputs, a name SAM generates, a resource the template does not declare.
 */
export function attributeShape(
  template: TemplateIndex,
  spec: SpecIndex,
  node: Node,
): "list" | "text" | undefined {
  const target = referenceTarget(node);
  if (target?.attribute === undefined) return undefined;
  const type = template.resources.get(target.name)?.type;
  if (!type || isCustomType(type) || type === "AWS::CloudFormation::Stack") return undefined;
  const typeSpec = spec.resource(type);
  if (!typeSpec?.attributes.includes(target.attribute)) return undefined;
  if (typeSpec.listAttributes?.includes(target.attribute)) return "list";
  return typeSpec.objectAttributes?.includes(target.attribute) ? undefined : "text";
}
