/**
 * E3696: log levels filter JSON logs only. A function whose LoggingConfig sets LogFormat: Text
 * cannot set ApplicationLogLevel or SystemLogLevel; Lambda refuses the function.
 *
 * Beyond cfn-lint, which checks SystemLogLevel of AWS::Lambda::Function: ApplicationLogLevel too,
 * SAM functions, and SAM's Globals.Function (whose LoggingConfig SAM merges into each function's).
 */
import type { MapNode } from "../../model";
import { mapGet } from "../../nodes";
import { globalsFor } from "../resources/shared";
import type { Rule } from "../rule";
import { FUNCTION, SAM_FUNCTION } from "./lambda";
import {
  inheritedGlobal,
  literalString,
  plainMap,
  presentEntry,
  propertySets,
  resourcesOfType,
} from "./values";

const LEVELS = ["ApplicationLogLevel", "SystemLogLevel"];

export const lambdaLogLevel: Rule = {
  id: "E3696",
  severity: "error",
  shortDescription: "Log levels are set only with the JSON log format",
  description:
    "ApplicationLogLevel and SystemLogLevel filter JSON logs: a LoggingConfig with LogFormat Text cannot set them.",
  source: "https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-log-level.html",
  tags: ["resources", "lambda"],
  check({ template, report }) {
    const globals = plainMap(mapGet(globalsFor(template, SAM_FUNCTION), "LoggingConfig")?.value);
    if (globals) check(globals, undefined, ["Globals", "Function", "LoggingConfig"]);
    for (const resource of resourcesOfType(template, FUNCTION, SAM_FUNCTION)) {
      const inherited =
        resource.type === SAM_FUNCTION
          ? plainMap(inheritedGlobal(template, resource, "LoggingConfig")?.value)
          : undefined;
      for (const { properties } of propertySets(resource)) {
        const own = plainMap(presentEntry(properties, "LoggingConfig")?.value);
        if (own) check(own, inherited, ["Resources", resource.name, "Properties", "LoggingConfig"]);
      }
    }

    /** Reports the levels `own` sets under a Text format, its own or the one it merges with. */
    function check(own: MapNode, merged: MapNode | undefined, path: (string | number)[]): void {
      const format = presentEntry(own, "LogFormat") ?? (merged && presentEntry(merged, "LogFormat"));
      if (literalString(format?.value) !== "Text") return;
      for (const key of LEVELS) {
        const level = presentEntry(own, key);
        if (!level) continue;
        report(
          level.keyRange,
          `${key} filters JSON logs, and LogFormat is Text${presentEntry(own, "LogFormat") ? "" : " (from Globals.Function)"}: ` +
            `set LogFormat: JSON, or remove ${key}`,
          { path: [...path, key] },
        );
      }
    }
  },
};
