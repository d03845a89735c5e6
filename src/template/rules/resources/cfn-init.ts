/**
 * E3009: the AWS::CloudFormation::Init metadata that cfn-init reads on an instance follows the
 * structure cfn-init knows: configs of packages, groups, users, sources, files, commands and
 * services, each with the keys and kinds of value cfn-init reads; and the configSets name configs
 * (and other config sets) of the same Init. A mistake there (a package manager cfn-init lacks, a
 * file `encoding: utf8`, a service's `files` given as one string) is found only when the instance
 * runs cfn-init, and with a creation policy waiting for its signal the stack rolls back after the
 * timeout.
 *
 * Values given through intrinsic functions are not judged. Keys of a config that cfn-init does not
 * read are left alone, as cfn-init leaves them.
 *
 * Beyond cfn-lint, configSets are read: a config or config set they name that the Init does not
 * have. Less strict than cfn-lint: a command given as a list (which cfn-init's documentation
 * allows), a file mode of fewer than six octal digits ("0644", which cfn-init reads as octal, like
 * "000644"), and file content given as a list (written out as JSON, like a mapping).
 */
import type { MapNode, Node, ScalarNode } from "../../model";
import { mapGet } from "../../nodes";
import type { Report, Rule } from "../rule";
import { intrinsicName, USER_GUIDE } from "../template-index";

/**
 * What a value may be. A mapping either has `keys` (only those, each with its shape) or
 * `entries`: every entry is one `what` ("file") named by its key.
 */
type Shape =
  | { kind: "any" }
  | { kind: "scalar" }
  | { kind: "scalar-or-list" }
  | { kind: "scalar-or-structure" }
  | { kind: "list" }
  | { kind: "encoding" }
  | { kind: "mode" }
  | { kind: "map"; keys?: Record<string, Shape>; entries?: Shape; what?: string };

const ANY: Shape = { kind: "any" };
const SCALAR: Shape = { kind: "scalar" };
const LIST: Shape = { kind: "list" };

const PACKAGE_MANAGERS = ["apt", "msi", "python", "rpm", "rubygems", "yum", "zypper"];

const SERVICE: Shape = {
  kind: "map",
  keys: {
    ensureRunning: SCALAR,
    enabled: SCALAR,
    files: LIST,
    sources: LIST,
    packages: { kind: "map", what: "package manager", entries: LIST },
    commands: LIST,
  },
};

const CONFIG_SECTIONS: Record<string, Shape> = {
  packages: {
    kind: "map",
    keys: Object.fromEntries(
      PACKAGE_MANAGERS.map((manager) => [
        manager,
        { kind: "map", what: `${manager} package`, entries: { kind: "scalar-or-list" } },
      ]),
    ),
  },
  groups: { kind: "map", what: "group", entries: { kind: "map", keys: { gid: SCALAR } } },
  users: {
    kind: "map",
    what: "user",
    entries: { kind: "map", keys: { groups: LIST, uid: SCALAR, homeDir: SCALAR } },
  },
  sources: { kind: "map", what: "source", entries: SCALAR },
  files: {
    kind: "map",
    what: "file",
    entries: {
      kind: "map",
      keys: {
        content: { kind: "scalar-or-structure" },
        source: SCALAR,
        encoding: { kind: "encoding" },
        group: SCALAR,
        owner: SCALAR,
        mode: { kind: "mode" },
        authentication: ANY,
        context: ANY,
      },
    },
  },
  commands: {
    kind: "map",
    what: "command",
    entries: {
      kind: "map",
      keys: {
        command: { kind: "scalar-or-list" },
        env: { kind: "map", what: "variable", entries: SCALAR },
        cwd: SCALAR,
        test: SCALAR,
        ignoreErrors: SCALAR,
        waitAfterCompletion: SCALAR,
      },
    },
  },
  services: {
    kind: "map",
    keys: {
      sysvinit: { kind: "map", what: "sysvinit service", entries: SERVICE },
      systemd: { kind: "map", what: "systemd service", entries: SERVICE },
      windows: { kind: "map", what: "windows service", entries: SERVICE },
    },
  },
};

const KIND_NAMES: Record<Shape["kind"], string> = {
  any: "a value",
  scalar: "a string",
  "scalar-or-list": "a string or a list",
  "scalar-or-structure": "a string or JSON content",
  list: "a list",
  encoding: "plain or base64",
  mode: "an octal mode of up to six digits, such as 000644",
  map: "a mapping",
};

function isScalar(node: Node): node is ScalarNode {
  return node.kind === "scalar" && node.value !== null;
}

/** Whether a value fits its shape, as far as the value itself goes (a mapping's entries are checked apart). */
function fits(node: Node, shape: Shape): boolean {
  switch (shape.kind) {
    case "any":
      return true;
    case "scalar":
      return isScalar(node);
    case "scalar-or-list":
    case "list":
      return node.kind === "seq" || (shape.kind === "scalar-or-list" && isScalar(node));
    case "scalar-or-structure":
      return node.kind !== "scalar" || node.value !== null;
    case "encoding":
      return isScalar(node) && (node.value === "plain" || node.value === "base64");
    case "mode":
      return isScalar(node) && /^[0-7]{1,6}$/.test(String(node.value));
    case "map":
      return node.kind === "map";
  }
}

/**
 * Report where a value does not fit its shape. `label` names the value ("encoding of file
 * '/etc/motd'"), `context` the config it is in ("In config 'web' of AWS::CloudFormation::Init of
 * Instance").
 */
function checkValue(node: Node, shape: Shape, label: string, context: string, report: Report): void {
  // An intrinsic gives its value when the stack is deployed: not judged.
  if (node.kind === "map" && intrinsicName(node)) return;
  if (!fits(node, shape)) {
    report(node, `${context}, ${label} must be ${KIND_NAMES[shape.kind]}`);
    return;
  }
  if (shape.kind !== "map" || node.kind !== "map") return;
  const { keys, entries } = shape;
  for (const entry of node.entries) {
    if (entries) {
      checkValue(entry.value, entries, `${shape.what} '${entry.key}'`, context, report);
    } else if (keys && !Object.hasOwn(keys, entry.key)) {
      report(
        entry.keyRange,
        `${context}, ${label} has '${entry.key}', which cfn-init does not read there; it reads ` +
          Object.keys(keys).join(", "),
      );
    } else if (keys) {
      checkValue(entry.value, keys[entry.key], `${entry.key} of ${label}`, context, report);
    }
  }
}

/** The configs and config sets a configSets entry names, checked against the Init's own. */
function checkConfigSets(init: MapNode, sets: MapNode, where: string, report: Report): void {
  const configs = new Set(init.entries.filter((e) => e.key !== "configSets").map((e) => e.key));
  const setNames = new Set(sets.entries.map((e) => e.key));
  for (const set of sets.entries) {
    const items = set.value.kind === "seq" ? set.value.items : [set.value];
    for (const item of items) {
      if (isScalar(item)) {
        const name = String(item.value);
        if (!configs.has(name))
          report(
            item,
            `Config set '${set.key}' of ${where} names config '${name}', which the Init does not have`,
          );
        continue;
      }
      const nested =
        item.kind === "map" && !intrinsicName(item) ? mapGet(item, "ConfigSet")?.value : undefined;
      if (nested && isScalar(nested) && !setNames.has(String(nested.value)))
        report(
          nested,
          `Config set '${set.key}' of ${where} includes config set '${String(nested.value)}', which the Init does not have`,
        );
    }
  }
}

export const cfnInit: Rule = {
  id: "E3009",
  severity: "error",
  shortDescription: "AWS::CloudFormation::Init follows the structure cfn-init reads",
  description:
    "The configs of AWS::CloudFormation::Init metadata have packages of known managers, files, commands, users, " +
    "groups, sources and services with the keys and kinds of value cfn-init reads, and configSets name configs " +
    "of the same Init.",
  source: `${USER_GUIDE}/aws-resource-init.html`,
  tags: ["resources", "metadata", "cfn-init"],
  check({ template, report }) {
    for (const resource of template.resources.values()) {
      const init = mapGet(mapGet(resource.body, "Metadata")?.value, "AWS::CloudFormation::Init")?.value;
      if (!init || (init.kind === "map" && intrinsicName(init))) continue;
      const where = `AWS::CloudFormation::Init of ${resource.name}`;
      if (init.kind !== "map") {
        report(init, `${where} must be a mapping of configs`);
        continue;
      }
      for (const entry of init.entries) {
        const value = entry.value;
        if (value.kind === "map" && intrinsicName(value)) continue;
        if (entry.key === "configSets") {
          if (value.kind === "map") checkConfigSets(init, value, where, report);
          else
            report(value, `configSets of ${where} must be a mapping of config set names to lists of configs`);
          continue;
        }
        if (value.kind !== "map") {
          report(
            value,
            `Config '${entry.key}' of ${where} must be a mapping (of packages, files, commands, ...)`,
          );
          continue;
        }
        const context = `In config '${entry.key}' of ${where}`;
        for (const section of value.entries) {
          if (Object.hasOwn(CONFIG_SECTIONS, section.key))
            checkValue(section.value, CONFIG_SECTIONS[section.key], section.key, context, report);
        }
      }
    }
  },
};
