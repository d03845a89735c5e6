/**
 * The local paths of a template that packaging replaces with S3 locations: which properties of
 * which types hold them (as `aws cloudformation package` knows them, plus SAM's HttpApi), and where
 * a template has them. No file is read here; packaging (./package.ts), the layer checks and the
 * validate rules for nested templates share it.
 */
import { isAbsolute, resolve } from "node:path";
import type { Node, Range, ScalarNode } from "../template/model";
import { mapGet } from "../template/nodes";
import type { PackagePlan } from "./package";

/** How a property holds an S3 location. */
export type Shape =
  /** `s3://bucket/key` */
  | { kind: "uri" }
  /** An object with the bucket and key under these names. */
  | { kind: "object"; bucket: string; key: string }
  /** An https URL to the object (nested templates). */
  | { kind: "url" };

export interface PackagedProperty {
  /** The property, as a path below Properties (or below the Globals section). */
  path: string[];
  shape: Shape;
  /**
   * zip: a directory is zipped, a single file too unless it is already a zip (Lambda code);
   * file: a directory is zipped, a file uploaded as it is; template: a local template, packaged
   * in turn and uploaded.
   */
  upload: "zip" | "file" | "template";
}

const URI: Shape = { kind: "uri" };
const URL_SHAPE: Shape = { kind: "url" };
const CODE: Shape = { kind: "object", bucket: "S3Bucket", key: "S3Key" };
const BUCKET_KEY: Shape = { kind: "object", bucket: "Bucket", key: "Key" };

const prop = (path: string, shape: Shape, upload: PackagedProperty["upload"]): PackagedProperty => ({
  path: path.split("."),
  shape,
  upload,
});

/** The properties awscli's artifact_exporter.py packages, plus SAM's HttpApi. */
export const PACKAGED_PROPERTIES: Record<string, PackagedProperty[]> = {
  "AWS::Serverless::Function": [prop("CodeUri", URI, "zip")],
  "AWS::Serverless::LayerVersion": [prop("ContentUri", URI, "zip")],
  "AWS::Serverless::Api": [prop("DefinitionUri", URI, "file")],
  "AWS::Serverless::HttpApi": [prop("DefinitionUri", URI, "file")],
  "AWS::Serverless::StateMachine": [prop("DefinitionUri", BUCKET_KEY, "file")],
  "AWS::Serverless::Application": [prop("Location", URL_SHAPE, "template")],
  "AWS::Lambda::Function": [prop("Code", CODE, "zip")],
  "AWS::Lambda::LayerVersion": [prop("Content", CODE, "zip")],
  "AWS::StepFunctions::StateMachine": [prop("DefinitionS3Location", BUCKET_KEY, "file")],
  "AWS::AppSync::GraphQLSchema": [prop("DefinitionS3Location", URI, "file")],
  "AWS::AppSync::Resolver": [
    prop("RequestMappingTemplateS3Location", URI, "file"),
    prop("ResponseMappingTemplateS3Location", URI, "file"),
    prop("CodeS3Location", URI, "file"),
  ],
  "AWS::AppSync::FunctionConfiguration": [
    prop("RequestMappingTemplateS3Location", URI, "file"),
    prop("ResponseMappingTemplateS3Location", URI, "file"),
    prop("CodeS3Location", URI, "file"),
  ],
  "AWS::ApiGateway::RestApi": [prop("BodyS3Location", BUCKET_KEY, "file")],
  "AWS::ApiGatewayV2::Api": [prop("BodyS3Location", BUCKET_KEY, "file")],
  "AWS::ElasticBeanstalk::ApplicationVersion": [prop("SourceBundle", CODE, "file")],
  "AWS::Glue::Job": [prop("Command.ScriptLocation", URI, "file")],
  "AWS::CodeCommit::Repository": [prop("Code.S3", BUCKET_KEY, "zip")],
  "AWS::CloudFormation::ModuleVersion": [prop("ModulePackage", URI, "zip")],
  "AWS::CloudFormation::ResourceVersion": [prop("SchemaHandlerPackage", URI, "zip")],
  "AWS::CloudFormation::Stack": [prop("TemplateURL", URL_SHAPE, "template")],
};

/** SAM Globals sections whose properties resources inherit. */
export const PACKAGED_GLOBALS: Record<string, PackagedProperty[]> = {
  Function: [prop("CodeUri", URI, "zip")],
  Api: [prop("DefinitionUri", URI, "file")],
  HttpApi: [prop("DefinitionUri", URI, "file")],
};

/** One local path in a template. */
export interface LocalArtifact {
  /** "Resource Fn (AWS::Serverless::Function)" or "Globals.Function": for messages. */
  owner: string;
  /** The resource's logical id, or "Globals". */
  logicalId: string;
  property: string;
  /** The path as written in the template. */
  value: string;
  /** The absolute path it names. */
  path: string;
  /** Where the value is in the template. */
  line: number;
  range: Range;
  /** The path of keys from the template's root to the value. */
  at: string[];
  spec: PackagedProperty;
  /** For a local nested template: its own plan. */
  nested?: PackagePlan;
}

function isRemote(value: string): boolean {
  return /^(s3|https?):\/\//i.test(value);
}

/** The value node at a path of map keys, with the path's last key entry. */
function nodeAt(node: Node | undefined, path: string[]): Node | undefined {
  let current = node;
  for (const key of path) {
    if (current?.kind !== "map" || current.tag) return undefined;
    current = mapGet(current, key)?.value;
  }
  return current;
}

/**
 * A string scalar that names a local path: not an S3 location, a URL, a dynamic reference
 * (`{{resolve:ssm:/stacks/child-url}}`, which CloudFormation resolves), an intrinsic or inline code.
 */
export function localValue(node: Node | undefined): ScalarNode | undefined {
  if (node?.kind !== "scalar" || typeof node.value !== "string") return undefined;
  const value = node.value.trim();
  if (value === "" || isRemote(value) || value.includes("{{resolve:")) return undefined;
  return node;
}

function findIn(
  section: Node | undefined,
  specs: PackagedProperty[],
  base: string[],
  owner: string,
  logicalId: string,
  dir: string,
): LocalArtifact[] {
  const found: LocalArtifact[] = [];
  for (const spec of specs) {
    const node = localValue(nodeAt(section, spec.path));
    if (!node) continue;
    const value = String(node.value).trim();
    found.push({
      owner,
      logicalId,
      property: spec.path.join("."),
      value,
      path: isAbsolute(value) ? value : resolve(dir, value),
      line: node.range.start.line,
      range: node.range,
      at: [...base, ...spec.path],
      spec,
    });
  }
  return found;
}

/**
 * Whether a value at `path` below a resource's Properties is a local path that packaging replaces
 * (a string where CloudFormation itself wants an S3 location, as `Code: ./src`).
 */
export function isPackagedLocalPath(type: string, path: readonly (string | number)[], node: Node): boolean {
  const specs = PACKAGED_PROPERTIES[type];
  if (!specs || !localValue(node)) return false;
  return specs.some(
    (spec) => spec.path.length === path.length && spec.path.every((key, i) => key === path[i]),
  );
}

/** Every local path in a template's packaged properties, in template order. No file is read. */
export function findLocalArtifacts(root: Node | undefined, dir: string): LocalArtifact[] {
  const found: LocalArtifact[] = [];
  const globals = mapGet(root, "Globals")?.value;
  for (const [section, specs] of Object.entries(PACKAGED_GLOBALS)) {
    const properties = mapGet(globals, section)?.value;
    found.push(...findIn(properties, specs, ["Globals", section], `Globals.${section}`, "Globals", dir));
  }
  const resources = mapGet(root, "Resources")?.value;
  if (resources?.kind !== "map") return found;
  for (const entry of resources.entries) {
    const type = nodeAt(entry.value, ["Type"]);
    if (type?.kind !== "scalar" || typeof type.value !== "string") continue;
    const specs = PACKAGED_PROPERTIES[type.value];
    if (!specs) continue;
    const properties = nodeAt(entry.value, ["Properties"]);
    found.push(
      ...findIn(
        properties,
        specs,
        ["Resources", entry.key, "Properties"],
        `Resource ${entry.key} (${type.value})`,
        entry.key,
        dir,
      ),
    );
  }
  return found;
}
