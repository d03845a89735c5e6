/**
 * `npm run demo` as part of the test suite: the whole pull-request loop on the sample app through
 * the root action's bundle (opened, a replacing push, a no-op push, closed, the sweep), which
 * exits 0 only when every step did what it should.
 */
import { describe, expect, it } from "vitest";
import { runDemo } from "../../scripts/demo";

describe("npm run demo", () => {
  it("runs the whole loop on the sample app, every step as it should", async () => {
    const printed: string[] = [];
    const code = await runDemo((text) => printed.push(text));
    const log = printed.join("\n");
    expect(code, log).toBe(0);
    for (const step of [1, 2, 3, 4, 5])
      expect(log).toMatch(new RegExp(`=== ${step}\\. ok in [\\d.]+ s, \\d+ AWS calls ===`));
    // What each step is for shows in what it printed: the replacement and the removal.
    expect(log).toMatch(/will or may be \*\*replaced\*\*/);
    expect(log).toContain("removed");
    expect(log).toContain("Every step did what it should");
  }, 600_000);
});
