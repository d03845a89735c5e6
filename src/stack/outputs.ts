import type { Stack } from "@aws-sdk/client-cloudformation";

/** A stack's Outputs as a plain map, and the links a reader of the result needs. */

export function stackOutputs(stack: Stack | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const output of stack?.Outputs ?? []) {
    if (output.OutputKey) out[output.OutputKey] = output.OutputValue ?? "";
  }
  return out;
}

/** The preview URL from the url-output Output; a missing one is a warning that lists what exists. */
export function previewUrl(
  outputs: Record<string, string>,
  urlOutput: string | undefined,
): { url: string | undefined; warning: string | undefined } {
  if (!urlOutput) return { url: undefined, warning: undefined };
  if (urlOutput in outputs) return { url: outputs[urlOutput], warning: undefined };
  const names = Object.keys(outputs);
  return {
    url: undefined,
    warning: `url-output '${urlOutput}' is not an Output of the stack (Outputs: ${names.length > 0 ? names.join(", ") : "none"}); no preview URL is reported. Set url-output to one of them.`,
  };
}

export function consoleUrl(region: string, stackId: string): string {
  return `https://${region}.console.aws.amazon.com/cloudformation/home?region=${region}#/stacks/stackinfo?stackId=${encodeURIComponent(stackId)}`;
}
