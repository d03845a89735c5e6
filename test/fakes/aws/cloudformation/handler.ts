// The CloudFormation query API: one function per action, each returning the Result shape the
// SDK parses. Every request first lets simulated time catch up (see state.ts).
import { randomUUID } from "node:crypto";
import {
  AwsError,
  memberList,
  memberStructs,
  parseQuery,
  queryError,
  queryResponse,
  validationError,
} from "../protocol";
import type { FakeContext, FakeRequest, FakeResponse } from "../types";
import { type ChangeSetInput, createChangeSet, NO_CHANGES_REASON } from "./changeset";
import { executeCreate, executeUpdate, type MachineEnv, startDelete } from "./machine";
import type { ChangeSet, Stack } from "./state";
import { parseTemplate, type Template } from "./template";
import { templateFromUrl } from "./template-url";

export const CLOUDFORMATION_XMLNS = "http://cloudformation.amazonaws.com/doc/2010-05-15/";

type Params = URLSearchParams;
type Action = (p: Params, env: MachineEnv) => unknown;

export async function handleCloudFormation(req: FakeRequest, ctx: FakeContext): Promise<FakeResponse> {
  const params = parseQuery(req.body, req.query);
  const action = params.get("Action") ?? "";
  const env: MachineEnv = {
    cf: ctx.state.cloudformation,
    s3: ctx.state.s3,
    inject: ctx.inject,
    region: ctx.region,
    accountId: ctx.accountId,
  };
  try {
    const fn = ACTIONS[action];
    if (!fn) throw new AwsError("InvalidAction", `The action ${action} is not valid for this web service.`);
    env.cf.advance();
    return queryResponse(action, CLOUDFORMATION_XMLNS, fn(params, env));
  } catch (e) {
    if (e instanceof AwsError) return queryError(e);
    return queryError(new AwsError("InternalFailure", (e as Error).stack ?? String(e), 500));
  }
}

function encodeToken(n: number): string {
  return Buffer.from(String(n)).toString("base64");
}

function decodeToken(token: string | null): number {
  if (!token) return 0;
  const n = Number(Buffer.from(token, "base64").toString("utf8"));
  if (!Number.isInteger(n) || n < 0) throw validationError("Invalid NextToken");
  return n;
}

function page<T>(items: T[], token: string | null, size: number): { items: T[]; next?: string } {
  const start = decodeToken(token);
  const end = start + size;
  return { items: items.slice(start, end), next: end < items.length ? encodeToken(end) : undefined };
}

const iso = (t: number | undefined) => (t === undefined ? undefined : new Date(t));

function stackShape(s: Stack) {
  const noEcho = new Set(
    Object.entries(s.template?.Parameters ?? {})
      .filter(([, p]) => String(p.NoEcho) === "true")
      .map(([k]) => k),
  );
  return {
    StackId: s.stackId,
    StackName: s.stackName,
    ChangeSetId: s.changeSetId,
    ParentId: s.parentId,
    RootId: s.rootId,
    Description: s.description,
    Parameters: Object.entries(s.parameters).map(([k, v]) => ({
      ParameterKey: k,
      ParameterValue: noEcho.has(k) ? "****" : v,
    })),
    CreationTime: iso(s.creationTime),
    DeletionTime: iso(s.deletionTime),
    LastUpdatedTime: iso(s.lastUpdatedTime),
    RollbackConfiguration: {},
    StackStatus: s.status,
    StackStatusReason: s.statusReason,
    DisableRollback: s.disableRollback,
    NotificationARNs: s.notificationArns,
    Capabilities: s.capabilities,
    Outputs: s.outputs,
    RoleARN: s.roleArn,
    Tags: s.tags,
    EnableTerminationProtection: s.terminationProtection,
    DriftInformation: { StackDriftStatus: "NOT_CHECKED" },
  };
}

function changeSetShape(cs: ChangeSet) {
  return {
    ChangeSetName: cs.name,
    ChangeSetId: cs.id,
    StackId: cs.stackId,
    StackName: cs.stackName,
    Description: cs.description,
    Parameters: Object.entries(cs.parameters).map(([k, v]) => ({ ParameterKey: k, ParameterValue: v })),
    CreationTime: iso(cs.creationTime),
    ExecutionStatus: cs.executionStatus,
    Status: cs.status,
    StatusReason: cs.statusReason,
    NotificationARNs: cs.notificationArns,
    RollbackConfiguration: {},
    Capabilities: cs.capabilities,
    Tags: cs.tags,
    IncludeNestedStacks: cs.includeNestedStacks,
    OnStackFailure: cs.onStackFailure,
  };
}

function bool(p: Params, name: string): boolean | undefined {
  const v = p.get(name);
  return v === null ? undefined : v === "true";
}

function required(p: Params, name: string): string {
  const v = p.get(name);
  if (!v)
    throw validationError(
      `1 validation error detected: Value null at '${name[0].toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must not be null`,
    );
  return v;
}

function templateSource(p: Params, env: MachineEnv): () => string | undefined {
  return () => {
    const body = p.get("TemplateBody");
    if (body !== null) {
      if (Buffer.byteLength(body) > 51_200) {
        throw validationError(
          `1 validation error detected: Value '${body}' at 'templateBody' failed to satisfy constraint: Member must have length less than or equal to 51200`,
        );
      }
      return body;
    }
    const url = p.get("TemplateURL");
    return url ? templateFromUrl(env.s3, url) : undefined;
  };
}

function changeSetInput(p: Params, changeSetName: string, type: string): ChangeSetInput {
  return {
    stackName: required(p, "StackName"),
    changeSetName,
    changeSetType: type,
    usePreviousTemplate: p.get("UsePreviousTemplate") === "true",
    parameters: memberStructs(p, "Parameters"),
    capabilities: memberList(p, "Capabilities"),
    tags: memberStructs(p, "Tags").map((t) => ({ Key: t.Key, Value: t.Value ?? "" })),
    notificationArns: memberList(p, "NotificationARNs"),
    description: p.get("Description") ?? undefined,
    roleArn: p.get("RoleARN") ?? undefined,
    onStackFailure: p.get("OnStackFailure") ?? undefined,
  };
}

function requireChangeSet(p: Params, env: MachineEnv): ChangeSet {
  const name = required(p, "ChangeSetName");
  const cs = env.cf.findChangeSet(name, p.get("StackName") ?? undefined);
  if (!cs) throw new AwsError("ChangeSetNotFound", `ChangeSet [${name}] does not exist`, 404);
  return cs;
}

const STABLE_FOR_EXECUTE = new Set([
  "REVIEW_IN_PROGRESS",
  "CREATE_COMPLETE",
  "UPDATE_COMPLETE",
  "UPDATE_ROLLBACK_COMPLETE",
  "CREATE_FAILED",
  "UPDATE_FAILED",
]);

function execute(env: MachineEnv, cs: ChangeSet, disableRollback?: boolean, token?: string): void {
  const stack = env.cf.stacks.get(cs.stackId) as Stack;
  if (cs.status !== "CREATE_COMPLETE") {
    throw new AwsError(
      "InvalidChangeSetStatus",
      `ChangeSet [${cs.id}] cannot be executed in its current status of [${cs.status}]`,
    );
  }
  if (cs.executionStatus !== "AVAILABLE") {
    throw new AwsError(
      "InvalidChangeSetStatus",
      `ChangeSet [${cs.id}] cannot be executed in its current execution status of [${cs.executionStatus}]`,
    );
  }
  if (stack.busy || !STABLE_FOR_EXECUTE.has(stack.status)) {
    throw validationError(`Stack:${stack.stackId} is in ${stack.status} state and can not be updated.`);
  }
  if (disableRollback) cs.onStackFailure = "DO_NOTHING";
  // Executing a change set makes every other change set of the stack obsolete; AWS removes them.
  for (const [id, other] of env.cf.changeSets)
    if (other.stackId === stack.stackId && other !== cs) env.cf.changeSets.delete(id);
  stack.clientRequestToken = token;
  if (stack.status === "REVIEW_IN_PROGRESS") executeCreate(env, stack, cs);
  else executeUpdate(env, stack, cs);
}

const ACTIONS: Record<string, Action> = {
  CreateChangeSet: (p, env) => {
    const input = changeSetInput(p, required(p, "ChangeSetName"), p.get("ChangeSetType") ?? "UPDATE");
    const cs = createChangeSet(env, input, templateSource(p, env));
    return { Id: cs.id, StackId: cs.stackId };
  },
  DescribeChangeSet: (p, env) => {
    const cs = requireChangeSet(p, env);
    const { items, next } = page(cs.changes, p.get("NextToken"), env.cf.options.pageSize);
    return { ...changeSetShape(cs), Changes: items, NextToken: next };
  },
  ListChangeSets: (p, env) => {
    const stack = env.cf.requireStack(required(p, "StackName"));
    const all = [...env.cf.changeSets.values()].filter((cs) => cs.stackId === stack.stackId);
    const { items, next } = page(all, p.get("NextToken"), env.cf.options.pageSize);
    return {
      Summaries: items.map((cs) => ({
        StackId: cs.stackId,
        StackName: cs.stackName,
        ChangeSetId: cs.id,
        ChangeSetName: cs.name,
        ExecutionStatus: cs.executionStatus,
        Status: cs.status,
        StatusReason: cs.statusReason,
        CreationTime: iso(cs.creationTime),
        Description: cs.description,
        IncludeNestedStacks: cs.includeNestedStacks,
      })),
      NextToken: next,
    };
  },
  ExecuteChangeSet: (p, env) => {
    execute(env, requireChangeSet(p, env), bool(p, "DisableRollback"), token(p));
    return {};
  },
  DeleteChangeSet: (p, env) => {
    const cs = requireChangeSet(p, env);
    if (cs.executionStatus === "EXECUTE_IN_PROGRESS") {
      throw new AwsError(
        "InvalidChangeSetStatus",
        `ChangeSet [${cs.id}] cannot be deleted in its current status of [EXECUTE_IN_PROGRESS]`,
      );
    }
    cs.status = "DELETED";
    env.cf.changeSets.delete(cs.id);
    return {};
  },
  DescribeStacks: (p, env) => {
    const name = p.get("StackName");
    const all = name
      ? [env.cf.requireStack(name)]
      : [...env.cf.stacks.values()].filter((s) => s.status !== "DELETE_COMPLETE");
    const { items, next } = page(all, p.get("NextToken"), env.cf.options.pageSize);
    return { Stacks: items.map(stackShape), NextToken: next };
  },
  ListStacks: (p, env) => {
    const filter = new Set(memberList(p, "StackStatusFilter"));
    const all = [...env.cf.stacks.values()].filter((s) => !filter.size || filter.has(s.status));
    const { items, next } = page(all, p.get("NextToken"), env.cf.options.pageSize);
    return {
      StackSummaries: items.map((s) => ({
        StackId: s.stackId,
        StackName: s.stackName,
        TemplateDescription: s.description,
        CreationTime: iso(s.creationTime),
        LastUpdatedTime: iso(s.lastUpdatedTime),
        DeletionTime: iso(s.deletionTime),
        StackStatus: s.status,
        StackStatusReason: s.statusReason,
        ParentId: s.parentId,
        RootId: s.rootId,
        DriftInformation: { StackDriftStatus: "NOT_CHECKED" },
      })),
      NextToken: next,
    };
  },
  DescribeStackEvents: (p, env) => {
    const stack = env.cf.requireStack(required(p, "StackName"));
    // The token is the sequence number to continue below, so events added between pages
    // never shift what the next page holds.
    const token = p.get("NextToken");
    const below = token ? decodeToken(token) : Number.POSITIVE_INFINITY;
    const older = stack.events.filter((e) => e.seq < below).reverse();
    const size = env.cf.options.eventPageSize;
    const items = older.slice(0, size);
    const next = older.length > size ? encodeToken(items[items.length - 1].seq) : undefined;
    return {
      StackEvents: items.map((e) => ({
        StackId: stack.stackId,
        EventId: e.eventId,
        StackName: stack.stackName,
        LogicalResourceId: e.logicalId,
        PhysicalResourceId: e.physicalId,
        ResourceType: e.type,
        Timestamp: iso(e.timestamp),
        ResourceStatus: e.status,
        ResourceStatusReason: e.reason,
        ResourceProperties: e.properties,
        ClientRequestToken: e.clientRequestToken,
      })),
      NextToken: next,
    };
  },
  DescribeStackResources: (p, env) => {
    const stack = env.cf.requireStack(required(p, "StackName"));
    const only = p.get("LogicalResourceId");
    return {
      StackResources: [...stack.resources.values()]
        .filter((r) => !only || r.logicalId === only)
        .map((r) => ({
          StackName: stack.stackName,
          StackId: stack.stackId,
          LogicalResourceId: r.logicalId,
          PhysicalResourceId: r.physicalId,
          ResourceType: r.type,
          Timestamp: iso(r.lastUpdated),
          ResourceStatus: r.status,
          ResourceStatusReason: r.statusReason,
          DriftInformation: { StackResourceDriftStatus: "NOT_CHECKED" },
        })),
    };
  },
  DescribeStackResource: (p, env) => {
    const stack = env.cf.requireStack(required(p, "StackName"));
    const id = required(p, "LogicalResourceId");
    const r = stack.resources.get(id);
    if (!r) throw validationError(`Resource ${id} does not exist for stack ${stack.stackName}`);
    return {
      StackResourceDetail: {
        StackName: stack.stackName,
        StackId: stack.stackId,
        LogicalResourceId: r.logicalId,
        PhysicalResourceId: r.physicalId,
        ResourceType: r.type,
        LastUpdatedTimestamp: iso(r.lastUpdated),
        ResourceStatus: r.status,
        ResourceStatusReason: r.statusReason,
        DriftInformation: { StackResourceDriftStatus: "NOT_CHECKED" },
      },
    };
  },
  ListStackResources: (p, env) => {
    const stack = env.cf.requireStack(required(p, "StackName"));
    const { items, next } = page([...stack.resources.values()], p.get("NextToken"), env.cf.options.pageSize);
    return {
      StackResourceSummaries: items.map((r) => ({
        LogicalResourceId: r.logicalId,
        PhysicalResourceId: r.physicalId,
        ResourceType: r.type,
        LastUpdatedTimestamp: iso(r.lastUpdated),
        ResourceStatus: r.status,
        ResourceStatusReason: r.statusReason,
        DriftInformation: { StackResourceDriftStatus: "NOT_CHECKED" },
      })),
      NextToken: next,
    };
  },
  GetTemplate: (p, env) => {
    const stage = p.get("TemplateStage") ?? "Original";
    if (stage !== "Original" && stage !== "Processed") {
      throw validationError(
        `1 validation error detected: Value '${stage}' at 'templateStage' failed to satisfy constraint: Member must satisfy enum value set: [Original, Processed]`,
      );
    }
    let source: { templateBody?: string; template?: Template } | undefined;
    if (p.get("ChangeSetName")) source = requireChangeSet(p, env);
    else {
      const stack = env.cf.requireStack(required(p, "StackName"));
      source = stack.template
        ? stack
        : [...env.cf.changeSets.values()].find((cs) => cs.stackId === stack.stackId);
    }
    return {
      TemplateBody: stage === "Processed" ? processedTemplate(source) : source?.templateBody,
      StagesAvailable: ["Original", "Processed"],
    };
  },
  ValidateTemplate: (p, env) => {
    const text = templateSource(p, env)();
    if (text === undefined) throw validationError("Either Template URL or Template Body must be specified.");
    const t = parseTemplate(text);
    return {
      Parameters: Object.entries(t.Parameters).map(([k, v]) => ({
        ParameterKey: k,
        DefaultValue: v.Default === undefined ? undefined : String(v.Default),
        NoEcho: String(v.NoEcho) === "true",
        Description: v.Description,
      })),
      Description: t.Description,
      DeclaredTransforms: t.Transform === undefined ? undefined : [t.Transform].flat().map(String),
    };
  },
  DeleteStack: (p, env) => {
    const name = required(p, "StackName");
    const stack = env.cf.findStack(name);
    if (!stack || stack.status === "DELETE_COMPLETE" || stack.status === "DELETE_IN_PROGRESS") return {};
    if (stack.terminationProtection) {
      throw validationError(
        `Stack [${stack.stackName}] cannot be deleted while TerminationProtection is enabled`,
      );
    }
    const retain = memberList(p, "RetainResources");
    if (retain.length && stack.status !== "DELETE_FAILED") {
      throw validationError(
        "Invalid operation on stack: RetainResources is only applicable to stacks in DELETE_FAILED state",
      );
    }
    if (stack.busy)
      throw validationError(`Stack [${stack.stackName}] cannot be deleted while in status ${stack.status}`);
    stack.clientRequestToken = token(p);
    startDelete(env, stack, retain);
    return {};
  },
  CancelUpdateStack: (p, env) => {
    const stack = env.cf.requireStack(required(p, "StackName"));
    if (stack.status !== "UPDATE_IN_PROGRESS" || !stack.cancelUpdate) {
      throw validationError("CancelUpdateStack cannot be called from current stack status.");
    }
    stack.clientRequestToken = token(p) ?? stack.clientRequestToken;
    stack.cancelUpdate();
    return {};
  },
  DescribeAccountLimits: (p, env) => {
    const all = Object.entries(env.cf.options.accountLimits).map(([Name, Value]) => ({ Name, Value }));
    const { items, next } = page(all, p.get("NextToken"), env.cf.options.pageSize);
    return { AccountLimits: items, NextToken: next };
  },
  UpdateTerminationProtection: (p, env) => {
    const stack = env.cf.requireStack(required(p, "StackName"));
    stack.terminationProtection = p.get("EnableTerminationProtection") === "true";
    return { StackId: stack.stackId };
  },
  ContinueUpdateRollback: (p, env) => {
    const stack = env.cf.requireStack(required(p, "StackName"));
    if (stack.status !== "UPDATE_ROLLBACK_FAILED" || !stack.pendingRollback) {
      throw validationError(
        `Stack ${stack.stackName} is in ${stack.status} state and can not continue update rollback.`,
      );
    }
    const resume = stack.pendingRollback;
    stack.pendingRollback = undefined;
    stack.clientRequestToken = token(p);
    resume(memberList(p, "ResourcesToSkip"));
    return {};
  },
  ListExports: (p, env) => {
    const all = [...env.cf.exports()].map(([name, e]) => ({
      ExportingStackId: e.stackId,
      Name: name,
      Value: e.value,
    }));
    const { items, next } = page(all, p.get("NextToken"), env.cf.options.pageSize);
    return { Exports: items, NextToken: next };
  },
  ListImports: (p, env) => {
    const name = required(p, "ExportName");
    const users = env.cf.importers(name);
    if (!users.length) throw validationError(`Export '${name}' is not imported by any stack.`);
    return { Imports: users };
  },
  CreateStack: (p, env) => {
    const name = required(p, "StackName");
    const existing = env.cf.findStack(name);
    if (existing && existing.status !== "REVIEW_IN_PROGRESS") {
      throw new AwsError("AlreadyExistsException", `Stack [${name}] already exists`);
    }
    const input = changeSetInput(p, `direct-${randomUUID()}`, "CREATE");
    const onFailure = p.get("OnFailure") ?? (p.get("DisableRollback") === "true" ? "DO_NOTHING" : "ROLLBACK");
    input.onStackFailure = onFailure;
    const cs = directChangeSet(env, input, directTemplate(p, env, input), token(p));
    const stack = env.cf.stacks.get(cs.stackId);
    if (stack) stack.terminationProtection = bool(p, "EnableTerminationProtection") ?? false;
    return { StackId: cs.stackId };
  },
  UpdateStack: (p, env) => {
    const input = changeSetInput(p, `direct-${randomUUID()}`, "UPDATE");
    if (p.get("DisableRollback") === "true") input.onStackFailure = "DO_NOTHING";
    const cs = directChangeSet(env, input, directTemplate(p, env, input), token(p));
    return { StackId: cs.stackId };
  },
};

const token = (p: Params) => p.get("ClientRequestToken") ?? undefined;

/**
 * The template of a CreateStack or UpdateStack. These run macros without a review step, so
 * unlike change sets they need CAPABILITY_AUTO_EXPAND for a template with a Transform.
 */
function directTemplate(p: Params, env: MachineEnv, input: ChangeSetInput): () => string | undefined {
  const text = input.usePreviousTemplate
    ? env.cf.findStack(input.stackName)?.templateBody
    : templateSource(p, env)();
  if (text !== undefined) {
    const template = parseTemplate(text);
    if (template.Transform !== undefined && !input.capabilities.includes("CAPABILITY_AUTO_EXPAND")) {
      throw new AwsError(
        "InsufficientCapabilitiesException",
        "Requires capabilities : [CAPABILITY_AUTO_EXPAND]",
      );
    }
  }
  return () => text;
}

/**
 * What GetTemplate returns for the Processed stage: the fake runs no macros (it deploys
 * Serverless types as they are), so processing only drops the Transform and yields JSON.
 */
function processedTemplate(source: { templateBody?: string; template?: Template } | undefined) {
  if (!source?.template || source.template.Transform === undefined) return source?.templateBody;
  const { Transform: _, ...rest } = source.template;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rest)) {
    if (v !== undefined && !(typeof v === "object" && v && !Object.keys(v).length)) out[k] = v;
  }
  return JSON.stringify(out);
}

/** CreateStack and UpdateStack: a change set computed at once and executed, never listed. */
function directChangeSet(
  env: MachineEnv,
  input: ChangeSetInput,
  text: () => string | undefined,
  requestToken?: string,
): ChangeSet {
  const saved = env.cf.options.changeSetDelayMs;
  env.cf.options.changeSetDelayMs = 0;
  let cs: ChangeSet;
  try {
    cs = createChangeSet(env, input, text);
  } finally {
    env.cf.options.changeSetDelayMs = saved;
  }
  env.cf.advance();
  env.cf.changeSets.delete(cs.id);
  if (cs.status === "FAILED") {
    if (cs.statusReason === NO_CHANGES_REASON) throw validationError("No updates are to be performed.");
    throw validationError(cs.statusReason ?? "Stack operation failed");
  }
  env.cf.changeSets.set(cs.id, cs);
  execute(env, cs, undefined, requestToken);
  env.cf.changeSets.delete(cs.id);
  return cs;
}
