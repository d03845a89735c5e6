import { describe, expect, it } from "vitest";
import { parseTtl, readSweepInputs } from "../../src/inputs";

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? "";
const CONTEXT = { repository: "acme/shop" };

describe("parseTtl", () => {
  it.each([
    ["90m", 90 * 60_000],
    ["36h", 36 * 3_600_000],
    ["7d", 7 * 86_400_000],
    ["2w", 14 * 86_400_000],
    [" 3 d ", 3 * 86_400_000],
  ])("reads %s", (value, ms) => {
    expect(parseTtl(value)).toBe(ms);
  });

  it.each(["7", "7 days", "1.5d", "-1d", "0m", "d", "53w", "P7D", ""])(
    "refuses %j, naming the forms allowed",
    (value) => {
      expect(() => parseTtl(value)).toThrow(
        "Input 'ttl': the value is not a duration from a minute to a year; use a whole number and one unit: m (minutes), h (hours), d (days) or w (weeks), e.g. 90m, 36h, 7d or 2w.",
      );
    },
  );
});

describe("sweep inputs", () => {
  it("reads every input with its default", () => {
    expect(readSweepInputs(reader({ "github-token": "t" }), CONTEXT)).toEqual({
      stackPrefix: "shop",
      ttlMs: 7 * 86_400_000,
      ttl: "7d",
      maxDeletions: 10,
      deleteExpiredOpen: false,
      timeoutMinutes: 60,
      dryRun: false,
      githubToken: "t",
    });
  });

  it("reads what is given", () => {
    const inputs = readSweepInputs(
      reader({
        "github-token": "t",
        "stack-prefix": "api",
        ttl: "36h",
        "max-deletions": "3",
        "delete-expired-open": "true",
        "timeout-minutes": "15",
        "dry-run": "true",
      }),
      CONTEXT,
    );
    expect(inputs).toMatchObject({
      stackPrefix: "api",
      ttlMs: 36 * 3_600_000,
      maxDeletions: 3,
      deleteExpiredOpen: true,
      timeoutMinutes: 15,
      dryRun: true,
    });
  });

  it("refuses a run without a token, and a cap out of range", () => {
    expect(() => readSweepInputs(reader({}), CONTEXT)).toThrow(/^Input 'github-token': no token given/);
    expect(() => readSweepInputs(reader({ "github-token": "t", "max-deletions": "0" }), CONTEXT)).toThrow(
      "Input 'max-deletions': the value is not allowed; use a whole number from 1 to 1000.",
    );
  });
});
