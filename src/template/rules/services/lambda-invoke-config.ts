/**
 * E3979 (our own id): a function's asynchronous invocation settings that Lambda refuses
 * (PutFunctionEventInvokeConfig, which CloudFormation calls for AWS::Lambda::EventInvokeConfig and
 * for the one a SAM function's EventInvokeConfig makes):
 * - an AWS::Lambda::EventInvokeConfig with none of MaximumRetryAttempts, MaximumEventAgeInSeconds
 *   and DestinationConfig: "You must specify at least one of error handling or destination
 *   setting" (InvalidParameterValueException). A DestinationConfig that is given, even empty, is
 *   taken;
 * - an OnSuccess or OnFailure destination that is the function itself: "You can't specify the
 *   function as a destination for itself". The function is known through a Ref (its name) or a
 *   GetAtt of its Arn of a function of the template, and the destination through a GetAtt of its
 *   Arn.
 * Both messages as LocalStack copies them in the Lambda API tests it runs against AWS
 * (test_lambda_eventinvokeconfig_exceptions).
 */
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import type { Report, Rule } from "../rule";
import type { TemplateIndex } from "../template-index";
import { FUNCTION, SAM_FUNCTION } from "./lambda";
import { getAttResource, isAbsent, namedResource, plainMap, propertySets, resourcesOfType } from "./values";

const INVOKE_CONFIG = "AWS::Lambda::EventInvokeConfig";
const SETTINGS = ["MaximumRetryAttempts", "MaximumEventAgeInSeconds", "DestinationConfig"];
const FUNCTIONS = [FUNCTION, SAM_FUNCTION];

/** Report each destination of `config` that is the function `fn` itself. */
function checkSelf(
  template: TemplateIndex,
  fn: string,
  config: Node | undefined,
  owner: string,
  path: (string | number)[],
  report: Report,
): void {
  const destinations = plainMap(config);
  for (const kind of ["OnSuccess", "OnFailure"]) {
    const destination = mapGet(plainMap(mapGet(destinations, kind)?.value), "Destination")?.value;
    if (!destination || getAttResource(template, destination, "Arn", FUNCTIONS)?.name !== fn) continue;
    report(
      destination,
      `${owner} sends ${kind === "OnSuccess" ? "successful" : "failed"} asynchronous invocations of function ${fn} ` +
        `to function ${fn} itself, and Lambda refuses a function as its own destination; send them to another ` +
        "function, a queue, a topic or an event bus",
      { path: [...path, kind, "Destination"] },
    );
  }
}

export const invokeConfigSettings: Rule = {
  id: "E3979",
  severity: "error",
  shortDescription:
    "Asynchronous invocation settings set something, and not the function as its own destination",
  description:
    "An AWS::Lambda::EventInvokeConfig sets at least one of MaximumRetryAttempts, MaximumEventAgeInSeconds and " +
    "DestinationConfig, and neither it nor a SAM function's EventInvokeConfig sends a function's invocations to " +
    "the function itself.",
  source: "https://docs.aws.amazon.com/lambda/latest/api/API_PutFunctionEventInvokeConfig.html",
  tags: ["resources", "lambda", "serverless"],
  check({ template, report }) {
    for (const invoke of resourcesOfType(template, INVOKE_CONFIG)) {
      for (const { properties } of propertySets(invoke)) {
        const path = ["Resources", invoke.name, "Properties"];
        if (SETTINGS.every((key) => isAbsent(properties, key))) {
          report(
            invoke.properties?.keyRange ?? invoke.entry.keyRange,
            `Invoke config ${invoke.name} sets none of ${SETTINGS.join(", ")}, and Lambda refuses such a ` +
              "configuration; set the retries, the event age or a destination, or remove the resource",
            { path },
          );
        }
        const name = mapGet(properties, "FunctionName")?.value;
        // A FunctionName takes the function's name (its Ref) or its ARN.
        const fn = name && namedResource(template, name, "Arn", FUNCTIONS)?.name;
        if (!fn) continue;
        checkSelf(
          template,
          fn,
          mapGet(properties, "DestinationConfig")?.value,
          `Invoke config ${invoke.name}`,
          [...path, "DestinationConfig"],
          report,
        );
      }
    }
    for (const fn of resourcesOfType(template, SAM_FUNCTION)) {
      for (const { properties } of propertySets(fn)) {
        const invoke = plainMap(mapGet(properties, "EventInvokeConfig")?.value);
        checkSelf(
          template,
          fn.name,
          mapGet(invoke, "DestinationConfig")?.value,
          `The EventInvokeConfig of function ${fn.name}`,
          ["Resources", fn.name, "Properties", "EventInvokeConfig", "DestinationConfig"],
          report,
        );
      }
    }
  },
};
