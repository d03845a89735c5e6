/**
 * build-layer's view of Lambda's limit for a function and its layers: the template the layer is
 * built for, the parameter that will receive its ARN, and each function listing that parameter
 * in its Layers, with its code (local paths measured) and other layers (read back when a Lambda
 * client is given). Loaded only when the template input is set.
 */
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { InputError } from "../errors";
import { BUILD_LAYER_INPUTS } from "../inputs";
import { findLocalArtifacts } from "../stack/local-artifacts";
import { localCodeSizes } from "../stack/package";
import { templateParameters } from "../stack/parameters";
import { mapGet, toPlain } from "../template/nodes";
import { parseTemplate } from "../template/parse";
import { checkFunctionLimits, type LambdaLike, unknownNote } from "./function-limit-check";

export class FunctionTooLargeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FunctionTooLargeError";
  }
}

export interface LayerTemplateCheck {
  workspace: string;
  /** Relative to the workspace, as the input gives it. */
  file: string;
  parameter: string;
  /** The layer just built: its name for messages and its unzipped bytes. */
  layer: { name: string; unzippedSize: number };
  lambda?: LambdaLike;
  log: (line: string) => void;
  warn: (line: string) => void;
}

/** Throws FunctionTooLargeError when this layer would push a function over the limit; logs what it checked. */
export async function checkLayerAgainstTemplate(check: LayerTemplateCheck): Promise<void> {
  const path = resolve(check.workspace, check.file);
  const body = await readFile(path, "utf8").catch((error: NodeJS.ErrnoException) => {
    throw new InputError(
      BUILD_LAYER_INPUTS.template,
      `the template cannot be read (${error.code ?? error.message}); name a template file relative to the workspace.`,
    );
  });
  const parsed = parseTemplate(body, check.file);
  if (parsed.root?.kind !== "map") {
    const first = parsed.findings[0];
    throw new InputError(
      BUILD_LAYER_INPUTS.template,
      `the template could not be parsed${first ? ` (line ${first.range.start.line}: ${first.message})` : ""}.`,
    );
  }
  const declared = mapGet(parsed.root, "Parameters")?.value;
  if (!mapGet(declared, check.parameter)) {
    throw new InputError(
      BUILD_LAYER_INPUTS.templateParameter,
      "the template declares no such parameter; name the parameter that will receive this layer's ARN.",
    );
  }
  // Other parameters as the template's defaults give them: build-layer knows no overrides.
  const parameters: Record<string, string | undefined> = {};
  for (const p of templateParameters(toPlain(parsed.root))) parameters[p.key] = p.defaultValue;
  const artifacts = findLocalArtifacts(parsed.root, dirname(path));
  const result = await checkFunctionLimits({
    file: check.file,
    root: parsed.root,
    parameters,
    local: await localCodeSizes({ artifacts }),
    given: new Map([
      [check.parameter, { label: `layer ${check.layer.name}`, bytes: check.layer.unzippedSize }],
    ]),
    onlyGiven: true,
    lambda: check.lambda,
  });
  if (result.checked.length === 0) {
    check.warn(
      `No function of the template lists the parameter named by ${BUILD_LAYER_INPUTS.templateParameter} in its Layers; Lambda's limit for a function and its layers was not checked.`,
    );
    return;
  }
  if (result.message) throw new FunctionTooLargeError(`${result.message}\nNothing was uploaded.`);
  const note = unknownNote(result);
  if (note) check.log(note);
  check.log(
    `Lambda's limit for a function and its layers holds for ${result.checked.map((f) => f.logicalId).join(", ")} with this layer.`,
  );
}
