import { isOwnEvent, StackEventPoller, type StackEventRecord } from "./events";
import type { CfnClient } from "./runtime";

/**
 * Names why a stack operation failed: the earliest failed resource event that is not merely a
 * cancellation (CloudFormation cancels every sibling once one resource fails, and those events
 * bury the real cause), followed into nested stacks.
 */

export interface RootCause {
  logicalId: string;
  /** Nested-stack logical ids from the root stack down to the failed resource's stack. */
  parentPath: string[];
  resourceType: string;
  status: string;
  reason: string;
  timestamp: Date;
  physicalId: string | undefined;
  stackName: string;
}

const CANCELLATION = /^Resource (creation|update|deletion|import) cancelled/i;

function isCandidate(event: StackEventRecord): boolean {
  return event.status.endsWith("_FAILED") && !isOwnEvent(event) && !CANCELLATION.test(event.reason ?? "");
}

function toRootCause(event: StackEventRecord): RootCause {
  return {
    logicalId: event.logicalId,
    parentPath: event.parentPath,
    resourceType: event.resourceType,
    status: event.status,
    reason: event.reason ?? "(no reason given)",
    timestamp: event.timestamp,
    physicalId: event.physicalId,
    stackName: event.stackName,
  };
}

/** Pure: the root cause among events already read, or undefined when none failed. */
export function findRootCause(events: StackEventRecord[]): RootCause | undefined {
  let best: StackEventRecord | undefined;
  for (const event of events) {
    if (!isCandidate(event)) continue;
    const earlier = best === undefined || event.timestamp.getTime() < best.timestamp.getTime();
    // At the same second a deeper event is the cause, its parent's failure only the echo.
    const deeperTie =
      best !== undefined &&
      event.timestamp.getTime() === best.timestamp.getTime() &&
      event.parentPath.length > best.parentPath.length;
    if (earlier || deeperTie) best = event;
  }
  return best ? toRootCause(best) : undefined;
}

/**
 * Like findRootCause, but when the cause is a nested stack whose own events were not read, reads
 * them (once per level) and looks inside. Reading is best effort: the outer cause is kept if it fails.
 */
export async function diagnose(
  cfn: CfnClient,
  events: StackEventRecord[],
  startTime: number,
  maxDepth = 5,
): Promise<RootCause | undefined> {
  let all = events;
  let cause = findRootCause(all);
  for (let depth = 0; depth < maxDepth && cause; depth++) {
    if (cause.resourceType !== "AWS::CloudFormation::Stack" || !cause.physicalId?.startsWith("arn:")) break;
    const path = [...cause.parentPath, cause.logicalId];
    const known = all.some(
      (e) => e.parentPath.length >= path.length && path.every((p, i) => e.parentPath[i] === p),
    );
    if (known) break;
    let nested: StackEventRecord[];
    try {
      nested = await new StackEventPoller(cfn, {
        stack: cause.physicalId,
        startTime,
        parentPath: path,
      }).poll();
    } catch {
      break;
    }
    if (nested.length === 0) break;
    all = [...all, ...nested];
    const deeper = findRootCause(nested);
    if (!deeper) break;
    cause = deeper;
  }
  return cause;
}

export function describeRootCause(cause: RootCause): string {
  const id = [...cause.parentPath, cause.logicalId].join("/");
  return `${id} (${cause.resourceType}) ${cause.status}: ${cause.reason}`;
}
