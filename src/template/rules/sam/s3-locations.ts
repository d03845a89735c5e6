/**
 * Where the SAM transform puts an S3 location it is given: a function's CodeUri becomes the Code of
 * an AWS::Lambda::Function (S3Bucket, S3Key, S3ObjectVersion), a layer's ContentUri the Content of
 * an AWS::Lambda::LayerVersion, an API's DefinitionUri the BodyS3Location of the API it makes, a
 * state machine's DefinitionUri its DefinitionS3Location. The location is an `s3://bucket/key` URI
 * (with `?versionId=` for a version) or a {Bucket, Key, Version} mapping (aws-sam-translator's
 * `parse_s3_uri` and `construct_s3_location_object`). The constraint walk (constraints/walk.ts)
 * judges each part there, as cfn-lint does after running the transform: a placeholder left in
 * `CodeUri: s3://<bucket-name>/app.zip` fails Lambda's bucket pattern at deploy. A local path
 * (`CodeUri: src/`), which `sam build` and `sam package` replace, is none of these and is left alone.
 */
import type { MapEntry, Node } from "../../model";
import { presentEntry, propertySets, resourcesOfType } from "../services/values";
import { intrinsicName, isString, type ResourceInfo, type TemplateIndex } from "../template-index";

interface S3LocationTarget {
  /** The type of the resource the transform makes. */
  type: string;
  /** The property of that resource that holds the location. */
  property: string;
  /** The location's Bucket, Key and Version, as that property names them. */
  parts: { Bucket: string; Key: string; Version: string };
}

const LAMBDA_PARTS = { Bucket: "S3Bucket", Key: "S3Key", Version: "S3ObjectVersion" };
const S3_PARTS = { Bucket: "Bucket", Key: "Key", Version: "Version" };

/** SAM type -> its location property, and where the transform puts it. */
export const S3_LOCATIONS: Record<string, { property: string; target: S3LocationTarget }> = {
  "AWS::Serverless::Function": {
    property: "CodeUri",
    target: { type: "AWS::Lambda::Function", property: "Code", parts: LAMBDA_PARTS },
  },
  "AWS::Serverless::LayerVersion": {
    property: "ContentUri",
    target: { type: "AWS::Lambda::LayerVersion", property: "Content", parts: LAMBDA_PARTS },
  },
  "AWS::Serverless::Api": {
    property: "DefinitionUri",
    target: { type: "AWS::ApiGateway::RestApi", property: "BodyS3Location", parts: S3_PARTS },
  },
  "AWS::Serverless::HttpApi": {
    property: "DefinitionUri",
    target: { type: "AWS::ApiGatewayV2::Api", property: "BodyS3Location", parts: S3_PARTS },
  },
  "AWS::Serverless::StateMachine": {
    property: "DefinitionUri",
    target: { type: "AWS::StepFunctions::StateMachine", property: "DefinitionS3Location", parts: S3_PARTS },
  },
};

const SAM_TYPES = Object.keys(S3_LOCATIONS);

export interface SamS3Location {
  resource: ResourceInfo;
  /** The SAM property (CodeUri, ContentUri, DefinitionUri) and its entry. */
  entry: MapEntry;
  target: S3LocationTarget;
  /** Each part given, under the name the made resource gives it (S3Bucket, Key, ...). */
  parts: MapEntry[];
}

/** The S3 locations of the template's SAM resources, each part as the made resource names it. */
export function samS3Locations(template: TemplateIndex): SamS3Location[] {
  const found: SamS3Location[] = [];
  for (const resource of resourcesOfType(template, ...SAM_TYPES)) {
    const { property, target } = S3_LOCATIONS[resource.type as string];
    for (const { properties } of propertySets(resource)) {
      const entry = presentEntry(properties, property);
      const parts = entry && locationParts(entry.value, target);
      if (parts && parts.length > 0) found.push({ resource, entry, target, parts });
    }
  }
  return found;
}

function locationParts(node: Node, target: S3LocationTarget): MapEntry[] | undefined {
  const names = target.parts;
  if (isString(node)) {
    const uri = parseS3Uri(node.value);
    if (!uri) return undefined;
    const part = (name: keyof typeof names, value: string): MapEntry => ({
      key: names[name],
      keyRange: node.range,
      value: { kind: "scalar", value, range: node.range },
    });
    const parts = [part("Bucket", uri.bucket), part("Key", uri.key)];
    if (uri.version !== undefined) parts.push(part("Version", uri.version));
    return parts;
  }
  if (node.kind !== "map" || intrinsicName(node)) return undefined;
  const parts: MapEntry[] = [];
  for (const entry of node.entries) {
    if (Object.hasOwn(names, entry.key))
      parts.push({ ...entry, key: names[entry.key as keyof typeof names] });
  }
  return parts;
}

/**
 * An `s3://bucket/key?versionId=...` URI as the transform splits it (Python's urlparse: the bucket
 * runs to the first `/`, `?` or `#`); undefined for anything else, or without a bucket or a key.
 */
export function parseS3Uri(text: string): { bucket: string; key: string; version?: string } | undefined {
  const m = /^s3:\/\/([^/?#]*)\/*([^?#]*)(?:\?([^#]*))?/.exec(text);
  if (!m || m[1] === "" || m[2] === "") return undefined;
  const version = new URLSearchParams(m[3] ?? "").get("versionId");
  return version === null ? { bucket: m[1], key: m[2] } : { bucket: m[1], key: m[2], version };
}
