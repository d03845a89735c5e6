/**
 * Loose scalar types as CloudFormation reads them: template sections are strings underneath, so a
 * number where a string is expected is accepted, and so is "10" where a number is expected.
 */
import type { Node } from "../../model";
import { intrinsicName } from "../template-index";

export type LooseType = "string" | "number" | "integer" | "boolean";

export function isLoose(node: Node, type: LooseType): boolean {
  if (node.kind !== "scalar" || node.value === null) return false;
  const value = node.value;
  switch (type) {
    case "string":
      return true;
    case "boolean":
      return typeof value === "boolean" || /^(true|false|yes|no|on|off)$/i.test(String(value));
    case "number":
      return numberOf(node) !== undefined;
    case "integer": {
      const n = numberOf(node);
      return n !== undefined && Number.isInteger(n);
    }
  }
}

export function numberOf(node: Node | undefined): number | undefined {
  if (node?.kind !== "scalar") return undefined;
  if (typeof node.value === "number") return node.value;
  if (typeof node.value !== "string" || node.value.trim() === "") return undefined;
  const n = Number(node.value);
  return Number.isFinite(n) ? n : undefined;
}

/** A literal list or mapping, as opposed to an intrinsic function that may resolve to a string. */
export function isLiteralCollection(node: Node): boolean {
  return node.kind === "seq" || (node.kind === "map" && !intrinsicName(node));
}

export function kindName(node: Node): string {
  if (node.kind === "seq") return "a list";
  if (node.kind === "map") return intrinsicName(node) ? `an intrinsic ${intrinsicName(node)}` : "a mapping";
  if (node.value === null) return "empty";
  return `a ${typeof node.value}`;
}
