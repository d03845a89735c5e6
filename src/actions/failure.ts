/**
 * How every action ends on an error: one clear message as the failure, and the stack trace only
 * when the run has debug logging on (ACTIONS_STEP_DEBUG / RUNNER_DEBUG). `clean` strips known secrets.
 */
import * as core from "@actions/core";

export function reportFailure(error: unknown, clean: (text: string) => string = (text) => text): void {
  const message = error instanceof Error ? error.message : String(error);
  if (core.isDebug() && error instanceof Error && error.stack) core.debug(clean(error.stack));
  core.setFailed(clean(message));
}
