/**
 * The template rules as a deploy runs them before any AWS call (with the values its
 * parameter-overrides passes, which validate reads here too), the same from the action and from
 * the command line, which differ only in how they show the findings.
 */
import { resolve } from "node:path";
import { InputError } from "../errors";
import type { DeployInputs } from "../inputs";
import { checkTemplates } from "./check";
import type { Finding } from "./model";
import { countFindings } from "./report/counts";

/** Whether a deploy checks its template first: a change set being executed was checked when it was made. */
export function validatesTemplate(inputs: Pick<DeployInputs, "validate" | "mode">): boolean {
  return inputs.validate && inputs.mode !== "execute-change-set";
}

export interface DeployCheckOptions {
  workspace: string;
  /** The template's input or option, named in messages about the file. */
  input: string;
  /** Where the caller shows the findings, e.g. "annotated above". */
  shown: string;
  /** How to deploy without the rules, e.g. "set validate: false". */
  skip: string;
  /** The stack being deployed: names built from AWS::StackName are judged with it (E3944). */
  stackName: string;
  /** The deploy's parameter-overrides as given: a Ref to a parameter is judged with its value (E3946). */
  parameterOverrides?: string;
}

/**
 * The values a parameter-overrides input passes, read as the deploy reads them (in any of its
 * forms; a file's path relative to the workspace); undefined when the input is empty. Input that
 * cannot be read is an InputError naming `input`. The reader (and the YAML library it needs) is
 * loaded only when there are values: a check without them starts no slower.
 */
export async function readParameterValues(
  raw: string,
  workspace: string,
  input = "parameter-overrides",
): Promise<ReadonlyMap<string, string> | undefined> {
  if (raw.trim() === "") return undefined;
  const { ParameterError, readParameterOverrides } = await import("../stack/parameters");
  const { readFile } = await import("node:fs/promises");
  try {
    return await readParameterOverrides(raw, (path) => readFile(resolve(workspace, path), "utf8"));
  } catch (error) {
    if (!(error instanceof ParameterError)) throw error;
    throw new InputError(input, error.message.replace(/^Input '[^']*': /, ""));
  }
}

/**
 * readParameterValues for a deploy, which reports input it cannot read itself, before any AWS
 * call: the template is then checked with the parameters' Defaults meanwhile.
 */
export function passedParameterValues(
  raw: string,
  workspace: string,
): Promise<ReadonlyMap<string, string> | undefined> {
  return readParameterValues(raw, workspace).catch(() => undefined);
}

/**
 * Runs the rules on `template`; `refusal` is set when errors stop the deploy, and says how many,
 * that nothing was deployed, and what to do.
 */
export async function checkBeforeDeploy(
  template: string,
  options: DeployCheckOptions,
): Promise<{ findings: Finding[]; refusal?: string }> {
  const { findings } = await checkTemplates([template], {
    workspace: options.workspace,
    input: options.input,
    stackName: options.stackName,
    parameterValues: await passedParameterValues(options.parameterOverrides ?? "", options.workspace),
  });
  const { errors } = countFindings(findings);
  if (errors === 0) return { findings };
  return {
    findings,
    refusal: `The template has ${errors} ${errors === 1 ? "error" : "errors"} (${options.shown}), so nothing was deployed. Fix them, or ${options.skip} to let CloudFormation judge the template.`,
  };
}
