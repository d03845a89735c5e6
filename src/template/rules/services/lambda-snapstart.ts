/**
 * E2530: a function with SnapStart (ApplyOn: PublishedVersions) has a configuration SnapStart
 * supports: a Java 11+, Python 3.12+ or .NET 8+ managed runtime (no Node.js, Ruby or OS-only
 * runtime), no Amazon EFS file system and at most 512 MB of ephemeral storage. Lambda refuses the
 * others when it creates or updates the function. A container image may use SnapStart since 2026
 * (AWS's announcement of July 2026; CDK allows it from aws/aws-cdk#38680, whose integration test
 * deploys one): what runs inside the image is not in the template, so its runtime is not judged
 * (an image not built on the Java, Python or .NET base images needs a label the template cannot
 * show), its storage and file systems are.
 *
 * Beyond cfn-lint, which checks the runtime of AWS::Lambda::Function: EFS and ephemeral storage,
 * runtime families by version (so newer runtimes need no table update), and SAM functions with
 * what they inherit from Globals.Function. A finding stands where the function itself writes the
 * conflicting setting, else at its SnapStart.
 *
 * W2530, as in cfn-lint: SnapStart applies only to published versions, so a function with
 * SnapStart and no AWS::Lambda::Version of it in the template runs every call on $LATEST, from a
 * cold start, as if SnapStart were off. Beyond cfn-lint, which sees a SAM function only after the
 * transform: a SAM function publishes versions with AutoPublishAlias (its own or Globals.Function's).
 */
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import { referencesFrom } from "../resources/shared";
import type { Rule } from "../rule";
import type { TemplateIndex } from "../template-index";
import { FUNCTION, SAM_FUNCTION } from "./lambda";
import {
  inheritedProperty,
  literalNumber,
  literalString,
  type PropertySet,
  propertySets,
  resourcesOfType,
} from "./values";

/** The oldest version of each runtime family that SnapStart supports. */
const SUPPORTED: { family: RegExp; from: number; name: string }[] = [
  { family: /^java(\d+)$/, from: 11, name: "Java 11" },
  { family: /^python3\.(\d+)$/, from: 12, name: "Python 3.12" },
  { family: /^dotnet(\d+)$/, from: 8, name: ".NET 8" },
];

/** Whether SnapStart supports a runtime. */
export function snapStartRuntime(runtime: string): boolean {
  return SUPPORTED.some(({ family, from }) => {
    const version = family.exec(runtime)?.[1];
    return version !== undefined && Number(version) >= from;
  });
}

export const lambdaSnapStart: Rule = {
  id: "E2530",
  severity: "error",
  shortDescription: "SnapStart supports the function's runtime and configuration",
  description:
    "SnapStart needs a Java 11+, Python 3.12+ or .NET 8+ managed runtime (a container image's is not judged), no " +
    "EFS file system and at most 512 MB of ephemeral storage.",
  source: "https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html",
  tags: ["resources", "lambda"],
  resourceTypes: [FUNCTION, SAM_FUNCTION],
  check({ template, report }) {
    for (const resource of resourcesOfType(template, FUNCTION, SAM_FUNCTION)) {
      for (const set of propertySets(resource)) {
        const snap = inheritedProperty(template, set, "SnapStart");
        const applyOn = snap?.entry.value.kind === "map" ? mapGet(snap.entry.value, "ApplyOn") : undefined;
        if (!snap || !applyOn || literalString(applyOn.value) !== "PublishedVersions") continue;
        for (const conflict of conflicts(template, set)) {
          const own = !conflict.inherited;
          const at = own ? conflict.entry : snap.inherited ? resource.entry.keyRange : applyOn.value;
          const where = own
            ? ""
            : snap.inherited
              ? " (both from Globals.Function)"
              : " (from Globals.Function)";
          report(
            at,
            `SnapStart is on (ApplyOn: PublishedVersions) but ${conflict.problem}${where}; ${conflict.fix}`,
            {
              path: ["Resources", resource.name, "Properties", own ? conflict.key : "SnapStart"],
            },
          );
        }
      }
    }
  },
};

export const snapStartVersion: Rule = {
  id: "W2530",
  severity: "warning",
  shortDescription: "A function with SnapStart publishes versions",
  description:
    "SnapStart applies only to published versions: a function with SnapStart needs an AWS::Lambda::Version (or, " +
    "in SAM, AutoPublishAlias), or every call runs on $LATEST without it.",
  source: "https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html",
  tags: ["resources", "lambda"],
  check({ template, report }) {
    let versioned: Set<string> | undefined;
    for (const resource of resourcesOfType(template, FUNCTION, SAM_FUNCTION)) {
      for (const set of propertySets(resource)) {
        const snap = inheritedProperty(template, set, "SnapStart");
        const applyOn = snap?.entry.value.kind === "map" ? mapGet(snap.entry.value, "ApplyOn") : undefined;
        if (!snap || !applyOn || literalString(applyOn.value) !== "PublishedVersions") continue;
        const sam = resource.type === SAM_FUNCTION;
        if (sam && inheritedProperty(template, set, "AutoPublishAlias")) continue;
        versioned ??= versionedFunctions(template);
        if (versioned.has(resource.name)) continue;
        report(
          snap.inherited ? resource.entry.keyRange : applyOn.value,
          `SnapStart is on (ApplyOn: PublishedVersions${snap.inherited ? ", from Globals.Function" : ""}) but no ` +
            `version of '${resource.name}' is published: SnapStart applies only to published versions, and calls ` +
            `to $LATEST start cold; ${sam ? "set AutoPublishAlias" : "add an AWS::Lambda::Version of the function"} ` +
            "and invoke the function through it",
          { path: ["Resources", resource.name, "Properties", "SnapStart", "ApplyOn"] },
        );
      }
    }
  },
};

/** The functions of the template that an AWS::Lambda::Version of the template refers to. */
function versionedFunctions(template: TemplateIndex): Set<string> {
  const names = new Set<string>();
  for (const version of resourcesOfType(template, "AWS::Lambda::Version"))
    for (const ref of referencesFrom(template, version.name)) names.add(ref.target);
  return names;
}

interface Conflict {
  key: string;
  entry: Node;
  inherited: boolean;
  problem: string;
  fix: string;
}

/** The settings of a function that SnapStart does not support. */
function conflicts(template: TemplateIndex, set: PropertySet): Conflict[] {
  const found: Conflict[] = [];
  const off = "or turn SnapStart off";
  const packageType = inheritedProperty(template, set, "PackageType");
  const image = packageType !== undefined && literalString(packageType.entry.value) === "Image";
  const runtime = inheritedProperty(template, set, "Runtime");
  const runtimeName = literalString(runtime?.entry.value);
  // A container image's runtime is inside the image (a Runtime written beside it is another rule's).
  if (!image && runtime && runtimeName !== undefined && !snapStartRuntime(runtimeName)) {
    found.push({
      key: "Runtime",
      entry: runtime.entry.value,
      inherited: runtime.inherited,
      problem: `it does not support Runtime ${runtimeName}`,
      fix: `use ${SUPPORTED.map((s) => `${s.name}+`).join(", ")}, ${off}`,
    });
  }
  const efs = inheritedProperty(template, set, "FileSystemConfigs");
  const mounts = efs?.entry.value;
  if (efs && mounts?.kind === "seq" && mounts.items.length > 0) {
    found.push({
      key: "FileSystemConfigs",
      entry: mounts,
      inherited: efs.inherited,
      problem: "it does not support Amazon EFS file systems",
      fix: `remove FileSystemConfigs, ${off}`,
    });
  }
  const storage = inheritedProperty(template, set, "EphemeralStorage");
  const size = storage?.entry.value.kind === "map" ? mapGet(storage.entry.value, "Size") : undefined;
  const megabytes = literalNumber(size?.value);
  if (storage && size && megabytes !== undefined && megabytes > 512) {
    found.push({
      key: "EphemeralStorage",
      entry: size.value,
      inherited: storage.inherited,
      problem: `it supports at most 512 MB of ephemeral storage, and EphemeralStorage.Size is ${megabytes}`,
      fix: `set Size to 512 or less, ${off}`,
    });
  }
  return found;
}
