/** Test helper: the SAM transform installed with cfn-lint, for tests that compare a table with what it does. */
import { execFileSync } from "node:child_process";

export interface MadeResource {
  Type: string;
  Properties: Record<string, unknown>;
}

/**
 * Whether the SAM translator is here; when it is not, says which comparison is skipped (`what`,
 * from `file`) and how to run it.
 */
export function samTranslatorInstalled(file: string, what: string): boolean {
  try {
    execFileSync("python3", ["-c", "import samtranslator"], { stdio: "ignore" });
    return true;
  } catch {
    console.warn(
      `${file}: the SAM translator is not installed (it comes with cfn-lint), so ${what} is not compared with it; ` +
        "install it with pip install cfn-lint to run that test.",
    );
    return false;
  }
}

/** The Python that reads templates by key from stdin and translates each (`translate` holds the call). */
function translating(...each: string[]): string {
  return [
    "import json, os, sys",
    "os.environ['AWS_DEFAULT_REGION'] = 'us-east-1'",
    "from samtranslator.translator.translator import Translator",
    "from samtranslator.parser import parser",
    "translate = lambda template: Translator(managed_policy_map={}, sam_parser=parser.Parser()).translate(sam_template=template, parameter_values={})",
    "out = {}",
    "for key, template in json.loads(sys.stdin.read()).items():",
    ...each.map((line) => `  ${line}`),
    "print(json.dumps(out))",
  ].join("\n");
}

function runPython(script: string, templates: Record<string, unknown>): unknown {
  return JSON.parse(
    execFileSync("python3", ["-c", script], { input: JSON.stringify(templates), encoding: "utf8" }),
  );
}

/** Runs the installed SAM transform on each template, and gives the resources of each translation. */
export function translateSam(templates: Record<string, unknown>): Record<string, MadeResource[]> {
  return runPython(
    translating("out[key] = list(translate(template)['Resources'].values())"),
    templates,
  ) as Record<string, MadeResource[]>;
}

/**
 * Runs the installed SAM transform on each template, and gives what it says when it refuses one
 * (the empty string when it takes it).
 */
export function samRefusals(templates: Record<string, unknown>): Record<string, string> {
  return runPython(
    translating(
      "try:",
      "  translate(template)",
      "  out[key] = ''",
      "except Exception as error:",
      "  out[key] = str(error) or type(error).__name__",
    ),
    templates,
  ) as Record<string, string>;
}
