/**
 * The function limit check with its sizes gathered: layer versions' unzipped sizes read back from
 * their descriptions (GetLayerVersionByArn, once per distinct ARN), then the pure check of
 * function-limit.ts. Used by deploy before it uploads anything, and by build-layer for the
 * functions that will use the layer it built.
 */
import { GetLayerVersionByArnCommand, type LambdaClient } from "@aws-sdk/client-lambda";
import type { Node } from "../template/model";
import {
  type FunctionSize,
  functionSizes,
  type KnownSizes,
  layerArns,
  overLimit,
  overLimitMessage,
  templateFunctions,
  unknownParts,
} from "./function-limit";
import { unzippedSizeOf } from "./publish";

export type LambdaLike = Pick<LambdaClient, "send">;

/** Calls at once: a template names a handful of layers, and Lambda throttles bursts. */
const CONCURRENCY = 4;

/**
 * The unzipped size of each layer version whose description carries one (our build-layer writes
 * ` unzipped:<bytes>`). A version that cannot be read (missing, no permission, not an ARN) or has
 * no size in its description is left out: unknown, never guessed.
 */
export async function publishedLayerSizes(lambda: LambdaLike, arns: string[]): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  const queue = [...arns];
  const worker = async () => {
    for (let arn = queue.shift(); arn !== undefined; arn = queue.shift()) {
      const out = await lambda.send(new GetLayerVersionByArnCommand({ Arn: arn })).catch(() => undefined);
      const bytes = unzippedSizeOf(out?.Description);
      if (bytes !== undefined) sizes.set(arn, bytes);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, arns.length) }, worker));
  return sizes;
}

export interface FunctionCheckRequest {
  /** The template's name in messages. */
  file: string;
  root: Node | undefined;
  /** Parameter values the stack will get; declared parameters absent here have no value. */
  parameters: Readonly<Record<string, string | undefined>>;
  /** Unzipped bytes of local code and layer content by logical id (package.ts localCodeSizes). */
  local?: ReadonlyMap<string, number>;
  /** Parameters that will hold a layer of known size: the one build-layer built. */
  given?: KnownSizes["given"];
  /** Only the functions that use a given parameter are checked (build-layer's view). */
  onlyGiven?: boolean;
  /** Reads layer versions' sizes; without it, layer ARNs count as unknown. */
  lambda?: LambdaLike;
}

export interface FunctionCheckResult {
  checked: FunctionSize[];
  over: FunctionSize[];
  /** The failure's text when a function is over the limit. */
  message?: string;
  /** "Fn: layer ... (line n)" for each part not counted, for a note in the log. */
  unknown: string[];
}

export async function checkFunctionLimits(request: FunctionCheckRequest): Promise<FunctionCheckResult> {
  const given = request.given ?? new Map();
  let functions = templateFunctions(request.root, request.parameters, new Set(given.keys()));
  if (request.onlyGiven) functions = functions.filter((fn) => fn.layers.some((l) => l.kind === "given"));
  const arns = layerArns(functions);
  const arnSizes =
    request.lambda && arns.length > 0 ? await publishedLayerSizes(request.lambda, arns) : new Map();
  const checked = functionSizes(functions, { local: request.local, arns: arnSizes, given });
  const over = overLimit(checked);
  return {
    checked,
    over,
    message: over.length > 0 ? overLimitMessage(request.file, over) : undefined,
    unknown: unknownParts(checked),
  };
}

/** One line for the log about parts whose size was not known, or undefined when every part was counted. */
export function unknownNote(result: FunctionCheckResult): string | undefined {
  if (result.unknown.length === 0) return undefined;
  return `Lambda's limit for a function and its layers was checked without these parts, whose unzipped size is not known (a layer version published by other tools, or not readable): ${result.unknown.join("; ")}.`;
}
