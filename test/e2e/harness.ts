/**
 * Runs a bundled action (dist/<name>/index.js) as the GitHub runner does: a clean environment with
 * INPUT_* for every input (defaults from the action's action.yml applied, as the runner applies
 * them), the GITHUB_* variables and files, an event payload, fake AWS credentials, and optional
 * AWS_ENDPOINT_URL / GITHUB_API_URL pointing at local fakes. Returns what a workflow would see.
 *
 * The child runs asynchronously so fakes started in the test's own process can answer it.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse } from "yaml";
import { DEFAULT_REPOSITORY, pushEvent, type WorkflowEvent } from "./events";

/** The project root; a bundled copy of this harness (the demo) is told where it is. */
export const ROOT =
  process.env.PREVIEW_STACKS_ROOT ??
  resolve(import.meta.dirname ?? new URL(".", import.meta.url).pathname, "../..");

export interface RunActionOptions {
  /** Sub-action folder name under actions/ ("validate", "deploy", ...), or "." for the root action. */
  action: string;
  inputs?: Record<string, string>;
  workspace?: string;
  event?: WorkflowEvent;
  /** Extra environment, applied last (e.g. RUNNER_DEBUG). */
  env?: Record<string, string>;
  awsEndpoint?: string;
  githubApiUrl?: string;
  repository?: string;
  runId?: string;
  runAttempt?: string;
  timeoutMs?: number;
  /** Run the action's post step (runs.post) instead of its main step, as the runner does after the job. */
  post?: boolean;
  /** State saved by an earlier step (its RunResult.state), given as the runner gives it: STATE_<name>. */
  state?: Record<string, string>;
  /** Sends `signal` once the log contains `after` (the runner's cancel sends SIGINT, then SIGTERM). */
  cancel?: { after: string; signal?: NodeJS.Signals };
}

export interface Annotation {
  level: "error" | "warning" | "notice";
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
  endColumn?: number;
  title?: string;
  message: string;
}

export interface RunResult {
  exitCode: number | null;
  outputs: Record<string, string>;
  summary: string;
  annotations: Annotation[];
  stdout: string;
  stderr: string;
  /** Variables the action exported to later steps through GITHUB_ENV. */
  exportedEnv: Record<string, string>;
  state: Record<string, string>;
  dir: string;
}

interface ActionMetadata {
  inputs?: Record<string, { default?: string; required?: boolean }>;
  runs: { using: string; main: string; post?: string };
}

export function actionMetadata(action: string): { meta: ActionMetadata; dir: string } {
  const dir = action === "." ? ROOT : join(ROOT, "actions", action);
  return { meta: parse(readFileSync(join(dir, "action.yml"), "utf8")) as ActionMetadata, dir };
}

/** The runner's name mangling: upper case, spaces to underscores; hyphens stay. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;
}

/** Parses GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STATE files (name=value and heredoc forms). */
export function parseCommandFile(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === "") continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      i++;
      while (i < lines.length && lines[i] !== delimiter) value.push(lines[i++]);
      result[name] = value.join("\n");
      continue;
    }
    const eq = line.indexOf("=");
    if (eq > 0) result[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return result;
}

function unescapeData(text: string): string {
  return text.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%");
}

function unescapeProperty(text: string): string {
  return unescapeData(text).replace(/%3A/g, ":").replace(/%2C/g, ",");
}

/** Reads `::error file=a,line=1,col=2::message` workflow commands from the log. */
export function parseAnnotations(log: string): Annotation[] {
  const annotations: Annotation[] = [];
  for (const line of log.split("\n")) {
    const match = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!match) continue;
    const annotation: Annotation = {
      level: match[1] as Annotation["level"],
      message: unescapeData(match[3]),
    };
    for (const pair of (match[2] ?? "").split(",").filter(Boolean)) {
      const eq = pair.indexOf("=");
      const key = pair.slice(0, eq);
      const value = unescapeProperty(pair.slice(eq + 1));
      if (key === "line" || key === "endLine" || key === "col" || key === "endColumn")
        annotation[key] = Number(value);
      else if (key === "file" || key === "title") annotation[key] = value;
    }
    annotations.push(annotation);
  }
  return annotations;
}

export async function runAction(options: RunActionOptions): Promise<RunResult> {
  const { meta, dir: actionDir } = actionMetadata(options.action);
  const dir = mkdtempSync(join(tmpdir(), "preview-stacks-run-"));
  const files = {
    output: join(dir, "output"),
    summary: join(dir, "summary.md"),
    state: join(dir, "state"),
    env: join(dir, "env"),
    path: join(dir, "path"),
    event: join(dir, "event.json"),
  };
  for (const file of [files.output, files.summary, files.state, files.env, files.path])
    writeFileSync(file, "");
  const event = options.event ?? pushEvent();
  writeFileSync(files.event, JSON.stringify(event.payload, null, 2));
  const repository = options.repository ?? `${DEFAULT_REPOSITORY.owner}/${DEFAULT_REPOSITORY.name}`;

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: dir,
    CI: "true",
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: repository.split("/")[0],
    GITHUB_SHA: "0123456789abcdef0123456789abcdef01234567",
    GITHUB_REF: "refs/heads/main",
    GITHUB_RUN_ID: options.runId ?? "4242",
    GITHUB_RUN_ATTEMPT: options.runAttempt ?? "1",
    GITHUB_RUN_NUMBER: "7",
    GITHUB_JOB: "preview",
    GITHUB_WORKFLOW: "preview",
    GITHUB_ACTOR: "octocat",
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_API_URL: options.githubApiUrl ?? "http://127.0.0.1:9/unreachable-github",
    GITHUB_WORKSPACE: options.workspace ?? dir,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    GITHUB_ENV: files.env,
    GITHUB_PATH: files.path,
    RUNNER_TEMP: dir,
    RUNNER_OS: "Linux",
    AWS_REGION: "us-east-1",
    AWS_DEFAULT_REGION: "us-east-1",
    AWS_ACCESS_KEY_ID: "AKIDPREVIEWSTACKSTEST",
    AWS_SECRET_ACCESS_KEY: "preview-stacks-test-secret",
    // Never let a test reach a real metadata service or profile.
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_CONFIG_FILE: join(dir, "aws-config"),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, "aws-credentials"),
    // Anything that slips past the fakes must fail fast instead of leaving the machine.
    AWS_ENDPOINT_URL: options.awsEndpoint ?? "http://127.0.0.1:9",
  };
  for (const [name, spec] of Object.entries(meta.inputs ?? {})) {
    const value = options.inputs?.[name] ?? spec.default ?? "";
    env[inputVariable(name)] = value;
  }
  for (const name of Object.keys(options.inputs ?? {})) {
    if (!meta.inputs?.[name]) throw new Error(`action ${options.action} declares no input '${name}'`);
  }
  for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value;
  Object.assign(env, options.env ?? {});

  const script = options.post ? meta.runs.post : meta.runs.main;
  if (!script) throw new Error(`action ${options.action} has no post step`);
  const main = resolve(actionDir, script);
  const child = spawn(process.execPath, [main], {
    cwd: env.GITHUB_WORKSPACE,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let cancelled = false;
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
    if (options.cancel && !cancelled && stdout.includes(options.cancel.after)) {
      cancelled = true;
      child.kill(options.cancel.signal ?? "SIGINT");
    }
  });
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const exitCode = await new Promise<number | null>((resolveExit, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(
        new Error(
          `${options.action} did not exit within ${options.timeoutMs ?? 60_000} ms.\n${stdout}\n${stderr}`,
        ),
      );
    }, options.timeoutMs ?? 60_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolveExit(code);
    });
  });
  return {
    exitCode,
    outputs: parseCommandFile(readFileSync(files.output, "utf8")),
    summary: readFileSync(files.summary, "utf8"),
    annotations: parseAnnotations(stdout),
    stdout,
    stderr,
    exportedEnv: parseCommandFile(readFileSync(files.env, "utf8")),
    state: parseCommandFile(readFileSync(files.state, "utf8")),
    dir,
  };
}
