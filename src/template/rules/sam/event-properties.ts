import { mapGet } from "../../nodes";
import { didYouMean } from "../../suggest";
import { usesLanguageExtensions } from "../functions/calls";
import type { Rule } from "../rule";
import { kindName } from "../template/scalars";
import { isForEachKey, isString } from "../template-index";
import { eventType, isFunctionCall, SAM_GUIDE, samEvents } from "./events";

/** Event types that take either State or the older Enabled, not both. */
const TOGGLED: readonly string[] = ["Schedule", "CloudWatchEvent", "EventBridgeRule"];

/**
 * What the SAM transform checks of an event's Properties before it generates anything: a
 * mapping written out, no property its event source type does not have, none of the required
 * ones missing, not both State and Enabled on a schedule or rule. Values are left to the
 * transform and to CloudFormation.
 */
export const samEventProperties: Rule = {
  id: "E0001",
  severity: "error",
  shortDescription: "SAM event Properties fit their event source type",
  description:
    "The Properties of a SAM event are a mapping with only the properties of its event source type, and all " +
    "of its required ones (Queue for SQS, Bucket and Events for S3, Stream and StartingPosition for Kinesis, ...).",
  source: `${SAM_GUIDE}/sam-property-function-eventsource.html`,
  tags: ["sam", "events"],
  check({ template, report }) {
    const extensions = usesLanguageExtensions(template);
    for (const event of samEvents(template)) {
      const type = eventType(event);
      const spec = type === undefined ? undefined : event.sources[type];
      if (!spec) continue; // The event type rule reports a missing or unknown Type.
      const { resource, entry } = event;
      const where = `event ${entry.key} of ${resource.name} (${type})`;
      const path = ["Resources", resource.name, "Properties", "Events", entry.key, "Properties"];
      const properties = mapGet(event.body, "Properties");
      const value = properties?.value;
      if (value && value.kind !== "map") {
        report(value, `The Properties of ${where} must be a mapping, not ${kindName(value)}`, { path });
        continue;
      }
      if (value && isFunctionCall(value)) {
        // The transform reads the function's key as a property name; the language extensions
        // may resolve some functions before it runs.
        if (!extensions && value.entries[0].key === "Fn::If") {
          report(value, `SAM does not resolve Fn::If as the Properties of ${where}; write the mapping out`, {
            path,
          });
        }
        continue;
      }
      const known = [...spec.required, ...spec.optional];
      let expanded = false;
      for (const property of value?.entries ?? []) {
        if (isForEachKey(property.key)) {
          expanded = true;
          continue;
        }
        if (known.includes(property.key)) continue;
        const hint = didYouMean(property.key, known);
        report(property.keyRange, `Unknown property '${property.key}' in ${where}${hint}`, {
          path: [...path, property.key],
        });
      }
      if (expanded) continue;
      const state = mapGet(value, "State");
      const enabled = mapGet(value, "Enabled");
      if (
        state &&
        enabled &&
        type !== undefined &&
        TOGGLED.includes(type) &&
        !(isString(state.value) && state.value.value === "")
      ) {
        report(
          enabled.keyRange,
          `State and Enabled are both set in ${where}, and the SAM transform refuses that; keep State (ENABLED or ` +
            "DISABLED) and remove Enabled",
          { path: [...path, "Enabled"] },
        );
      }
      const missing = spec.required.filter((name) => !mapGet(value, name));
      if (missing.length === 0) continue;
      const names = missing.map((name) => `'${name}'`).join(" and ");
      report(
        properties?.keyRange ?? entry.keyRange,
        `Missing required ${missing.length === 1 ? "property" : "properties"} ${names} in ${where}`,
        { path },
      );
    }
  },
};
