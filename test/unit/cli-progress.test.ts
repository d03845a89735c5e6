import { describe, expect, it } from "vitest";
import { CLEAR_LINE, ProgressView, progressIsTTY } from "../../src/cli/progress";

function view(isTTY: boolean, columns = 80) {
  const out: string[] = [];
  let now = 1_000_000;
  const progress = new ProgressView({
    isTTY,
    write: (text) => out.push(text),
    clock: () => now,
    label: "deploy shop-pr-12",
    columns,
  });
  return {
    progress,
    out,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const EVENT = "12:04:31  Api  AWS::ApiGateway::RestApi  CREATE_IN_PROGRESS";
const FAILED = "12:04:40  Api  AWS::ApiGateway::RestApi  CREATE_FAILED  Api name shop-preview is taken";

describe("ProgressView off a terminal", () => {
  it("writes each line as it is, with no status line and no control characters", () => {
    const { progress, out, advance } = view(false);
    progress.line("Creating a change set: the stack does not exist.");
    advance(5_000);
    progress.tick();
    progress.line(EVENT);
    progress.stop();
    expect(out.join("")).toBe(`Creating a change set: the stack does not exist.\n${EVENT}\n`);
  });
});

describe("ProgressView on a terminal", () => {
  it("keeps a status line with the elapsed time and the latest event below the lines", () => {
    const { progress, out, advance } = view(true);
    progress.line("Creating a change set: the stack does not exist.");
    expect(out.join("")).toBe("Creating a change set: the stack does not exist.\n[0s] deploy shop-pr-12");
    out.length = 0;
    advance(65_000);
    progress.line(EVENT);
    expect(out.join("")).toBe(`${CLEAR_LINE}${EVENT}\n[1m5s] deploy shop-pr-12 · Api CREATE_IN_PROGRESS`);
  });

  it("redraws the status line in place on each tick, and keeps the failure's event", () => {
    const { progress, out, advance } = view(true);
    progress.line(FAILED);
    out.length = 0;
    advance(2_000);
    progress.tick();
    expect(out).toEqual([`${CLEAR_LINE}[2s] deploy shop-pr-12 · Api CREATE_FAILED`]);
  });

  it("clears the status line on stop, and writes plain lines after it", () => {
    const { progress, out } = view(true);
    progress.line("one");
    progress.stop();
    progress.tick();
    progress.line("two");
    expect(out.join("")).toBe(`one\n[0s] deploy shop-pr-12${CLEAR_LINE}two\n`);
  });

  it("cuts the status line to the terminal's width", () => {
    const { progress } = view(true, 20);
    progress.line(EVENT);
    expect(progress.status()).toBe("[0s] deploy shop-p…");
    expect(progress.status()).toHaveLength(19);
  });
});

describe("progressIsTTY", () => {
  it("follows stderr unless PREVIEW_STACKS_PROGRESS says tty or plain", () => {
    expect(progressIsTTY({}, true)).toBe(true);
    expect(progressIsTTY({}, false)).toBe(false);
    expect(progressIsTTY({ PREVIEW_STACKS_PROGRESS: "tty" }, false)).toBe(true);
    expect(progressIsTTY({ PREVIEW_STACKS_PROGRESS: "plain" }, true)).toBe(false);
    expect(progressIsTTY({ PREVIEW_STACKS_PROGRESS: "sometimes" }, false)).toBe(false);
  });
});
