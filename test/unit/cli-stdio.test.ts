import { describe, expect, it } from "vitest";
import { descriptorWriter } from "../../src/cli/stdio";

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(code), { code });
}

/** A stand-in for process.stdout that records what it is given. */
function recordingStream() {
  const chunks: string[] = [];
  const stream = { write: (chunk: string | Uint8Array) => chunks.push(Buffer.from(chunk).toString("utf8")) };
  return { chunks, stream: stream as unknown as NodeJS.WriteStream };
}

describe("descriptorWriter", () => {
  it("writes everything to the descriptor, however the kernel splits it, and never makes the stream", () => {
    const written: Buffer[] = [];
    let made = 0;
    const write = descriptorWriter(
      1,
      () => {
        made++;
        return recordingStream().stream;
      },
      ((fd: number, bytes: Buffer, offset: number) => {
        expect(fd).toBe(1);
        // Three bytes at a time, as a pipe may take them.
        const part = bytes.subarray(offset, offset + 3);
        written.push(Buffer.from(part));
        return part.length;
      }) as never,
    );
    write("héllo, ");
    write("world\n");
    expect(Buffer.concat(written).toString("utf8")).toBe("héllo, world\n");
    expect(made).toBe(0);
  });

  it("hands the rest, and every later write, to the stream when the descriptor would block", () => {
    const { chunks, stream } = recordingStream();
    const direct: string[] = [];
    let calls = 0;
    const write = descriptorWriter(2, () => stream, ((_fd: number, bytes: Buffer, offset: number) => {
      calls++;
      if (calls === 2) throw errno("EAGAIN");
      const part = bytes.subarray(offset, offset + 4);
      direct.push(part.toString("utf8"));
      return part.length;
    }) as never);
    write("abcdefgh");
    write("ij");
    expect(direct).toEqual(["abcd"]);
    expect(chunks).toEqual(["efgh", "ij"]);
    expect(calls).toBe(2);
  });

  it("stops quietly when the reader has gone, and rethrows any other error", () => {
    let calls = 0;
    const gone = descriptorWriter(1, () => recordingStream().stream, (() => {
      calls++;
      throw errno("EPIPE");
    }) as never);
    gone("one\n");
    gone("two\n");
    expect(calls).toBe(1);

    const broken = descriptorWriter(1, () => recordingStream().stream, (() => {
      throw errno("EIO");
    }) as never);
    expect(() => broken("x")).toThrow("EIO");
  });
});
