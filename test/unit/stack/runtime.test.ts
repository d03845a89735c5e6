import { describe, expect, it } from "vitest";
import { realSleep, timeBase } from "../../../src/stack/runtime";

const LOCAL = { AWS_ENDPOINT_URL: "http://127.0.0.1:4566" };

describe("timeBase", () => {
  it("is real time when no scale is set", () => {
    const warnings: string[] = [];
    const time = timeBase(LOCAL, (m) => warnings.push(m));
    expect(time.scale).toBe(1);
    expect(time.sleep).toBe(realSleep);
    expect(warnings).toEqual([]);
  });

  it("never scales time against real AWS, and says so", () => {
    const warnings: string[] = [];
    const time = timeBase({ PREVIEW_STACKS_TIME_SCALE: "50" }, (m) => warnings.push(m));
    expect(time.scale).toBe(1);
    expect(warnings).toEqual([
      "PREVIEW_STACKS_TIME_SCALE is ignored: it is for tests against a local AWS endpoint, and AWS_ENDPOINT_URL is not set.",
    ]);
  });

  it("refuses a scale below 1", () => {
    const warnings: string[] = [];
    expect(timeBase({ ...LOCAL, PREVIEW_STACKS_TIME_SCALE: "0.5" }, (m) => warnings.push(m)).scale).toBe(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/is not a number of at least 1; real time is used\.$/);
  });

  it("runs the clock N times faster from the origin against a local endpoint", () => {
    const origin = Date.now() - 1_000;
    const time = timeBase(
      { ...LOCAL, PREVIEW_STACKS_TIME_SCALE: "50", PREVIEW_STACKS_TIME_ORIGIN: String(origin) },
      () => {},
    );
    expect(time.scale).toBe(50);
    // At least a real second has passed since the origin: at least 50 on the scaled clock.
    expect(time.clock() - origin).toBeGreaterThanOrEqual(50_000);
  });
});
