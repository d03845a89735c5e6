import { DescribeStackEventsCommand, type StackEvent } from "@aws-sdk/client-cloudformation";
import type { CfnClient } from "./runtime";

/**
 * The event poller: reads a stack's events newest-first, paging back only as far as the last
 * event it has seen, and follows nested stacks it discovers in their parent's events. Printing
 * is elsewhere (formatEvent), so the poller can also feed the diagnosis and the tests.
 */

export interface StackEventRecord {
  eventId: string;
  /** Name of the stack the event belongs to (a nested stack's generated name for nested events). */
  stackName: string;
  stackId: string;
  timestamp: Date;
  logicalId: string;
  physicalId: string | undefined;
  resourceType: string;
  status: string;
  reason: string | undefined;
  /** Logical ids of the nested-stack resources leading from the root stack to this event's stack. */
  parentPath: string[];
}

export type CommandWatcher = (command: DescribeStackEventsCommand) => DescribeStackEventsCommand;

export interface PollerOptions {
  /** Stack id (preferred: it keeps working after a delete) or name. */
  stack: string;
  /** Events at or before this time (ms) belong to earlier operations and are ignored. */
  startTime: number;
  parentPath?: string[];
  /**
   * The ClientRequestToken of the operation watched: events another operation caused (another
   * token) are skipped, however close in time. Events with no token are kept: not every
   * implementation stamps them.
   */
  clientRequestToken?: string;
}

function toRecord(event: StackEvent, parentPath: string[]): StackEventRecord {
  return {
    eventId: event.EventId ?? "",
    stackName: event.StackName ?? "",
    stackId: event.StackId ?? "",
    timestamp: event.Timestamp ?? new Date(0),
    logicalId: event.LogicalResourceId ?? "",
    physicalId: event.PhysicalResourceId || undefined,
    resourceType: event.ResourceType ?? "",
    status: event.ResourceStatus ?? "",
    reason: event.ResourceStatusReason || undefined,
    parentPath,
  };
}

/** The stack's own events carry its status; every other AWS::CloudFormation::Stack event is a nested stack. */
function isOwnEvent(event: StackEventRecord): boolean {
  return event.resourceType === "AWS::CloudFormation::Stack" && event.physicalId === event.stackId;
}

function isNestedStackEvent(event: StackEventRecord): boolean {
  return (
    event.resourceType === "AWS::CloudFormation::Stack" &&
    event.physicalId !== undefined &&
    event.physicalId.startsWith("arn:") &&
    !isOwnEvent(event)
  );
}

export class StackEventPoller {
  private readonly seen = new Set<string>();
  private readonly children = new Map<string, { poller: StackEventPoller; active: boolean }>();
  private readonly parentPath: string[];
  /** Every event this poller and its children have returned, oldest first. */
  readonly history: StackEventRecord[] = [];

  constructor(
    private readonly cfn: CfnClient,
    private readonly options: PollerOptions,
  ) {
    this.parentPath = options.parentPath ?? [];
  }

  /**
   * New events since the last poll, oldest first, nested stacks' events included. `watch` is given
   * every command before it is sent (the wait uses it to hear of the SDK's retries).
   */
  async poll(watch: CommandWatcher = (command) => command): Promise<StackEventRecord[]> {
    const fresh: StackEventRecord[] = [];
    let nextToken: string | undefined;
    page: do {
      const response = await this.cfn.send(
        watch(new DescribeStackEventsCommand({ StackName: this.options.stack, NextToken: nextToken })),
      );
      for (const raw of response.StackEvents ?? []) {
        const event = toRecord(raw, this.parentPath);
        if (this.seen.has(event.eventId) || event.timestamp.getTime() < this.options.startTime) {
          break page;
        }
        const token = this.options.clientRequestToken;
        if (token && raw.ClientRequestToken && raw.ClientRequestToken !== token) continue;
        fresh.push(event);
      }
      nextToken = response.NextToken;
    } while (nextToken);
    fresh.reverse();
    for (const event of fresh) this.seen.add(event.eventId);

    const out: StackEventRecord[] = [];
    for (const event of fresh) {
      // A nested stack's own status events repeat what its parent's resource events say.
      if (!(this.parentPath.length > 0 && isOwnEvent(event))) out.push(event);
      if (isNestedStackEvent(event)) this.track(event);
    }
    for (const child of this.children.values()) {
      if (child.active) out.push(...(await child.poller.poll(watch)));
    }
    this.settleChildren(fresh);
    out.sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
    this.history.push(...out);
    return out;
  }

  private track(event: StackEventRecord): void {
    const id = event.physicalId as string;
    if (this.children.has(id)) {
      const child = this.children.get(id);
      if (child && /_IN_PROGRESS$/.test(event.status)) child.active = true;
      return;
    }
    const poller = new StackEventPoller(this.cfn, {
      stack: id,
      startTime: event.timestamp.getTime(),
      parentPath: [...this.parentPath, event.logicalId],
      clientRequestToken: this.options.clientRequestToken,
    });
    this.children.set(id, { poller, active: true });
  }

  /**
   * A nested stack stops being polled once its parent reports it finished; it was already
   * polled in this round after that report arrived, so its final events are not lost.
   */
  private settleChildren(fresh: StackEventRecord[]): void {
    for (const event of fresh) {
      if (!isNestedStackEvent(event) || /_IN_PROGRESS$/.test(event.status)) continue;
      const child = this.children.get(event.physicalId as string);
      if (child) child.active = false;
    }
  }
}

/** One log line per event: time, logical id (nested path first), type, status, reason. */
export function formatEvent(event: StackEventRecord): string {
  const time = event.timestamp.toISOString().slice(11, 19);
  const id = [...event.parentPath, event.logicalId].join("/");
  const reason = event.reason ? `  ${event.reason}` : "";
  return `${time}  ${id}  ${event.resourceType}  ${event.status}${reason}`;
}

export { isOwnEvent };
