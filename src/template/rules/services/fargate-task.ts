/**
 * Task definitions that run on Fargate (RequiresCompatibilities with FARGATE).
 *
 * E3048: Fargate runs a task in its own network interface, sizes it from the task's Cpu and
 * Memory and places it itself, so a task needs NetworkMode awsvpc, a task-level Cpu and Memory,
 * no PlacementConstraints, and a log driver Fargate supports (awslogs, splunk, awsfirelens).
 *
 * E3047: a Fargate task's Cpu and Memory are one of the task sizes Fargate offers. Each CPU size
 * (256 to 16384 units, or as `0.25 vCPU` to `16 vCPU`) takes memory in a range and step of its
 * own (256 units: 512, 1024 or 2048 MiB; 512: 1 to 4 GB; ...); RegisterTaskDefinition refuses any
 * other pair. Memory may be written in MiB or as `2 GB`.
 */

import type { MapNode, Node } from "../../model";
import { mapGet } from "../../nodes";
import { listOf } from "../constraints/walk";
import type { Report, Rule } from "../rule";
import type { TemplateIndex } from "../template-index";
import {
  literalString,
  type PropertySet,
  plainMap,
  presentEntry,
  propertySets,
  resourcesOfType,
} from "./values";

/** Memory (MiB) each CPU size takes: a list (256 units), or from, to and step. */
const SIZES: Record<number, number[] | { from: number; to: number; step: number }> = {
  256: [512, 1024, 2048],
  512: { from: 1024, to: 4096, step: 1024 },
  1024: { from: 2048, to: 8192, step: 1024 },
  2048: { from: 4096, to: 16384, step: 1024 },
  4096: { from: 8192, to: 30720, step: 1024 },
  8192: { from: 16384, to: 61440, step: 4096 },
  16384: { from: 32768, to: 122880, step: 8192 },
};

const LOG_DRIVERS = ["awslogs", "splunk", "awsfirelens"];

/** Whether a task definition's RequiresCompatibilities lists FARGATE. */
export function requiresFargate(properties: MapNode): boolean {
  const compatibilities = presentEntry(properties, "RequiresCompatibilities")?.value;
  return (
    compatibilities?.kind === "seq" && compatibilities.items.some((item) => literalString(item) === "FARGATE")
  );
}

/** The property sets of the task definitions that run on Fargate. */
function fargateTasks(template: TemplateIndex): PropertySet[] {
  const sets: PropertySet[] = [];
  for (const task of resourcesOfType(template, "AWS::ECS::TaskDefinition")) {
    for (const set of propertySets(task)) if (requiresFargate(set.properties)) sets.push(set);
  }
  return sets;
}

export const fargateTaskProperties: Rule = {
  id: "E3048",
  severity: "error",
  shortDescription:
    "A Fargate task has NetworkMode awsvpc, a Cpu and Memory, no placement constraints and a supported log driver",
  description:
    "A task definition that requires FARGATE sets NetworkMode awsvpc and a task-level Cpu and Memory, has no " +
    "PlacementConstraints, and logs through awslogs, splunk or awsfirelens.",
  source: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html",
  tags: ["resources", "ecs"],
  check({ template, report }) {
    for (const { resource, properties } of fargateTasks(template)) {
      const base = ["Resources", resource.name, "Properties"];
      const compatibilities = presentEntry(properties, "RequiresCompatibilities");
      const network = mapGet(properties, "NetworkMode");
      const mode = literalString(network?.value);
      if (!network && compatibilities) {
        report(
          compatibilities.keyRange,
          "A Fargate task runs in its own network interface: add NetworkMode: awsvpc",
          {
            path: [...base, "NetworkMode"],
          },
        );
      } else if (network && mode !== undefined && mode !== "awsvpc") {
        report(
          network.value,
          `Fargate supports only NetworkMode awsvpc, not ${mode}; set NetworkMode: awsvpc`,
          {
            path: [...base, "NetworkMode"],
          },
        );
      }
      for (const key of ["Cpu", "Memory"]) {
        if (!compatibilities || mapGet(properties, key)) continue;
        report(
          compatibilities.keyRange,
          `A Fargate task is sized by its task-level Cpu and Memory: add ${key} (see the Fargate task sizes)`,
          { path: [...base, key] },
        );
      }
      const placement = presentEntry(properties, "PlacementConstraints");
      if (placement) {
        report(
          placement.keyRange,
          "Fargate places tasks itself and takes no PlacementConstraints; remove them",
          {
            path: [...base, "PlacementConstraints"],
          },
        );
      }
      reportFargateLogDrivers(properties, base, "Fargate tasks", report);
    }
  },
};

/**
 * Calls `each` with the mappings under `key` of a task definition's containers: each item of a
 * list (PortMappings), or the mapping itself (LogConfiguration), with its path from Properties.
 */
export function containerItems(
  properties: MapNode,
  key: string,
  each: (item: MapNode, path: (string | number)[]) => void,
): void {
  const containers = presentEntry(properties, "ContainerDefinitions")?.value;
  if (containers?.kind !== "seq") return;
  containers.items.forEach((container, index) => {
    const map = plainMap(container);
    const value = map && presentEntry(map, key)?.value;
    if (value?.kind === "seq") {
      value.items.forEach((item, itemIndex) => {
        const mapping = plainMap(item);
        if (mapping) each(mapping, ["ContainerDefinitions", index, key, itemIndex]);
      });
    } else {
      const mapping = plainMap(value);
      if (mapping) each(mapping, ["ContainerDefinitions", index, key]);
    }
  });
}

/** Reports each container log driver that Fargate does not support, in a task definition's properties. */
export function reportFargateLogDrivers(
  properties: MapNode,
  base: (string | number)[],
  who: string,
  report: Report,
): void {
  containerItems(properties, "LogConfiguration", (logging, path) => {
    const driver = presentEntry(logging, "LogDriver");
    const name = literalString(driver?.value);
    if (!driver || name === undefined || LOG_DRIVERS.includes(name)) return;
    report(
      driver.value,
      `${who} log through ${listOf(LOG_DRIVERS, "or", false)}, not ${name}; use awslogs for CloudWatch Logs`,
      { path: [...base, ...path, "LogDriver"] },
    );
  });
}

export const fargateTaskSize: Rule = {
  id: "E3047",
  severity: "error",
  shortDescription: "A Fargate task's Cpu and Memory are a task size Fargate offers",
  description:
    "With RequiresCompatibilities FARGATE, Cpu and Memory must be one of Fargate's task sizes (for example 256 " +
    "CPU units with 512, 1024 or 2048 MiB).",
  source:
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size",
  tags: ["resources", "ecs"],
  check({ template, report }) {
    for (const { resource: task, properties } of fargateTasks(template)) {
      const cpuEntry = presentEntry(properties, "Cpu");
      const memoryEntry = presentEntry(properties, "Memory");
      const cpu = units(cpuEntry?.value, /^(\d*\.?\d+)\s*vcpu$/i);
      const memory = units(memoryEntry?.value, /^(\d*\.?\d+)\s*gb$/i);
      if (!cpuEntry || !memoryEntry || cpu === undefined || memory === undefined) continue;
      const base = ["Resources", task.name, "Properties"];
      const size = SIZES[cpu];
      if (!size) {
        report(
          cpuEntry.value,
          `Fargate has no CPU size of ${cpu} units; use one of ${Object.keys(SIZES).join(", ")} ` +
            "(0.25 to 16 vCPU)",
          { path: [...base, "Cpu"] },
        );
        continue;
      }
      const fits = Array.isArray(size)
        ? size.includes(memory)
        : memory >= size.from && memory <= size.to && (memory - size.from) % size.step === 0;
      if (fits) continue;
      const allowed = Array.isArray(size)
        ? `${size.join(", ")} MiB`
        : `${size.from} to ${size.to} MiB in steps of ${size.step}`;
      report(
        memoryEntry.value,
        `Fargate has no task size of ${cpu} CPU units with ${memory} MiB: with ${cpu} CPU units, Memory is ${allowed}`,
        { path: [...base, "Memory"] },
      );
    }
  },
};

/** CPU units or MiB: a whole number as written, or a `<n> vCPU` / `<n> GB` times 1024. */
function units(node: Node | undefined, scaled: RegExp): number | undefined {
  if (node?.kind !== "scalar" || node.value === null || typeof node.value === "boolean") return undefined;
  const text = String(node.value).trim();
  if (/^\d+$/.test(text)) return Number(text);
  const match = scaled.exec(text);
  return match ? Number(match[1]) * 1024 : undefined;
}
