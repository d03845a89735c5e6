import type { Range } from "../../model";
import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { isString, type TemplateIndex, USER_GUIDE } from "../template-index";
import { realResources } from "./shared";

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
    for (const component of stronglyConnected(graph.edges)) {
      const single = component.length === 1;
      if (single && !graph.edges[component[0]].includes(component[0])) continue;
      const members = new Set(component);
      for (const start of [...component].sort((a, b) => a - b)) {
        const cycle = single ? [start, start] : shortestCycle(graph.edges, start, members);
        const names = cycle.map((i) => graph.names[i]);
        report(graph.ranges[start], `Circular dependency: ${names.join(" -> ")}`, {
          path: ["Resources", graph.names[start]],
        });
      }
    }
  },
};

interface Graph {
  names: string[];
  ranges: Range[];
  /** edges[i]: the resources resource i depends on, without duplicates. */
  edges: number[][];
}

function dependencyGraph(template: TemplateIndex): Graph {
  const names: string[] = [];
  const ranges: Range[] = [];
  const ids = new Map<string, number>();
  for (const resource of realResources(template)) {
    ids.set(resource.name, names.length);
    names.push(resource.name);
    ranges.push(resource.entry.keyRange);
  }
  const edges: Set<number>[] = names.map(() => new Set<number>());

  // SAM turns each event source into resources of its own, so what an event refers to is not a
  // dependency of the function itself (an Api event on a function the Api's definition calls is
  // the usual case).
  const detached = new Map<string, Range>();
  if (template.sam) {
    for (const resource of realResources(template)) {
      if (!resource.type?.startsWith("AWS::Serverless::")) continue;
      const events = mapGet(resource.properties?.value, "Events");
      if (events) detached.set(resource.name, events.value.range);
    }
  }

  for (const reference of template.references) {
    if (reference.from[0] !== "Resources" || reference.kind === "FindInMap" || reference.kind === "Condition")
      continue;
    const from = ids.get(reference.from[1] as string);
    const to = ids.get(reference.target);
    if (from === undefined || to === undefined) continue;
    const events = detached.get(names[from]);
    if (events && contains(events, reference.range)) continue;
    edges[from].add(to);
  }
  for (const resource of realResources(template)) {
    const value = resource.dependsOn?.value;
    if (!value) continue;
    const from = ids.get(resource.name) as number;
    for (const item of value.kind === "seq" ? value.items : [value]) {
      if (!isString(item)) continue;
      const to = ids.get(item.value);
      // Depending on itself is E3005's finding.
      if (to !== undefined && to !== from) edges[from].add(to);
    }
  }
  return { names, ranges, edges: edges.map((set) => [...set]) };
}

function contains(outer: Range, inner: Range): boolean {
  const before = (a: Range["start"], b: Range["start"]) =>
    a.line < b.line || (a.line === b.line && a.column <= b.column);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/** Tarjan's strongly connected components, with an explicit stack. */
function stronglyConnected(edges: number[][]): number[][] {
  const count = edges.length;
  const index = new Array<number>(count).fill(-1);
  const low = new Array<number>(count).fill(0);
  const onStack = new Array<boolean>(count).fill(false);
  const stack: number[] = [];
  const components: number[][] = [];
  let next = 0;
  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    // Each frame: the vertex and how many of its edges have been followed.
    const frames: [number, number][] = [[root, 0]];
    index[root] = low[root] = next++;
    stack.push(root);
    onStack[root] = true;
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      const [v, i] = frame;
      if (i < edges[v].length) {
        frame[1]++;
        const w = edges[v][i];
        if (index[w] === -1) {
          index[w] = low[w] = next++;
          stack.push(w);
          onStack[w] = true;
          frames.push([w, 0]);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v], index[w]);
        }
        continue;
      }
      frames.pop();
      if (frames.length > 0) {
        const parent = frames[frames.length - 1][0];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] === index[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop() as number;
          onStack[w] = false;
          component.push(w);
        } while (w !== v);
        components.push(component);
      }
    }
  }
  return components;
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
