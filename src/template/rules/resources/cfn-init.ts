/**
 * E3009: the AWS::CloudFormation::Init metadata that cfn-init reads on an instance follows the
 * structure cfn-init knows: configs of packages, groups, users, sources, files, commands and
 * services, each with the keys and kinds of value cfn-init reads; and the configSets name configs
 * (and other config sets) of the same Init. A mistake there shows only on the instance, when it
 * runs cfn-init: cfn-init stops on some (a config set naming a config the Init lacks, a file mode
 * that is not octal), and with a creation policy waiting for its signal the stack rolls back after
 * the timeout; others it skips or reads otherwise than meant (packages of a manager it lacks are
 * never installed, an encoding other than base64 writes the content as it is, a service's `files`
 * given as one string is read a character at a time).
 *
 * Each branch of a Fn::If is read (the Init, a config, a section or a value); a value given
 * through another intrinsic function is not judged. Keys of a config that cfn-init does not read
 * are left alone, as cfn-init leaves them.
 *
 * Beyond cfn-lint, where cfn-init stops: a file with neither content nor source, or whose path is
 * not absolute (on Linux or Windows), and a command without `command` (or `defaults` to give it);
 * and configSets, read as cfn-init reads them (a config's name, `{ConfigSet: name}` or a list of
 * them, nested lists flattened): a config or config set they name that the Init does not have, and
 * a mapping without ConfigSet. A number there is compared with the keys as a number (`2.5` with
 * `2.50:`), so that no config is said to be missing that a key may name.
 *
 * Less strict than cfn-lint, where cfn-init reads more than its documentation says: a command or a
 * command's test given as a list (run without a shell), a command's `runas` and `defaults`, a
 * service's `users` and `groups` (a change to them restarts it), a file mode of fewer than six
 * octal digits ("0644", which cfn-init reads as octal, like "000644"), and file content given as a
 * list (written out as JSON, like a mapping).
 */

import { compareText } from "../../lines";
import type { MapNode, Node, Range, ScalarNode } from "../../model";
import { mapGet } from "../../nodes";
import type { Report, Rule } from "../rule";
import { plainMap, valuesAtPath } from "../services/values";
import { intrinsicName, type TemplateIndex, USER_GUIDE } from "../template-index";

/**
 * What a value may be. A mapping either has `keys` (only those, each with its shape) or
 * `entries`: every entry is one `what` ("file") named by its key. `needs` names keys of which
 * cfn-init needs one, and what it says when none is there; `paths`: the keys are paths that
 * cfn-init needs absolute.
 */
type Shape =
  | { kind: "any" }
  | { kind: "scalar" }
  | { kind: "scalar-or-list" }
  | { kind: "scalar-or-structure" }
  | { kind: "list" }
  | { kind: "encoding" }
  | { kind: "mode" }
  | {
      kind: "map";
      keys?: Record<string, Shape>;
      entries?: Shape;
      what?: string;
      needs?: { keys: string[]; says: string };
      paths?: boolean;
    };

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
    // Not in cfn-init's documentation, but read: a change to them restarts the service too.
    users: LIST,
    groups: LIST,
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
    paths: true,
    entries: {
      kind: "map",
      needs: {
        keys: ["content", "source"],
        says: "has neither content nor source, and cfn-init stops there: it writes a file from one of them",
      },
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
      needs: {
        keys: ["command", "defaults"],
        says: "has no command to run, and cfn-init stops there",
      },
      keys: {
        command: { kind: "scalar-or-list" },
        env: { kind: "map", what: "variable", entries: SCALAR },
        cwd: SCALAR,
        // cfn-init runs a list as it runs a command given as one: without a shell.
        test: { kind: "scalar-or-list" },
        ignoreErrors: SCALAR,
        waitAfterCompletion: SCALAR,
        // Not in cfn-init's documentation, but read: the user to run the command as, and a
        // command whose JSON output gives the command's other keys.
        runas: SCALAR,
        defaults: { kind: "scalar-or-list" },
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

/** Whether cfn-init takes a file's path: absolute on Linux (`/etc/motd`) or on Windows (`c:\\cfn\\x`, `\\x`). */
function absolute(path: string): boolean {
  return /^([A-Za-z]:)?[\\/]/.test(path);
}

/**
 * Report where a value does not fit its shape. `label` names the value ("encoding of file
 * '/etc/motd'"), `context` the config it is in ("In config 'web' of AWS::CloudFormation::Init of
 * Instance"), `at` the key that names it, where a finding about the whole value points.
 */
function checkValue(
  node: Node,
  shape: Shape,
  label: string,
  context: string,
  report: Report,
  at: Range = node.range,
): void {
  // Each branch of a Fn::If is a value the metadata may have; another intrinsic gives its value
  // when the stack is deployed, and is not judged.
  const fn = intrinsicName(node);
  if (fn === "Fn::If") {
    for (const branch of valuesAtPath(node, [])) checkValue(branch, shape, label, context, report, at);
    return;
  }
  if (fn) return;
  if (!fits(node, shape)) {
    report(node, `${context}, ${label} must be ${KIND_NAMES[shape.kind]}`);
    return;
  }
  if (shape.kind !== "map" || node.kind !== "map") return;
  const { keys, entries, needs } = shape;
  if (needs && !needs.keys.some((key) => mapGet(node, key))) report(at, `${context}, ${label} ${needs.says}`);
  for (const entry of node.entries) {
    if (entries) {
      const name = `${shape.what} '${entry.key}'`;
      // A key with `${...}` or `&{...}` may be a Fn::ForEach's, which fills it in.
      if (shape.paths && !absolute(entry.key) && !/[$&]\{/.test(entry.key))
        report(entry.keyRange, `${context}, ${name} is not an absolute path, and cfn-init stops there`);
      checkValue(entry.value, entries, name, context, report, entry.keyRange);
    } else if (keys && !Object.hasOwn(keys, entry.key)) {
      report(
        entry.keyRange,
        `${context}, ${label} has '${entry.key}', which cfn-init does not read there; it reads ` +
          Object.keys(keys).join(", "),
      );
    } else if (keys) {
      checkValue(entry.value, keys[entry.key], `${entry.key} of ${label}`, context, report, entry.keyRange);
    }
  }
}

/**
 * Whether a configSets item may name a key of the Init: a string the key of that text; a number a
 * key that reads as the same number (`1` the key `1:`, `2.5` the key `2.50:`), so that no config is
 * said to be missing that the key may name.
 */
function names(item: ScalarNode, key: string): boolean {
  if (typeof item.value === "string") return item.value === key;
  if (typeof item.value === "number") return key.trim() !== "" && Number(key) === item.value;
  return String(item.value) === key;
}

/**
 * The configs and config sets a configSets entry names, checked against the Init's own, as cfn-init
 * reads them: a config's name, `{ConfigSet: name}`, or a list of them (lists in it are flattened);
 * each branch of a Fn::If. `keys` are the Init's own keys but configSets.
 */
function checkConfigSets(keys: string[], sets: MapNode, where: string, report: Report): void {
  const setNames = sets.entries.map((e) => e.key);
  const check = (set: string, node: Node): void => {
    for (const value of valuesAtPath(node, [])) {
      if (value.kind === "seq") {
        for (const item of value.items) check(set, item);
      } else if (isScalar(value)) {
        if (!keys.some((key) => names(value, key)))
          report(
            value,
            `Config set '${set}' of ${where} names config '${String(value.value)}', which the Init does not have`,
          );
      } else if (plainMap(value)) {
        const nested = mapGet(value, "ConfigSet")?.value;
        if (!nested)
          report(
            value,
            `Config set '${set}' of ${where} has a mapping without ConfigSet; cfn-init takes a config's name or ` +
              "{ConfigSet: <config set name>} there",
          );
        else if (isScalar(nested) && !setNames.some((key) => names(nested, key)))
          report(
            nested,
            `Config set '${set}' of ${where} includes config set '${String(nested.value)}', which the Init does not have`,
          );
      }
    }
  };
  for (const set of sets.entries) check(set.key, set.value);
}

/** Check one Init mapping: its configSets and each config. */
function checkInit(init: Node, where: string, report: Report): void {
  if (intrinsicName(init)) return;
  if (init.kind !== "map") {
    report(init, `${where} must be a mapping of configs`);
    return;
  }
  const keys = init.entries.filter((e) => e.key !== "configSets").map((e) => e.key);
  for (const entry of init.entries) {
    if (entry.key === "configSets") {
      for (const value of valuesAtPath(entry.value, [])) {
        if (value.kind === "map" && !intrinsicName(value)) checkConfigSets(keys, value, where, report);
        else if (!intrinsicName(value))
          report(value, `configSets of ${where} must be a mapping of config set names to lists of configs`);
      }
      continue;
    }
    for (const value of valuesAtPath(entry.value, [])) {
      if (intrinsicName(value)) continue;
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
}

/** Each resource's Init metadata, each branch of a Fn::If an Init the instance may read, with its place in words. */
function* inits(template: TemplateIndex): Generator<{ init: Node; where: string }> {
  for (const resource of template.resources.values()) {
    const init = mapGet(mapGet(resource.body, "Metadata")?.value, "AWS::CloudFormation::Init")?.value;
    if (!init) continue;
    const where = `AWS::CloudFormation::Init of ${resource.name}`;
    for (const value of valuesAtPath(init, [])) yield { init: value, where };
  }
}

export const cfnInit: Rule = {
  id: "E3009",
  severity: "error",
  shortDescription: "AWS::CloudFormation::Init follows the structure cfn-init reads",
  description:
    "The configs of AWS::CloudFormation::Init metadata have packages of known managers, files, commands, users, " +
    "groups, sources and services with the keys and kinds of value cfn-init reads (a file at an absolute path " +
    "with content or a source, a command with its command), and configSets name configs of the same Init.",
  source: `${USER_GUIDE}/aws-resource-init.html`,
  tags: ["resources", "metadata", "cfn-init"],
  check({ template, report }) {
    for (const { init, where } of inits(template)) checkInit(init, where, report);
  },
};

/**
 * W3941: cfn-init runs a config's commands in alphabetical order of their names, not in the order
 * the template writes them (its documentation says so; Python's order of the names). Names
 * numbered without padding run out of order from the tenth on ('10' before '2'), and YAML 1.1 names
 * an unquoted `01:` "1" (W3940). One finding for each commands section, at the first command that
 * runs before one written ahead of it.
 */
export const cfnInitCommandOrder: Rule = {
  id: "W3941",
  severity: "warning",
  shortDescription: "cfn-init commands are written in the order cfn-init runs them",
  description:
    "cfn-init runs the commands of a config in alphabetical order of their names: name them so that this order " +
    "is the one meant (zero-padded and quoted, as '02' and '10', or 02_install).",
  source: `${USER_GUIDE}/aws-resource-init.html#aws-resource-init-commands`,
  tags: ["resources", "metadata", "cfn-init"],
  check({ template, report }) {
    for (const { init, where } of inits(template)) {
      if (init.kind !== "map" || intrinsicName(init)) continue;
      for (const config of init.entries) {
        if (config.key === "configSets") continue;
        for (const value of valuesAtPath(config.value, [])) {
          for (const commands of valuesAtPath(mapGet(plainMap(value), "commands")?.value, [])) {
            const entries = plainMap(commands)?.entries;
            if (!entries || entries.length < 2) continue;
            const run = [...entries].sort((a, b) => compareText(a.key, b.key));
            const at = run.findIndex((entry, i) => entry !== entries[i]);
            if (at < 0) continue;
            report(
              run[at].keyRange,
              `cfn-init runs the commands of config '${config.key}' of ${where} in alphabetical order of their ` +
                `names, so '${run[at].key}' runs before '${entries[at].key}', which is written ahead of it; name ` +
                "them so that they sort in the order meant (zero-padded and quoted, as '02' and '10', or 02_install)",
            );
          }
        }
      }
    }
  },
};
