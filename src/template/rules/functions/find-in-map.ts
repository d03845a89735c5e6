import type { MapNode, Node } from "../../model";
import { mapGet } from "../../nodes";
import { didYouMean } from "../../suggest";
import type { Rule } from "../rule";
import { USER_GUIDE } from "../template-index";
import { callsOf, hasLoopPlaceholder, usesLanguageExtensions } from "./calls";
import { checkArity, checkSlot, type Slot, slotContext } from "./slots";

/** The language extensions let the map name and keys be computed by more functions. */
const LANGUAGE_EXTENSIONS_FUNCTIONS = [
  "Fn::FindInMap",
  "Fn::Join",
  "Fn::Sub",
  "Fn::If",
  "Fn::Select",
  "Fn::Length",
  "Fn::ToJsonString",
  "Ref",
];

export const findInMapRule: Rule = {
  id: "E1011",
  severity: "error",
  shortDescription: "FindInMap validation of configuration",
  description:
    "Fn::FindInMap takes [MapName, TopLevelKey, SecondLevelKey]; the mapping must exist and, where the keys are literal, hold them.",
  source: `${USER_GUIDE}/intrinsic-function-reference-findinmap.html`,
  tags: ["functions", "findinmap"],
  check({ template, spec, report }) {
    const extensions = usesLanguageExtensions(template);
    const functions = extensions ? LANGUAGE_EXTENSIONS_FUNCTIONS : ["Fn::FindInMap", "Ref"];
    const slots: Slot[] = ["the map name", "the top-level key", "the second-level key"].map((what) => ({
      label: `${what} of Fn::FindInMap`,
      literal: "string",
      functions,
    }));
    for (const call of callsOf(template, "Fn::FindInMap")) {
      const shape = extensions
        ? "[MapName, TopLevelKey, SecondLevelKey] and optionally {DefaultValue: value}"
        : "[MapName, TopLevelKey, SecondLevelKey]";
      const arg = call.arg;
      if (!checkArity("Fn::FindInMap", arg, 3, extensions ? 4 : 3, shape, call.node, report)) continue;
      const mapName = arg.items[0];
      const topKey = arg.items[1];
      const secondKey = arg.items[2];
      const options = arg.items[3];
      slots.forEach((slot, i) => {
        checkSlot(arg.items[i], slot, report, slotContext(template, spec, call));
      });
      let hasDefault = false;
      if (options) {
        if (
          options.kind === "map" &&
          options.entries.length === 1 &&
          options.entries[0].key === "DefaultValue"
        ) {
          hasDefault = true;
        } else {
          report(options, "The fourth item of Fn::FindInMap must be {DefaultValue: value}");
        }
      }

      const name = literal(mapName);
      if (name === undefined || hasLoopPlaceholder(name, call)) continue;
      const mapping = template.mappings.get(name);
      if (!mapping) {
        report(
          mapName,
          `FindInMap to undefined mapping '${name}'${didYouMean(name, template.mappings.keys())}`,
        );
        continue;
      }
      if (hasDefault || mapping.value.kind !== "map") continue;
      const top = literal(topKey);
      const second = literal(secondKey);
      if (top !== undefined && !hasLoopPlaceholder(top, call)) {
        const level = mapGet(mapping.value, top);
        if (!level) {
          report(
            topKey,
            `Mapping '${name}' has no top-level key '${top}'${didYouMean(top, keys(mapping.value))}`,
          );
          continue;
        }
        if (second !== undefined && !hasLoopPlaceholder(second, call) && level.value.kind === "map") {
          if (!mapGet(level.value, second)) {
            report(
              secondKey,
              `Mapping '${name}' has no key '${second}' under '${top}'${didYouMean(second, keys(level.value))}`,
            );
          }
        }
      } else if (second !== undefined && !hasLoopPlaceholder(second, call)) {
        // The top-level key is computed: the second-level key must exist under at least one.
        const levels = mapping.value.entries.map((entry) => entry.value);
        if (levels.every((level) => level.kind === "map" && !mapGet(level, second))) {
          const all = new Set(levels.flatMap((level) => (level.kind === "map" ? keys(level) : [])));
          report(
            secondKey,
            `No top-level key of mapping '${name}' has a key '${second}'${didYouMean(second, all)}`,
          );
        }
      }
    }
  },
};

/** Mapping keys are compared as text: `123456789012` written as a number still names a key. */
function literal(node: Node): string | undefined {
  return node.kind === "scalar" && node.value !== null ? String(node.value) : undefined;
}

function keys(node: MapNode): string[] {
  return node.entries.map((entry) => entry.key);
}
