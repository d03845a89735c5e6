// Fault injection: throttling, server errors, connection resets and latency on calls; failures of
// stack resources, and stacks held in progress.
// Each injected call fault is consumed by the first matching request, so a test can say
// "throttle the next two DescribeStacks" and watch the SDK's retries absorb them.
import type { CallFaultKind, FaultMatch, Injector, ResourceFailure } from "./types";

interface CallFault {
  kind: CallFaultKind;
  match: FaultMatch;
  remaining: number;
}

interface ResourceRule extends ResourceFailure {
  logicalId: string;
}

function matches(m: FaultMatch, service: string, action: string): boolean {
  return (!m.service || m.service === service) && (!m.action || m.action === action);
}

export class FaultInjector implements Injector {
  private calls: CallFault[] = [];
  private latencies: { match: FaultMatch; ms: number }[] = [];
  private resources: ResourceRule[] = [];
  private holds: { stackName?: string; ms: number; remaining: number }[] = [];

  throttle(match: FaultMatch, times = 1): void {
    this.calls.push({ kind: "throttle", match, remaining: times });
  }

  serverError(match: FaultMatch, times = 1): void {
    this.calls.push({ kind: "serverError", match, remaining: times });
  }

  resetConnection(match: FaultMatch, times = 1): void {
    this.calls.push({ kind: "reset", match, remaining: times });
  }

  holdStack(stackName: string | undefined, ms: number, times = 1): void {
    if (!(ms >= 0)) throw new Error(`holdStack needs a non-negative duration, got ${ms}`);
    this.holds.push({ stackName, ms, remaining: times });
  }

  latency(match: FaultMatch, ms: number): void {
    this.latencies.push({ match, ms });
  }

  failResource(logicalId: string, opts: ResourceFailure = {}): void {
    this.resources.push({ logicalId, ...opts });
  }

  clear(): void {
    this.calls = [];
    this.latencies = [];
    this.resources = [];
    this.holds = [];
  }

  /** The fault this call receives, consuming one use of it. */
  takeCallFault(service: string, action: string): CallFaultKind | undefined {
    const fault = this.calls.find((f) => f.remaining > 0 && matches(f.match, service, action));
    if (!fault) return undefined;
    fault.remaining--;
    return fault.kind;
  }

  latencyFor(service: string, action: string): number {
    return this.latencies.filter((l) => matches(l.match, service, action)).reduce((sum, l) => sum + l.ms, 0);
  }

  stackHold(stackName: string): number {
    const hold = this.holds.find((h) => h.remaining > 0 && (!h.stackName || h.stackName === stackName));
    if (!hold) return 0;
    hold.remaining--;
    return hold.ms;
  }

  resourceFailure(
    stackName: string,
    logicalId: string,
    on: "create" | "update" | "delete",
  ): string | undefined {
    const rule = this.resources.find(
      (r) =>
        r.logicalId === logicalId &&
        (!r.stackName || r.stackName === stackName) &&
        (!r.on || r.on === on) &&
        (r.times === undefined || r.times > 0),
    );
    if (!rule) return undefined;
    if (rule.times !== undefined) rule.times--;
    return (
      rule.reason ??
      `Resource handler returned message: "Injected ${on} failure for ${logicalId}" (HandlerErrorCode: GeneralServiceException)`
    );
  }
}
