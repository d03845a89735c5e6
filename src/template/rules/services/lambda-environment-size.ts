/**
 * E3697: Lambda limits a function's environment variables to 4 KB in all, names and values
 * together; a function over the limit fails to deploy. Only names and values written out are
 * counted (in UTF-8 bytes), so the sum is a lower bound and an excess is certain.
 *
 * Beyond cfn-lint, SAM functions are checked too, with the variables SAM merges in from
 * Globals.Function (the function's own value wins for a name both set).
 */
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { environmentVariables, FUNCTION, SAM_FUNCTION } from "./lambda";
import { inheritedGlobal, propertySets, resourcesOfType } from "./values";

const LIMIT = 4096;

export const lambdaEnvironmentSize: Rule = {
  id: "E3697",
  severity: "error",
  shortDescription: "A function's environment variables fit in 4 KB",
  description:
    "The names and values of a Lambda function's environment variables may take at most 4 KB (4,096 bytes) " +
    "together.",
  source: "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html",
  tags: ["resources", "lambda"],
  resourceTypes: [FUNCTION, SAM_FUNCTION],
  check({ template, report }) {
    for (const resource of resourcesOfType(template, FUNCTION, SAM_FUNCTION)) {
      const global =
        resource.type === SAM_FUNCTION
          ? environmentVariables(inheritedGlobal(template, resource, "Environment")?.value)
          : undefined;
      for (const { properties } of propertySets(resource)) {
        const entry = mapGet(properties, "Environment");
        const own = environmentVariables(entry?.value);
        const sizes = new Map<string, number>();
        for (const map of [global, own]) {
          for (const variable of map?.entries ?? [])
            sizes.set(variable.key, bytes(variable.key, variable.value));
        }
        let total = 0;
        for (const size of sizes.values()) total += size;
        if (total <= LIMIT) continue;
        const inherited = global?.entries.length ? ", with those inherited from Globals.Function" : "";
        report(
          entry?.keyRange ?? resource.entry.keyRange,
          `The environment variables of this function take at least ${total} bytes${inherited}, over Lambda's ` +
            `limit of ${LIMIT} bytes for all names and values together; keep large values in SSM Parameter Store ` +
            "or Secrets Manager and read them when the function starts",
          { path: ["Resources", resource.name, "Properties", "Environment", "Variables"] },
        );
      }
    }
  },
};

/** The bytes a variable surely takes: its name, and its value when written out. */
function bytes(name: string, value: Node): number {
  const text = value.kind === "scalar" && value.value !== null ? String(value.value) : "";
  return Buffer.byteLength(name, "utf8") + Buffer.byteLength(text, "utf8");
}
