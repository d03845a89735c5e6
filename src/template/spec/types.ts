/**
 * What rules may ask of the resource specification. The data behind it is a compact index
 * generated at build time from @aws-cdk/aws-service-spec (plus a small SAM supplement); the full
 * spec database is never loaded at run time.
 */

export type TypeRef =
  | { kind: "string" | "number" | "integer" | "boolean" | "json" | "timestamp" | "any" }
  | { kind: "list"; item: TypeRef }
  | { kind: "map"; item: TypeRef }
  /** A property type defined by the resource type, looked up in `ResourceTypeSpec.structs`. */
  | { kind: "struct"; name: string }
  | { kind: "union"; types: TypeRef[] };

export interface PropertySpec {
  type: TypeRef;
  required: boolean;
}

export interface StructSpec {
  properties: Record<string, PropertySpec>;
}

export interface ResourceTypeSpec {
  /** e.g. "AWS::S3::Bucket" */
  name: string;
  properties: Record<string, PropertySpec>;
  /** Names usable in Fn::GetAtt, e.g. "Arn", "Endpoint.Address". */
  attributes: string[];
  /** Property types (structures) of this resource type, by name. */
  structs: Record<string, StructSpec>;
}

export interface SpecIndex {
  /** The resource type, or undefined when the spec does not know it. */
  resource(typeName: string): ResourceTypeSpec | undefined;
  /** Whether the spec knows this resource type (cheap: does not load the type's details). */
  has(typeName: string): boolean;
  /** The closest known resource type name, for "did you mean" messages. */
  suggest(typeName: string): string | undefined;
}
