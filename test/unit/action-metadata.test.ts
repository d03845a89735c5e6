/**
 * Every action.yml (the root one and each sub-action's) carries what the Marketplace shows and
 * the runner needs: a name, a description, branding with an icon and a colour, and a description
 * for every input and output.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "../e2e/harness";

interface ActionYaml {
  name?: unknown;
  description?: unknown;
  branding?: { icon?: unknown; color?: unknown };
  inputs?: Record<string, { description?: unknown } | null>;
  outputs?: Record<string, { description?: unknown } | null>;
  runs?: { using?: unknown; main?: unknown };
}

/** The colours the Marketplace accepts for branding. */
const COLORS = ["white", "black", "yellow", "blue", "green", "orange", "red", "purple", "gray-dark"];

const files = [
  "action.yml",
  ...readdirSync(join(ROOT, "actions"))
    .map((name) => `actions/${name}/action.yml`)
    .filter((file) => existsSync(join(ROOT, file))),
];

it("finds the root action and the five sub-actions", () => {
  expect(files).toEqual(
    expect.arrayContaining([
      "action.yml",
      "actions/validate/action.yml",
      "actions/build-layer/action.yml",
      "actions/deploy/action.yml",
      "actions/teardown/action.yml",
      "actions/sweep/action.yml",
    ]),
  );
});

describe.each(files)("%s", (file) => {
  const meta = parse(readFileSync(join(ROOT, file), "utf8")) as ActionYaml;

  it("has a name and a description the Marketplace accepts (under 125 characters)", () => {
    expect(typeof meta.name === "string" && meta.name.trim().length > 0).toBe(true);
    expect(typeof meta.description === "string" && meta.description.trim().length > 0).toBe(true);
    expect(String(meta.description).length).toBeLessThan(125);
  });

  it("has branding with an icon and a Marketplace colour", () => {
    expect(typeof meta.branding?.icon === "string" && /^[a-z0-9-]+$/.test(meta.branding.icon)).toBe(true);
    expect(COLORS).toContain(meta.branding?.color);
  });

  it("describes every input and output", () => {
    const undescribed = (entries: ActionYaml["inputs"]) =>
      Object.entries(entries ?? {})
        .filter(([, spec]) => !(typeof spec?.description === "string" && spec.description.trim()))
        .map(([name]) => name);
    expect({ inputs: undescribed(meta.inputs), outputs: undescribed(meta.outputs) }).toEqual({
      inputs: [],
      outputs: [],
    });
  });

  it("runs on node24 from a committed bundle", () => {
    expect(meta.runs?.using).toBe("node24");
    expect(String(meta.runs?.main)).toMatch(/dist\/[a-z-]+\/index\.js$/);
  });
});
