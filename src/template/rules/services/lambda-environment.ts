/**
 * E3663: Lambda reserves some environment variable names for the runtime (AWS_REGION, _HANDLER,
 * the credentials, ...); a function that sets one fails to deploy. The list is cfn-lint's, which
 * is the "Reserved environment variables" table of the Lambda Developer Guide.
 *
 * Beyond cfn-lint, which checks AWS::Lambda::Function, the Environment.Variables of SAM functions
 * and of SAM's Globals.Function are checked too. E3930 (below): names Lambda's pattern refuses.
 */
import type { MapNode } from "../../model";
import { mapGet } from "../../nodes";
import { globalsFor } from "../resources/shared";
import type { Report, Rule } from "../rule";
import { isForEachKey } from "../template-index";
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

/** Lambda's pattern for a variable name, its single-letter case aside: a letter, then letters, digits or `_`. */
const VARIABLE_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * E3930 (our own id): a Lambda environment variable name that Lambda refuses: it must start with a
 * letter and hold only letters, digits and underscores (the Lambda API's pattern), so `MY-VAR` or
 * `1ST_RUN` fails the function's create. The same places as E3663 are read.
 */
export const lambdaEnvironmentNames: Rule = {
  id: "E3930",
  severity: "error",
  shortDescription: "Lambda environment variable names are letters, digits and underscores",
  description:
    "The keys of a function's Environment.Variables start with a letter and hold only letters, digits and underscores.",
  source: "https://docs.aws.amazon.com/lambda/latest/api/API_Environment.html",
  tags: ["resources", "lambda"],
  check({ template, report }) {
    const judge = (properties: MapNode, base: (string | number)[]) => {
      const variables = environmentVariables(mapGet(properties, "Environment")?.value);
      for (const entry of variables?.entries ?? []) {
        if (VARIABLE_NAME.test(entry.key) || isForEachKey(entry.key)) continue;
        const fixed = entry.key.replace(/[^A-Za-z0-9_]/g, "_").replace(/^([^A-Za-z])/, "V$1");
        report(
          entry.keyRange,
          `Environment variable name '${entry.key}' is not a letter followed by letters, digits and underscores, so ` +
            `Lambda refuses the function; rename it, such as '${fixed}'`,
          { path: [...base, "Environment", "Variables", entry.key] },
        );
      }
    };
    for (const resource of resourcesOfType(template, FUNCTION, SAM_FUNCTION)) {
      for (const { properties } of propertySets(resource))
        judge(properties, ["Resources", resource.name, "Properties"]);
    }
    const globals = globalsFor(template, SAM_FUNCTION);
    if (globals) judge(globals, ["Globals", "Function"]);
  },
};
