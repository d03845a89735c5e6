/**
 * Shared by E3510, E3512 and E3530: the grammar of an IAM policy document (IAM User Guide, "IAM
 * JSON policy element reference"), checked on the parts written literally. Values given through
 * intrinsic functions are skipped: they are only known at deploy time; but an element a statement
 * needs (Effect, Action, Resource, Principal) whose Fn::If gives AWS::NoValue where the statement
 * may stand is missing there (noValueWhere), as cfn-lint finds too.
 *
 * Deliberate differences from cfn-lint: we do not match AWS principals against ARN patterns
 * (cfn-lint rejects valid ones such as `arn:aws:sts::<account>:federated-user/...` and other
 * partitions), only the account an IAM or STS ARN names (misfitAccount) and a value of no
 * principal's form (awsPrincipalForm); condition operators are the ones the IAM reference lists
 * (cfn-lint also accepts names such as `StringEqualsExists` that IAM does not define); a Principal
 * mapping may hold only AWS, Service, Federated and CanonicalUser (cfn-lint lets a misspelt
 * `Services` through); and a bad value is reported at the value, where cfn-lint points at its key
 * on the same line.
 */
import type { MapEntry, MapNode, Node, Range } from "../../model";
import { gapText, type NoValueGap } from "../conditions/logic";
import { NAMED_FORMATS } from "../constraints/formats";
import { hasDynamicReference } from "../services/values";
import { isString } from "../template-index";
import { type Document, isDynamic, type Problem } from "./documents";

/** Identity policies attach to users, groups and roles; resource policies to a resource; trust policies to a role. */
export type PolicyKind = "identity" | "resource" | "trust";

export interface PolicyOptions {
  /** IAM requires unique Sids; S3 bucket policies accept duplicates (cfn-lint agrees). */
  uniqueSids: boolean;
  /** The policy is attached to its one resource, so statements need no Resource (ECR repository policies). */
  resourceImplied?: boolean;
  /**
   * Where a statement's element (a Fn::If) gives AWS::NoValue in a branch the conditions around may
   * take (noValueWhere, with the template): the element is missing there.
   */
  noValueWhere?: (node: Node) => NoValueGap | undefined;
  /**
   * The values an element may give where it stands (placedValues, with the template): a Fn::If's
   * branches its place may take. Without it, an element given by a function is not read.
   */
  values?: (node: Node) => Node[];
}

const DOCUMENT_KEYS = ["Version", "Id", "Statement"];
const VERSIONS = ["2012-10-17", "2008-10-17"];
const STATEMENT_KEYS = [
  "Sid",
  "Effect",
  "Principal",
  "NotPrincipal",
  "Action",
  "NotAction",
  "Resource",
  "NotResource",
  "Condition",
];
const PRINCIPAL_KEYS = ["AWS", "Service", "Federated", "CanonicalUser"];

/** IAM User Guide, "IAM JSON policy elements: Condition operators". */
const CONDITION_OPERATOR = new RegExp(
  "^(?:ForAnyValue:|ForAllValues:)?(?:" +
    "(?:String(?:Not)?Equals(?:IgnoreCase)?|String(?:Not)?Like|" +
    "Numeric(?:Not)?Equals|Numeric(?:Less|Greater)Than(?:Equals)?|" +
    "Date(?:Not)?Equals|Date(?:Less|Greater)Than(?:Equals)?|" +
    "Bool|BinaryEquals|(?:Not)?IpAddress|Arn(?:Not)?Equals|Arn(?:Not)?Like)(?:IfExists)?|Null)$",
);

/**
 * What IAM's grammar takes as a Resource: an ARN (any partition) or `*` (cfn-lint's pattern, one
 * of formats.ts), with the words messages say it in. E3510, E3514 and the constraint walk read it.
 */
export const POLICY_RESOURCE = NAMED_FORMATS["IAM policy Resource"];

/**
 * Whether a policy's text is filled in later, so that its form cannot be judged as written: a
 * `${...}` (outside Fn::Sub, E1029's), or a dynamic reference CloudFormation resolves at deploy time.
 */
export function fillsLater(text: string): boolean {
  return text.includes("${") || hasDynamicReference(text);
}

/** IAM accepts only letters and digits in an identity policy's Sid; other services accept more. */
const IDENTITY_SID = /^[A-Za-z0-9]+$/;

/** The grammar problems of one policy document. */
export function policyProblems(document: Document, kind: PolicyKind, options: PolicyOptions): Problem[] {
  const problems: Problem[] = [];
  const add = (at: Node | Range, message: string) => problems.push({ at, message });
  const root = document.node;
  if (root.kind !== "map") {
    add(root, "A policy document must be a mapping with Version and Statement");
    return problems;
  }
  for (const entry of root.entries) {
    if (!DOCUMENT_KEYS.includes(entry.key)) {
      add(
        entry.keyRange,
        `Unknown policy element '${entry.key}'; a policy document takes Version, Id and Statement`,
      );
    }
  }
  const version = root.entries.find((entry) => entry.key === "Version");
  if (
    version &&
    !isDynamic(version.value) &&
    !(isString(version.value) && (VERSIONS.includes(version.value.value) || fillsLater(version.value.value)))
  ) {
    add(version.value, `Version must be ${VERSIONS.join(" or ")}`);
  }
  const statement = root.entries.find((entry) => entry.key === "Statement");
  if (!statement) {
    add(document.anchor, "The policy document has no Statement");
    return problems;
  }
  const statements = statementList(statement.value, add);
  for (const { map, label } of statements) checkStatement(map, label, kind, options, add);
  if (options.uniqueSids)
    checkUniqueSids(
      statements.map((item) => item.map),
      add,
    );
  return problems;
}

type Add = (at: Node | Range, message: string) => void;

const IGNORE: Add = () => {};

/**
 * The statements of a document that are written out as mappings, for checks of their content;
 * what is malformed about the document is left to policyProblems.
 */
export function documentStatements(document: Document): MapNode[] {
  const root = document.node;
  const statement = root.kind === "map" ? entryOf(root, "Statement") : undefined;
  return statement ? statementList(statement.value, IGNORE).map((item) => item.map) : [];
}

/** A value an intrinsic function gives in a policy document, and its path in the document. */
export interface DynamicValue {
  node: Node;
  path: (string | number)[];
}

/**
 * The Resource and NotResource values of a document's statements that an intrinsic function gives
 * (the whole value, or an item of its list), for the constraint walk: E3510 judges what is written
 * out, and the walk what a parameter or a function gives (W1030 to W1035).
 */
export function dynamicResources(document: Document): DynamicValue[] {
  const root = document.node;
  const statement = root.kind === "map" ? entryOf(root, "Statement") : undefined;
  if (!statement || isDynamic(statement.value)) return [];
  const out: DynamicValue[] = [];
  const visit = (map: Node, at: (string | number)[]) => {
    if (map.kind !== "map" || isDynamic(map)) return;
    for (const key of RESOURCE_KEYS) {
      const value = entryOf(map, key)?.value;
      if (!value) continue;
      if (isDynamic(value)) out.push({ node: value, path: [...at, key] });
      else if (value.kind === "seq")
        value.items.forEach((item, index) => {
          if (isDynamic(item)) out.push({ node: item, path: [...at, key, index] });
        });
    }
  };
  const value = statement.value;
  if (value.kind !== "seq") visit(value, ["Statement"]);
  else for (let i = 0; i < value.items.length; i++) visit(value.items[i], ["Statement", i]);
  return out;
}

/** The statements written out, each with the label messages name it by (its place in the list). */
function statementList(node: Node, add: Add): { map: MapNode; label: string }[] {
  if (isDynamic(node)) return [];
  if (node.kind === "map") return [{ map: node, label: "The statement" }];
  if (node.kind !== "seq") {
    add(node, "Statement must be a mapping or a list of mappings");
    return [];
  }
  const list: { map: MapNode; label: string }[] = [];
  for (const [index, item] of node.items.entries()) {
    if (item.kind === "map" && !isDynamic(item)) list.push({ map: item, label: `Statement ${index + 1}` });
    else if (item.kind !== "map") add(item, `Statement item ${index + 1} must be a mapping`);
  }
  return list;
}

/** The first entry of the statement with this key. */
function entryOf(statement: MapNode, key: string): MapEntry | undefined {
  const entries = statement.entries;
  for (let i = 0; i < entries.length; i++) if (entries[i].key === key) return entries[i];
  return undefined;
}

// Made once rather than for each statement.
const EFFECTS = ["Allow", "Deny"];
const ACTION_KEYS = ["Action", "NotAction"];
const RESOURCE_KEYS = ["Resource", "NotResource"];
const PRINCIPAL_ELEMENTS = ["Principal", "NotPrincipal"];
const NON_EMPTY = { nonEmpty: true };
const ARN = { pattern: POLICY_RESOURCE.pattern };
const ANY_STRINGS = { pattern: undefined };

function checkStatement(
  statement: MapNode,
  label: string,
  kind: PolicyKind,
  options: PolicyOptions,
  add: Add,
): void {
  for (const entry of statement.entries) {
    if (!STATEMENT_KEYS.includes(entry.key)) {
      add(entry.keyRange, `Unknown statement element '${entry.key}'; allowed: ${STATEMENT_KEYS.join(", ")}`);
    }
  }

  const effect = entryOf(statement, "Effect");
  if (!effect) add(statement, `${label} has no Effect; it must be Allow or Deny`);
  else if (!leftOut(effect, label, options, add)) {
    for (const value of valuesOf(effect.value, options)) {
      if (isDynamic(value) || (isString(value) && (EFFECTS.includes(value.value) || fillsLater(value.value))))
        continue;
      add(value, "Effect must be exactly Allow or Deny (the value is case-sensitive)");
    }
  }

  exactlyOne(statement, label, "Action", "NotAction", options, add);
  for (const key of ACTION_KEYS) {
    const entry = entryOf(statement, key);
    if (entry) checkStrings(entry, (node) => valuesOf(node, options), add, NON_EMPTY);
  }

  if (kind === "trust") {
    for (const key of RESOURCE_KEYS) {
      const entry = entryOf(statement, key);
      if (entry)
        add(
          entry.keyRange,
          `${key} is not allowed in a trust policy: the role it belongs to is the resource`,
        );
    }
  } else {
    if (!options.resourceImplied) exactlyOne(statement, label, "Resource", "NotResource", options, add);
    for (const key of RESOURCE_KEYS) {
      const entry = entryOf(statement, key);
      // A Resource a Fn::If chooses is the constraint walk's (E3031), which knows each branch's conditions.
      if (entry) checkStrings(entry, (node) => [node], add, kind === "identity" ? ARN : ANY_STRINGS);
    }
  }

  if (kind === "identity") {
    for (const key of PRINCIPAL_ELEMENTS) {
      const entry = entryOf(statement, key);
      if (entry) {
        add(
          entry.keyRange,
          `${key} is not allowed in an identity policy: it applies to the user, group or role it is attached to`,
        );
      }
    }
  } else {
    exactlyOne(statement, label, "Principal", "NotPrincipal", options, add);
    for (const key of PRINCIPAL_ELEMENTS) {
      const entry = entryOf(statement, key);
      if (entry) checkPrincipal(entry, options, add);
    }
  }

  const sid = entryOf(statement, "Sid");
  if (
    kind === "identity" &&
    sid &&
    isString(sid.value) &&
    !IDENTITY_SID.test(sid.value.value) &&
    !fillsLater(sid.value.value)
  ) {
    add(sid.value, "Sid of an identity policy may contain only letters and digits");
  }
  const condition = entryOf(statement, "Condition");
  if (condition) checkCondition(condition.value, add);
}

function exactlyOne(
  statement: MapNode,
  label: string,
  key: string,
  notKey: string,
  options: PolicyOptions,
  add: Add,
): void {
  const present = statement.entries.filter((entry) => entry.key === key || entry.key === notKey);
  if (present.length === 0) add(statement, `${label} needs ${key} or ${notKey}`);
  else if (present.length > 1 && present[0].key !== present[1].key) {
    add(present[1].keyRange, `A statement takes ${key} or ${notKey}, not both`);
  } else if (present.length === 1) leftOut(present[0], label, options, add);
}

/** Reports an element that must be there and whose Fn::If gives AWS::NoValue where the place may be; whether it did. */
function leftOut(entry: MapEntry, label: string, options: PolicyOptions, add: Add): boolean {
  const gap = options.noValueWhere?.(entry.value);
  if (!gap) return false;
  add(
    entry.keyRange,
    `${label} has no ${entry.key} ${gapText(gap, "its")}, and a statement without it is refused. Give it ` +
      "a value in both branches, or " +
      "leave the whole statement out with the Fn::If instead",
  );
  return true;
}

/** A string or a list of strings, as Action, NotAction, Resource and NotResource take. */
function checkStrings(
  entry: MapEntry,
  values: (node: Node) => Node[],
  add: Add,
  rules: { nonEmpty?: boolean; pattern?: RegExp },
): void {
  for (const value of values(entry.value)) {
    if (isDynamic(value)) continue;
    const items = value.kind === "seq" ? value.items.flatMap(values) : [value];
    if (value.kind === "seq" && value.items.length === 0 && rules.nonEmpty) {
      add(value, `${entry.key} must not be an empty list`);
    }
    for (const item of items) {
      if (isDynamic(item)) continue;
      if (!isString(item)) {
        add(item, `${entry.key} must be a string or a list of strings`);
        break;
      }
      if (rules.pattern && !fillsLater(item.value) && !rules.pattern.test(item.value)) {
        add(item, `${entry.key} must be ${POLICY_RESOURCE.what}`);
      }
    }
  }
}

/** The values an element may give (PolicyOptions.values), or the element alone. */
function valuesOf(node: Node, options: PolicyOptions): Node[] {
  return options.values ? options.values(node) : [node];
}

/** What a Principal (or NotPrincipal) must be; built only for a message. */
function principalForm(key: string): string {
  return `${key} must be '*' or a mapping of ${PRINCIPAL_KEYS.join(", ")} to a string or a list of strings`;
}

function checkPrincipal(entry: MapEntry, options: PolicyOptions, add: Add): void {
  for (const value of valuesOf(entry.value, options)) checkPrincipalValue(entry.key, value, options, add);
}

function checkPrincipalValue(key: string, value: Node, options: PolicyOptions, add: Add): void {
  if (isDynamic(value)) return;
  if (value.kind === "scalar") {
    if (value.value !== "*" && !(isString(value) && fillsLater(value.value))) add(value, principalForm(key));
    return;
  }
  if (value.kind !== "map") {
    add(value, principalForm(key));
    return;
  }
  for (const principal of value.entries) {
    if (!PRINCIPAL_KEYS.includes(principal.key)) {
      add(principal.keyRange, `Unknown principal type '${principal.key}'; ${principalForm(key)}`);
      continue;
    }
    const items = valuesOf(principal.value, options).flatMap((given) =>
      given.kind === "seq" ? given.items.flatMap((item) => valuesOf(item, options)) : [given],
    );
    for (const item of items) {
      // An account ID written without quotes reads as a number; CloudFormation passes it on as one.
      if (isString(item)) {
        if (principal.key === "AWS") {
          const account = misfitAccount(item.value);
          if (account !== undefined)
            add(
              item,
              `An AWS principal names its account by a 12-digit account id, and '${account}' is not one`,
            );
          else if (!awsPrincipalForm(item.value))
            add(
              item,
              "An AWS principal is '*', a 12-digit account id, an ARN (of an account, user, role or session) " +
                "or a unique id, and IAM refuses this value as an invalid principal",
            );
        }
        continue;
      }
      if (isDynamic(item) || (item.kind === "scalar" && typeof item.value === "number")) continue;
      add(item, `${principal.key} principals must be a string or a list of strings`);
    }
  }
}

/**
 * The account an AWS principal names where it is not a 12-digit account id (a placeholder such as
 * `XXXXXXX1234` left in `arn:aws:iam::XXXXXXX1234:root`), which IAM refuses as an invalid principal:
 * an account id alone, or the account of an IAM or STS ARN (CloudFront's origin access identities
 * are `arn:aws:iam::cloudfront:user/...`). Other forms (unique ids, '*') are not judged.
 */
function misfitAccount(text: string): string | undefined {
  if (fillsLater(text)) return undefined;
  if (/^\d+$/.test(text)) return text.length === 12 ? undefined : text;
  const arn = /^arn:[\w-]+:(iam|sts)::([^:]*):/.exec(text);
  if (!arn) return undefined;
  const account = arn[2];
  return /^\d{12}$/.test(account) || (arn[1] === "iam" && account === "cloudfront") ? undefined : account;
}

/**
 * Whether text may be an AWS principal: '*', an account id (misfitAccount judges its digits), an
 * ARN, a unique id (`AROA...`, which IAM writes where a principal's role was deleted), or text a
 * Fn::Sub or a dynamic reference fills (fillsLater). A placeholder such as `<SOURCE AWS ACCOUNT
 * NUMBER>` (a public template of round 35, which cfn-lint's E3530 reports too) is none of them.
 */
function awsPrincipalForm(text: string): boolean {
  return text === "*" || fillsLater(text) || text.startsWith("arn:") || /^[A-Z0-9]+$/.test(text);
}

function checkCondition(node: Node, add: Add): void {
  if (isDynamic(node)) return;
  if (node.kind !== "map") {
    add(node, "Condition must be a mapping of condition operators to mappings of condition keys");
    return;
  }
  for (const operator of node.entries) {
    if (!CONDITION_OPERATOR.test(operator.key)) {
      add(
        operator.keyRange,
        `Unknown condition operator '${operator.key}'; use an IAM operator such as StringEquals, ArnLike, Bool or Null, ` +
          "optionally with an IfExists suffix or a ForAnyValue:/ForAllValues: prefix",
      );
    }
    const keys = operator.value;
    if (isDynamic(keys)) continue;
    if (keys.kind !== "map") {
      add(keys, `${operator.key} must map condition keys to values`);
      continue;
    }
    for (const key of keys.entries) {
      const items = key.value.kind === "seq" ? key.value.items : [key.value];
      for (const item of items) {
        if (item.kind === "scalar" || isDynamic(item)) continue;
        add(
          item,
          `The value of condition key '${key.key}' must be a string, number, boolean or a list of them`,
        );
      }
    }
  }
}

function checkUniqueSids(statements: MapNode[], add: Add): void {
  const seen = new Set<string>();
  for (const statement of statements) {
    const sid = statement.entries.find((entry) => entry.key === "Sid")?.value;
    if (!isString(sid)) continue;
    if (seen.has(sid.value))
      add(sid, "Sid must be unique within the policy; another statement already uses it");
    seen.add(sid.value);
  }
}

/** A `*` or `?` in the action part matches any run of characters or any one character. */
export function wildcardPattern(permission: string, flags = ""): RegExp {
  const source = permission
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replaceAll("*", ".*")
    .replaceAll("?", ".");
  return new RegExp(`^${source}$`, flags);
}

/**
 * Whether a statement allows `action` ("sts:AssumeRole"): "yes" for an Allow whose Action names
 * it (wildcards and case as IAM reads them), "no" when it does not, "unknown" when the statement
 * cannot be read (an Effect or action given through a function, a NotAction).
 */
export function allowsAction(statement: Node, action: string): "yes" | "no" | "unknown" {
  if (statement.kind !== "map" || isDynamic(statement)) return "unknown";
  const effect = entryOf(statement, "Effect")?.value;
  if (!effect) return "no";
  if (!isString(effect) || fillsLater(effect.value)) return "unknown";
  if (effect.value !== "Allow") return "no";
  if (entryOf(statement, "NotAction")) return "unknown";
  const actions = entryOf(statement, "Action")?.value;
  if (!actions) return "no";
  let answer: "no" | "unknown" = "no";
  for (const item of actions.kind === "seq" ? actions.items : [actions]) {
    if (!isString(item) || fillsLater(item.value)) answer = "unknown";
    else if (wildcardPattern(item.value, "i").test(action)) return "yes";
  }
  return answer;
}

/**
 * Every statement of a document, when all of them are written out as mappings; undefined when
 * the Statement or any of its items is given through a function, so nothing can be concluded.
 */
export function readableStatements(document: Document | undefined): MapNode[] | undefined {
  if (document?.node.kind !== "map") return undefined;
  const statement = entryOf(document.node, "Statement")?.value;
  if (!statement || isDynamic(statement)) return undefined;
  if (statement.kind === "seq" && statement.items.some((item) => item.kind !== "map" || isDynamic(item)))
    return undefined;
  return documentStatements(document);
}
