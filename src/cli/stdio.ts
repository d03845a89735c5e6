/**
 * Writing to standard output and error without `process.stdout`/`process.stderr`: creating those
 * streams loads Node's stream machinery, part of every cold run, which a command that prints
 * one line does not need. Writes are synchronous, so output keeps its order and is
 * complete when the process exits. A descriptor that would block (a non-blocking pipe whose reader
 * is slow) hands the rest, and every later write, to the stream, which waits for the reader; a
 * reader that has gone (`| head`) ends the output quietly, as it does for any command-line tool.
 */
import { writeSync } from "node:fs";
import { createRequire } from "node:module";

export type Write = (text: string) => void;

export function descriptorWriter(fd: 1 | 2, stream: () => NodeJS.WriteStream, write = writeSync): Write {
  let fallback: NodeJS.WriteStream | undefined;
  let closed = false;
  return (text) => {
    if (closed) return;
    if (fallback) {
      fallback.write(text);
      return;
    }
    const bytes = Buffer.from(text, "utf8");
    let offset = 0;
    while (offset < bytes.length) {
      try {
        offset += write(fd, bytes, offset);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "EPIPE") {
          closed = true;
          return;
        }
        if (code !== "EAGAIN") throw error;
        fallback = stream();
        fallback.write(bytes.subarray(offset));
        return;
      }
    }
  };
}

/**
 * Whether standard error is a terminal, without creating `process.stderr`. node:tty is required
 * here, when asked, rather than imported: loading it loads Node's stream and net modules, which
 * only the commands that draw progress on a terminal need.
 */
export function stderrIsTerminal(): boolean {
  const tty = createRequire(import.meta.url)("node:tty") as typeof import("node:tty");
  return tty.isatty(2);
}
