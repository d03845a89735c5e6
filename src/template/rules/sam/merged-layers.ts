/**
 * E3032 for what the SAM transform builds: a function's Layers after Globals.Function.Layers are
 * merged in. The transform concatenates lists from Globals with the function's own (Globals
 * first), and Lambda takes at most five layers, so two lists of three that each pass alone make a
 * function that fails to create. Only lists written out are counted; Fn::If and other intrinsics
 * leave the count unknown.
 */
import type { Node } from "../../model";
import type { Rule } from "../rule";
import { SAM_FUNCTION } from "../services/lambda";
import { inheritedGlobal, presentEntry, propertySets, resourcesOfType } from "../services/values";
import { intrinsicName } from "../template-index";
import { SAM_GUIDE } from "./events";

const MAX_LAYERS = 5;

/** The number of items of a list written out; undefined for an intrinsic, 0 for none. */
function count(node: Node | undefined): number | undefined {
  if (!node) return 0;
  if (node.kind !== "seq") return undefined;
  return node.items.some((item) => intrinsicName(item) === "Fn::If") ? undefined : node.items.length;
}

export const samMergedLayers: Rule = {
  id: "E3032",
  severity: "error",
  shortDescription: "A SAM function has at most five layers with those of Globals",
  description:
    "The Layers of a SAM function, together with those Globals.Function adds to them, are at most five, as Lambda " +
    "allows.",
  source: `${SAM_GUIDE}/sam-specification-template-anatomy-globals.html`,
  tags: ["sam", "lambda", "list", "length"],
  check({ template, report }) {
    if (!template.sam) return;
    for (const resource of resourcesOfType(template, SAM_FUNCTION)) {
      const global = inheritedGlobal(template, resource, "Layers");
      const fromGlobals = count(global?.value);
      if (!global || !fromGlobals) continue;
      for (const { properties } of propertySets(resource)) {
        const own = presentEntry(properties, "Layers");
        const fromFunction = count(own?.value);
        if (!own || fromFunction === undefined || fromFunction === 0) continue;
        // More than five in Globals alone is the constraint rules' finding, at Globals.
        if (fromGlobals > MAX_LAYERS || fromGlobals + fromFunction <= MAX_LAYERS) continue;
        report(
          own.keyRange,
          `Function ${resource.name} gets ${fromGlobals + fromFunction} layers: ${fromGlobals} from Globals.Function ` +
            `and ${fromFunction} of its own, which the SAM transform puts together; Lambda allows ${MAX_LAYERS}`,
          { path: ["Resources", resource.name, "Properties", "Layers"] },
        );
      }
    }
  },
};
