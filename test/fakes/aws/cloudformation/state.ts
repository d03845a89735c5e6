// The CloudFormation model: stacks, their resources and events, change sets, exports, and the
// queue of scheduled transitions that simulated time releases.
//
// How status moves: nothing happens in the background. Every operation (change set creation,
// stack create/update/delete, rollbacks) schedules its steps at simulated times on one queue.
// Each CloudFormation request first calls `advance()`, which runs every step due at or before
// the clock's `now()`, in time order. So with `resourceDelayMs: 0` a stack is complete on the
// first request after ExecuteChangeSet; with a delay, tests move the clock (`clock.advance`)
// or let a scaled clock run. Events carry the simulated time of their step, not of the request.
import { randomUUID } from "node:crypto";
import { validationError } from "../protocol";
import type { FakeClock } from "../types";
import type { Json, JsonObject, Template } from "./template";

export type StackStatus = string;

export interface ResourceState {
  logicalId: string;
  type: string;
  status: string;
  statusReason?: string;
  physicalId?: string;
  /** Name chosen at provisioning; kept so a replacement can tell whether the name changed. */
  name?: string;
  attributes: Record<string, string>;
  /** Properties as resolved when last created or updated. */
  properties: JsonObject;
  lastUpdated: number;
  deletionPolicy?: string;
}

export interface StackEvent {
  seq: number;
  eventId: string;
  logicalId: string;
  physicalId: string;
  type: string;
  timestamp: number;
  status: string;
  reason?: string;
  properties?: string;
  clientRequestToken?: string;
}

export interface StackOutput {
  OutputKey: string;
  OutputValue: string;
  Description?: string;
  ExportName?: string;
}

export interface Stack {
  stackId: string;
  stackName: string;
  status: StackStatus;
  statusReason?: string;
  creationTime: number;
  lastUpdatedTime?: number;
  deletionTime?: number;
  /** The deployed template; undefined until a first change set executes. */
  template?: Template;
  templateBody?: string;
  parameters: Record<string, string>;
  tags: { Key: string; Value: string }[];
  capabilities: string[];
  notificationArns: string[];
  roleArn?: string;
  disableRollback: boolean;
  terminationProtection: boolean;
  resources: Map<string, ResourceState>;
  outputs: StackOutput[];
  events: StackEvent[];
  changeSetId?: string;
  /** True while an operation's steps are still queued. */
  busy: boolean;
  /** Export names the deployed template imports (resolved, so Fn::Sub names count). */
  importedExports: Set<string>;
  description?: string;
  /** Set while UPDATE_ROLLBACK_FAILED: what ContinueUpdateRollback resumes. */
  pendingRollback?: (resourcesToSkip: string[]) => void;
  /** Set while an update's resources run: what CancelUpdateStack stops. */
  cancelUpdate?: () => void;
  /** Token of the operation in progress; AWS stamps it on every event the operation causes. */
  clientRequestToken?: string;
  /** Why the last operation failed, kept after the rollback clears statusReason (nested stacks report it). */
  failureReason?: string;
  /** Nested stacks: the stack resource's owner and the top of the tree. */
  parentId?: string;
  rootId?: string;
  /** Run once when their condition holds after a status change (nested stack resources wait on these). */
  waiters: { until: (s: Stack) => boolean; run: () => void }[];
}

export interface Change {
  Type: "Resource";
  ResourceChange: {
    Action: "Add" | "Modify" | "Remove";
    LogicalResourceId: string;
    PhysicalResourceId?: string;
    ResourceType: string;
    Replacement?: "True" | "False" | "Conditional";
    Scope: string[];
    Details: {
      Target: { Attribute: string; Name?: string; RequiresRecreation: "Never" | "Conditionally" | "Always" };
      Evaluation: "Static" | "Dynamic";
      ChangeSource: string;
      CausingEntity?: string;
    }[];
  };
}

export interface ChangeSet {
  id: string;
  name: string;
  stackId: string;
  stackName: string;
  type: "CREATE" | "UPDATE" | "IMPORT";
  status: string;
  statusReason?: string;
  executionStatus: string;
  creationTime: number;
  description?: string;
  template: Template;
  templateBody: string;
  parameters: Record<string, string>;
  tags: { Key: string; Value: string }[];
  capabilities: string[];
  notificationArns: string[];
  roleArn?: string;
  onStackFailure?: string;
  changes: Change[];
  /** Nested stacks are not modelled; always false, as AWS reports when not requested. */
  includeNestedStacks: boolean;
}

interface Step {
  at: number;
  seq: number;
  run: () => void;
}

export interface CloudFormationOptions {
  /** Simulated duration of each resource operation: one number, or per type with a "*" default. */
  resourceDelayMs?: number | Record<string, number>;
  /** Simulated time a change set takes to reach CREATE_COMPLETE or FAILED. */
  changeSetDelayMs?: number;
  /** Page size of DescribeStackEvents (AWS: 100). */
  eventPageSize?: number;
  /** Page size of DescribeStacks, ListStacks, ListChangeSets, DescribeChangeSet changes. */
  pageSize?: number;
  /** What DescribeAccountLimits reports (AWS defaults otherwise); the fake enforces none of them. */
  accountLimits?: Record<string, number>;
}

export class CloudFormationState {
  readonly stacks = new Map<string, Stack>();
  readonly changeSets = new Map<string, ChangeSet>();
  readonly options: Required<CloudFormationOptions>;
  private queue: Step[] = [];
  private seq = 0;
  private eventSeq = 0;
  /** Simulated time of the step being run, so events carry it. */
  private stepTime?: number;

  constructor(
    readonly clock: FakeClock,
    options: CloudFormationOptions = {},
  ) {
    this.options = {
      resourceDelayMs: options.resourceDelayMs ?? 0,
      changeSetDelayMs: options.changeSetDelayMs ?? 0,
      eventPageSize: options.eventPageSize ?? 100,
      pageSize: options.pageSize ?? 100,
      accountLimits: options.accountLimits ?? {
        StackLimit: 2000,
        StackOutputsLimit: 200,
        ConcurrentResourcesLimit: 2500,
      },
    };
  }

  now(): number {
    return this.stepTime ?? this.clock.now();
  }

  delayFor(type: string): number {
    const d = this.options.resourceDelayMs;
    return typeof d === "number" ? d : (d[type] ?? d["*"] ?? 0);
  }

  schedule(at: number, run: () => void): void {
    this.queue.push({ at, seq: this.seq++, run });
  }

  /** Runs every step due by the clock, in simulated-time order. */
  advance(): void {
    const now = this.clock.now();
    for (;;) {
      let best = -1;
      for (let i = 0; i < this.queue.length; i++) {
        const s = this.queue[i];
        if (s.at > now) continue;
        const b = this.queue[best];
        if (best < 0 || s.at < b.at || (s.at === b.at && s.seq < b.seq)) best = i;
      }
      if (best < 0) return;
      const [step] = this.queue.splice(best, 1);
      this.stepTime = step.at;
      try {
        step.run();
      } finally {
        this.stepTime = undefined;
      }
    }
  }

  /** The time of the next queued step, for runners that want to jump straight to it. */
  nextStepAt(): number | undefined {
    return this.queue.reduce<number | undefined>(
      (m, s) => (m === undefined || s.at < m ? s.at : m),
      undefined,
    );
  }

  /** A live stack by name, or any stack (deleted included) by id, as AWS looks them up. */
  findStack(nameOrId: string): Stack | undefined {
    if (nameOrId.startsWith("arn:")) return this.stacks.get(nameOrId);
    for (const s of this.stacks.values()) {
      if (s.stackName === nameOrId && s.status !== "DELETE_COMPLETE") return s;
    }
    return undefined;
  }

  requireStack(nameOrId: string): Stack {
    const stack = this.findStack(nameOrId);
    if (!stack) throw validationError(`Stack with id ${nameOrId} does not exist`);
    return stack;
  }

  newStack(name: string, region: string, accountId: string): Stack {
    const stack: Stack = {
      stackId: `arn:aws:cloudformation:${region}:${accountId}:stack/${name}/${randomUUID()}`,
      stackName: name,
      status: "REVIEW_IN_PROGRESS",
      creationTime: this.now(),
      parameters: {},
      tags: [],
      capabilities: [],
      notificationArns: [],
      disableRollback: false,
      terminationProtection: false,
      resources: new Map(),
      outputs: [],
      events: [],
      busy: false,
      importedExports: new Set(),
      waiters: [],
    };
    this.stacks.set(stack.stackId, stack);
    return stack;
  }

  /** One event per state change; for the stack itself pass the stack's name as logicalId. */
  event(
    stack: Stack,
    e: {
      logicalId: string;
      physicalId?: string;
      type: string;
      status: string;
      reason?: string;
      properties?: Json;
    },
  ) {
    const seq = this.eventSeq++;
    stack.events.push({
      seq,
      eventId:
        e.logicalId === stack.stackName && e.type === "AWS::CloudFormation::Stack"
          ? randomUUID()
          : `${e.logicalId}-${randomUUID()}`,
      logicalId: e.logicalId,
      physicalId: e.physicalId ?? "",
      type: e.type,
      timestamp: this.now(),
      status: e.status,
      reason: e.reason,
      properties: e.properties === undefined ? undefined : JSON.stringify(e.properties),
      clientRequestToken: stack.clientRequestToken,
    });
  }

  /** Ends the stack's operation and wakes what waits on it (a parent's nested stack resource). */
  idle(stack: Stack): void {
    stack.busy = false;
    stack.cancelUpdate = undefined;
    this.wake(stack);
  }

  /** Calls `run` once `until` holds for the stack: now, or after the status change that makes it hold. */
  when(stack: Stack, until: (s: Stack) => boolean, run: () => void): void {
    if (until(stack)) run();
    else stack.waiters.push({ until, run });
  }

  whenIdle(stack: Stack, run: () => void): void {
    this.when(stack, (s) => !s.busy, run);
  }

  private wake(stack: Stack): void {
    const ready = stack.waiters.filter((w) => w.until(stack));
    stack.waiters = stack.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.run();
  }

  setStackStatus(stack: Stack, status: string, reason?: string): void {
    stack.status = status;
    stack.statusReason = reason;
    this.event(stack, {
      logicalId: stack.stackName,
      physicalId: stack.stackId,
      type: "AWS::CloudFormation::Stack",
      status,
      reason,
    });
    this.wake(stack);
  }

  findChangeSet(nameOrId: string, stackName?: string): ChangeSet | undefined {
    if (nameOrId.startsWith("arn:")) return this.changeSets.get(nameOrId);
    if (!stackName)
      throw validationError("StackName must be specified if ChangeSetName is not specified as an ARN.");
    const stack = this.findStack(stackName);
    if (!stack) return undefined;
    for (const cs of this.changeSets.values()) {
      if (cs.name === nameOrId && cs.stackId === stack.stackId) return cs;
    }
    return undefined;
  }

  /** Every export of every live stack, name to value and exporting stack. */
  exports(): Map<string, { value: string; stackId: string }> {
    const out = new Map<string, { value: string; stackId: string }>();
    for (const s of this.stacks.values()) {
      if (s.status === "DELETE_COMPLETE") continue;
      for (const o of s.outputs)
        if (o.ExportName) out.set(o.ExportName, { value: o.OutputValue, stackId: s.stackId });
    }
    return out;
  }

  /** Names of live stacks whose deployed template imports the export. */
  importers(exportName: string): string[] {
    const out: string[] = [];
    for (const s of this.stacks.values()) {
      if (s.status !== "DELETE_COMPLETE" && s.importedExports.has(exportName)) out.push(s.stackName);
    }
    return out;
  }
}
