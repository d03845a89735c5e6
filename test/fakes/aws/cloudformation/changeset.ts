// Change set creation: the checks CloudFormation makes before it accepts one (synchronous
// errors), and the diff it computes afterwards (Add/Modify/Remove, replacement, FAILED reasons).
import { randomUUID } from "node:crypto";
import { AwsError, validationError } from "../protocol";
import { containsIntrinsic, Resolver } from "./intrinsics";
import { activeResources, dependencies, type MachineEnv } from "./machine";
import { NESTED_STACK } from "./nested";
import { capabilityFor, typeInfo } from "./resources";
import type { Change, ChangeSet, Stack } from "./state";
import { type Json, type JsonObject, parseTemplate, references, type Template } from "./template";

export const NO_CHANGES_REASON =
  "The submitted information didn't contain changes. Submit different information to create a change set.";

const PSEUDO = new Set([
  "AWS::Region",
  "AWS::AccountId",
  "AWS::StackName",
  "AWS::StackId",
  "AWS::Partition",
  "AWS::URLSuffix",
  "AWS::NotificationARNs",
  "AWS::NoValue",
]);

const NAME_PATTERN = /^[a-zA-Z][-a-zA-Z0-9]*$/;

export function checkName(value: string, field: "stackName" | "changeSetName"): void {
  if (value.length > 128 || !NAME_PATTERN.test(value)) {
    throw validationError(
      `1 validation error detected: Value '${value}' at '${field}' failed to satisfy constraint: ` +
        `Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*`,
    );
  }
}

export interface ChangeSetInput {
  stackName: string;
  changeSetName: string;
  changeSetType: string;
  templateBody?: string;
  usePreviousTemplate: boolean;
  parameters: { ParameterKey?: string; ParameterValue?: string; UsePreviousValue?: string }[];
  capabilities: string[];
  tags: { Key: string; Value: string }[];
  notificationArns: string[];
  description?: string;
  roleArn?: string;
  onStackFailure?: string;
}

/** Parameter values after defaults, previous values and AllowedValues; throws what AWS throws. */
export function resolveParameters(
  template: Template,
  input: Pick<ChangeSetInput, "parameters">,
  previous: Record<string, string>,
): Record<string, string> {
  const given = new Map<string, string>();
  const unknown: string[] = [];
  for (const p of input.parameters) {
    const key = p.ParameterKey ?? "";
    if (!(key in template.Parameters)) {
      unknown.push(key);
      continue;
    }
    if (p.UsePreviousValue === "true") {
      if (!(key in previous))
        throw validationError(
          `Invalid input for parameter key ${key}. Cannot specify usePreviousValue as true for a parameter key not in the previous template`,
        );
      given.set(key, previous[key]);
    } else given.set(key, p.ParameterValue ?? "");
  }
  if (unknown.length)
    throw validationError(`Parameters: [${unknown.join(", ")}] do not exist in the template`);
  const values: Record<string, string> = {};
  const missing: string[] = [];
  for (const [key, def] of Object.entries(template.Parameters)) {
    const value = given.get(key) ?? (def.Default === undefined ? undefined : stringify(def.Default));
    if (value === undefined) {
      missing.push(key);
      continue;
    }
    if (def.AllowedValues && !def.AllowedValues.map(stringify).includes(value)) {
      throw validationError(`Parameter '${key}' must be one of AllowedValues`);
    }
    values[key] = value;
  }
  if (missing.length) throw validationError(`Parameters: [${missing.join(", ")}] must have values`);
  return values;
}

function stringify(v: Json): string {
  return Array.isArray(v) ? v.map(String).join(",") : String(v);
}

/** Template errors CloudFormation reports; thrown synchronously, or as FAILED after a transform. */
export function templateErrors(
  template: Template,
  capabilities: string[],
  resolver: Resolver,
): AwsError | undefined {
  const known = (t: string) => PSEUDO.has(t) || t in template.Parameters || t in template.Resources;
  const unresolved = new Set<string>();
  for (const r of Object.values(template.Resources)) {
    for (const ref of references((r.Properties ?? {}) as Json))
      if (!known(ref.target)) unresolved.add(ref.target);
    for (const d of typeof r.DependsOn === "string" ? [r.DependsOn] : (r.DependsOn ?? [])) {
      if (!(d in template.Resources)) {
        return validationError(
          `Template format error: Unresolved resource dependencies [${d}] in the Resources block of the template`,
        );
      }
    }
    if (!/^[A-Za-z0-9]+::[A-Za-z0-9]+(::[A-Za-z0-9]+)*$/.test(r.Type)) {
      return validationError(`Template format error: Unrecognized resource types: [${r.Type}]`);
    }
  }
  if (unresolved.size) {
    return validationError(
      `Template format error: Unresolved resource dependencies [${[...unresolved].join(", ")}] in the Resources block of the template`,
    );
  }
  for (const o of Object.values(template.Outputs)) {
    for (const ref of references(o.Value)) if (!known(ref.target)) unresolved.add(ref.target);
  }
  if (unresolved.size) {
    return validationError(
      `Template format error: Unresolved resource dependencies [${[...unresolved].join(", ")}] in the Outputs block of the template`,
    );
  }
  const cycle = findCycle(template);
  if (cycle) return validationError(`Circular dependency between resources: [${cycle.join(", ")}]`);
  let active: string[];
  try {
    active = activeResources(template, resolver);
  } catch (e) {
    return e instanceof AwsError ? e : validationError(String(e));
  }
  const needed = new Set<string>();
  for (const id of active) {
    const r = template.Resources[id];
    const cap = capabilityFor(r.Type, (r.Properties ?? {}) as JsonObject);
    if (cap) needed.add(cap);
  }
  const granted = new Set(capabilities);
  const lacking = [...needed].filter(
    (c) => !granted.has(c) && !(c === "CAPABILITY_IAM" && granted.has("CAPABILITY_NAMED_IAM")),
  );
  if (lacking.length)
    return new AwsError(
      "InsufficientCapabilitiesException",
      `Requires capabilities : [${lacking.join(", ")}]`,
    );
  return undefined;
}

function findCycle(template: Template): string[] | undefined {
  const state = new Map<string, 1 | 2>();
  const path: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 2) return undefined;
    if (state.get(id) === 1) return path.slice(path.indexOf(id));
    state.set(id, 1);
    path.push(id);
    for (const d of dependencies(template, id)) {
      const c = visit(d);
      if (c) return c;
    }
    path.pop();
    state.set(id, 2);
    return undefined;
  };
  for (const id of Object.keys(template.Resources)) {
    const c = visit(id);
    if (c) return c.sort();
  }
  return undefined;
}

export function symbolicResolver(
  env: MachineEnv,
  stack: Stack,
  template: Template,
  parameters: Record<string, string>,
): Resolver {
  return new Resolver(
    {
      template,
      parameters,
      region: env.region,
      accountId: env.accountId,
      stackName: stack.stackName,
      stackId: stack.stackId,
      notificationArns: stack.notificationArns,
    },
    true,
  );
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The resource changes between what the stack runs and what the change set proposes. */
export function diff(env: MachineEnv, stack: Stack, cs: ChangeSet): Change[] {
  const newR = symbolicResolver(env, stack, cs.template, cs.parameters);
  const wanted = activeResources(cs.template, newR);
  const changes = new Map<string, Change>();
  const oldT = stack.template;
  const oldR = oldT ? symbolicResolver(env, stack, oldT, stack.parameters) : undefined;
  const tagsChanged = !!oldT && !same(stack.tags, cs.tags);

  for (const id of wanted) {
    const def = cs.template.Resources[id];
    const existing = stack.resources.get(id);
    if (!existing?.physicalId) {
      changes.set(id, resourceChange("Add", id, def.Type, undefined, undefined, []));
      continue;
    }
    const oldDef = oldT?.Resources[id];
    const details: Change["ResourceChange"]["Details"] = [];
    const scope = new Set<string>();
    if (!oldDef || oldDef.Type !== def.Type) {
      changes.set(id, resourceChange("Modify", id, def.Type, existing.physicalId, "True", ["Properties"]));
      continue;
    }
    const info = typeInfo(def.Type);
    const oldProps = (oldR?.resolve((oldDef.Properties ?? {}) as Json) ?? {}) as JsonObject;
    const newProps = (newR.resolve((def.Properties ?? {}) as Json) ?? {}) as JsonObject;
    for (const key of new Set([...Object.keys(oldProps), ...Object.keys(newProps)])) {
      if (same(oldProps[key], newProps[key])) continue;
      const always = info.replaceOn.includes("*") || info.replaceOn.includes(key);
      const value = newProps[key];
      const viaParameter = same(oldDef.Properties?.[key], def.Properties?.[key]);
      scope.add("Properties");
      details.push({
        Target: {
          Attribute: "Properties",
          Name: key,
          RequiresRecreation: always
            ? value !== undefined && containsIntrinsic(value)
              ? "Conditionally"
              : "Always"
            : "Never",
        },
        Evaluation: "Static",
        ChangeSource: viaParameter ? "ParameterReference" : "DirectModification",
      });
    }
    if (!same(oldDef.Metadata, def.Metadata)) {
      scope.add("Metadata");
      details.push({
        Target: { Attribute: "Metadata", RequiresRecreation: "Never" },
        Evaluation: "Static",
        ChangeSource: "DirectModification",
      });
    }
    if (tagsChanged) {
      scope.add("Tags");
      details.push({
        Target: { Attribute: "Tags", RequiresRecreation: "Never" },
        Evaluation: "Static",
        ChangeSource: "DirectModification",
      });
    }
    if (!details.length && def.Type === NESTED_STACK) {
      // CloudFormation cannot see into a nested template before it runs, so it always lists the
      // nested stack as a possible change.
      scope.add("Properties");
      details.push({
        Target: { Attribute: "Properties", RequiresRecreation: "Never" },
        Evaluation: "Dynamic",
        ChangeSource: "Automatic",
      });
    }
    if (details.length) {
      changes.set(
        id,
        resourceChange(
          "Modify",
          id,
          def.Type,
          existing.physicalId,
          replacementOf(details),
          [...scope],
          details,
        ),
      );
    }
  }
  // A resource that references a replaced one sees a new value it cannot know yet: Dynamic.
  for (let pass = 0; pass < wanted.length; pass++) {
    let grew = false;
    for (const id of wanted) {
      const def = cs.template.Resources[id];
      const existing = stack.resources.get(id);
      if (!existing?.physicalId) continue;
      const info = typeInfo(def.Type);
      for (const [key, value] of Object.entries((def.Properties ?? {}) as JsonObject)) {
        for (const ref of references(value)) {
          const cause = changes.get(ref.target)?.ResourceChange;
          // A nested stack's outputs may change without a replacement, so what reads them may too.
          const nestedOutput = cause?.ResourceType === NESTED_STACK && !!ref.attribute;
          if (
            !cause ||
            cause.Action === "Add" ||
            cause.Action === "Remove" ||
            (cause.Replacement === "False" && !nestedOutput)
          )
            continue;
          const causing = ref.attribute ? `${ref.target}.${ref.attribute}` : ref.target;
          const current = changes.get(id);
          if (
            current?.ResourceChange.Details.some((d) => d.CausingEntity === causing && d.Target.Name === key)
          )
            continue;
          const always = info.replaceOn.includes("*") || info.replaceOn.includes(key);
          const detail = {
            Target: {
              Attribute: "Properties",
              Name: key,
              RequiresRecreation: always ? ("Conditionally" as const) : ("Never" as const),
            },
            Evaluation: "Dynamic" as const,
            ChangeSource: nestedOutput ? "ResourceAttribute" : "ResourceReference",
            CausingEntity: causing,
          };
          const details = [...(current?.ResourceChange.Details ?? []), detail];
          const scope = [...new Set([...(current?.ResourceChange.Scope ?? []), "Properties"])];
          changes.set(
            id,
            resourceChange(
              "Modify",
              id,
              def.Type,
              existing.physicalId,
              replacementOf(details),
              scope,
              details,
            ),
          );
          grew = true;
        }
      }
    }
    if (!grew) break;
  }
  for (const [id, r] of stack.resources) {
    if (!wanted.includes(id) && r.physicalId)
      changes.set(id, resourceChange("Remove", id, r.type, r.physicalId, undefined, []));
  }
  return [...changes.values()];
}

function replacementOf(details: Change["ResourceChange"]["Details"]): "True" | "False" | "Conditional" {
  if (details.some((d) => d.Target.RequiresRecreation === "Always" && d.Evaluation === "Static"))
    return "True";
  if (details.some((d) => d.Target.RequiresRecreation !== "Never")) return "Conditional";
  return "False";
}

function resourceChange(
  action: "Add" | "Modify" | "Remove",
  id: string,
  type: string,
  physicalId: string | undefined,
  replacement: "True" | "False" | "Conditional" | undefined,
  scope: string[],
  details: Change["ResourceChange"]["Details"] = [],
): Change {
  return {
    Type: "Resource",
    ResourceChange: {
      Action: action,
      LogicalResourceId: id,
      PhysicalResourceId: physicalId,
      ResourceType: type,
      Replacement: replacement,
      Scope: scope,
      Details: details,
    },
  };
}

const STABLE = new Set([
  "CREATE_COMPLETE",
  "UPDATE_COMPLETE",
  "UPDATE_ROLLBACK_COMPLETE",
  "IMPORT_COMPLETE",
  "IMPORT_ROLLBACK_COMPLETE",
  "UPDATE_FAILED",
  "CREATE_FAILED",
]);

/** Validates, registers the change set (and the REVIEW_IN_PROGRESS stack for CREATE), schedules its result. */
export function createChangeSet(
  env: MachineEnv,
  input: ChangeSetInput,
  templateText: () => string | undefined,
): ChangeSet {
  const { cf } = env;
  checkName(input.changeSetName, "changeSetName");
  if (!input.stackName.startsWith("arn:")) checkName(input.stackName, "stackName");
  const type = input.changeSetType || "UPDATE";
  if (type !== "CREATE" && type !== "UPDATE") {
    throw validationError(`ChangeSetType ${type} is not supported by this fake`);
  }
  let stack = cf.findStack(input.stackName);
  if (type === "CREATE" && stack && stack.status !== "REVIEW_IN_PROGRESS") {
    throw validationError(
      `Stack [${stack.stackName}] already exists and cannot be created again with the changeSet [${input.changeSetName}].`,
    );
  }
  if (type === "UPDATE") {
    if (!stack) throw validationError(`Stack [${input.stackName}] does not exist`);
    if (stack.busy || !STABLE.has(stack.status)) {
      throw validationError(`Stack:${stack.stackId} is in ${stack.status} state and can not be updated.`);
    }
  }
  if (stack && cf.findChangeSet(input.changeSetName, stack.stackId)) {
    throw new AwsError("AlreadyExistsException", `ChangeSet [${input.changeSetName}] already exists`);
  }
  let text: string | undefined;
  if (input.usePreviousTemplate) {
    if (!stack?.templateBody)
      throw validationError("UsePreviousTemplate is not valid for a stack with no deployed template");
    text = stack.templateBody;
  } else text = templateText();
  if (text === undefined) throw validationError("Either Template URL or Template Body must be specified.");
  const template = parseTemplate(text);
  const parameters = resolveParameters(template, input, stack?.parameters ?? {});
  const hasTransform = template.Transform !== undefined;

  const createdHere = !stack;
  if (!stack) stack = newReviewStack(env, input.stackName);
  const cs: ChangeSet = {
    id: `arn:aws:cloudformation:${env.region}:${env.accountId}:changeSet/${input.changeSetName}/${randomUUID()}`,
    name: input.changeSetName,
    stackId: stack.stackId,
    stackName: stack.stackName,
    type,
    status: "CREATE_PENDING",
    executionStatus: "UNAVAILABLE",
    creationTime: cf.now(),
    description: input.description,
    template,
    templateBody: text,
    parameters,
    tags: input.tags,
    capabilities: input.capabilities,
    notificationArns: input.notificationArns,
    roleArn: input.roleArn,
    onStackFailure: input.onStackFailure,
    changes: [],
    includeNestedStacks: false,
  };
  const resolver = symbolicResolver(env, stack, template, parameters);
  const problem = templateErrors(template, input.capabilities, resolver);
  // Without a transform CloudFormation rejects a bad template at once; with one, the change set
  // is accepted and fails after processing, with the error as its StatusReason.
  if (problem && !hasTransform) {
    // A rejected change set leaves no trace: the stack it would have created never existed.
    if (createdHere) cf.stacks.delete(stack.stackId);
    throw problem;
  }
  cf.changeSets.set(cs.id, cs);
  const target = stack;
  const delay = cf.options.changeSetDelayMs;
  if (delay > 0) cf.schedule(cf.now() + delay / 2, () => settleStatus(cs, "CREATE_IN_PROGRESS"));
  cf.schedule(cf.now() + delay, () => {
    if (cs.status === "DELETED") return;
    if (problem) return settleStatus(cs, "FAILED", problem.message);
    let changes: Change[];
    try {
      changes = diff(env, target, cs);
    } catch (e) {
      return settleStatus(cs, "FAILED", (e as Error).message);
    }
    cs.changes = changes;
    const unchanged =
      !!target.template &&
      same(target.template, template) &&
      same(target.parameters, parameters) &&
      same(target.tags, input.tags);
    if (unchanged || (!changes.length && type === "CREATE"))
      return settleStatus(cs, "FAILED", NO_CHANGES_REASON);
    cs.executionStatus = "AVAILABLE";
    settleStatus(cs, "CREATE_COMPLETE");
  });
  return cs;
}

function settleStatus(cs: ChangeSet, status: string, reason?: string): void {
  cs.status = status;
  cs.statusReason = reason;
}

function newReviewStack(env: MachineEnv, name: string): Stack {
  const stack = env.cf.newStack(name, env.region, env.accountId);
  env.cf.setStackStatus(stack, "REVIEW_IN_PROGRESS", "User Initiated");
  return stack;
}
