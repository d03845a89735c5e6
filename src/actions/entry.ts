/**
 * Which action a process runs. Each action's module ends by running the action when it is the
 * bundle being run (dist/<name>/index.js, or src/actions/<name>.ts run directly), and only then:
 * the all-in-one action imports every sub-action's module into its own bundle, and calls the one
 * the event needs.
 */
import { basename, dirname } from "node:path";

export function isEntry(name: string, script: string = process.argv[1] ?? ""): boolean {
  const file = basename(script);
  if (/^index\.[cm]?js$/.test(file)) return basename(dirname(script)) === name;
  return file.replace(/\.[cm]?[jt]s$/, "") === name;
}
