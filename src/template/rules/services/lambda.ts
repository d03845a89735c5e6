/** What the Lambda function rules share: the function types and the properties each one sees. */
import type { MapNode, Node } from "../../model";
import { mapGet } from "../../nodes";
import { plainMap } from "./values";

export const FUNCTION = "AWS::Lambda::Function";
export const SAM_FUNCTION = "AWS::Serverless::Function";

/** The Variables mapping of an Environment value, when both are written out. */
export function environmentVariables(environment: Node | undefined): MapNode | undefined {
  return plainMap(mapGet(plainMap(environment), "Variables")?.value);
}
