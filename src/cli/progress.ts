/**
 * What a person sees while a long operation runs from the command line: every log line (the stack
 * events among them, as the stack modules format them) and, on a terminal, one status line kept at
 * the bottom with the running elapsed time and the latest resource event, redrawn in place. When
 * the output is not a terminal (a pipe, a CI log, a file) the same lines are written plainly, with
 * no control characters and no status line. The view is pure: it writes through `write`, reads
 * time from `clock`, and is told whether it is on a terminal, so tests drive both renderings.
 */
import { formatDuration } from "../stack/wait";

export interface ProgressOptions {
  /** True on a terminal: the status line is drawn and redrawn. */
  isTTY: boolean;
  write: (text: string) => void;
  clock: () => number;
  /** What runs, e.g. "deploy shop-pr-12". */
  label: string;
  /** The terminal's width: the status line is cut to fit. */
  columns?: number;
}

/** Carriage return and erase-line: the status line is wiped before anything else is written. */
export const CLEAR_LINE = "\r\x1b[2K";

/** `12:04:31  Api  AWS::ApiGateway::RestApi  CREATE_IN_PROGRESS  reason`, as formatEvent writes it. */
const EVENT_LINE = /^\d\d:\d\d:\d\d {2}(\S+) {2}\S+ {2}([A-Z_]+)(?: {2}|$)/;

export class ProgressView {
  private readonly startedAt: number;
  private latest: string | undefined;
  private drawn = false;
  private stopped = false;

  constructor(private readonly options: ProgressOptions) {
    this.startedAt = options.clock();
  }

  /** One line of the operation's log. */
  line(text: string): void {
    const event = EVENT_LINE.exec(text);
    if (event) this.latest = `${event[1]} ${event[2]}`;
    if (!this.options.isTTY || this.stopped) {
      this.options.write(`${text}\n`);
      return;
    }
    this.options.write(`${this.drawn ? CLEAR_LINE : ""}${text}\n`);
    this.drawn = false;
    this.draw();
  }

  /** Redraws the status line with the time now (a terminal's timer calls it every second). */
  tick(): void {
    if (this.options.isTTY && !this.stopped) this.draw();
  }

  /** Removes the status line for good; lines written afterwards are plain. */
  stop(): void {
    if (this.drawn) this.options.write(CLEAR_LINE);
    this.drawn = false;
    this.stopped = true;
  }

  /** `[1m05s] deploy shop-pr-12 · Api CREATE_IN_PROGRESS` */
  status(): string {
    const elapsed = formatDuration(this.options.clock() - this.startedAt);
    const text = `[${elapsed}] ${this.options.label}${this.latest ? ` · ${this.latest}` : ""}`;
    const width = (this.options.columns ?? 80) - 1;
    return text.length > width ? `${text.slice(0, Math.max(0, width - 1))}…` : text;
  }

  private draw(): void {
    this.options.write(`${this.drawn ? CLEAR_LINE : ""}${this.status()}`);
    this.drawn = true;
  }
}

/**
 * Whether progress is drawn as on a terminal: PREVIEW_STACKS_PROGRESS=tty or plain decides when
 * set (tests, and terminals that do not understand erase-line), else whether stderr is a terminal.
 */
export function progressIsTTY(env: NodeJS.ProcessEnv, stderrIsTTY: boolean): boolean {
  const forced = env.PREVIEW_STACKS_PROGRESS?.trim().toLowerCase();
  if (forced === "tty") return true;
  if (forced === "plain") return false;
  return stderrIsTTY;
}

/** Redraws the view every second of real time until the returned function is called; never keeps the process alive. */
export function startTicking(view: ProgressView, everyMs = 1_000): () => void {
  const timer = setInterval(() => view.tick(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
