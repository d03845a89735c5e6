import { describe, expect, it } from "vitest";
import { parseEventContext } from "../../../src/github/context";

const env = {
  GITHUB_REPOSITORY: "acme/shop",
  GITHUB_EVENT_NAME: "pull_request",
  GITHUB_SHA: "ffffffffffffffffffffffffffffffffffffffff",
  GITHUB_RUN_ID: "4242",
  GITHUB_RUN_ATTEMPT: "1",
  GITHUB_SERVER_URL: "https://github.com",
};

function pr(headRepo: { full_name: string } | null) {
  return {
    pull_request: {
      number: 12,
      head: { sha: "1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d", repo: headRepo },
      base: { repo: { full_name: "acme/shop" } },
    },
  };
}

describe("parseEventContext", () => {
  it("takes the pull request's head commit, not the merge commit", () => {
    const context = parseEventContext(env, pr({ full_name: "acme/shop" }));
    expect(context).toEqual({
      eventName: "pull_request",
      repository: "acme/shop",
      owner: "acme",
      repo: "shop",
      prNumber: 12,
      prClosed: false,
      sha: "1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d",
      isFork: false,
      headRepository: "acme/shop",
      runId: "4242",
      runAttempt: 1,
      runUrl: "https://github.com/acme/shop/actions/runs/4242",
    });
  });

  it("tells forks, deleted forks included", () => {
    expect(parseEventContext(env, pr({ full_name: "mallory/shop" })).isFork).toBe(true);
    expect(parseEventContext(env, pr(null)).isFork).toBe(true);
  });

  it("uses GITHUB_SHA outside pull requests and links the attempt of a re-run", () => {
    const context = parseEventContext({ ...env, GITHUB_EVENT_NAME: "push", GITHUB_RUN_ATTEMPT: "3" }, {});
    expect(context.prNumber).toBeUndefined();
    expect(context.isFork).toBe(false);
    expect(context.sha).toBe("ffffffffffffffffffffffffffffffffffffffff");
    expect(context.runUrl).toBe("https://github.com/acme/shop/actions/runs/4242/attempts/3");
  });

  it("refuses a run without a repository, saying how to give one", () => {
    expect(() => parseEventContext({ ...env, GITHUB_REPOSITORY: "" }, {})).toThrow(
      /GITHUB_REPOSITORY is missing or not owner\/repo.*set GITHUB_REPOSITORY/,
    );
  });

  it("tells a closed pull request, by the event's action or the pull request's state", () => {
    expect(parseEventContext(env, { ...pr({ full_name: "acme/shop" }), action: "closed" }).prClosed).toBe(
      true,
    );
    const closed = pr({ full_name: "acme/shop" });
    (closed.pull_request as { state?: string }).state = "closed";
    expect(parseEventContext(env, closed).prClosed).toBe(true);
    expect(
      parseEventContext(env, { ...pr({ full_name: "acme/shop" }), action: "synchronize" }).prClosed,
    ).toBe(false);
  });

  it("refuses a pull request number GitHub could not have given", () => {
    for (const number of [1e21, 0, -3, 1.5, "12", null, 2 ** 31]) {
      const payload = pr({ full_name: "acme/shop" });
      (payload.pull_request as { number: unknown }).number = number;
      expect(() => parseEventContext(env, payload)).toThrow(
        "The event's pull_request.number is not a pull request number (a whole number from 1 to 2147483647)",
      );
    }
  });
});
