/** Runs a build tool with its output streamed, line by line, to the log. */
import { spawn } from "node:child_process";

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
}

/** Runs `command args`; resolves when it exits 0, rejects with the exit status and the last lines otherwise. */
export type CommandRunner = (command: string, args: string[], options: RunOptions) => Promise<void>;

/** How many of the last output lines a failure repeats, so the cause is in the error itself. */
const TAIL_LINES = 20;

export function streamingRunner(log: (line: string) => void): CommandRunner {
  return (command, args, options) =>
    new Promise((resolveRun, reject) => {
      const child = spawn(command, args, {
        cwd: options.cwd,
        env: options.env ?? process.env,
        stdio: ["ignore", "pipe", "pipe"],
      });
      const tail: string[] = [];
      const pending = { out: "", err: "" };
      const emit = (line: string) => {
        log(line);
        tail.push(line);
        if (tail.length > TAIL_LINES) tail.shift();
      };
      const feed = (which: "out" | "err") => (chunk: Buffer) => {
        const lines = (pending[which] + chunk.toString("utf8")).split("\n");
        pending[which] = lines.pop() ?? "";
        for (const line of lines) emit(line.replace(/\r$/, ""));
      };
      child.stdout.on("data", feed("out"));
      child.stderr.on("data", feed("err"));
      child.on("error", (error) =>
        reject(
          new Error(`Cannot run ${command}: ${error.message}. Install it on the runner before this step.`),
        ),
      );
      child.on("close", (code, signal) => {
        for (const rest of [pending.out, pending.err]) if (rest !== "") emit(rest);
        if (code === 0) return resolveRun();
        const status = signal ? `was killed by ${signal}` : `exited with status ${code}`;
        reject(new Error(`${[command, ...args].join(" ")} ${status}. Its last output:\n${tail.join("\n")}`));
      });
    });
}

/** Runs a tool and returns its standard output (for versions); rejects when it fails. */
export function captureOutput(command: string, args: string[]): Promise<string> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "ignore"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolveRun(out) : reject(new Error(`${command} exited ${code}`)),
    );
  });
}
