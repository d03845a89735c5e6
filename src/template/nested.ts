/**
 * The local templates that a template's nested stacks name (an AWS::CloudFormation::Stack's
 * TemplateURL, an AWS::Serverless::Application's Location, when it is a path rather than a URL, as
 * before `package`), read before the rules run, so that E3043 can compare the parameters a nested
 * stack is given with those its template declares. The rules stay synchronous and read no file.
 *
 * A nested template that cannot be read or that has errors of its own is left out: the rule then
 * says nothing about that stack, and the nested template's own errors show when it is validated.
 */
import { dirname, isAbsolute, posix } from "node:path";
import { findLocalArtifacts } from "../stack/local-artifacts";
import { readTemplate, type TemplateFile } from "./files";
import type { Node } from "./model";
import { mapGet } from "./nodes";
import { parseTemplateLazily } from "./parse-core";

export interface NestedTemplate {
  /** The nested template's path as messages show it. */
  file: string;
  /** The parameters it declares, each with whether a value must be given (no Default). */
  parameters: ReadonlyMap<string, { required: boolean }>;
}

/** Nested templates by the path as the parent template writes it. */
export type NestedTemplates = ReadonlyMap<string, NestedTemplate>;

export const NO_NESTED_TEMPLATES: NestedTemplates = new Map();

export async function loadNestedTemplates(
  root: Node | undefined,
  file: TemplateFile,
): Promise<NestedTemplates> {
  let found: Map<string, NestedTemplate> | undefined;
  for (const artifact of findLocalArtifacts(root, dirname(file.absolute))) {
    if (artifact.spec.upload !== "template" || found?.has(artifact.value)) continue;
    const written = artifact.value.replaceAll("\\", "/");
    const display = isAbsolute(artifact.value)
      ? artifact.value
      : posix.join(posix.dirname(file.display), written);
    const nested = await readNested({ absolute: artifact.path, display });
    if (!nested) continue;
    found ??= new Map();
    found.set(artifact.value, nested);
  }
  return found ?? NO_NESTED_TEMPLATES;
}

async function readNested(file: TemplateFile): Promise<NestedTemplate | undefined> {
  let source: string;
  try {
    source = readTemplate(file);
  } catch {
    return undefined;
  }
  const parsed = await parseTemplateLazily(source, file.display);
  if (parsed.root?.kind !== "map" || parsed.findings.some((finding) => finding.severity === "error")) {
    return undefined;
  }
  const section = mapGet(parsed.root, "Parameters")?.value;
  const parameters = new Map<string, { required: boolean }>();
  if (section && section.kind !== "map") return undefined;
  for (const entry of section?.entries ?? []) {
    parameters.set(entry.key, { required: !mapGet(entry.value, "Default") });
  }
  return { file: file.display, parameters };
}
