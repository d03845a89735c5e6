/** What the Lambda function rules share: the function types and the properties each one sees. */
import type { MapNode, Node } from "../../model";
import { mapGet } from "../../nodes";
import { inheritedProperty, plainMap } from "./values";

export const FUNCTION = "AWS::Lambda::Function";
export const SAM_FUNCTION = "AWS::Serverless::Function";

/**
 * A property of a function as deployed: its own entry, else (SAM) the Globals.Function entry it
 * inherits; `inherited` tells which.
 */
export const functionProperty = inheritedProperty;

/** The Variables mapping of an Environment value, when both are written out. */
export function environmentVariables(environment: Node | undefined): MapNode | undefined {
  return plainMap(mapGet(plainMap(environment), "Variables")?.value);
}
