import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { command as buildLayer } from "../../src/cli/build-layer";
import { command as deploy } from "../../src/cli/deploy";
import {
  type Command,
  inputReader,
  optionNames,
  parseCommandArgs,
  renderHelp,
  UsageError,
} from "../../src/cli/options";
import { command as sweep } from "../../src/cli/sweep";
import { command as teardown } from "../../src/cli/teardown";
import { command as validate } from "../../src/cli/validate";

const ROOT = join(import.meta.dirname, "../..");

function actionInputs(action: string): string[] {
  const meta = parse(readFileSync(join(ROOT, "actions", action, "action.yml"), "utf8"));
  return Object.keys(meta.inputs ?? {});
}

function usageError(command: Command, args: string[]): UsageError {
  try {
    parseCommandArgs(command, args);
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error("expected a usage error");
}

describe("the commands' options", () => {
  it.each([
    ["deploy", deploy],
    ["teardown", teardown],
    ["sweep", sweep],
    ["build-layer", buildLayer],
  ] as const)("%s has an option for every input of its action, under the same name", (action, command) => {
    const names = new Set(command.options.map((o) => o.name));
    const inputs = actionInputs(action);
    expect(inputs.length).toBeGreaterThan(5);
    expect(inputs.filter((input) => !names.has(input))).toEqual([]);
  });

  it("validate has an option for every input but templates, which are its arguments", () => {
    const names = new Set(validate.options.map((o) => o.name));
    expect(actionInputs("validate").filter((input) => !names.has(input))).toEqual(["templates"]);
  });
});

describe("parseCommandArgs", () => {
  it("names an unknown option, lists the allowed ones, and never repeats the value", () => {
    const error = usageError(teardown, ["--pr", "12", "--stack-nmae=hunter2"]);
    expect(error.message).toMatch(/^teardown has no option '--stack-nmae'\. Its options: --stack-name, /);
    expect(error.message).toContain("--[no-]empty-buckets");
    expect(error.message).not.toContain("hunter2");
  });

  it("says a switch takes no value and a value is missing, naming the option only", () => {
    expect(usageError(teardown, ["--dry-run=hunter2"]).message).toBe(
      "option '--dry-run' of teardown is a switch and takes no value.",
    );
    expect(usageError(teardown, ["--stack-name"]).message).toBe(
      "option '--stack-name' of teardown needs a value.",
    );
    expect(usageError(teardown, ["--stack-name", "--dry-run"]).message).toMatch(
      /^option '--stack-name' of teardown needs a value; to give one that starts with a dash, write --stack-name=-VALUE\.$/,
    );
  });

  it("refuses positional arguments without quoting them", () => {
    const error = usageError(sweep, ["hunter2"]);
    expect(error.message).toMatch(/^sweep takes no positional arguments/);
    expect(error.message).not.toContain("hunter2");
  });
});

describe("inputReader", () => {
  it("reads options as the action reads its inputs: lists joined by newlines, switches as true/false, blanks as empty", () => {
    const parsed = parseCommandArgs(deploy, [
      "--tags",
      "team=shop",
      "--tags",
      "cost=dev",
      "--disable-rollback",
      "--no-validate",
      "--mode",
      "create-change-set",
    ]);
    const read = inputReader(deploy, parsed, { "github-token": "from-env" });
    expect(read("tags")).toBe("team=shop\ncost=dev");
    expect(read("disable-rollback")).toBe("true");
    expect(read("validate")).toBe("false");
    expect(read("recreate-failed")).toBe("");
    expect(read("mode")).toBe("create-change-set");
    expect(read("stack-name")).toBe("");
    expect(read("github-token")).toBe("from-env");
  });
});

describe("renderHelp", () => {
  it("lists every option, with --[no-] for those on by default", () => {
    const help = renderHelp(teardown);
    expect(help).toMatch(/^Usage: preview-stacks teardown --pr NUMBER --repo OWNER\/NAME \[options\]\n/);
    for (const name of optionNames(teardown).split(", ")) expect(help).toContain(name);
    expect(help).toMatch(/\n {2}--\[no-\]empty-buckets +empty the stack's S3 buckets first/);
    expect(help).toMatch(/\n {2}-h, --help +show this help\n$/);
  });
});
