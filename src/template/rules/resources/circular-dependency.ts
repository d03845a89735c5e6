/**
 * E3004: resources that depend on each other in a cycle, read from the template's references and
 * DependsOn, and from what the SAM transform moves into the resources it makes (a function's
 * generated role, the stage of an API); dependsOn() answers the same graph for other rules.
 */
import type { MapEntry, Node, Range } from "../../model";
import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { eventProperties, eventType, samEvents } from "../sam/events";
import { plainMap, referenceTarget } from "../services/values";
import {
  intrinsicName,
  isString,
  type ResourceInfo,
  type TemplateIndex,
  USER_GUIDE,
} from "../template-index";
import { isSamResource, resourceAttributes } from "./configuration";
import { ignoresGlobal, realResources, SAM_GLOBALS } from "./shared";

/**
 * Cycles are the strongly connected components of the dependency graph (Tarjan's algorithm,
 * iterative so a long chain of resources cannot overflow the stack): linear in resources plus
 * references, whatever the template's size. Like cfn-lint, every resource of a cycle is reported
 * at its own line, with the shortest cycle through it, so a reader can break the edge where they
 * stand; a template's 500 resources at most keep the search per resource cheap.
 */
export const circularDependency: Rule = {
  id: "E3004",
  severity: "error",
  shortDescription: "Resources have no circular dependencies",
  description:
    "Resources must not depend on each other in a cycle through Ref, Fn::GetAtt, Fn::Sub or DependsOn: " +
    "CloudFormation cannot decide which to create first.",
  source: `${USER_GUIDE}/aws-attribute-dependson.html`,
  tags: ["resources", "dependson", "ref", "getatt"],
  check({ template, report }) {
    const graph = dependencyGraph(template);
    for (const component of cycles(graph.edges)) {
      const single = component.length === 1;
      if (single && !graph.edges[component[0]].includes(component[0])) continue;
      const members = new Set(component);
      for (const start of [...component].sort((a, b) => a - b)) {
        const cycle = single ? [start, start] : shortestCycle(graph.edges, start, members);
        const names = cycle.map((i) => graph.names[i]);
        const why: string[] = [];
        for (let i = 1; i < cycle.length; i++) {
          const note = graph.notes.get(`${cycle[i - 1]} ${cycle[i]}`);
          if (note && !why.includes(note)) why.push(note);
        }
        report(
          graph.ranges[start],
          `Circular dependency: ${names.join(" -> ")}${why.length > 0 ? ` (${why.join("; ")})` : ""}`,
          { path: ["Resources", graph.names[start]] },
        );
      }
    }
  },
};

export interface Graph {
  names: string[];
  ranges: Range[];
  /** Index in names of each resource. */
  ids: ReadonlyMap<string, number>;
  /** edges[i]: the resources resource i depends on, without duplicates. */
  edges: number[][];
  /** Why an edge ("from to", indexes) exists where no reference of the template shows it. */
  notes: ReadonlyMap<string, string>;
}

const graphs = new WeakMap<TemplateIndex, Graph>();

/** What each resource depends on (Ref, GetAtt, `${}`, DependsOn), made once per template. */
export function dependencyGraph(template: TemplateIndex): Graph {
  let graph = graphs.get(template);
  if (!graph) {
    graph = buildGraph(template);
    graphs.set(template, graph);
  }
  return graph;
}

/** Whether resource `from` depends on resource `to`, directly or through others. */
export function dependsOn(template: TemplateIndex, from: string, to: string): boolean {
  const { ids, edges } = dependencyGraph(template);
  const start = ids.get(from);
  const goal = ids.get(to);
  if (start === undefined || goal === undefined) return false;
  const seen = new Set([start]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const next of edges[queue[i]]) {
      if (next === goal) return true;
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return false;
}

/** The stage settings SAM writes into the stage it makes for an HTTP or WebSocket API. */
const V2_STAGE = [
  "StageName",
  "StageVariables",
  "AccessLogSettings",
  "DefaultRouteSettings",
  "RouteSettings",
];

/**
 * Properties of SAM resources whose references SAM writes into other resources it makes, which
 * depend on the resource itself (sam_resources.py): a function's event sources, the alias,
 * CodeDeploy group, event invoke config and URL its DeploymentPreference, EventInvokeConfig,
 * ProvisionedConcurrencyConfig and FunctionUrlConfig make; an API's stage, custom domain and usage
 * plan; a GraphQL API's data sources, functions, resolvers, keys, domain and cache.
 */
const DETACHED_SAM_PROPERTIES: Record<string, string[]> = {
  "AWS::Serverless::Function": [
    "Events",
    "DeploymentPreference",
    "EventInvokeConfig",
    "ProvisionedConcurrencyConfig",
    "FunctionUrlConfig",
  ],
  "AWS::Serverless::StateMachine": ["Events", "DeploymentPreference"],
  "AWS::Serverless::Api": [
    "StageName",
    "Variables",
    "AccessLogSetting",
    "CanarySetting",
    "MethodSettings",
    "TracingEnabled",
    "CacheClusterEnabled",
    "CacheClusterSize",
    "Domain",
    "Auth.UsagePlan",
  ],
  "AWS::Serverless::HttpApi": [...V2_STAGE, "Domain"],
  "AWS::Serverless::WebSocketApi": [...V2_STAGE, "Domain"],
  "AWS::Serverless::GraphQLApi": ["DataSources", "Functions", "Resolvers", "ApiKeys", "DomainName", "Cache"],
};

/** DETACHED_SAM_PROPERTIES as key paths, split once. */
const DETACHED_PATHS = new Map(
  Object.entries(DETACHED_SAM_PROPERTIES).map(([type, paths]) => [
    type,
    paths.map((path) => path.split(".")),
  ]),
);

/** The destination types whose ARN the transform writes into the function's role (_add_event_invoke_managed_policy). */
const POLICY_DESTINATIONS = new Set(["SQS", "SNS", "EventBridge", "Lambda"]);

/**
 * The destinations of a SAM function's EventInvokeConfig when the transform makes the function's
 * role: it grants the role the right to send to each destination of these types, naming its ARN
 * in the role's policy (sam_resources.py, _add_event_invoke_managed_policy), and the function waits for its role,
 * so what a destination refers to is a dependency of the function itself (a function that is its
 * own destination is a cycle, which cfn-lint reports through the role).
 */
function generatedRoleDestinations(resource: ResourceInfo): Range[] {
  if (resource.type !== "AWS::Serverless::Function") return [];
  const properties = resource.properties?.value;
  if (!properties || mapGet(properties, "Role")) return [];
  const config = mapGet(mapGet(properties, "EventInvokeConfig")?.value, "DestinationConfig")?.value;
  const ranges: Range[] = [];
  for (const kind of ["OnSuccess", "OnFailure"]) {
    const target = mapGet(config, kind)?.value;
    const type = mapGet(target, "Type")?.value;
    const destination = mapGet(target, "Destination")?.value;
    if (destination && isString(type) && POLICY_DESTINATIONS.has(type.value)) ranges.push(destination.range);
  }
  return ranges;
}

function buildGraph(template: TemplateIndex): Graph {
  const names: string[] = [];
  const ranges: Range[] = [];
  const ids = new Map<string, number>();
  for (const resource of realResources(template)) {
    ids.set(resource.name, names.length);
    names.push(resource.name);
    ranges.push(resource.entry.keyRange);
  }
  // Lists kept free of duplicates by a scan: a resource refers to few others, and a Set per
  // resource (then copied to a list) was most of this rule's garbage.
  const edges: number[][] = names.map(() => []);

  // The SAM transform makes several resources of one SAM resource, and what some of its properties
  // refer to is a dependency of one of the others only (see DETACHED_SAM_PROPERTIES), so it is not
  // an edge of the resource here: a log group named after its API is no cycle. A cycle through
  // one of those other resources (a traffic hook that refers to the function's alias) is not
  // looked for. A key beside Type and Properties of a SAM resource that is no resource attribute
  // (an AccessLogSetting one level too high, W0001) is dropped by the transform, with what it
  // refers to.
  const detached = new Map<string, Range[]>();
  // Within what is detached, what the transform also writes into the function's own role.
  const attached = new Map<string, Range[]>();
  if (template.sam) {
    const attributes = resourceAttributes(true);
    for (const resource of realResources(template)) {
      const ranges: Range[] = [];
      if (resource.body && isSamResource(true, resource.type)) {
        for (const entry of resource.body.entries)
          if (!attributes.includes(entry.key)) ranges.push(entry.value.range);
      }
      const paths = resource.type ? DETACHED_PATHS.get(resource.type) : undefined;
      for (const path of paths ?? []) {
        let value = resource.properties?.value;
        for (const key of path) value = mapGet(value, key)?.value;
        if (value) ranges.push(value.range);
      }
      if (ranges.length > 0) detached.set(resource.name, ranges);
      const destinations = generatedRoleDestinations(resource);
      if (destinations.length > 0) attached.set(resource.name, destinations);
    }
  }

  const references = template.references;
  for (let i = 0; i < references.length; i++) {
    const reference = references[i];
    if (reference.from[0] !== "Resources" || reference.kind === "FindInMap" || reference.kind === "Condition")
      continue;
    const from = ids.get(reference.from[1] as string);
    const to = ids.get(reference.target);
    if (from === undefined || to === undefined) continue;
    const elsewhere = detached.get(names[from]);
    if (
      elsewhere?.some((range) => contains(range, reference.range)) &&
      !attached.get(names[from])?.some((range) => contains(range, reference.range))
    )
      continue;
    if (!edges[from].includes(to)) edges[from].push(to);
  }
  if (template.sam) inheritedEdges(template, ids, edges);
  for (const resource of realResources(template)) {
    const value = resource.dependsOn?.value;
    if (!value) continue;
    const from = ids.get(resource.name) as number;
    const targets = value.kind === "seq" ? value.items : undefined;
    const count = targets ? targets.length : 1;
    for (let i = 0; i < count; i++) {
      const item = targets ? targets[i] : value;
      if (!isString(item)) continue;
      const to = ids.get(item.value);
      // Depending on itself is E3005's finding.
      if (to !== undefined && to !== from && !edges[from].includes(to)) edges[from].push(to);
    }
  }
  // An S3 event makes its bucket depend on the function: the transform writes the function's ARN
  // into the bucket's NotificationConfiguration (and a DependsOn on the permission it makes), so a
  // function that names the bucket by Ref in its policies or variables closes a cycle, the usual
  // one of SAM (its S3 event documentation says to build the name instead).
  const notes = new Map<string, string>();
  for (const event of samEvents(template)) {
    if (event.resource.type !== "AWS::Serverless::Function" || eventType(event) !== "S3") continue;
    const bucket = mapGet(plainMap(eventProperties(event)), "Bucket")?.value;
    if (!bucket || intrinsicName(bucket) !== "Ref") continue;
    const from = ids.get(referenceTarget(bucket)?.name ?? "");
    const to = ids.get(event.resource.name);
    if (from === undefined || to === undefined || from === to) continue;
    if (!edges[from].includes(to)) edges[from].push(to);
    notes.set(
      `${from} ${to}`,
      `its S3 event ${event.entry.key} makes ${names[from]} depend on ${names[to]}, whose ARN the transform writes ` +
        `into the bucket's notifications; give the bucket a BucketName built with Fn::Sub and write the same Fn::Sub ` +
        `where ${names[to]} names the bucket, instead of a Ref`,
    );
  }
  return { names, ranges, ids, edges, notes };
}

/**
 * What a SAM resource inherits from Globals refers to as if the resource wrote it: the transform
 * merges the Globals of its type into each resource (samtranslator's globals plugin: mappings key
 * by key, lists one after the other, the resource's own value where either is anything else), so a
 * Globals variable that names a bucket closes the S3 event cycle as the function's own would.
 * What Globals gives the resources the transform makes beside it (DETACHED_SAM_PROPERTIES) is left
 * out, as the resource's own is.
 */
function inheritedEdges(template: TemplateIndex, ids: ReadonlyMap<string, number>, edges: number[][]): void {
  const globals = template.sections.get("Globals")?.map;
  if (!globals) return;
  const references = template.references.filter(
    (reference) =>
      reference.from[0] === "Globals" && ids.has(reference.target) && reference.kind !== "FindInMap",
  );
  if (references.length === 0) return;
  for (const section of globals.entries) {
    const type = SAM_GLOBALS[section.key];
    if (!type || section.value.kind !== "map") continue;
    const detached = DETACHED_PATHS.get(type) ?? [];
    const resources = realResources(template).filter((resource) => resource.type === type);
    for (const reference of references) {
      if (!contains(section.value.range, reference.range)) continue;
      const path = pathTo(section.value, reference.range);
      if (path.length === 0 || detached.some((keys) => keys.every((key, i) => path[i] === key))) continue;
      const to = ids.get(reference.target) as number;
      for (const resource of resources) {
        if (ignoresGlobal(resource, path[0]) || !inherits(section.value, resource.properties?.value, path))
          continue;
        const from = ids.get(resource.name) as number;
        if (!edges[from].includes(to)) edges[from].push(to);
      }
    }
  }
}

/** The keys from a mapping down to the plain mapping's entry that holds `range`. */
function pathTo(node: Node, range: Range): string[] {
  const path: string[] = [];
  let at: Node | undefined = node;
  while (at && at.kind === "map" && !intrinsicName(at)) {
    const entry: MapEntry | undefined = at.entries.find((e) => contains(e.value.range, range));
    if (!entry) break;
    path.push(entry.key);
    at = entry.value;
  }
  return path;
}

/** How samtranslator's globals plugin tells values apart: an intrinsic function is a plain value. */
function mergeKind(node: Node): "map" | "list" | "value" {
  if (node.kind === "seq") return "list";
  return node.kind === "map" && !intrinsicName(node) ? "map" : "value";
}

/** Whether the value at `path` of the Globals section reaches a resource with these properties. */
function inherits(globals: Node, own: Node | undefined, path: readonly string[]): boolean {
  let global: Node | undefined = globals;
  let local: Node | undefined = own;
  for (const key of path) {
    global = mapGet(global, key)?.value;
    local = mapGet(local, key)?.value;
    if (!global || !local) return global !== undefined;
    const kind = mergeKind(global);
    if (kind !== mergeKind(local) || kind === "value") return false;
    if (kind === "list") return true;
  }
  return true;
}

function contains(outer: Range, inner: Range): boolean {
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

function before(a: Range["start"], b: Range["start"]): boolean {
  return a.line < b.line || (a.line === b.line && a.column <= b.column);
}

/**
 * The strongly connected components that are cycles (more than one resource, or one that depends
 * on itself), in the order Tarjan's algorithm finds them. The others, nearly every resource, are
 * never made into lists.
 */
function cycles(edges: number[][]): number[][] {
  const components: number[][] = [];
  stronglyConnected(edges, (stack, from) => {
    const v = stack[from];
    if (stack.length - from === 1 && !edges[v].includes(v)) return;
    // Tarjan's stack holds the component last-found-first; the list is in pop order.
    components.push(stack.slice(from).reverse());
  });
  return components;
}

/**
 * Tarjan's strongly connected components, with an explicit stack of frames (vertex and how many of
 * its edges have been followed, kept in two number lists). Each component is handed to `found` as
 * the part of Tarjan's stack from `from` to the end, before it is popped.
 */
function stronglyConnected(edges: number[][], found: (stack: number[], from: number) => void): void {
  const count = edges.length;
  const index = new Array<number>(count).fill(-1);
  const low = new Array<number>(count).fill(0);
  const onStack = new Array<boolean>(count).fill(false);
  const stack: number[] = [];
  const frameVertex: number[] = [];
  const frameEdge: number[] = [];
  let next = 0;
  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    frameVertex.push(root);
    frameEdge.push(0);
    index[root] = low[root] = next++;
    stack.push(root);
    onStack[root] = true;
    while (frameVertex.length > 0) {
      const top = frameVertex.length - 1;
      const v = frameVertex[top];
      const i = frameEdge[top];
      if (i < edges[v].length) {
        frameEdge[top] = i + 1;
        const w = edges[v][i];
        if (index[w] === -1) {
          index[w] = low[w] = next++;
          stack.push(w);
          onStack[w] = true;
          frameVertex.push(w);
          frameEdge.push(0);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v], index[w]);
        }
        continue;
      }
      frameVertex.pop();
      frameEdge.pop();
      if (frameVertex.length > 0) {
        const parent = frameVertex[frameVertex.length - 1];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] === index[v]) {
        const from = stack.lastIndexOf(v);
        found(stack, from);
        for (let k = from; k < stack.length; k++) onStack[stack[k]] = false;
        stack.length = from;
      }
    }
  }
}

/** The shortest way from `start` back to itself inside its component (breadth-first). */
function shortestCycle(edges: number[][], start: number, component: Set<number>): number[] {
  const parent = new Map<number, number>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head];
    for (const w of edges[v]) {
      if (!component.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let at = v; at !== start; at = parent.get(at) as number) path.push(at);
        path.push(start);
        // Collected backwards from the closing edge; the arrows read in dependency order.
        return [start, ...path.slice(1, -1).reverse(), start];
      }
      if (!parent.has(w)) {
        parent.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}
