// Stack operations as scheduled steps: create, update (with cleanup), delete, and the rollbacks
// each can turn into. Resources start as soon as the resources they reference are done, so a
// template's dependency graph shapes the event stream as it does in AWS.
import type { S3State } from "../s3";
import type { Injector } from "../types";
import { type ResolveEnv, Resolver } from "./intrinsics";
import {
  createNested,
  deleteNested,
  embeddedFailure,
  embeddedUpdateFailure,
  NESTED_STACK,
  nestedAttributes,
  updateNested,
} from "./nested";
import { provision, typeInfo } from "./resources";
import type { ChangeSet, CloudFormationState, ResourceState, Stack, StackOutput } from "./state";
import { type Json, type JsonObject, references, type Template } from "./template";

export interface MachineEnv {
  cf: CloudFormationState;
  s3: S3State;
  inject: Injector;
  region: string;
  accountId: string;
}

interface Job {
  key: string;
  deps: string[];
  duration: number;
  start(): void;
  /** For work that ends on its own (a nested stack's operation): runs instead of waiting `duration`. */
  wait?(resume: () => void): void;
  /** Returns a failure reason, or undefined on success. */
  finish(): string | undefined;
  cancel?(): void;
}

export interface Phase {
  /** Stops the phase as a failure would (CancelUpdateStack); onDone sees `cancelled`. */
  cancel(): void;
}

/**
 * Runs jobs as their dependencies complete. On the first failure the running jobs are
 * cancelled and nothing new starts, as CloudFormation does before it rolls back.
 */
function runPhase(
  cf: CloudFormationState,
  jobs: Job[],
  onDone: (failed: string[], cancelled: boolean) => void,
  startAt = cf.now(),
): Phase {
  const keys = new Set(jobs.map((j) => j.key));
  const pending = new Map(
    jobs.map((j) => [j.key, { ...j, deps: j.deps.filter((d) => keys.has(d) && d !== j.key) }]),
  );
  const running = new Set<string>();
  const done = new Set<string>();
  const failed: string[] = [];
  let stopped = false;
  let cancelled = false;
  let finished = false;

  const settle = () => {
    if (finished || running.size) return;
    finished = true;
    onDone(failed, cancelled);
  };
  const kick = () => {
    if (!stopped) {
      for (const [key, job] of pending) {
        if (!job.deps.every((d) => done.has(d))) continue;
        pending.delete(key);
        running.add(key);
        job.start();
        if (job.wait) job.wait(() => cf.schedule(cf.now(), () => complete(job)));
        else cf.schedule(cf.now() + job.duration, () => complete(job));
      }
    }
    settle();
  };
  const complete = (job: Job) => {
    if (!running.has(job.key)) return;
    running.delete(job.key);
    const reason = job.finish();
    if (reason === undefined) done.add(job.key);
    else {
      failed.push(job.key);
      stop();
    }
    kick();
  };
  const stop = () => {
    stopped = true;
    for (const key of running) jobs.find((j) => j.key === key)?.cancel?.();
    running.clear();
  };
  cf.schedule(startAt, kick);
  return {
    cancel: () => {
      if (stopped || finished) return;
      cancelled = true;
      stop();
      settle();
    },
  };
}

/** When an operation's resources start: now, or later while an injected hold keeps the stack waiting. */
function operationStart(env: MachineEnv, stack: Stack): number {
  return env.cf.now() + (env.inject.stackHold?.(stack.stackName) ?? 0);
}

function resolverFor(
  env: MachineEnv,
  stack: Stack,
  template: Template,
  parameters: Record<string, string>,
): Resolver {
  const exports = env.cf.exports();
  const resolveEnv: ResolveEnv = {
    template,
    parameters,
    region: env.region,
    accountId: env.accountId,
    stackName: stack.stackName,
    stackId: stack.stackId,
    notificationArns: stack.notificationArns,
    resource: (id) => {
      const r = stack.resources.get(id);
      return r?.physicalId ? { physicalId: r.physicalId, attributes: r.attributes } : undefined;
    },
    importValue: (name) => exports.get(name)?.value,
  };
  return new Resolver(resolveEnv);
}

/** Logical ids of the template's resources whose Condition holds. */
export function activeResources(template: Template, resolver: Resolver): string[] {
  return Object.entries(template.Resources)
    .filter(([, r]) => !r.Condition || resolver.condition(r.Condition))
    .map(([id]) => id);
}

/** Resources a resource depends on: DependsOn plus every Ref/GetAtt/${} to another resource. */
export function dependencies(template: Template, id: string): string[] {
  const r = template.Resources[id];
  if (!r) return [];
  const deps = new Set<string>(typeof r.DependsOn === "string" ? [r.DependsOn] : (r.DependsOn ?? []));
  for (const ref of references((r.Properties ?? {}) as Json))
    if (template.Resources[ref.target]) deps.add(ref.target);
  deps.delete(id);
  return [...deps];
}

function failureReason(env: MachineEnv, stack: Stack, logicalId: string, on: "create" | "update" | "delete") {
  return env.inject.resourceFailure?.(stack.stackName, logicalId, on);
}

function resourceEvent(
  env: MachineEnv,
  stack: Stack,
  r: ResourceState,
  status: string,
  reason?: string,
  properties?: Json,
) {
  r.status = status;
  r.statusReason = reason;
  r.lastUpdated = env.cf.now();
  env.cf.event(stack, {
    logicalId: r.logicalId,
    physicalId: r.physicalId,
    type: r.type,
    status,
    reason,
    properties,
  });
}

/** Creates the real thing behind a resource where the fake models one (S3 buckets). */
function materialize(
  env: MachineEnv,
  type: string,
  physicalId: string,
  props: JsonObject,
): string | undefined {
  if (type !== "AWS::S3::Bucket") return undefined;
  if (env.s3.hasBucket(physicalId)) return `${physicalId} already exists`;
  env.s3.createBucket(physicalId, env.region);
  applyVersioning(env, type, physicalId, props);
  return undefined;
}

/** A bucket's VersioningConfiguration status, set as CloudFormation sets it on create and on an update. */
function applyVersioning(
  env: MachineEnv,
  type: string,
  physicalId: string | undefined,
  props: JsonObject,
): void {
  if (type !== "AWS::S3::Bucket" || !physicalId || !env.s3.hasBucket(physicalId)) return;
  const status = (props.VersioningConfiguration as JsonObject | undefined)?.Status;
  if (status === "Enabled" || status === "Suspended") env.s3.setVersioning(physicalId, status);
}

function dematerialize(env: MachineEnv, type: string, physicalId: string): string | undefined {
  if (type !== "AWS::S3::Bucket" || !env.s3.hasBucket(physicalId)) return undefined;
  if (!env.s3.isBucketEmpty(physicalId)) {
    return "The bucket you tried to delete is not empty (Service: S3, Status Code: 409, Error Code: BucketNotEmpty)";
  }
  env.s3.deleteBucket(physicalId);
  return undefined;
}

function createJob(
  env: MachineEnv,
  stack: Stack,
  template: Template,
  id: string,
  resolver: () => Resolver,
): Job {
  const def = template.Resources[id];
  let props: JsonObject = {};
  let resolveError: string | undefined;
  let child: Stack | undefined;
  let childError: string | undefined;
  const r: ResourceState = stack.resources.get(id) ?? {
    logicalId: id,
    type: def.Type,
    status: "",
    attributes: {},
    properties: {},
    lastUpdated: env.cf.now(),
    deletionPolicy: def.DeletionPolicy,
  };
  return {
    key: id,
    deps: dependencies(template, id),
    duration: env.cf.delayFor(def.Type),
    start: () => {
      stack.resources.set(id, r);
      try {
        props = (resolver().resolve((def.Properties ?? {}) as Json) ?? {}) as JsonObject;
      } catch (e) {
        resolveError = (e as Error).message;
      }
      resourceEvent(env, stack, r, "CREATE_IN_PROGRESS", undefined, props);
    },
    wait:
      def.Type === NESTED_STACK
        ? (resume) => {
            if (resolveError) return resume();
            const made = createNested(env, stack, id, props);
            if (typeof made === "string") {
              childError = made;
              return resume();
            }
            child = made;
            r.physicalId = child.stackId;
            // As in AWS, the child's id appears on a second event, which is how pollers find it.
            resourceEvent(env, stack, r, "CREATE_IN_PROGRESS", "Resource creation Initiated");
            env.cf.whenIdle(child, resume);
          }
        : undefined,
    finish: () => {
      let reason = resolveError ?? childError ?? failureReason(env, stack, id, "create");
      if (!reason && child && child.status !== "CREATE_COMPLETE") reason = embeddedFailure(child, "created");
      if (reason) {
        resourceEvent(env, stack, r, "CREATE_FAILED", reason);
        return reason;
      }
      if (child) {
        Object.assign(r, { name: child.stackName, attributes: nestedAttributes(child), properties: props });
        resourceEvent(env, stack, r, "CREATE_COMPLETE");
        return undefined;
      }
      const p = provision(def.Type, props, stack.stackName, id, env.region, env.accountId);
      const err = materialize(env, def.Type, p.physicalId, props);
      if (err) {
        resourceEvent(env, stack, r, "CREATE_FAILED", err);
        return err;
      }
      Object.assign(r, {
        physicalId: p.physicalId,
        name: p.name,
        attributes: p.attributes,
        properties: props,
      });
      resourceEvent(env, stack, r, "CREATE_COMPLETE");
      return undefined;
    },
    cancel: () => resourceEvent(env, stack, r, "CREATE_FAILED", "Resource creation cancelled"),
  };
}

/** Deletes resources, each only after everything that references it is gone. */
function deleteJobs(
  env: MachineEnv,
  stack: Stack,
  template: Template | undefined,
  ids: string[],
  retain: Set<string>,
): Job[] {
  const dependents = new Map<string, string[]>();
  for (const id of ids)
    for (const d of template ? dependencies(template, id) : []) {
      dependents.set(d, [...(dependents.get(d) ?? []), id]);
    }
  return ids.map((id) => {
    const r = stack.resources.get(id) as ResourceState;
    const skip =
      retain.has(id) || r.deletionPolicy === "Retain" || r.deletionPolicy === "RetainExceptOnCreate";
    const child = r.type === NESTED_STACK && r.physicalId ? env.cf.stacks.get(r.physicalId) : undefined;
    return {
      key: id,
      deps: dependents.get(id) ?? [],
      duration: skip || !r.physicalId ? 0 : env.cf.delayFor(r.type),
      start: () => {
        if (skip) resourceEvent(env, stack, r, "DELETE_SKIPPED");
        else resourceEvent(env, stack, r, "DELETE_IN_PROGRESS");
      },
      wait: child && !skip ? (resume) => deleteNested(env, stack, child, resume) : undefined,
      finish: () => {
        if (skip) {
          stack.resources.delete(id);
          return undefined;
        }
        const reason = r.physicalId
          ? (failureReason(env, stack, id, "delete") ??
            (child && child.status !== "DELETE_COMPLETE"
              ? embeddedFailure(child, "deleted")
              : dematerialize(env, r.type, r.physicalId)))
          : undefined;
        if (reason) {
          resourceEvent(env, stack, r, "DELETE_FAILED", reason);
          return reason;
        }
        resourceEvent(env, stack, r, "DELETE_COMPLETE");
        stack.resources.delete(id);
        return undefined;
      },
    };
  });
}

function resolveOutputs(env: MachineEnv, stack: Stack): StackOutput[] {
  const template = stack.template as Template;
  const resolver = resolverFor(env, stack, template, stack.parameters);
  const out: StackOutput[] = [];
  for (const [key, o] of Object.entries(template.Outputs)) {
    if (o.Condition && !resolver.condition(o.Condition)) continue;
    const value = resolver.resolve(o.Value);
    const exportName = o.Export ? resolver.resolve(o.Export.Name) : undefined;
    out.push({
      OutputKey: key,
      OutputValue: Array.isArray(value) ? value.join(",") : String(value),
      Description: o.Description,
      ExportName: exportName === undefined ? undefined : String(exportName),
    });
  }
  return out;
}

function recomputeImports(env: MachineEnv, stack: Stack): void {
  const names = new Set<string>();
  if (stack.template) {
    const exports = env.cf.exports();
    const resolver = new Resolver({
      template: stack.template,
      parameters: stack.parameters,
      region: env.region,
      accountId: env.accountId,
      stackName: stack.stackName,
      stackId: stack.stackId,
      resource: (id) => {
        const r = stack.resources.get(id);
        return r?.physicalId ? { physicalId: r.physicalId, attributes: r.attributes } : undefined;
      },
      importValue: (name) => {
        names.add(name);
        return exports.get(name)?.value ?? "";
      },
    });
    for (const def of Object.values(stack.template.Resources)) {
      try {
        resolver.resolve((def.Properties ?? {}) as Json);
      } catch {
        // A property the fake cannot resolve hides no import worth tracking.
      }
    }
  }
  stack.importedExports = names;
}

/** Outputs, or the reason they cannot be produced (an export name already taken). */
function finalizeOutputs(env: MachineEnv, stack: Stack): string | undefined {
  let outputs: StackOutput[];
  try {
    outputs = resolveOutputs(env, stack);
  } catch (e) {
    return (e as Error).message;
  }
  const taken = env.cf.exports();
  for (const o of outputs) {
    const owner = o.ExportName ? taken.get(o.ExportName) : undefined;
    if (owner && owner.stackId !== stack.stackId) {
      return `Export with name ${o.ExportName} is already exported by stack ${env.cf.stacks.get(owner.stackId)?.stackName}`;
    }
  }
  stack.outputs = outputs;
  recomputeImports(env, stack);
  return undefined;
}

function failedList(verb: string, ids: string[]) {
  return `The following resource(s) failed to ${verb}: [${ids.join(", ")}]. `;
}

function endChangeSet(cs: ChangeSet | undefined, status: "EXECUTE_COMPLETE" | "EXECUTE_FAILED") {
  if (cs) cs.executionStatus = status;
}

function adopt(stack: Stack, cs: ChangeSet) {
  stack.template = cs.template;
  stack.templateBody = cs.templateBody;
  stack.parameters = cs.parameters;
  stack.tags = cs.tags;
  stack.capabilities = cs.capabilities;
  stack.notificationArns = cs.notificationArns;
  stack.roleArn = cs.roleArn;
  stack.changeSetId = cs.id;
  stack.description = cs.template.Description;
}

export function executeCreate(env: MachineEnv, stack: Stack, cs: ChangeSet): void {
  const { cf } = env;
  adopt(stack, cs);
  stack.busy = true;
  stack.failureReason = undefined;
  stack.disableRollback = cs.onStackFailure === "DO_NOTHING";
  cs.executionStatus = "EXECUTE_IN_PROGRESS";
  cf.setStackStatus(stack, "CREATE_IN_PROGRESS", "User Initiated");
  const template = cs.template;
  const resolver = () => resolverFor(env, stack, template, stack.parameters);
  const ids = activeResources(template, resolver());
  runPhase(
    cf,
    ids.map((id) => createJob(env, stack, template, id, resolver)),
    (failed) => {
      const outputError = failed.length ? undefined : finalizeOutputs(env, stack);
      if (!failed.length && !outputError) {
        cf.setStackStatus(stack, "CREATE_COMPLETE");
        endChangeSet(cs, "EXECUTE_COMPLETE");
        cf.idle(stack);
        return;
      }
      const reason = outputError ?? failedList("create", failed);
      stack.failureReason = reason;
      endChangeSet(cs, "EXECUTE_FAILED");
      if (cs.onStackFailure === "DO_NOTHING") {
        cf.setStackStatus(stack, "CREATE_FAILED", reason);
        cf.idle(stack);
        return;
      }
      cf.setStackStatus(stack, "ROLLBACK_IN_PROGRESS", `${reason}Rollback requested by user.`);
      const touched = [...stack.resources.keys()];
      runPhase(cf, deleteJobs(env, stack, template, touched, new Set()), (delFailed) => {
        stack.outputs = [];
        if (delFailed.length) cf.setStackStatus(stack, "ROLLBACK_FAILED", failedList("delete", delFailed));
        else cf.setStackStatus(stack, "ROLLBACK_COMPLETE");
        if (!delFailed.length && cs.onStackFailure === "DELETE") startDelete(env, stack, []);
        else cf.idle(stack);
      });
    },
    operationStart(env, stack),
  );
}

interface Snapshot {
  template?: Template;
  templateBody?: string;
  parameters: Record<string, string>;
  tags: Stack["tags"];
  outputs: StackOutput[];
  resources: Map<string, ResourceState>;
}

const REPLACING = "Requested update requires the creation of a new physical resource; hence creating one.";

export function executeUpdate(env: MachineEnv, stack: Stack, cs: ChangeSet): void {
  const { cf } = env;
  const before: Snapshot = {
    template: stack.template,
    templateBody: stack.templateBody,
    parameters: stack.parameters,
    tags: stack.tags,
    outputs: stack.outputs,
    resources: new Map([...stack.resources].map(([k, r]) => [k, { ...r }])),
  };
  adopt(stack, cs);
  stack.busy = true;
  stack.failureReason = undefined;
  stack.lastUpdatedTime = cf.now();
  cs.executionStatus = "EXECUTE_IN_PROGRESS";
  cf.setStackStatus(stack, "UPDATE_IN_PROGRESS", "User Initiated");
  const template = cs.template;
  const resolver = () => resolverFor(env, stack, template, stack.parameters);
  const created: string[] = [];
  const replaced = new Map<string, ResourceState>();
  const touched = new Set<string>();
  const jobs: Job[] = [];
  const removed: string[] = [];
  for (const change of cs.changes) {
    const c = change.ResourceChange;
    const id = c.LogicalResourceId;
    if (c.Action === "Remove") {
      removed.push(id);
      continue;
    }
    if (c.Action === "Add") {
      created.push(id);
      jobs.push(createJob(env, stack, template, id, resolver));
      continue;
    }
    jobs.push(updateJob(env, stack, cs, id, c.Replacement ?? "False", resolver, touched, replaced));
  }
  const phase = runPhase(
    cf,
    jobs,
    (failed, cancelled) => {
      stack.cancelUpdate = undefined;
      const outputError = failed.length || cancelled ? undefined : finalizeOutputs(env, stack);
      if (!failed.length && !outputError && !cancelled) {
        cf.setStackStatus(stack, "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS");
        // Cleanup failures leave resources behind but never fail the update, as in AWS.
        runPhase(cf, cleanupJobs(env, stack, before.template, removed, replaced), () => {
          cf.setStackStatus(stack, "UPDATE_COMPLETE");
          endChangeSet(cs, "EXECUTE_COMPLETE");
          cf.idle(stack);
        });
        return;
      }
      const reason = cancelled ? "Stack update cancelled" : (outputError ?? failedList("update", failed));
      stack.failureReason = reason;
      endChangeSet(cs, "EXECUTE_FAILED");
      // A cancelled update always rolls back, whatever the change set asked for.
      if (cs.onStackFailure === "DO_NOTHING" && !cancelled) {
        cf.setStackStatus(stack, "UPDATE_FAILED", reason);
        cf.idle(stack);
        return;
      }
      cf.setStackStatus(stack, "UPDATE_ROLLBACK_IN_PROGRESS", reason);
      // Replacements made by the failed update are deleted in the rollback's cleanup.
      const madeByUpdate = new Map<string, ResourceState>();
      for (const id of replaced.keys()) {
        const current = stack.resources.get(id);
        if (current) madeByUpdate.set(id, { ...current });
      }
      rollbackUpdate(env, stack, before, created, madeByUpdate, touched);
    },
    operationStart(env, stack),
  );
  stack.cancelUpdate = () => phase.cancel();
}

function updateJob(
  env: MachineEnv,
  stack: Stack,
  cs: ChangeSet,
  id: string,
  replacement: "True" | "False" | "Conditional",
  resolver: () => Resolver,
  touched: Set<string>,
  replaced: Map<string, ResourceState>,
): Job {
  const def = cs.template.Resources[id];
  const r = stack.resources.get(id) as ResourceState;
  const child = def.Type === NESTED_STACK && r.physicalId ? env.cf.stacks.get(r.physicalId) : undefined;
  let props: JsonObject = {};
  let resolveError: string | undefined;
  let childError: string | undefined;
  let childStarted = false;
  let replace = replacement === "True";
  return {
    key: id,
    deps: dependencies(cs.template, id),
    duration: env.cf.delayFor(def.Type),
    start: () => {
      touched.add(id);
      try {
        props = (resolver().resolve((def.Properties ?? {}) as Json) ?? {}) as JsonObject;
      } catch (e) {
        resolveError = (e as Error).message;
      }
      // A Conditional replacement is decided now that the referenced values are known.
      if (replacement === "Conditional") {
        const { replaceOn } = typeInfo(def.Type);
        replace = Object.keys({ ...props, ...r.properties }).some(
          (k) =>
            (replaceOn.includes("*") || replaceOn.includes(k)) &&
            JSON.stringify(props[k]) !== JSON.stringify(r.properties[k]),
        );
      }
      resourceEvent(env, stack, r, "UPDATE_IN_PROGRESS", replace ? REPLACING : undefined, props);
    },
    wait: child
      ? (resume) => {
          if (resolveError) return resume();
          const started = updateNested(env, stack, child, props, cs.onStackFailure ?? "ROLLBACK");
          if (started === "unchanged") return resume();
          if (started !== "started") {
            childError = started;
            return resume();
          }
          childStarted = true;
          // The parent hears of a failure as soon as the child starts to roll back.
          env.cf.when(child, (c) => !c.busy || c.status === "UPDATE_ROLLBACK_IN_PROGRESS", resume);
        }
      : undefined,
    finish: () => {
      let reason = resolveError ?? childError ?? failureReason(env, stack, id, "update");
      if (!reason && child && childStarted && child.status !== "UPDATE_COMPLETE")
        reason = embeddedUpdateFailure(child);
      const info = typeInfo(def.Type);
      const name = info.nameProperty ? props[info.nameProperty] : undefined;
      if (!reason && replace && typeof name === "string" && name === r.name) {
        reason = `CloudFormation cannot update a stack when a custom-named resource requires replacing. Rename ${name} and update the stack again.`;
      }
      if (!reason && replace) {
        const p = provision(def.Type, props, stack.stackName, id, env.region, env.accountId);
        reason = materialize(env, def.Type, p.physicalId, props);
        if (!reason) {
          replaced.set(id, { ...r });
          Object.assign(r, { physicalId: p.physicalId, name: p.name, attributes: p.attributes });
        }
      }
      if (reason) {
        resourceEvent(env, stack, r, "UPDATE_FAILED", reason);
        return reason;
      }
      r.type = def.Type;
      r.properties = props;
      r.deletionPolicy = def.DeletionPolicy;
      if (child) r.attributes = nestedAttributes(child);
      if (!replace) applyVersioning(env, def.Type, r.physicalId, props);
      resourceEvent(env, stack, r, "UPDATE_COMPLETE");
      return undefined;
    },
    cancel: () => resourceEvent(env, stack, r, "UPDATE_FAILED", "Resource update cancelled"),
  };
}

/** Deletes removed resources and the old physical resources of replaced ones. */
function cleanupJobs(
  env: MachineEnv,
  stack: Stack,
  oldTemplate: Template | undefined,
  removed: string[],
  replaced: Map<string, ResourceState>,
): Job[] {
  const jobs = deleteJobs(env, stack, oldTemplate, removed, new Set());
  // An old physical resource goes only after the old ones that referenced it, as in a delete.
  const referrers = (id: string) =>
    oldTemplate
      ? [
          ...[...replaced.keys()]
            .filter((d) => dependencies(oldTemplate, d).includes(id))
            .map((d) => `${d}#old`),
          ...removed.filter((d) => dependencies(oldTemplate, d).includes(id)),
        ]
      : [];
  for (const [id, old] of replaced) {
    jobs.push({
      key: `${id}#old`,
      deps: referrers(id),
      duration: env.cf.delayFor(old.type),
      start: () =>
        env.cf.event(stack, {
          logicalId: id,
          physicalId: old.physicalId,
          type: old.type,
          status: "DELETE_IN_PROGRESS",
        }),
      finish: () => {
        const reason =
          failureReason(env, stack, id, "delete") ?? dematerialize(env, old.type, old.physicalId ?? "");
        env.cf.event(stack, {
          logicalId: id,
          physicalId: old.physicalId,
          type: old.type,
          status: reason ? "DELETE_FAILED" : "DELETE_COMPLETE",
          reason,
        });
        return reason;
      },
    });
  }
  return jobs;
}

function rollbackUpdate(
  env: MachineEnv,
  stack: Stack,
  before: Snapshot,
  created: string[],
  newPhysical: Map<string, ResourceState>,
  touched: Set<string>,
  skip: Set<string> = new Set(),
): void {
  const { cf } = env;
  stack.template = before.template;
  stack.templateBody = before.templateBody;
  stack.parameters = before.parameters;
  stack.tags = before.tags;
  const jobs: Job[] = [...touched]
    .filter((id) => before.resources.has(id))
    .map((id) => {
      const r = stack.resources.get(id) as ResourceState;
      const old = before.resources.get(id) as ResourceState;
      const child = old.type === NESTED_STACK && old.physicalId ? cf.stacks.get(old.physicalId) : undefined;
      return {
        key: id,
        deps: [],
        duration: skip.has(id) ? 0 : cf.delayFor(old.type),
        start: () => {
          if (!skip.has(id)) resourceEvent(env, stack, r, "UPDATE_IN_PROGRESS");
        },
        // A child that failed has rolled itself back by the time it is idle; one that was updated
        // before a sibling failed is taken back to its previous template.
        wait:
          child && !skip.has(id)
            ? (resume) =>
                cf.whenIdle(child, () => {
                  const started = updateNested(env, stack, child, old.properties, "ROLLBACK");
                  if (started === "started") cf.whenIdle(child, resume);
                  else resume();
                })
            : undefined,
        finish: () => {
          const reason = skip.has(id) ? undefined : failureReason(env, stack, id, "update");
          if (reason) {
            resourceEvent(env, stack, r, "UPDATE_FAILED", reason);
            return reason;
          }
          Object.assign(r, { ...old, status: r.status });
          resourceEvent(
            env,
            stack,
            r,
            "UPDATE_COMPLETE",
            skip.has(id) ? "Resource skipped during rollback" : undefined,
          );
          return undefined;
        },
      };
    });
  runPhase(cf, jobs, (failed) => {
    if (failed.length) {
      cf.setStackStatus(stack, "UPDATE_ROLLBACK_FAILED", failedList("update", failed));
      cf.idle(stack);
      stack.pendingRollback = (resourcesToSkip: string[]) => {
        stack.busy = true;
        cf.setStackStatus(stack, "UPDATE_ROLLBACK_IN_PROGRESS", "Continue rollback requested by user.");
        const remaining = new Set(failed);
        rollbackUpdate(env, stack, before, created, newPhysical, remaining, new Set(resourcesToSkip));
      };
      return;
    }
    stack.outputs = before.outputs;
    recomputeImports(env, stack);
    cf.setStackStatus(stack, "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS");
    // The rolled-back update's own new resources go now: added ones and the replacements made.
    const cleanup = deleteJobs(
      env,
      stack,
      undefined,
      created.filter((id) => stack.resources.has(id)),
      new Set(),
    );
    for (const [id, made] of newPhysical) {
      cleanup.push({
        key: `${id}#new`,
        deps: [],
        duration: cf.delayFor(made.type),
        start: () =>
          cf.event(stack, {
            logicalId: id,
            physicalId: made.physicalId,
            type: made.type,
            status: "DELETE_IN_PROGRESS",
          }),
        finish: () => {
          const reason = dematerialize(env, made.type, made.physicalId ?? "");
          cf.event(stack, {
            logicalId: id,
            physicalId: made.physicalId,
            type: made.type,
            status: reason ? "DELETE_FAILED" : "DELETE_COMPLETE",
            reason,
          });
          return reason;
        },
      });
    }
    runPhase(cf, cleanup, () => {
      cf.setStackStatus(stack, "UPDATE_ROLLBACK_COMPLETE");
      cf.idle(stack);
    });
  });
}

export function startDelete(env: MachineEnv, stack: Stack, retain: string[]): void {
  const { cf } = env;
  stack.busy = true;
  stack.failureReason = undefined;
  cf.setStackStatus(stack, "DELETE_IN_PROGRESS", "User Initiated");
  const startAt = operationStart(env, stack);
  for (const o of stack.outputs) {
    const users = o.ExportName ? cf.importers(o.ExportName).filter((n) => n !== stack.stackName) : [];
    if (o.ExportName && users.length) {
      cf.schedule(startAt, () => {
        const reason = `Export ${o.ExportName} cannot be deleted as it is in use by ${users.join(", ")}`;
        stack.failureReason = reason;
        cf.setStackStatus(stack, "DELETE_FAILED", reason);
        cf.idle(stack);
      });
      return;
    }
  }
  const ids = [...stack.resources.keys()];
  runPhase(
    cf,
    deleteJobs(env, stack, stack.template, ids, new Set(retain)),
    (failed) => {
      if (failed.length) {
        stack.failureReason = failedList("delete", failed);
        cf.setStackStatus(stack, "DELETE_FAILED", stack.failureReason);
        cf.idle(stack);
        return;
      }
      stack.outputs = [];
      stack.importedExports = new Set();
      stack.deletionTime = cf.now();
      cf.setStackStatus(stack, "DELETE_COMPLETE");
      for (const [id, cs] of cf.changeSets) if (cs.stackId === stack.stackId) cf.changeSets.delete(id);
      cf.idle(stack);
    },
    startAt,
  );
}
