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

/** Console pages of the resource types a preview usually keeps when a delete fails; `id` is the physical id. */
const RESOURCE_PAGES: Partial<Record<string, (region: string, id: string) => string>> = {
  "AWS::S3::Bucket": (region, id) =>
    `https://s3.console.aws.amazon.com/s3/buckets/${encodeURIComponent(id)}?region=${region}`,
  "AWS::DynamoDB::Table": (region, id) =>
    `https://${region}.console.aws.amazon.com/dynamodbv2/home?region=${region}#table?name=${encodeURIComponent(id)}`,
  "AWS::Lambda::Function": (region, id) =>
    `https://${region}.console.aws.amazon.com/lambda/home?region=${region}#/functions/${encodeURIComponent(id)}`,
  // The console's log-group pages take the name with each "/" written as "$252F".
  "AWS::Logs::LogGroup": (region, id) =>
    `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#logsV2:log-groups/log-group/${encodeURIComponent(id).replace(/%2F/g, "$252F")}`,
  "AWS::CloudFormation::Stack": (region, id) => consoleUrl(region, id),
};

/** The resource in the AWS console when its type has a page there, else the stack's page. */
export function resourceConsoleUrl(
  region: string,
  stackId: string,
  resource: { resourceType: string; physicalId: string | undefined },
): string {
  const page = RESOURCE_PAGES[resource.resourceType];
  return page && resource.physicalId ? page(region, resource.physicalId) : consoleUrl(region, stackId);
}
