/**
 * E3663: Lambda reserves some environment variable names for the runtime (AWS_REGION, _HANDLER,
 * the credentials, ...); a function that sets one fails to deploy. The list is cfn-lint's, which
 * is the "Reserved environment variables" table of the Lambda Developer Guide.
 *
 * Beyond cfn-lint, which checks AWS::Lambda::Function, the Environment.Variables of SAM functions
 * and of SAM's Globals.Function are checked too.
 */
import type { MapNode } from "../../model";
import { mapGet } from "../../nodes";
import { globalsFor } from "../resources/shared";
import type { Report, Rule } from "../rule";
import { environmentVariables, FUNCTION, SAM_FUNCTION } from "./lambda";
import { propertySets, resourcesOfType } from "./values";

const RESERVED = new Set([
  "_HANDLER",
  "_X_AMZN_TRACE_ID",
  "AWS_DEFAULT_REGION",
  "AWS_REGION",
  "AWS_EXECUTION_ENV",
  "AWS_LAMBDA_FUNCTION_NAME",
  "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
  "AWS_LAMBDA_FUNCTION_VERSION",
  "AWS_LAMBDA_INITIALIZATION_TYPE",
  "AWS_LAMBDA_LOG_GROUP_NAME",
  "AWS_LAMBDA_LOG_STREAM_NAME",
  "AWS_ACCESS_KEY",
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "AWS_LAMBDA_RUNTIME_API",
  "LAMBDA_TASK_ROOT",
  "LAMBDA_RUNTIME_DIR",
]);

export const lambdaEnvironment: Rule = {
  id: "E3663",
  severity: "error",
  shortDescription: "Lambda environment variable names are not reserved",
  description:
    "Lambda reserves environment variable names such as AWS_REGION, AWS_LAMBDA_FUNCTION_NAME and _HANDLER for " +
    "its runtime; a function cannot set them in Environment.Variables.",
  source:
    "https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime",
  tags: ["resources", "lambda"],
  check({ template, report }) {
    for (const resource of resourcesOfType(template, FUNCTION, SAM_FUNCTION)) {
      for (const { properties } of propertySets(resource)) {
        checkEnvironment(properties, ["Resources", resource.name, "Properties"], report);
      }
    }
    const globals = globalsFor(template, SAM_FUNCTION);
    if (globals) checkEnvironment(globals, ["Globals", "Function"], report);
  },
};

function checkEnvironment(properties: MapNode, base: (string | number)[], report: Report): void {
  const variables = environmentVariables(mapGet(properties, "Environment")?.value);
  for (const entry of variables?.entries ?? []) {
    if (!RESERVED.has(entry.key)) continue;
    report(
      entry.keyRange,
      `${entry.key} is a reserved Lambda environment variable name, set by the runtime itself; choose another name`,
      { path: [...base, "Environment", "Variables", entry.key] },
    );
  }
}
