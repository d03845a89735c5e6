/** What the actions share on the runner: paths as the workspace names them. */
import { isAbsolute, relative, resolve } from "node:path";

/** A template path as annotations need it: relative to the workspace. */
export function displayPath(workspace: string, file: string): string {
  const absolute = isAbsolute(file) ? file : resolve(workspace, file);
  const rel = relative(workspace, absolute);
  return rel.startsWith("..") ? absolute : rel;
}
