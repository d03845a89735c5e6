/**
 * Vitest global setup: every temporary directory a test or a child process makes goes under one
 * root for the run, removed when the run ends, so a test run leaves nothing behind in the
 * machine's temporary directory. Workers and the processes they start inherit TMPDIR, which
 * `os.tmpdir()` reads on each call.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "preview-stacks-tests-"));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
