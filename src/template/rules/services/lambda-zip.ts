/**
 * W2533: a function deployed from a .zip file (Code.S3Bucket/S3Key or Code.ZipFile, SAM's CodeUri
 * or InlineCode, or PackageType Zip) needs a Runtime and a Handler; Lambda refuses to create it
 * otherwise. A warning, as cfn-lint has it.
 *
 * A SAM function is checked with what it inherits from Globals.Function, and is an error (E0001):
 * the transform itself refuses it ("Runtime and Handler needs to be present when PackageType is of
 * type `Zip`"), as cfn-lint reports after its transform; and so is a SAM function with an ImageUri
 * or ImageConfig and no PackageType Image, which the transform refuses as a .zip function. A
 * function with inline code and no Runtime is left to E3678, which says more; a PackageType or
 * Code given through an intrinsic function is not judged.
 */
import type { MapEntry, Range } from "../../model";
import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { SAM_GUIDE } from "../sam/events";
import { intrinsicName, type ResourceInfo, type TemplateIndex, USER_GUIDE } from "../template-index";
import { FUNCTION, SAM_FUNCTION } from "./lambda";
import {
  inheritedProperty,
  literalString,
  type PropertySet,
  presentEntry,
  propertySets,
  resourcesOfType,
} from "./values";

export const lambdaZipPackage: Rule = {
  id: "W2533",
  severity: "warning",
  shortDescription: "A function deployed from a .zip file sets a Runtime and a Handler",
  description:
    "When a Lambda function's package is a .zip file (PackageType Zip, the default), Handler and Runtime are " +
    "required.",
  source: `${USER_GUIDE}/aws-resource-lambda-function.html`,
  tags: ["resources", "lambda"],
  resourceTypes: [FUNCTION],
  check({ template, report }) {
    for (const resource of resourcesOfType(template, FUNCTION))
      for (const missing of missingZipSettings(template, resource))
        report(missing.at, `A function deployed from a .zip file needs ${missing.what}`, {
          path: missing.path,
        });
  },
};

export const samZipPackage: Rule = {
  id: "E0001",
  severity: "error",
  shortDescription: "SAM functions deployed from a .zip file set a Runtime and a Handler",
  description:
    "The SAM transform refuses a function whose package is a .zip file (PackageType Zip, the default) without a " +
    "Runtime and a Handler, of its own or from Globals.Function, or with an ImageUri or ImageConfig.",
  source: `${SAM_GUIDE}/sam-resource-function.html`,
  tags: ["sam", "lambda"],
  resourceTypes: [SAM_FUNCTION],
  check({ template, report }) {
    for (const resource of resourcesOfType(template, SAM_FUNCTION)) {
      // ImageUri or ImageConfig without PackageType Image: the transform takes the default, Zip, and
      // refuses them ("ImageUri or ImageConfig cannot be present when PackageType is of type `Zip`").
      for (const set of propertySets(resource)) {
        const packageType = inheritedProperty(template, set, "PackageType");
        if (packageType && literalString(packageType.entry.value) !== "Zip") continue;
        const image = presentEntry(set.properties, "ImageUri") ?? presentEntry(set.properties, "ImageConfig");
        if (!image) continue;
        report(
          image.keyRange,
          `The SAM transform refuses ${resource.name}: ${image.key} belongs to a function deployed from a container ` +
            `image, and PackageType is ${packageType ? "Zip" : "Zip by default"}; set PackageType: Image`,
          { path: ["Resources", resource.name, "Properties", image.key] },
        );
      }
      for (const missing of missingZipSettings(template, resource))
        report(
          missing.at,
          `The SAM transform refuses ${resource.name}: a function deployed from a .zip file needs ${missing.what}`,
          { path: missing.path },
        );
    }
  },
};

/** The Runtime or Handler a function deployed from a .zip file lacks, once per property set. */
function* missingZipSettings(
  template: TemplateIndex,
  resource: ResourceInfo,
): Iterable<{ at: Range; what: string; path: (string | number)[] }> {
  const sam = resource.type === SAM_FUNCTION;
  for (const set of propertySets(resource)) {
    const zip = zipSource(template, set, sam);
    if (!zip) continue;
    // E3678 already asks inline code for its Runtime.
    const inline = zip.entry.key === "InlineCode" || zip.entry.key === "ZipFile";
    const missing = ["Runtime", "Handler"].filter(
      (key) => !inheritedProperty(template, set, key) && !(inline && key === "Runtime"),
    );
    if (missing.length === 0) continue;
    yield {
      // A CodeUri inherited from Globals is reported at the function, not at Globals.
      at: zip.inherited ? resource.entry.keyRange : zip.entry.keyRange,
      what:
        `${missing.join(" and ")}: add ${missing.length > 1 ? "them" : "it"}` +
        `${sam ? " (or set it in Globals.Function)" : ""}, or deploy a container image with PackageType Image`,
      path: ["Resources", resource.name, "Properties", missing[0]],
    };
  }
}

/**
 * The entry that makes the function a .zip deployment (its Code, Code.ZipFile, CodeUri, InlineCode
 * or PackageType Zip), when one does and nothing says otherwise; `inherited` when it comes from
 * Globals.Function.
 */
function zipSource(
  template: TemplateIndex,
  set: PropertySet,
  sam: boolean,
): { entry: MapEntry; inherited: boolean } | undefined {
  const packageType = inheritedProperty(template, set, "PackageType");
  if (packageType && literalString(packageType.entry.value) !== "Zip") return undefined;
  if (sam) {
    if (presentEntry(set.properties, "ImageUri") || presentEntry(set.properties, "ImageConfig"))
      return undefined;
    const own = ["CodeUri", "InlineCode", "PackageType"]
      .map((key) => presentEntry(set.properties, key))
      .find(Boolean);
    if (own) return { entry: own, inherited: false };
    const global = inheritedProperty(template, set, "CodeUri");
    return global && { entry: global.entry, inherited: global.inherited };
  }
  const code = presentEntry(set.properties, "Code");
  if (code?.value.kind !== "map" || intrinsicName(code.value) || mapGet(code.value, "ImageUri"))
    return undefined;
  const zipFile = mapGet(code.value, "ZipFile");
  if (zipFile) return { entry: zipFile, inherited: false };
  return mapGet(code.value, "S3Key") ? { entry: code, inherited: false } : undefined;
}
