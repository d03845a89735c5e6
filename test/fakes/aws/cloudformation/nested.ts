// Nested stacks: an AWS::CloudFormation::Stack resource runs a child stack from a TemplateURL in
// the fake S3. The child is a full stack (own events, outputs, rollbacks); the parent's resource
// waits for it and reports its failure as CloudFormation words it ("Embedded stack ... was not
// successfully created: ...").
import { randomUUID } from "node:crypto";
import { AwsError } from "../protocol";
import { diff, resolveParameters, symbolicResolver, templateErrors } from "./changeset";
import { executeCreate, executeUpdate, type MachineEnv, startDelete } from "./machine";
import { randomId } from "./resources";
import type { ChangeSet, Stack } from "./state";
import { type Json, type JsonObject, parseTemplate } from "./template";
import { templateFromUrl } from "./template-url";

export const NESTED_STACK = "AWS::CloudFormation::Stack";

/** What a nested stack resource exposes to Fn::GetAtt: `Outputs.Name` for each child output. */
export function nestedAttributes(child: Stack): Record<string, string> {
  return Object.fromEntries(child.outputs.map((o) => [`Outputs.${o.OutputKey}`, o.OutputValue]));
}

function parameterList(props: JsonObject): { ParameterKey: string; ParameterValue: string }[] {
  const given = (props.Parameters ?? {}) as JsonObject;
  return Object.entries(given).map(([k, v]) => ({
    ParameterKey: k,
    ParameterValue: Array.isArray(v) ? v.map(String).join(",") : String(v as Json),
  }));
}

/** The change set CloudFormation computes for the child; an error message when it cannot. */
function childChangeSet(
  env: MachineEnv,
  parent: Stack,
  child: Stack,
  props: JsonObject,
  onStackFailure: string,
): ChangeSet | string {
  const url = props.TemplateURL;
  if (typeof url !== "string") return "Properties validation failed: TemplateURL is required";
  try {
    const text = templateFromUrl(env.s3, url);
    const template = parseTemplate(text);
    const parameters = resolveParameters(template, { parameters: parameterList(props) }, child.parameters);
    // A nested stack is created directly from its template, never through a reviewed change
    // set, so macros need CAPABILITY_AUTO_EXPAND here even though change sets do not.
    if (template.Transform !== undefined && !parent.capabilities.includes("CAPABILITY_AUTO_EXPAND")) {
      return "Requires capabilities : [CAPABILITY_AUTO_EXPAND]";
    }
    const problem = templateErrors(
      template,
      parent.capabilities,
      symbolicResolver(env, child, template, parameters),
    );
    if (problem) return problem.message;
    const cs: ChangeSet = {
      id: `arn:aws:cloudformation:${env.region}:${env.accountId}:changeSet/nested-${randomUUID()}/${randomUUID()}`,
      name: "nested",
      stackId: child.stackId,
      stackName: child.stackName,
      type: child.template ? "UPDATE" : "CREATE",
      status: "CREATE_COMPLETE",
      executionStatus: "AVAILABLE",
      creationTime: env.cf.now(),
      template,
      templateBody: text,
      parameters,
      tags: parent.tags,
      capabilities: parent.capabilities,
      notificationArns: parent.notificationArns,
      roleArn: parent.roleArn,
      onStackFailure,
      changes: [],
      includeNestedStacks: false,
    };
    cs.changes = diff(env, child, cs);
    return cs;
  } catch (e) {
    if (e instanceof AwsError) return e.message;
    throw e;
  }
}

/** Creates the child stack and starts its creation; a reason when CloudFormation would refuse. */
export function createNested(
  env: MachineEnv,
  parent: Stack,
  logicalId: string,
  props: JsonObject,
): Stack | string {
  const { cf } = env;
  const child = cf.newStack(`${parent.stackName}-${logicalId}-${randomId(12)}`, env.region, env.accountId);
  child.parentId = parent.stackId;
  child.rootId = parent.rootId ?? parent.stackId;
  child.clientRequestToken = parent.clientRequestToken;
  const cs = childChangeSet(env, parent, child, props, parent.disableRollback ? "DO_NOTHING" : "ROLLBACK");
  if (typeof cs === "string") {
    cf.stacks.delete(child.stackId);
    return cs;
  }
  executeCreate(env, child, cs);
  return child;
}

/**
 * Updates the child with the parent's new properties. Resolves "unchanged" when the child's
 * template and parameters are what it runs, as CloudFormation then leaves the child alone.
 */
export function updateNested(
  env: MachineEnv,
  parent: Stack,
  child: Stack,
  props: JsonObject,
  onStackFailure: string,
): "started" | "unchanged" | string {
  const cs = childChangeSet(env, parent, child, props, onStackFailure);
  if (typeof cs === "string") return cs;
  const same =
    JSON.stringify(cs.template) === JSON.stringify(child.template) &&
    JSON.stringify(cs.parameters) === JSON.stringify(child.parameters);
  if (same) return "unchanged";
  child.clientRequestToken = parent.clientRequestToken;
  executeUpdate(env, child, cs);
  return "started";
}

/** Deletes the child once it is idle, and calls `done` when the delete has ended either way. */
export function deleteNested(env: MachineEnv, parent: Stack, child: Stack, done: () => void): void {
  const { cf } = env;
  cf.whenIdle(child, () => {
    if (child.status === "DELETE_COMPLETE") return done();
    child.clientRequestToken = parent.clientRequestToken;
    startDelete(env, child, []);
    cf.whenIdle(child, done);
  });
}

export function embeddedFailure(child: Stack, verb: "created" | "deleted"): string {
  return `Embedded stack ${child.stackId} was not successfully ${verb}: ${child.failureReason ?? child.statusReason ?? child.status}`;
}

export function embeddedUpdateFailure(child: Stack): string {
  return `Embedded stack ${child.stackId} was not successfully updated. Currently in ${child.status} with reason: ${child.failureReason ?? child.statusReason ?? ""}`;
}
