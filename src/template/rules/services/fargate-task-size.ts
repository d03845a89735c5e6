/**
 * E3047: a Fargate task's Cpu and Memory are one of the task sizes Fargate offers. Each CPU size
 * (256 to 16384 units, or as `0.25 vCPU` to `16 vCPU`) takes memory in a range and step of its
 * own (256 units: 512, 1024 or 2048 MiB; 512: 1 to 4 GB; ...); RegisterTaskDefinition refuses any
 * other pair. Memory may be written in MiB or as `2 GB`.
 */

import type { Node } from "../../model";
import type { Rule } from "../rule";
import { literalString, presentEntry, propertySets, resourcesOfType } from "./values";

/** Memory (MiB) each CPU size takes: from, to and step, or (256 units) a list. */
const SIZES: Record<number, { from: number; to: number; step: number; only?: number[] }> = {
  256: { from: 512, to: 2048, step: 512, only: [512, 1024, 2048] },
  512: { from: 1024, to: 4096, step: 1024 },
  1024: { from: 2048, to: 8192, step: 1024 },
  2048: { from: 4096, to: 16384, step: 1024 },
  4096: { from: 8192, to: 30720, step: 1024 },
  8192: { from: 16384, to: 61440, step: 4096 },
  16384: { from: 32768, to: 122880, step: 8192 },
};

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
    for (const task of resourcesOfType(template, "AWS::ECS::TaskDefinition")) {
      for (const { properties } of propertySets(task)) {
        const compatibilities = presentEntry(properties, "RequiresCompatibilities")?.value;
        if (
          compatibilities?.kind !== "seq" ||
          !compatibilities.items.some((item) => literalString(item) === "FARGATE")
        )
          continue;
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
        const fits = size.only
          ? size.only.includes(memory)
          : memory >= size.from && memory <= size.to && (memory - size.from) % size.step === 0;
        if (fits) continue;
        const allowed = size.only
          ? `${size.only.join(", ")} MiB`
          : `${size.from} to ${size.to} MiB in steps of ${size.step}`;
        report(
          memoryEntry.value,
          `Fargate has no task size of ${cpu} CPU units with ${memory} MiB: with ${cpu} CPU units, Memory is ${allowed}`,
          { path: [...base, "Memory"] },
        );
      }
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
