/**
 * E3678, E3677: inline function code (an AWS::Lambda::Function's Code.ZipFile, a SAM function's
 * InlineCode) needs a Runtime, and one that runs inline source: CloudFormation writes the text to
 * a file named `index` and zips it, which only the Node.js and Python runtimes load.
 *
 * Beyond cfn-lint, SAM functions are checked too, with the Runtime they inherit from
 * Globals.Function.
 */
import type { MapEntry } from "../../model";
import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { type ResourceInfo, type TemplateIndex, USER_GUIDE } from "../template-index";
import { FUNCTION, SAM_FUNCTION } from "./lambda";
import {
  inheritedProperty,
  literalString,
  type PropertySet,
  presentEntry,
  propertySets,
  resourcesOfType,
} from "./values";

const ZIPFILE_DOCS = `${USER_GUIDE}/aws-properties-lambda-function-code.html`;

/** A function with inline code: one of its property sets, and the code's entry with its name in messages. */
interface InlineCode {
  resource: ResourceInfo;
  set: PropertySet;
  entry: MapEntry;
  name: string;
}

/** Every property set of a function whose code is inline. */
function inlineCodeSites(template: TemplateIndex): InlineCode[] {
  const sites: InlineCode[] = [];
  for (const resource of resourcesOfType(template, FUNCTION, SAM_FUNCTION)) {
    for (const set of propertySets(resource)) {
      if (resource.type === SAM_FUNCTION) {
        const entry = presentEntry(set.properties, "InlineCode");
        if (entry) sites.push({ resource, set, entry, name: "InlineCode" });
        continue;
      }
      const code = presentEntry(set.properties, "Code")?.value;
      const entry = code?.kind === "map" ? mapGet(code, "ZipFile") : undefined;
      if (entry) sites.push({ resource, set, entry, name: "Code.ZipFile" });
    }
  }
  return sites;
}

export const inlineCodeRuntime: Rule = {
  id: "E3678",
  severity: "error",
  shortDescription: "A function with inline code sets a Runtime",
  description:
    "A Lambda function whose code is inline (Code.ZipFile, or SAM's InlineCode) must specify a Runtime.",
  source: ZIPFILE_DOCS,
  tags: ["resources", "lambda"],
  check({ template, report }) {
    for (const { resource, set, entry, name } of inlineCodeSites(template)) {
      if (set.properties.entries.some((property) => property.key === "Runtime")) continue;
      if (inheritedProperty(template, set, "Runtime")) continue;
      report(
        entry.keyRange,
        `Inline code (${name}) needs a Runtime to run it: add a Node.js or Python Runtime`,
        {
          path: ["Resources", resource.name, "Properties", "Runtime"],
        },
      );
    }
  },
};

export const inlineCodeRuntimeFamily: Rule = {
  id: "E3677",
  severity: "error",
  shortDescription: "A function with inline code uses a Node.js or Python runtime",
  description:
    "Inline code (Code.ZipFile, or SAM's InlineCode) is written to a file named index, which only the Node.js " +
    "and Python runtimes load.",
  source: ZIPFILE_DOCS,
  tags: ["resources", "lambda"],
  check({ template, report }) {
    for (const code of inlineCodeSites(template)) {
      const runtime = inheritedProperty(template, code.set, "Runtime");
      const name = literalString(runtime?.entry.value);
      if (!runtime || name === undefined || /^(nodejs|python)/.test(name)) continue;
      const path = ["Resources", code.resource.name, "Properties", "Runtime"];
      const fix = "package the code (Code.S3Bucket and S3Key, or CodeUri) or use a Node.js or Python runtime";
      if (runtime.inherited) {
        report(
          code.entry.keyRange,
          `Inline code (${code.name}) runs only on Node.js and Python runtimes, and this function inherits Runtime ` +
            `${name} from Globals.Function; ${fix}`,
          { path },
        );
      } else {
        report(
          runtime.entry.value,
          `Inline code (${code.name}) runs only on Node.js and Python runtimes, not ${name}; ${fix}`,
          { path },
        );
      }
    }
  },
};
