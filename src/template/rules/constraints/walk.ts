/**
 * Walks resource property values (and SAM Globals, and the values of SAM events in the resources the
 * transform makes of them: sam/event-targets.ts) alongside the constraints the resource provider
 * schemas give them (see ConstraintNode), once per template; each constraint rule reports its own
 * kind of problem from the same, cached list.
 *
 * Only what the template states is judged. A value given by an intrinsic function is judged only
 * where the template gives it: a Ref to a parameter (its Default and AllowedValues, W1030), and the
 * values of a Fn::Sub, Fn::Join, Fn::FindInMap or Fn::Select (functions/resolve.ts, W1031 to W1035),
 * and the lists of a Fn::Split (W1033);
 * Fn::If is followed into both branches. What a parameter or a function gives an identity policy's
 * Resource or NotResource is judged against the ARN form IAM requires (formats.ts), which the
 * schemas, leaving policy documents free, do not give. A property whose value may be AWS::NoValue
 * counts as possibly absent, so it satisfies "at least one of" but never breaks "only one of".
 */
import { plural } from "../../../text";
import { compareText, Span } from "../../lines";
import type { MapEntry, MapNode, Node, Range, ScalarNode, SeqNode } from "../../model";
import { mapGet } from "../../nodes";
import type { ConstraintNode, GroupAlternative, ResourceConstraints, SpecIndex } from "../../spec/types";
import { didYouMean, firstChoices } from "../../suggest";
import {
  conditionForbids,
  conditionLogic,
  gapText,
  itemWhere,
  mayTakeUnder,
  type NoValueGap,
  noValueWhere,
} from "../conditions/logic";
import {
  givenWith,
  hasSamples,
  leastLength,
  type ParameterMode,
  type Resolution,
  resolveSplit,
  resolveValue,
  sameGiven,
  variant,
} from "../functions/resolve";
import { declaredValues, isNoEcho, passedItems, passedValue } from "../parameters/declared";
import { isListType } from "../parameters/types";
import { displayPath, isCustomType, isModuleType, realResources, SAM_GLOBALS } from "../resources/shared";
import { passedEvents, type TargetPath, targetPath } from "../sam/event-targets";
import { eventPath } from "../sam/events";
import { samS3Locations } from "../sam/s3-locations";
import { identitySites } from "../serverless/identity-policy";
import { dynamicResources } from "../serverless/policy-document";
import { forEachPolicy } from "../serverless/policy-sites";
import { hasDynamicReference, referenceTarget } from "../services/values";
import {
  intrinsicName,
  isForEachKey,
  isNoValue,
  isString,
  type ResourceInfo,
  type TemplateIndex,
} from "../template-index";
import { asciiTwin, isAscii } from "./ascii-pattern";
import { checkCidr } from "./cidr";
import { NAMED_FORMATS } from "./formats";
import { patternAlphabet } from "./pattern-alphabet";

/** What a resolved value gives, as far as the constraints can judge it: values with the same key are judged once. */
function sameValueKey(value: Resolution): string {
  const first = variant(value, 0);
  if (first === undefined) return `least ${leastLength(value)}`;
  const second = hasSamples(value) ? variant(value, 1) : undefined;
  return `${typeof first} ${String(first)}\u0000${second === undefined ? "" : String(second)}`;
}

export type ConstraintKind =
  | "enum"
  | "range"
  | "length"
  | "pattern"
  | "items"
  | "unique"
  | "required"
  | "requiredGroup"
  | "oneOf"
  | "anyOfValue"
  | "requiredXor"
  | "requiredOr"
  | "dependentRequired"
  | "dependentExcluded"
  /** A parameter's Default or AllowedValues item that a property referring to it cannot take. */
  | "parameter"
  /**
   * A value the deploy passes for a parameter (TemplateIndex.parameterValues) that a property
   * referring to it cannot take, in a resource always created (E3946): certain to fail.
   */
  | "passed"
  /** A CIDR block with host bits set: accepted by the service as the network it names (a warning). */
  | "hostBits"
  /** A value a Fn::Sub, Fn::Join, Fn::FindInMap or Fn::Select gives that the property cannot take (functions/resolve.ts). */
  | "sub"
  | "join"
  | "findInMap"
  | "select"
  /** A list a Fn::Split gives that the property cannot take: its size, or an item. */
  | "split"
  /**
   * A value built from the stack's name, known exactly, with nothing a deployer chooses, that the
   * property cannot take (E3944): certain to fail for that stack.
   */
  | "stackName"
  /**
   * A Ref of a security group without VpcId, which gives the group's name, where the property takes
   * security group ids (E1041).
   */
  | "refName"
  /** A GetAtt of another resource's ARN where the property takes an IAM role's ARN (E1040). */
  | "roleArn";

/** The functions whose values are worked out from the template and judged, by the kind of their problems. */
const RESOLVED: Record<string, ConstraintKind> = {
  "Fn::Sub": "sub",
  "Fn::Join": "join",
  "Fn::FindInMap": "findInMap",
  "Fn::Select": "select",
};

export interface ConstraintProblem {
  kind: ConstraintKind;
  at: Node | Range;
  message: string;
  path: (string | number)[];
}

const cache = new WeakMap<TemplateIndex, ConstraintProblem[]>();

/**
 * A constraint node for an identity policy statement's Resource and NotResource, a string or a list
 * of strings (as a Fn::If's branch may give): formats.ts's format, the one policy-document.ts's
 * POLICY_RESOURCE (E3510, E3514) reads.
 */
const POLICY_RESOURCE_ITEM: ConstraintNode = { fm: "IAM policy Resource" };
const POLICY_RESOURCE_NODE: ConstraintNode = { ...POLICY_RESOURCE_ITEM, it: POLICY_RESOURCE_ITEM };
const NO_DEFINITIONS: ResourceConstraints = { r: {}, d: {} };

/** Every constraint problem of the template, computed once and shared by the constraint rules. */
export function constraintProblems(template: TemplateIndex, spec: SpecIndex): ConstraintProblem[] {
  let problems = cache.get(template);
  if (!problems) {
    problems = collect(template, spec);
    cache.set(template, problems);
  }
  return problems;
}

function collect(template: TemplateIndex, spec: SpecIndex): ConstraintProblem[] {
  const out: ConstraintProblem[] = [];
  const judged: JudgedParameters = new WeakMap();
  for (const resource of realResources(template)) {
    const type = resource.type;
    if (!type || isCustomType(type) || isModuleType(type)) continue;
    if (type.startsWith("AWS::Serverless::") && !template.sam) continue;
    const constraints = spec.constraints(type);
    if (!constraints) continue;
    const walker = new Walker(template, constraints, type, out, judged, [
      "Resources",
      resource.name,
      "Properties",
    ]);
    walker.within(resource);
    const properties = resource.properties;
    if (properties) walker.value(properties.value, constraints.r, properties.keyRange);
    // Without Properties only the required properties and groups can be missing.
    else walker.object(undefined, constraints.r, resource.entry.keyRange);
  }
  // An identity policy's Resource is an ARN or `*` (E3510 judges the written ones); the schemas
  // leave policy documents free, so the pattern comes from formats.ts.
  forEachPolicy(template, identitySites, (document, { resource, path }) => {
    const resources = dynamicResources(document);
    for (const { node, path: inDocument } of resources) {
      // The walker names values by the path below Properties (its base is the path's length when
      // made), so the place in the policy is pushed after it is made.
      const at: (string | number)[] = ["Resources", resource.name, "Properties"];
      const walker = new Walker(template, NO_DEFINITIONS, resource.type ?? "", out, judged, at);
      walker.within(resource);
      at.push(...path, ...inDocument);
      walker.value(node, POLICY_RESOURCE_NODE, node.range);
    }
  });
  if (template.sam) {
    const globals = template.sections.get("Globals")?.map;
    for (const entry of globals?.entries ?? []) {
      const type = SAM_GLOBALS[entry.key];
      const constraints = type ? spec.constraints(type) : undefined;
      if (!constraints || entry.value.kind !== "map") continue;
      // Globals are partial: what is required is judged on each resource.
      const { pr } = constraints.r;
      new Walker(template, constraints, `Globals.${entry.key}`, out, judged, ["Globals", entry.key]).value(
        entry.value,
        pr ? { pr } : {},
        entry.keyRange,
      );
    }
    for (const { event, type, target, properties } of passedEvents(template)) {
      const constraints = spec.constraints(target.type);
      if (!constraints) continue;
      const owner = `${type} event ${event.entry.key} of ${event.resource.name} (SAM makes it an ${target.type})`;
      const walker = new Walker(template, constraints, owner, out, judged, eventPath(event, "Properties"));
      walker.within(event.resource);
      for (const entry of properties.entries) {
        const to = targetPath(target, entry);
        const schema = to && nodeAt(constraints, to);
        if (schema) walker.property(entry, schema);
      }
    }
    for (const { resource, entry, target, parts } of samS3Locations(template)) {
      const constraints = spec.constraints(target.type);
      if (!constraints) continue;
      const owner = `${entry.key} of ${resource.name} (SAM makes it the ${target.property} of an ${target.type})`;
      const walker = new Walker(template, constraints, owner, out, judged, [
        "Resources",
        resource.name,
        "Properties",
        entry.key,
      ]);
      walker.within(resource);
      for (const part of parts) {
        const schema = nodeAt(constraints, [target.property, part.key]);
        if (schema) walker.property(part, schema);
      }
    }
  }
  return out;
}

/** The constraint node at `path` in a resource's Properties (`*`: a list's items), if the schema has one. */
function nodeAt(constraints: ResourceConstraints, path: TargetPath): ConstraintNode | undefined {
  let node: ConstraintNode | undefined = constraints.r;
  for (const segment of path) {
    const from = expandedNodes(constraints, node);
    node = undefined;
    for (const candidate of from) {
      const next =
        segment === "*"
          ? candidate.it
          : candidate.pr && Object.hasOwn(candidate.pr, segment)
            ? candidate.pr[segment]
            : undefined;
      if (next) {
        node = next;
        break;
      }
    }
    if (!node) return undefined;
  }
  return node;
}

/**
 * The node and every node it brings along, found once per node: the spec index keeps each
 * resource's constraints (and so each node) for the whole run, and a node's `$` always names a
 * definition of the constraints it belongs to.
 */
function expandedNodes(constraints: ResourceConstraints, node: ConstraintNode): ConstraintNode[] {
  let nodes = expansions.get(node);
  if (!nodes) {
    nodes = expand(constraints, node, [], 0);
    expansions.set(node, nodes);
  }
  return nodes;
}

/** The node and every node it brings along: the definition its `$` names, its allOf members. */
function expand(
  constraints: ResourceConstraints,
  node: ConstraintNode,
  into: ConstraintNode[],
  depth: number,
): ConstraintNode[] {
  if (depth > 16) return into;
  into.push(node);
  if (node.$) {
    const definition = constraints.d[node.$];
    if (definition) expand(constraints, definition, into, depth + 1);
  }
  if (node.al) for (const member of node.al) expand(constraints, member, into, depth + 1);
  return into;
}

/**
 * The parameters whose values were judged against a constraint node, by the property name the
 * messages give (which names the owner): another Ref with both the same would repeat the findings.
 */
type JudgedParameters = WeakMap<ConstraintNode, Set<string>>;

type Presence = "yes" | "maybe" | "no";
/** Three-valued truth: a property that may be AWS::NoValue leaves a group undecided. */
type Truth = "true" | "false" | "unknown";

const patterns = new Map<string, RegExp | null>();

/** A node's pattern, compiled on first use: in full, or as its ASCII twin for ASCII values. */
interface NodePattern {
  twin: string | undefined;
  full?: RegExp | null;
  ascii?: RegExp | null;
}

const nodePatterns = new WeakMap<ConstraintNode, NodePattern>();

/**
 * The regular expression that judges `value` against the node's pattern (`p`, or `P` without the u
 * flag), looked up once per node (the lookup by source text below builds and hashes a key as long
 * as the pattern): the pattern's ASCII twin for an ASCII value when it has one (ascii-pattern.ts),
 * else the pattern itself.
 */
function patternFor(s: ConstraintNode, source: string, value: string): RegExp | null {
  const unicode = s.p !== undefined;
  let entry = nodePatterns.get(s);
  if (!entry) {
    entry = { twin: unicode ? asciiTwin(source) : undefined };
    nodePatterns.set(s, entry);
  }
  if (entry.twin !== undefined && isAscii(value)) {
    entry.ascii ??= compiled(entry.twin, false, s.f ?? "");
    if (entry.ascii) return entry.ascii;
  }
  entry.full ??= compiled(source, unicode, s.f ?? "");
  return entry.full;
}

/** A schema pattern compiled on first use; null when this engine cannot compile it. */
function compiled(source: string, unicode: boolean, flags: string): RegExp | null {
  const key = `${unicode ? "u" : "-"}${flags}/${source}`;
  let regex = patterns.get(key);
  if (regex === undefined) {
    try {
      regex = new RegExp(source, `${unicode ? "u" : ""}${flags}`);
    } catch {
      regex = null;
    }
    patterns.set(key, regex);
  }
  return regex;
}

/** Types whose SecurityGroups take a default VPC's group names as well as ids (securityGroupName). */
const TAKE_GROUP_NAMES = new Set(["AWS::EC2::LaunchTemplate", "AWS::AutoScaling::LaunchConfiguration"]);

/**
 * Walks one resource's (or Globals section's) properties. The path to the current value is one
 * array pushed and popped as the walk goes: only a reported problem copies it.
 */
class Walker {
  constructor(
    private readonly template: TemplateIndex,
    private readonly constraints: ResourceConstraints,
    /** The resource type, or `Globals.<Section>`. */
    private readonly owner: string,
    private out: ConstraintProblem[],
    private readonly judged: JudgedParameters,
    /** The path of the value being walked, shared by the whole walk. */
    private readonly path: (string | number)[],
  ) {
    this.base = path.length;
  }

  /** How much of the path messages leave out: the part that leads to the walk's start. */
  private readonly base: number;

  /**
   * Set while a NoEcho parameter's values are judged: their messages then say what the property
   * needs but nothing of the value (its length, the allowed value it is closest to).
   */
  private secret = false;

  /** How many Fn::If the walk is inside: parameter values are judged outside conditions only. */
  private conditional = 0;

  /**
   * How many Fn::If the walk is inside in the branch the values the deploy passes take
   * (ConditionLogic.decidedByDeploy): values passed are judged there, Defaults not.
   */
  private decided = 0;

  /** What a Ref to a parameter gives the resolver where the walk stands. */
  private get parameterMode(): ParameterMode {
    return this.conditional > 0 ? false : this.decided > 0 ? "passed" : true;
  }

  /** Set for a resource with a Condition, which a stack may not create: nothing of it is certain (E3944). */
  private optional = false;

  /** The Condition the resource walked names: where it holds, a parameter value it rules out is not given. */
  private condition: string | undefined;

  /**
   * Set for a resource whose Condition a value the deploy passes rules out (`Stage=dev` for
   * `IsProd`): the stack will not make it, so nothing a passed value gives it is judged.
   */
  private notMade = false;

  /**
   * Whether the resource's Condition keeps `parameter` from giving `value`: `Condition: HasCidr`
   * with HasCidr `!Not [!Equals [!Ref Cidr, ""]]`, where "" never gets.
   */
  private readonly rulesOut = (parameter: string, value: string): boolean =>
    conditionForbids(this.template, this.condition, parameter, value);

  /** Whether the values the deploy passes decide a condition (the resolver's Fn::If in a Sub's variables). */
  private readonly decide = (condition: string): boolean | undefined =>
    conditionLogic(this.template).decidedByDeploy(condition);

  /** The resource whose properties (or SAM events, or S3 locations) are walked. */
  within(resource: ResourceInfo): void {
    const condition = resource.condition?.value;
    this.optional = condition !== undefined;
    this.condition = isString(condition) ? condition.value : undefined;
    this.notMade = false;
    for (const [parameter, value] of this.template.parameterValues ?? [])
      if (this.rulesOut(parameter, value)) this.notMade = true;
    // The values passed may decide the Condition: the stack then makes the resource, or does not.
    const decided =
      this.condition === undefined
        ? undefined
        : conditionLogic(this.template).decidedByDeploy(this.condition);
    if (decided === false) this.notMade = true;
    if (decided === true) this.optional = false;
  }

  /** The node and every node it brings along (expandedNodes). */
  private expanded(node: ConstraintNode): ConstraintNode[] {
    return expandedNodes(this.constraints, node);
  }

  /**
   * A Ref of a security group the template declares without VpcId gives the group's name (the
   * CloudFormation reference), where the schema takes a security group id and the property says so
   * by its name (`SecurityGroupIds`, `VpcSecurityGroupIds`, a network interface's `GroupSet`, an
   * ECS service's, a load balancer's or a mount target's `SecurityGroups`, ...). cfn-lint's schemas
   * also mark as ids a launch template's SecurityGroups, which takes names in a default VPC (the
   * EC2 reference: "For a nondefault VPC, you must use security group IDs instead"), as a launch
   * configuration's does, and a MediaLive input's InputSecurityGroups, which are MediaLive's own.
   */
  private securityGroupName(node: Node, name: string, schema: ConstraintNode): void {
    const group = this.template.resources.get(name);
    if (group?.type !== "AWS::EC2::SecurityGroup") return;
    const properties = group.properties?.value;
    if (properties && (properties.kind !== "map" || intrinsicName(properties) || mapGet(properties, "VpcId")))
      return;
    const path = this.path;
    const key = path[typeof path[path.length - 1] === "number" ? path.length - 2 : path.length - 1];
    if (typeof key !== "string") return;
    const takesIds =
      /Ids?$|^GroupSet$|^SecurityGroupIdList$/.test(key) ||
      (key === "SecurityGroups" && !TAKE_GROUP_NAMES.has(this.owner));
    if (!takesIds) return;
    if (!this.expanded(schema).some((s) => s.fm === "AWS::EC2::SecurityGroup.Id")) return;
    this.problem(
      "refName",
      node,
      `${this.name()} takes security group ids, but the Ref of security group '${name}', which has no VpcId, gives its name: use !GetAtt ${name}.GroupId, or give the group its VPC's VpcId`,
    );
  }

  /**
   * A GetAtt of another resource's Arn where the schema takes an IAM role's ARN (cfn-lint's format
   * AWS::IAM::Role.Arn): an AppSync API's CloudWatchLogsRoleArn given a log group's ARN. The
   * service refuses what is not a role; cfn-lint's E1040 compares the same formats. A resource the
   * template does not declare (one SAM makes) is not judged.
   */
  private notRoleArn(node: Node, schema: ConstraintNode): void {
    const target = referenceTarget(node);
    if (target?.attribute !== "Arn") return;
    const type = this.template.resources.get(target.name)?.type;
    if (!type?.startsWith("AWS::") || type === "AWS::IAM::Role" || type.startsWith("AWS::CloudFormation::"))
      return;
    if (!this.expanded(schema).some((s) => s.fm === "AWS::IAM::Role.Arn")) return;
    this.problem(
      "roleArn",
      node,
      `${this.name()} takes an IAM role's ARN, and !GetAtt ${target.name}.Arn gives the ARN of ${type} '${target.name}'; ` +
        "give it the ARN of the role the service assumes (!GetAtt Role.Arn)",
    );
  }

  /** One property of the mapping the walk stands at, judged against `schema`. */
  property(entry: MapEntry, schema: ConstraintNode): void {
    this.path.push(entry.key);
    this.value(entry.value, schema, entry.keyRange);
    this.path.pop();
  }

  value(node: Node, schema: ConstraintNode, keyRange: Range): void {
    const fn = intrinsicName(node);
    if (fn) {
      const arg = (node as MapNode).entries[0].value;
      if (fn === "Ref" && isString(arg)) this.securityGroupName(node, arg.value, schema);
      if (fn === "Fn::GetAtt") this.notRoleArn(node, schema);
      if (fn === "Ref" && isString(arg) && this.conditional === 0) {
        if (arg.value !== "AWS::StackName") this.parameter(node, arg.value, schema);
        // The stack's name alone, where it is known: certain (E3944) where the resource is always
        // created, a warning (W1030, a Ref's value) in one a condition may leave out.
        else if (this.template.stackName !== undefined)
          this.resolved(node, fn, this.optional ? "parameter" : "stackName", schema);
      }
      const resolved = RESOLVED[fn];
      if (resolved) this.resolved(node, fn, resolved, schema);
      else if (fn === "Fn::Split") this.split(node as MapNode, schema);
      if (fn !== "Fn::If") return;
      if (arg.kind !== "seq") return;
      const branches = arg.items;
      const name = branches[0];
      const decided = isString(name) ? conditionLogic(this.template).decidedByDeploy(name.value) : undefined;
      for (let i = 1; i < 3 && i < branches.length; i++) {
        if (isNoValue(branches[i])) continue;
        // A branch the resource's Condition rules out is never taken where the resource is made.
        if (
          this.condition !== undefined &&
          isString(name) &&
          !mayTakeUnder(this.template, this.condition, name.value, i === 1)
        )
          continue;
        if (decided === (i === 1)) {
          // The branch the values passed take: what they give there is certain.
          this.decided++;
          this.value(branches[i], schema, keyRange);
          this.decided--;
          continue;
        }
        // A condition often guards against the very default a branch would get ("" meaning none):
        // no parameter's value is judged in a branch (nor a passed one in the branch not taken).
        this.conditional++;
        this.value(branches[i], schema, keyRange);
        this.conditional--;
      }
      return;
    }
    // Indexed loops: the walk goes over every property value, and in code that runs once per
    // process an array iterator costs an object per step.
    const nodes = this.expanded(schema);
    const path = this.path;
    switch (node.kind) {
      case "scalar":
        if (node.value === null) return;
        for (let n = 0; n < nodes.length; n++) this.scalar(node, nodes[n]);
        return;
      case "seq":
        for (let n = 0; n < nodes.length; n++) {
          const s = nodes[n];
          this.array(node, s);
          if (s.it) {
            const items = node.items;
            for (let i = 0; i < items.length; i++) {
              path.push(i);
              this.value(items[i], s.it, items[i].range);
              path.pop();
            }
          }
        }
        return;
      case "map":
        for (let n = 0; n < nodes.length; n++) {
          const s = nodes[n];
          this.object(node, s, keyRange);
          const properties = s.pr;
          if (!properties) continue;
          const entries = node.entries;
          for (let i = 0; i < entries.length; i++) {
            const entry = entries[i];
            const child = properties[entry.key];
            if (child && Object.hasOwn(properties, entry.key)) {
              path.push(entry.key);
              this.value(entry.value, child, entry.keyRange);
              path.pop();
            }
          }
        }
        return;
    }
  }

  /**
   * A Ref to a String or Number parameter: its Default and AllowedValues (or, for a Number
   * parameter without AllowedValues, its MinValue and MaxValue) are values the property may get, so
   * each is checked (as a warning: the deployer may pass another value).
   */
  private parameter(ref: Node, name: string, schema: ConstraintNode): void {
    const parameter = this.template.parameters.get(name)?.value;
    const declared = declaredValues(parameter, true);
    const passed = this.template.parameterValues?.get(name);
    if (!declared) {
      if (passed !== undefined) this.passedList(ref, name, passed, parameter, schema);
      else this.defaultList(name, parameter, schema);
      return;
    }
    if (passed !== undefined) {
      this.passed(ref, name, passed, parameter, schema);
      return;
    }
    if (this.decided > 0 || this.judgedBefore(name, schema)) return;
    const nodes = this.expanded(schema);
    this.secret = isNoEcho(parameter);
    for (const { node, label } of declared) {
      if (this.rulesOut(name, String(node.value))) continue;
      this.candidate(name, node, label, nodes);
    }
    this.secret = false;
  }

  /**
   * Whether a parameter's declared values were judged against `schema` at this property and under
   * this condition already: the same findings again (same values, same messages) would only be
   * dropped as duplicates. Marks them judged. Per resource: a resource's own suppression
   * (suppressions.ts) must not hide what another resource's Ref finds in the same Default.
   */
  private judgedBefore(name: string, schema: ConstraintNode): boolean {
    let judged = this.judged.get(schema);
    if (!judged) {
      judged = new Set();
      this.judged.set(schema, judged);
    }
    const key = `${name}\u0000${this.path[1]}\u0000${this.name()}\u0000${this.condition ?? ""}`;
    if (judged.has(key)) return true;
    judged.add(key);
    return false;
  }

  /**
   * A Ref to a parameter the deploy passes a value for: that value, not the Default, is what the
   * property gets, so a problem is certain (E3946) where the resource is always created, and a
   * warning (W1030) in one a condition may leave out. Judged at the Ref, as a secret is: the
   * message names the parameter and says what the property needs, never the value. A resource
   * whose Condition a passed value rules out (`Stage=dev` for `IsProd`) is not made, and not judged.
   */
  private passed(
    ref: Node,
    name: string,
    text: string,
    parameter: Node | undefined,
    schema: ConstraintNode,
  ): void {
    if (this.notMade) return;
    const value = passedValue(parameter, text);
    this.secret = true;
    const trial = this.trial({ kind: "scalar", value, range: UNWRITTEN }, this.expanded(schema));
    this.secret = false;
    this.reportPassed(trial, ref, name);
  }

  /**
   * The problems a value the deploy passes has (`trial`), at the Ref that gives it: certain (E3946)
   * where the resource is always made, a warning (W1030) where a condition may leave it out.
   */
  private reportPassed(trial: ConstraintProblem[], ref: Node, name: string): void {
    for (const problem of trial) {
      if (problem.kind === "anyOfValue" && trial.length > 1) continue;
      const fit = problem.kind === "hostBits" ? "is given to" : "does not fit";
      this.problem(
        this.optional ? "parameter" : "passed",
        ref,
        `the value passed for parameter '${name}' ${fit}: ${problem.message}`,
      );
    }
  }

  /**
   * A Ref to a list parameter (CommaDelimitedList, List<Number>, List<AWS::EC2::Subnet::Id>, ...)
   * the deploy passes a value for: the list CloudFormation makes of it (split at commas, each item
   * trimmed) is judged as a written list would be, its size and each item, as a secret.
   */
  private passedList(
    ref: Node,
    name: string,
    text: string,
    parameter: Node | undefined,
    schema: ConstraintNode,
  ): void {
    if (this.notMade) return;
    const trial = this.listTrial(text, parameter, UNWRITTEN, true, schema);
    if (trial) this.reportPassed(trial, ref, name);
  }

  /**
   * A Ref to a list parameter the deploy does not pass: the list its Default makes (split and
   * trimmed as a value passed is) is one the property may get, judged as a written list, a warning
   * (W1030) as a String parameter's Default is. An empty Default, the usual mark for "none" that a
   * condition then keeps from the property, is not judged.
   */
  private defaultList(name: string, parameter: Node | undefined, schema: ConstraintNode): void {
    const fallback = mapGet(parameter, "Default")?.value;
    if (this.decided > 0 || !isString(fallback) || fallback.value.trim() === "") return;
    if (this.rulesOut(name, fallback.value) || this.judgedBefore(name, schema)) return;
    const trial = this.listTrial(fallback.value, parameter, fallback.range, isNoEcho(parameter), schema);
    if (trial) this.reportDeclared(name, fallback, "Default", trial);
  }

  /**
   * The problems of the list CloudFormation makes of a list parameter's value (`text`), its size and
   * each item; undefined for a parameter of another type.
   */
  private listTrial(
    text: string,
    parameter: Node | undefined,
    range: Range,
    secret: boolean,
    schema: ConstraintNode,
  ): ConstraintProblem[] | undefined {
    const type = mapGet(parameter, "Type")?.value;
    if (!isString(type) || !isListType(type.value)) return undefined;
    const numbers = type.value === "List<Number>";
    const items: ScalarNode[] = passedItems(text).map((trimmed) => {
      const number = Number(trimmed);
      return {
        kind: "scalar",
        value: numbers && trimmed !== "" && Number.isFinite(number) ? number : trimmed,
        range,
      };
    });
    const saved = this.out;
    const trial: ConstraintProblem[] = [];
    this.out = trial;
    this.secret = secret;
    this.value({ kind: "seq", items, range }, schema, range);
    this.secret = false;
    this.out = saved;
    return trial;
  }

  /** One value a parameter may give (its Default, an AllowedValues item, a bound: `which`), judged against `nodes`. */
  private candidate(name: string, candidate: ScalarNode, which: string, nodes: ConstraintNode[]): void {
    this.reportDeclared(name, candidate, which, this.trial(candidate, nodes));
  }

  /** The problems (`trial`) of a value a parameter declares (`which`: its Default, ...), as W1030 warnings at `at`. */
  private reportDeclared(name: string, at: Node, which: string, trial: ConstraintProblem[]): void {
    for (const problem of trial) {
      if (problem.kind === "anyOfValue" && trial.length > 1) continue;
      const fit = problem.kind === "hostBits" ? "is given to" : "does not fit";
      this.problem("parameter", at, `${which} of parameter '${name}' ${fit}: ${problem.message}`);
    }
  }

  /** The problems a value would have against `nodes`, kept apart from the walk's own. */
  private trial(value: ScalarNode, nodes: ConstraintNode[]): ConstraintProblem[] {
    const saved = this.out;
    const trial: ConstraintProblem[] = [];
    this.out = trial;
    for (let n = 0; n < nodes.length; n++) this.scalar(value, nodes[n]);
    this.out = saved;
    return trial;
  }

  /**
   * The values a Fn::Sub, Fn::Join, Fn::FindInMap or Fn::Select gives (functions/resolve.ts), each judged as a
   * written value would be. A value with a pseudo parameter's sample in it counts only the problems
   * both samples have; one with unknown text in it, only a length that is too long already. A value
   * that holds the stack's name, known to a deploy, and nothing a deployer chooses (a parameter, a
   * mapping's entry), in a resource and a branch no condition may leave out, is certain: E3944's.
   */
  private resolved(node: Node, fn: string, kind: ConstraintKind, schema: ConstraintNode): void {
    const nodes = this.expanded(schema);
    if (!judgesValues(nodes)) return;
    const values = resolveValue(node, this.template, this.parameterMode, this.rulesOut, this.decide);
    if (!values) return;
    for (const { value, others } of sameGiven(values, sameValueKey)) {
      if (this.notMade && value.passed !== undefined) continue;
      const gives = givenWith(value, others);
      const first = variant(value, 0);
      const as = this.conditional === 0 && !this.optional ? (certainKind(value) ?? kind) : kind;
      // A value made with one the deploy passes is judged as a secret is: never quoted.
      const hidden = value.hidden === true;
      if (first === undefined) {
        const least = leastLength(value);
        for (const s of nodes)
          if (s.lx !== undefined && least > s.lx)
            this.problem(
              as,
              node,
              `${fn} gives at least ${plural(least, "character")}${gives}: ${this.name()} must be at most ${plural(s.lx, "character")} long`,
            );
        this.unmatchable(node, fn, as, value, gives, nodes);
        continue;
      }
      this.secret = hidden;
      let problems = this.trial({ kind: "scalar", value: first, range: UNWRITTEN }, nodes);
      if (problems.length > 0 && hasSamples(value)) {
        const second = this.trial(
          { kind: "scalar", value: variant(value, 1) ?? null, range: UNWRITTEN },
          nodes,
        );
        problems = problems.filter((problem) => second.some((other) => other.kind === problem.kind));
      }
      this.secret = false;
      const shown = hidden
        ? "a value"
        : typeof first === "string"
          ? `'${first.length > 80 ? `${first.slice(0, 80)}...` : first}'`
          : first;
      for (const problem of problems) {
        if (problem.kind === "anyOfValue" && problems.length > 1) continue;
        this.problem(as, node, `${fn} gives ${shown}${gives}: ${problem.message}`);
      }
    }
  }

  /**
   * A value with unknown text in it (the stack's name, a resource's name) whose written part holds
   * a character its pattern never matches (patternAlphabet): no text in place of the unknown part
   * can make it match (`${AWS::StackName}-exports-Dev` as a bucket name). Text that makes a dynamic
   * reference is left to the deploy.
   */
  private unmatchable(
    node: Node,
    fn: string,
    as: ConstraintKind,
    value: Resolution,
    gives: string,
    nodes: ConstraintNode[],
  ): void {
    let written = "";
    let shown = "";
    for (const piece of value.pieces) {
      if (typeof piece === "string") written += piece;
      shown += typeof piece === "string" ? piece : "samples" in piece ? piece.samples[0] : "…";
    }
    // A dynamic reference the text makes is resolved at deploy; what it gives is not known.
    if (hasDynamicReference(written)) return;
    for (const s of nodes) {
      const source = s.p ?? s.P;
      const alphabet = source === undefined ? undefined : patternAlphabet(source, s.f);
      const refused = alphabet ? [...written].find((c) => !alphabet.has(c)) : undefined;
      if (refused === undefined) continue;
      const what = value.hidden ? "a value" : `'${shown.length > 80 ? `${shown.slice(0, 80)}...` : shown}'`;
      this.problem(
        as,
        node,
        `${fn} gives ${what}${gives}, whatever the part only the deploy knows (…): ${this.name()} must match ` +
          `the pattern ${source}, which no text with '${refused}' in it matches`,
      );
      return;
    }
  }

  /**
   * The lists a Fn::Split gives where a list is wanted (functions/resolve.ts), judged as a written
   * list would be: its number of items, and each item against the item constraints.
   */
  private split(node: MapNode, schema: ConstraintNode): void {
    const nodes = this.expanded(schema);
    const sized = nodes.some((s) => s.in !== undefined || s.ix !== undefined);
    const items = nodes.flatMap((s) => (s.it ? [this.expanded(s.it)] : []));
    if (!sized && !items.some(judgesValues)) return;
    const lists = resolveSplit(node, this.template, this.parameterMode, this.rulesOut, this.decide);
    if (!lists) return;
    for (const { value: list, others } of sameGiven(lists, (each) => JSON.stringify(each.items))) {
      if (this.notMade && list.passed !== undefined) continue;
      const gives = givenWith(list, others);
      const count = list.items.length;
      const many = `${count} item${count === 1 ? "" : "s"}`;
      // A list split from values the deploy passes alone, where the resource is made: E3946's.
      const certain =
        this.conditional === 0 &&
        !this.optional &&
        list.passed !== undefined &&
        list.passed === list.choices.length;
      const as: ConstraintKind = certain ? "passed" : "split";
      for (const s of nodes) {
        const bound =
          s.in !== undefined && count < s.in
            ? `at least ${s.in}`
            : s.ix !== undefined && count > s.ix
              ? `at most ${s.ix}`
              : undefined;
        if (bound)
          this.problem(as, node, `Fn::Split gives ${many}${gives}: ${this.name()} must have ${bound}`);
      }
      // A value the deploy passes is judged as a secret is: its items are never quoted.
      const hidden = list.hidden === true;
      for (let i = 0; i < count; i++) {
        const item = list.items[i];
        const shown = hidden ? "a value" : `'${item}'`;
        this.path.push(i);
        this.secret = hidden;
        for (const itemNodes of items) {
          const problems = this.trial({ kind: "scalar", value: item, range: UNWRITTEN }, itemNodes);
          for (const problem of problems) {
            if (problem.kind === "anyOfValue" && problems.length > 1) continue;
            this.problem(as, node, `Fn::Split gives ${shown} as item ${i}${gives}: ${problem.message}`);
          }
        }
        this.secret = false;
        this.path.pop();
      }
    }
  }

  private scalar(node: ScalarNode, s: ConstraintNode): void {
    const value = node.value;
    // A dynamic reference ({{resolve:ssm:...}}) is replaced by its value at deploy time.
    if (typeof value === "string" && hasDynamicReference(value)) return;
    if (s.av) this.anyOfValues(node, s.av);
    if (s.e) this.enumeration(node, s);
    if (typeof value === "string") this.text(node, value, s);
    // CloudFormation passes a number on as its text, and the schema judges that text: an account id
    // written 012345670123 is 1402433619 in YAML 1.1, which fails a 12-digit pattern at deploy.
    // Integers written as integers only: a float's text ("1.0" or "1") is not certain, and 2.0 is
    // one, though it reads as the integer 2 (`GlueVersion: 2.0` is not "2").
    else if (typeof value === "number" && Number.isSafeInteger(value) && this.writtenInteger(node))
      this.text(node, String(value), s);
    if (s.mn !== undefined || s.mx !== undefined || s.xn !== undefined || s.xx !== undefined) {
      const n =
        typeof value === "number" ? value : typeof value === "string" ? Number(value.trim()) : Number.NaN;
      if (!Number.isFinite(n) || (typeof value === "string" && value.trim() === "")) return;
      let bound: string | undefined;
      if (s.mn !== undefined && n < s.mn) bound = `at least ${s.mn}`;
      else if (s.xn !== undefined && n <= s.xn) bound = `more than ${s.xn}`;
      else if (s.mx !== undefined && n > s.mx) bound = `at most ${s.mx}`;
      else if (s.xx !== undefined && n >= s.xx) bound = `less than ${s.xx}`;
      if (bound) this.problem("range", node, `${this.name()} must be ${bound}`);
    }
  }

  /** anyOf over scalar constraints: reported only when every alternative rejects the value. */
  private anyOfValues(node: ScalarNode, alternatives: ConstraintNode[]): void {
    const saved = this.out;
    const reasons: string[] = [];
    for (const alternative of alternatives) {
      const trial: ConstraintProblem[] = [];
      this.out = trial;
      this.scalar(node, alternative);
      this.out = saved;
      // An alternative the value fits, perhaps with a warning (a CIDR block's host bits).
      if (trial.every((problem) => problem.kind === "hostBits")) {
        saved.push(...trial);
        return;
      }
      reasons.push(trial[0].message.slice(this.name().length + 1));
    }
    this.problem("anyOfValue", node, `${this.name()} must meet one of: ${reasons.join("; or ")}`);
  }

  private enumeration(node: ScalarNode, s: ConstraintNode): void {
    const { allowed, folded } = enumerated(s);
    const value = String(node.value);
    if (folded.has(s.ci ? value.toLowerCase() : value)) return;
    const listed = firstChoices(allowed);
    this.problem(
      "enum",
      node,
      `${this.name()} must be one of ${listed}${typeof node.value === "string" && !this.secret ? didYouMean(value, allowed) : this.booleanWord(node, allowed)}`,
    );
  }

  /**
   * For a boolean written as one of YAML 1.1's words that an allowed value spells (`OFF`, `On`,
   * `yes`): CloudFormation reads YAML 1.1, so the property gets the boolean, not the word.
   */
  private booleanWord(node: ScalarNode, allowed: readonly string[]): string {
    if (typeof node.value !== "boolean" || this.secret || !(node.range instanceof Span)) return "";
    const written = this.template.parsed.source.slice(node.range.from, node.range.to);
    const meant = allowed.find((value) => value.toLowerCase() === written.toLowerCase());
    if (!meant || /^(true|false)$/i.test(written)) return "";
    return `: the unquoted ${written} is the boolean ${node.value} in YAML 1.1, which CloudFormation reads; quote it ('${meant}')`;
  }

  /** Whether a number is written without a fraction or an exponent (where the walk knows how it is written). */
  private writtenInteger(node: ScalarNode): boolean {
    if (!(node.range instanceof Span)) return true;
    return !/[.eE]/.test(this.template.parsed.source.slice(node.range.from, node.range.to));
  }

  private text(node: ScalarNode, value: string, s: ConstraintNode): void {
    if (s.ln !== undefined || s.lx !== undefined) {
      // The schemas count characters (code points), not UTF-16 units.
      const length = /[\uD800-\uDFFF]/.test(value) ? [...value].length : value.length;
      if (s.ln !== undefined && length < s.ln)
        this.problem("length", node, `${this.name()} must be at least ${plural(s.ln, "character")} long`);
      else if (s.lx !== undefined && length > s.lx)
        this.problem(
          "length",
          node,
          `${this.name()} must be at most ${plural(s.lx, "character")} long${this.secret ? "" : `, not ${length}`}`,
        );
    }
    const source = s.p ?? s.P;
    // Without the u flag, \w and \d are ASCII-only where the schemas' engine is not.
    if (source !== undefined && !(s.p === undefined && !isAscii(value))) {
      const regex = patternFor(s, source, value);
      if (regex && !matches(regex, value)) {
        this.problem("pattern", node, `${this.name()} must match the pattern ${source}`);
        return;
      }
    }
    const format = s.fm ? NAMED_FORMATS[s.fm] : undefined;
    if (
      format &&
      !matches(format.pattern, value) &&
      !(s.fm === "AWS::EC2::Image.Id" && value.startsWith("resolve:ssm"))
    )
      this.problem("pattern", node, `${this.name()} must be ${format.what}`);
    if (s.fm === "ipv4-network" || s.fm === "ipv6-network")
      this.cidr(node, value, s.fm === "ipv4-network" ? 4 : 6);
  }

  private cidr(node: ScalarNode, value: string, version: 4 | 6): void {
    const verdict = checkCidr(value, version);
    if (verdict.kind === "malformed")
      this.problem(
        "pattern",
        node,
        `${this.name()} must be an IPv${version} CIDR block, such as ${version === 4 ? "10.0.0.0/16" : "2001:db8::/56"}`,
      );
    else if (verdict.kind === "hostBits")
      this.problem(
        "hostBits",
        node,
        `${this.name()} has host bits set${this.secret ? "" : `: the block is ${verdict.network}${verdict.network.endsWith("/0") ? ", every address" : ""}`}. Write the network, or the prefix length meant`,
      );
  }

  private array(list: SeqNode, s: ConstraintNode): void {
    const items = list.items;
    if (s.in !== undefined || s.ix !== undefined) {
      let certain = 0;
      let possible = 0;
      for (const item of items) {
        if (isNoValue(item)) continue;
        possible++;
        if (!mayBeNoValue(item)) certain++;
      }
      const at = list;
      if (s.in !== undefined && possible < s.in)
        this.problem("items", at, `${this.name()} must have at least ${s.in} item${s.in === 1 ? "" : "s"}`);
      else if (s.ix !== undefined && certain > s.ix)
        this.problem(
          "items",
          at,
          `${this.name()} must have at most ${s.ix} item${s.ix === 1 ? "" : "s"}${this.secret ? "" : `, not ${certain}`}`,
        );
      else if (possible > certain) this.conditionalItems(list, s, certain, possible);
    }
    const keyed = s.uk ? this.uniqueKeys(items, s.uk) : undefined;
    if (s.u) {
      const path = this.path;
      // Scalars are compared by their strings (CloudFormation's view of them); lists and mappings
      // (a Tags list, say) with the earlier ones in turn, without building a canonical text for
      // each, unless the list is long. A scalar never equals a list or a mapping.
      const seenScalars = new Map<string | null, number>();
      let others: number[] | undefined;
      let seenOthers: Map<string, number> | undefined;
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        if (isNoValue(item) || mayBeNoValue(item) || keyed?.has(i)) continue;
        let first: number | undefined;
        if (item.kind === "scalar") {
          const key = item.value === null ? null : String(item.value);
          first = seenScalars.get(key);
          if (first === undefined) seenScalars.set(key, i);
        } else if (items.length <= PAIRWISE_LIMIT) {
          others ??= [];
          for (let k = 0; k < others.length && first === undefined; k++)
            if (sameCanonical(items[others[k]], item)) first = others[k];
          if (first === undefined) others.push(i);
        } else {
          seenOthers ??= new Map();
          const key = canonical(item);
          first = seenOthers.get(key);
          if (first === undefined) seenOthers.set(key, i);
        }
        if (first !== undefined)
          this.problem(
            "unique",
            item,
            `${this.nameOf([...path, i])} repeats item ${first}: the items of ${displayPath(path.slice(this.base))} must be unique`,
            i,
          );
      }
    }
  }

  /**
   * cfn-lint's uniqueKeys: no two mappings of the list have the same values at `keys` (a
   * pipeline's stage names, a stage's action names, a container's environment names, a table's
   * attribute names), each written out. Returns the indexes of the items reported, which the
   * uniqueItems check then leaves alone (an item repeated whole repeats its keys too).
   */
  private uniqueKeys(items: readonly Node[], keys: string[]): Set<number> | undefined {
    let seen: Map<string, number> | undefined;
    let reported: Set<number> | undefined;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (item.kind !== "map" || intrinsicName(item) || mayBeNoValue(item)) continue;
      // The values at the keys, each written out; an item without one of them is not compared.
      let key = "";
      let last: ScalarNode | undefined;
      for (const name of keys) {
        const value = keyOf(item.entries, name)?.value;
        if (value?.kind !== "scalar" || value.value === null) {
          last = undefined;
          break;
        }
        last = value;
        key += `${String(value.value)}\u0000`;
      }
      if (!last) continue;
      seen ??= new Map();
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, i);
        continue;
      }
      const path = this.path;
      const list = displayPath(path.slice(this.base));
      const named = keys.length === 1 ? `${keys[0]} '${String(last.value)}'` : names(keys, "and");
      this.problem(
        "unique",
        last,
        `${this.nameOf([...path, i])} repeats the ${named} of item ${first}: each item of ${list} needs its own ${names(keys, "and")}`,
        i,
      );
      reported ??= new Set();
      reported.add(i);
    }
    return reported;
  }

  /** The object-level constraints (required names and groups) of a mapping; without closures per mapping. */
  object(node: MapNode | undefined, s: ConstraintNode, keyRange: Range): void {
    // Most schema nodes constrain no names at all.
    if (!s.r && !s.a && !s.o && !s.x && !s.ro && !s.dr && !s.dx) return;
    const entries = node ? node.entries : NO_ENTRIES;
    // Fn::ForEach and Fn::Transform (AWS::Include) add properties the template does not show.
    for (let i = 0; i < entries.length; i++) {
      const key = entries[i].key;
      if (isForEachKey(key) || key === "Fn::Transform") return;
    }
    if (s.r) {
      const required = s.r;
      for (let i = 0; i < required.length; i++) {
        const name = required[i];
        if (!keyOf(entries, name))
          this.problem("required", keyRange, `Missing required property '${name}' ${this.where()}`, name);
      }
    }
    if (s.a) this.anyOf(s.a, entries, keyRange);
    if (s.o) this.oneOf(s.o, entries, keyRange);
    if (s.x) {
      const x = s.x;
      const present = x.filter((name) => presence(entries, name) === "yes");
      const possible = x.filter((name) => presence(entries, name) !== "no");
      // A member certainly there meets the group: only then is a Fn::If member's gap asked for.
      const gap = possible.length === 0 || present.length > 0 ? undefined : this.groupGap(entries, x);
      if (possible.length === 0)
        this.problem("requiredXor", keyRange, `Exactly one of ${names(x)} is required ${this.where()}`);
      else if (gap && x.every((name) => presence(entries, name, gap) === "no"))
        this.problem(
          "requiredXor",
          keyRange,
          `Exactly one of ${names(x)} is required ${this.where()}${leftOut(gap)}`,
        );
      else if (present.length > 1)
        this.problem(
          "requiredXor",
          keyOf(entries, present[1])?.keyRange ?? keyRange,
          `Only one of ${names(x)} may be set ${this.where()}, not ${names(present, "and")}`,
          present[1],
        );
      else if (possible.length > 1) {
        // Two members a Fn::If sets under one condition, or one beside a member always there.
        const pair = this.setTogether(entries, possible);
        if (pair)
          this.problem(
            "requiredXor",
            keyOf(entries, pair.second)?.keyRange ?? keyRange,
            `Only one of ${names(x)} may be set ${this.where()}, not ${names([pair.first, pair.second], "and")}` +
              setWhere(pair.where),
            pair.second,
          );
      }
    }
    if (s.ro) {
      const ro = s.ro;
      const gap = ro.every((name) => presence(entries, name) === "no")
        ? true
        : ro.some((name) => presence(entries, name) === "yes")
          ? undefined
          : this.groupGap(entries, ro);
      if (gap && ro.every((name) => presence(entries, name, gap === true ? undefined : gap) === "no"))
        this.problem(
          "requiredOr",
          keyRange,
          `At least one of ${names(ro)} is required ${this.where()}${gap === true ? "" : leftOut(gap)}`,
        );
    }
    // for...in goes in the same order as Object.entries over these parsed records.
    if (s.dr) {
      for (const name in s.dr) {
        if (presence(entries, name) !== "yes") continue;
        const missing = s.dr[name].filter((other) => presence(entries, other) === "no");
        if (missing.length > 0)
          this.problem(
            "dependentRequired",
            keyOf(entries, name)?.keyRange ?? keyRange,
            `'${name}' requires ${names(missing, "and")} ${this.where()}`,
            name,
          );
      }
    }
    if (s.dx) {
      for (const name in s.dx) {
        const one = presence(entries, name);
        if (one === "no") continue;
        for (const other of s.dx[name]) {
          const two = presence(entries, other);
          if (two === "no") continue;
          // A member a Fn::If may leave out excludes the other where both are there (setTogether).
          const where =
            one === "yes" && two === "yes" ? true : this.setTogether(entries, [name, other])?.where;
          if (where)
            this.problem(
              "dependentExcluded",
              keyOf(entries, other)?.keyRange ?? keyRange,
              `'${other}' cannot be set together with '${name}' ${this.where()}${setWhere(where)}`,
              other,
            );
        }
      }
    }
  }

  private anyOf(alternatives: GroupAlternative[], entries: readonly MapEntry[], at: Range): void {
    let gap: NoValueGap | undefined;
    const truths = alternatives.map((alt) => evaluate(alt, entries));
    if (truths.some((truth) => truth !== "false")) {
      // Certainly met; or met unless the members a Fn::If leaves out are all left out together,
      // which asks the condition logic (and maps the template's calls) only then.
      if (truths.includes("true")) return;
      gap = this.groupGap(entries, members(alternatives));
      if (!gap || alternatives.some((alt) => evaluate(alt, entries, gap) !== "false")) return;
    }
    // An alternative whose required properties are all there fails only on properties it does not
    // allow; that is a different problem than a missing group, and reported elsewhere if at all.
    for (const alt of alternatives) if (requiredMet(alt, entries)) return;
    const described = describeAlternatives(alternatives);
    if (!described) return;
    this.problem(
      "requiredGroup",
      at,
      `At least one of ${described} is required ${this.where()}${leftOut(gap)}`,
    );
  }

  private oneOf(alternatives: GroupAlternative[], entries: readonly MapEntry[], at: Range): void {
    const met = alternatives.filter((alt) => alt.r?.every((name) => presence(entries, name) === "yes"));
    const described = describeAlternatives(alternatives);
    if (met.length > 1) {
      this.problem(
        "oneOf",
        at,
        `Only one of ${described ?? "the alternatives"} may be set ${this.where()}, not ${listOf(met.map(altText), "and")}`,
      );
      return;
    }
    if (met.length > 0) {
      // One alternative certainly met, and another a Fn::If meets beside it under one condition.
      const pair = firstPair(alternatives.map((alt) => this.thereWhere(entries, alt.r ?? [])));
      if (pair)
        this.problem(
          "oneOf",
          at,
          `Only one of ${described ?? "the alternatives"} may be set ${this.where()}, not ` +
            `${listOf([altText(alternatives[pair.i]), altText(alternatives[pair.j])], "and")}${setWhere(pair.where)}`,
        );
      return;
    }
    if (!described) return;
    if (alternatives.every((alt) => evaluate(alt, entries) === "false")) {
      this.problem("requiredGroup", at, `Exactly one of ${described} is required ${this.where()}`);
      return;
    }
    const gap = this.groupGap(entries, members(alternatives));
    if (gap && alternatives.every((alt) => evaluate(alt, entries, gap) === "false"))
      this.problem(
        "requiredGroup",
        at,
        `Exactly one of ${described} is required ${this.where()}${leftOut(gap)}`,
      );
  }

  /**
   * A list whose items a Fn::If adds or leaves out under one condition, past its size there: the
   * items there under one condition and truth (itemWhere) join the items always there, and the
   * items a Fn::If leaves out under one (noValueWhere) leave the others. Items that different
   * conditions choose are not added up (the conditions may never hold together).
   */
  private conditionalItems(list: SeqNode, s: ConstraintNode, certain: number, possible: number): void {
    // Only a limit the conditional items could cross asks the condition logic.
    const overMax = s.ix !== undefined && possible > s.ix;
    const underMin = s.in !== undefined && certain < s.in;
    if (!overMax && !underMin) return;
    const added = new Map<string, { gap: NoValueGap; count: number }>();
    const dropped = new Map<string, { gap: NoValueGap; count: number }>();
    for (const item of list.items) {
      if (isNoValue(item) || !mayBeNoValue(item)) continue;
      const there = overMax ? itemWhere(this.template, item) : undefined;
      if (there) tally(added, there);
      const gone = underMin ? noValueWhere(this.template, item, true) : undefined;
      if (gone) tally(dropped, gone);
    }
    const many = s.ix;
    for (const { gap, count } of added.values()) {
      if (many === undefined || certain + count <= many) continue;
      this.problem(
        "items",
        list,
        `${this.name()} must have at most ${many} item${many === 1 ? "" : "s"}, and has ${certain + count} ` +
          `where condition ${gap.condition} is ${gap.truth}: the Fn::If items add ${count} there`,
      );
      return;
    }
    const few = s.in;
    for (const { gap, count } of dropped.values()) {
      if (few === undefined || possible - count >= few) continue;
      this.problem(
        "items",
        list,
        `${this.name()} must have at least ${few} item${few === 1 ? "" : "s"}, and has ${possible - count} ` +
          `${gapText(gap, `${count === 1 ? "an item's" : "the items'"}`)}`,
      );
      return;
    }
  }

  /**
   * The one condition under which every member of a group that a Fn::If may leave out is left out:
   * each such member's Fn::If gives AWS::NoValue in its own branch for the same condition and
   * truth, a branch the place may take (noValueWhere). Undefined when none may be left out, when
   * any is left out some other way, or when they are left out under different conditions (which
   * may never hold together).
   */
  private groupGap(entries: readonly MapEntry[], group: readonly string[]): NoValueGap | undefined {
    let common: NoValueGap | undefined;
    for (const name of group) {
      const entry = keyOf(entries, name);
      if (!entry || isNoValue(entry.value) || !mayBeNoValue(entry.value)) continue;
      const gap = noValueWhere(this.template, entry.value, true);
      if (!gap || (common && (gap.condition !== common.condition || gap.truth !== common.truth)))
        return undefined;
      common = gap;
    }
    return common;
  }

  /**
   * The first two of `group` that are there together (thereWhere), where at least one is set by
   * a Fn::If; undefined when no two are.
   */
  private setTogether(
    entries: readonly MapEntry[],
    group: readonly string[],
  ): { first: string; second: string; where: true | NoValueGap } | undefined {
    const pair = firstPair(group.map((name) => this.thereWhere(entries, [name])));
    return pair && { first: group[pair.i], second: group[pair.j], where: pair.where };
  }

  /**
   * Where all of `group` are there: true when each is certainly there; one condition and truth
   * where some are set by a Fn::If that gives the value in one branch and AWS::NoValue in the
   * other, in a branch its place may take (itemWhere), all under that one condition and truth.
   * Undefined when one is missing, or they are set under different conditions (which may never
   * hold together).
   */
  private thereWhere(entries: readonly MapEntry[], group: readonly string[]): true | NoValueGap | undefined {
    let where: true | NoValueGap | undefined = group.length > 0 ? true : undefined;
    for (let i = 0; i < group.length && where; i++) {
      const entry = keyOf(entries, group[i]);
      if (!entry || isNoValue(entry.value)) return undefined;
      where = together(where, mayBeNoValue(entry.value) ? itemWhere(this.template, entry.value) : true);
    }
    return where;
  }

  /** The current value as messages name it; called only for a message. */
  private name(): string {
    return this.nameOf(this.path);
  }

  private nameOf(path: (string | number)[]): string {
    const inner = path.slice(this.base);
    return path[0] === "Resources"
      ? `'${displayPath(inner)}' of ${this.owner}`
      : `'${displayPath(inner)}' in ${this.owner}`;
  }

  /** Where the current mapping is, as messages say it; called only for a message. */
  private where(): string {
    const path = this.path;
    const inner = path.slice(this.base);
    if (inner.length > 0) return `in ${displayPath(inner)} (${this.owner})`;
    return path[0] === "Globals" ? `in ${this.owner}` : `for ${this.owner}`;
  }

  /** Records a problem at the current path, or at its child `key`: the only place paths are copied. */
  private problem(kind: ConstraintKind, at: Node | Range, message: string, key?: string | number): void {
    const path = this.path.slice();
    if (key !== undefined) path.push(key);
    this.out.push({ kind, at, message, path });
  }
}

const NO_ENTRIES: readonly MapEntry[] = [];

/**
 * The place of a value the walk makes (a passed value, what a function gives) for its trial, whose
 * problems are reported at the Ref or the function: no text of the template, so a number's text is
 * its own (writtenInteger), not that of the Ref or function there.
 */
const UNWRITTEN: Range = { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } };

/**
 * The kind of a value's problems where the deploy alone decides it, in a resource and a branch no
 * condition may leave out: "passed" (E3946) when values the deploy passes give it, "stackName"
 * (E3944) when it holds the stack's known name, and nothing else a deployer chooses either way:
 * its other choices are the pseudo parameters tried with two samples (each adds one), whose
 * problems count only when both samples have them. Undefined otherwise.
 */
function certainKind(value: Resolution): ConstraintKind | undefined {
  if (value.stackName === undefined && value.passed === undefined) return undefined;
  let sampled = 0;
  for (const piece of value.pieces) if (typeof piece !== "string" && "samples" in piece) sampled++;
  if (value.choices.length !== sampled + (value.passed ?? 0)) return undefined;
  return value.passed !== undefined ? "passed" : "stackName";
}

const judging = new WeakMap<ConstraintNode[], boolean>();

/**
 * Whether any of the nodes constrains a single value (allowed values, a pattern or format, a length,
 * a range): only then is a function's value worth working out. Kept per expansion, which lives as
 * long as its node.
 */
function judgesValues(nodes: ConstraintNode[]): boolean {
  let judges = judging.get(nodes);
  if (judges === undefined) {
    judges = nodes.some(
      (s) =>
        s.e !== undefined ||
        s.av !== undefined ||
        s.p !== undefined ||
        s.P !== undefined ||
        s.fm !== undefined ||
        s.ln !== undefined ||
        s.lx !== undefined ||
        s.mn !== undefined ||
        s.mx !== undefined ||
        s.xn !== undefined ||
        s.xx !== undefined,
    );
    judging.set(nodes, judges);
  }
  return judges;
}

const expansions = new WeakMap<ConstraintNode, ConstraintNode[]>();

/** The entry of a mapping with this key: objects are small, so a scan beats building a map. */
function keyOf(entries: readonly MapEntry[], name: string): MapEntry | undefined {
  for (let i = 0; i < entries.length; i++) if (entries[i].key === name) return entries[i];
  return undefined;
}

/**
 * Whether a property is set: "maybe" when its value may be AWS::NoValue, or, `under` a gap, "no"
 * where its own Fn::If gives AWS::NoValue exactly there (see Walker.groupGap).
 */
function presence(entries: readonly MapEntry[], name: string, under?: NoValueGap): Presence {
  const entry = keyOf(entries, name);
  if (!entry || isNoValue(entry.value)) return "no";
  if (!mayBeNoValue(entry.value)) return "yes";
  return under && leftOutBy(entry.value, under) ? "no" : "maybe";
}

/** Whether a value is a Fn::If on the gap's condition whose branch for the gap's truth is AWS::NoValue. */
function leftOutBy(node: Node, gap: NoValueGap): boolean {
  const arg = (node as MapNode).entries[0].value;
  if (arg.kind !== "seq" || arg.items.length !== 3) return false;
  const [name, whenTrue, whenFalse] = arg.items;
  return isString(name) && name.value === gap.condition && isNoValue(gap.truth ? whenTrue : whenFalse);
}

interface Enumeration {
  /** The allowed values as CloudFormation's strings, in the schema's order. */
  allowed: string[];
  /** The same, lowercased when the comparison is case-insensitive. */
  folded: Set<string>;
}

const enumerations = new WeakMap<ConstraintNode, Enumeration>();

/** A node's enum, prepared on first use: the spec index keeps each node for the whole run. */
function enumerated(s: ConstraintNode): Enumeration {
  let enumeration = enumerations.get(s);
  if (!enumeration) {
    const allowed = (s.e ?? []).filter((v) => v !== null).map(String);
    enumeration = { allowed, folded: new Set(s.ci ? allowed.map((v) => v.toLowerCase()) : allowed) };
    enumerations.set(s, enumeration);
  }
  return enumeration;
}

/** The part of a path below `Properties` (or below `Globals.<Section>`). */
/** The schemas' `$` also matches before a final newline, which YAML block scalars end with. */
function matches(regex: RegExp, value: string): boolean {
  return regex.test(value) || (value.endsWith("\n") && regex.test(value.slice(0, -1)));
}

/** A Fn::If with an AWS::NoValue branch (at any depth of nested Fn::If). */
function mayBeNoValue(node: Node): boolean {
  if (intrinsicName(node) !== "Fn::If") return false;
  const arg = (node as MapNode).entries[0].value;
  if (arg.kind !== "seq") return true;
  const branches = arg.items;
  for (let i = 1; i < 3 && i < branches.length; i++) {
    if (isNoValue(branches[i]) || mayBeNoValue(branches[i])) return true;
  }
  return false;
}

/** Up to this many items, lists and mappings in a list are compared in pairs rather than by key. */
const PAIRWISE_LIMIT = 64;

/**
 * Whether two nodes have the same canonical form, found without building it: scalars by their
 * strings (null apart), lists item by item, mappings as their entries sorted by key (stably, so the
 * n-th entry of a key in one is compared with the n-th entry of that key in the other).
 */
function sameCanonical(a: Node, b: Node): boolean {
  if (a.kind === "scalar" || b.kind === "scalar") {
    if (a.kind !== "scalar" || b.kind !== "scalar") return false;
    if (a.value === null || b.value === null) return a.value === null && b.value === null;
    return String(a.value) === String(b.value);
  }
  if (a.kind === "seq" || b.kind === "seq") {
    if (a.kind !== "seq" || b.kind !== "seq" || a.items.length !== b.items.length) return false;
    for (let i = 0; i < a.items.length; i++) if (!sameCanonical(a.items[i], b.items[i])) return false;
    return true;
  }
  const left = a.entries;
  const right = b.entries;
  if (left.length !== right.length) return false;
  for (let i = 0; i < left.length; i++) {
    const key = left[i].key;
    let occurrence = 0;
    for (let j = 0; j < i; j++) if (left[j].key === key) occurrence++;
    let match: MapEntry | undefined;
    for (let j = 0; j < right.length && !match; j++) {
      if (right[j].key === key && occurrence-- === 0) match = right[j];
    }
    if (!match || !sameCanonical(left[i].value, match.value)) return false;
  }
  return true;
}

/** A comparison key for uniqueness: scalars as CloudFormation's strings, mappings in key order. */
export function canonical(node: Node): string {
  if (node.kind === "scalar") return JSON.stringify(node.value === null ? null : String(node.value));
  if (node.kind === "seq") return `[${node.items.map(canonical).join(",")}]`;
  const entries = [...node.entries].sort((a, b) => compareText(a.key, b.key));
  return `{${entries.map((entry) => `${JSON.stringify(entry.key)}:${canonical(entry.value)}`).join(",")}}`;
}

function evaluate(alt: GroupAlternative, entries: readonly MapEntry[], under?: NoValueGap): Truth {
  const parts: Truth[] = [];
  for (const name of alt.r ?? []) {
    const p = presence(entries, name, under);
    parts.push(p === "yes" ? "true" : p === "no" ? "false" : "unknown");
  }
  if (alt.a) parts.push(or(alt.a.map((a) => evaluate(a, entries, under))));
  if (alt.o) parts.push(exactlyOne(alt.o.map((a) => evaluate(a, entries, under))));
  if (alt.l) parts.push(and(alt.l.map((a) => evaluate(a, entries, under))));
  return and(parts);
}

/** Counts a list item under its condition and truth. */
function tally(counts: Map<string, { gap: NoValueGap; count: number }>, gap: NoValueGap): void {
  const key = `${gap.truth}\u0000${gap.condition}`;
  const seen = counts.get(key);
  if (seen) seen.count++;
  else counts.set(key, { gap, count: 1 });
}

/** The names a group's plain alternatives require. */
function members(alternatives: readonly GroupAlternative[]): string[] {
  const out: string[] = [];
  for (const alt of alternatives) if (alt.r) out.push(...alt.r);
  return out;
}

/** Where two things there where `a` and `b` say (thereWhere) are there together. */
function together(
  a: true | NoValueGap | undefined,
  b: true | NoValueGap | undefined,
): true | NoValueGap | undefined {
  if (!a || !b) return undefined;
  if (a === true) return b;
  if (b === true) return a;
  return a.condition === b.condition && a.truth === b.truth ? a : undefined;
}

/** The first two places (thereWhere) there together, at least one only under a condition. */
function firstPair(
  places: (true | NoValueGap | undefined)[],
): { i: number; j: number; where: true | NoValueGap } | undefined {
  for (let i = 0; i < places.length; i++) {
    for (let j = i + 1; j < places.length; j++) {
      const where = together(places[i], places[j]);
      if (where && !(places[i] === true && places[j] === true)) return { i, j, where };
    }
  }
  return undefined;
}

/** What a message says of where two members are set together (setTogether): nothing when always. */
function setWhere(where: true | NoValueGap): string {
  return where === true ? "" : ` where condition ${where.condition} is ${where.truth}`;
}

/** The end of a group's message when its members are left out under a condition. */
function leftOut(gap: NoValueGap | undefined): string {
  return gap
    ? ` ${gapText(gap, "each one's")}. Give one a value in both branches, or create the resource ` +
        `only where ${gap.condition} is ${!gap.truth}`
    : "";
}

function requiredMet(alt: GroupAlternative, entries: readonly MapEntry[]): boolean {
  return (alt.r ?? []).length > 0 && (alt.r ?? []).every((name) => presence(entries, name) === "yes");
}

function and(values: Truth[]): Truth {
  if (values.includes("false")) return "false";
  return values.includes("unknown") ? "unknown" : "true";
}

function or(values: Truth[]): Truth {
  if (values.includes("true")) return "true";
  return values.includes("unknown") ? "unknown" : "false";
}

function exactlyOne(values: Truth[]): Truth {
  const yes = values.filter((v) => v === "true").length;
  const maybe = values.filter((v) => v === "unknown").length;
  if (yes > 1 || yes + maybe === 0) return "false";
  return yes === 1 && maybe === 0 ? "true" : "unknown";
}

/** "'A', 'B' or 'C and D'" when every alternative is a plain set of required names. */
function describeAlternatives(alternatives: GroupAlternative[]): string | undefined {
  if (!alternatives.every((alt) => alt.r && !alt.a && !alt.o && !alt.l)) return undefined;
  return listOf(alternatives.map(altText), "or");
}

/** "'A' with 'B'", for listOf, which quotes the ends. */
function altText(alt: GroupAlternative): string {
  return (alt.r ?? []).join("' with '");
}

function names(list: string[], conjunction = "or"): string {
  return listOf(list, conjunction);
}

/** "'a', 'b' or 'c'": the items in quotes (unless `quote` is false), the last after the conjunction. */
export function listOf(items: readonly string[], conjunction: string, quote = true): string {
  const quoted = quote ? items.map((item) => `'${item}'`) : items;
  if (quoted.length <= 1) return quoted.join("");
  return `${quoted.slice(0, -1).join(", ")} ${conjunction} ${quoted[quoted.length - 1]}`;
}
