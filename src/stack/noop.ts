import { GetTemplateCommand, type Parameter, type Stack, type Tag } from "@aws-sdk/client-cloudformation";
import { describeAwsError } from "../aws/errors";
import type { TemplateParameter } from "./parameters";
import type { CfnClient } from "./runtime";
import { sameTags } from "./tags";

/**
 * The no-op fast path: when the deployed original template, parameters and tags equal the new
 * ones there is nothing to do, and no change set needs to be made. Cheap checks run first so the
 * one extra call (GetTemplate) is made only when everything else already agrees.
 */

export interface NoopInput {
  stack: Stack;
  templateBody: string;
  declared: TemplateParameter[];
  parameters: Parameter[];
  tags: Tag[];
  roleArn?: string;
}

export interface NoopCheck {
  noop: boolean;
  /** Why the fast path was not taken (or "unchanged"), for the log. */
  reason: string;
  /** The deployed original template, when it was read. */
  deployedTemplate?: string;
}

/** Statuses whose deployed template is what the stack really runs. */
const SETTLED = new Set([
  "CREATE_COMPLETE",
  "UPDATE_COMPLETE",
  "UPDATE_ROLLBACK_COMPLETE",
  "IMPORT_COMPLETE",
]);

function normalise(body: string): string {
  return body.replace(/\r\n/g, "\n").trimEnd();
}

function parameterDifference(input: NoopInput): string | undefined {
  if (input.declared.some((p) => p.noEcho)) {
    return "the template has NoEcho parameters, whose deployed values CloudFormation masks";
  }
  if (input.declared.some((p) => p.type.startsWith("AWS::SSM::Parameter::"))) {
    return "the template reads SSM parameters, whose values may have changed";
  }
  const deployed = new Map((input.stack.Parameters ?? []).map((p) => [p.ParameterKey, p.ParameterValue]));
  const given = new Map(input.parameters.map((p) => [p.ParameterKey, p]));
  if (deployed.size !== input.declared.length) return "the parameters changed";
  for (const param of input.declared) {
    if (!deployed.has(param.key)) return `parameter ${param.key} is new`;
    const override = given.get(param.key);
    if (override?.UsePreviousValue) continue;
    const wanted = override?.ParameterValue ?? param.defaultValue;
    if (wanted !== deployed.get(param.key)) return `parameter ${param.key} changed`;
  }
  return undefined;
}

export async function checkNoop(cfn: CfnClient, input: NoopInput): Promise<NoopCheck> {
  const status = input.stack.StackStatus ?? "";
  if (!SETTLED.has(status)) return { noop: false, reason: `the stack is ${status}` };
  if ((input.roleArn ?? "") !== (input.stack.RoleARN ?? ""))
    return { noop: false, reason: "the role-arn changed" };
  if (!sameTags(input.tags, input.stack.Tags)) return { noop: false, reason: "the tags changed" };
  const parameters = parameterDifference(input);
  if (parameters) return { noop: false, reason: parameters };
  let deployedTemplate: string;
  try {
    const response = await cfn.send(
      new GetTemplateCommand({
        StackName: input.stack.StackId ?? input.stack.StackName,
        TemplateStage: "Original",
      }),
    );
    deployedTemplate = response.TemplateBody ?? "";
  } catch (error) {
    throw describeAwsError(error, { action: "cloudformation:GetTemplate", stackName: input.stack.StackName });
  }
  if (normalise(deployedTemplate) !== normalise(input.templateBody)) {
    return { noop: false, reason: "the template changed", deployedTemplate };
  }
  return { noop: true, reason: "unchanged", deployedTemplate };
}
