/**
 * A resource's Engine and its EngineVersion judged against the oldest version a service lists of
 * each line (RDS in rds.ts, ElastiCache in elasticache-engines.ts). The services drop versions from
 * the old end of a line, so one older than every version of its line, or of a line older than every
 * line, is no longer offered however old the list is; a newer one may be newer than the list, and
 * is not judged.
 */
import { Span } from "../../lines";
import type { MapNode, Node } from "../../model";
import { mapGet } from "../../nodes";
import {
  decidedValue,
  firstFindings,
  type Reading,
  readings,
  UNDECIDED,
  valueWhere,
} from "../conditions/logic";
import type { ResourceInfo, TemplateIndex } from "../template-index";
import { literalNumber, literalString, presentEntry, propertySets } from "./values";

/** An Engine written out, in lower case (RDS's and ElastiCache's engines are compared so). */
export function engineOf(properties: MapNode): string | undefined {
  return literalString(presentEntry(properties, "Engine")?.value)?.toLowerCase();
}

/**
 * The line of an engine version ("5.7" of 5.7.31, "16" of 16.4, "9.6" of 9.6.22, "5.0" of redis
 * 5.0.4) for versions of numbers with dots; undefined for other forms, and for a version that names
 * a line alone (the service then picks its version of the line). Kept the same as in npm run spec
 * (scripts/build-spec.mjs, versionLine).
 */
export function versionLine(engine: string, version: string): string | undefined {
  if (!/^\d+(\.\d+)+$/.test(version)) return undefined;
  const parts = version.split(".");
  const size =
    engine.endsWith("postgres") || engine.endsWith("postgresql") ? (Number(parts[0]) >= 10 ? 1 : 2) : 2;
  return parts.length > size ? parts.slice(0, size).join(".") : undefined;
}

/** Compares two versions (or lines) of numbers with dots, number by number. */
export function compareVersions(a: string, b: string): number {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const difference = (x[i] ?? -1) - (y[i] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * Why `version` of `engine` is no longer offered, given the oldest version the service lists of
 * each line (`oldest`): older than every version of its line, or of a line older than every line;
 * undefined when it is not known to be (`service` names who offers, "RDS", "ElastiCache").
 */
export function olderThanOffered(
  engine: string,
  version: string,
  oldest: ReadonlyMap<string, string>,
  service: string,
): string | undefined {
  const line = versionLine(engine, version);
  if (line === undefined) return undefined;
  const first = oldest.get(line);
  if (first !== undefined)
    return compareVersions(version, first) < 0
      ? `older than every ${engine} ${line} version ${service} offers (the oldest is ${first})`
      : undefined;
  const firstLine = [...oldest.keys()].sort(compareVersions)[0];
  return firstLine !== undefined && compareVersions(line, firstLine) < 0
    ? `of ${engine} ${line}, older than every line ${service} offers (the oldest is ${firstLine})`
    : undefined;
}

/**
 * A number's text, when the template writes it as it reads: `13.20` reads as 13.2, and which of the
 * two CloudFormation passes on is not known, so such a number is not judged.
 */
function writtenNumber(node: Node | undefined, source: string): string | undefined {
  const value = literalNumber(node);
  if (value === undefined || !node || !(node.range instanceof Span)) return undefined;
  const text = String(value);
  return source.slice(node.range.from, node.range.to) === text ? text : undefined;
}

/** An EngineVersion a resource may be made with, and its Engine. */
export interface EngineVersion {
  /** The Engine, in lower case. */
  engine: string;
  /** The EngineVersion's value, as written or as the branch of a Fn::If that gives it. */
  node: Node;
  version: string;
  /** Where the pair holds: a reading of the Engine and EngineVersion (conditions/logic.ts). */
  reading: Reading;
}

/**
 * The EngineVersions each property set of a resource may give (as text, or as a number written as
 * it reads), with the Engine of each in lower case: the one written, or `defaultEngine` where
 * Engine is left out (an ElastiCache replication group's redis). An Engine and an EngineVersion
 * that Fn::If calls choose are read together (readings): each pair one condition chooses, once.
 * An Engine given by another function is not known.
 */
export function engineVersions(
  template: TemplateIndex,
  resource: ResourceInfo,
  defaultEngine?: string,
): EngineVersion[] {
  const out: EngineVersion[] = [];
  const first = firstFindings();
  for (const { properties } of propertySets(resource)) {
    const engineNode = mapGet(properties, "Engine")?.value;
    const versionNode = mapGet(properties, "EngineVersion")?.value;
    if (!versionNode) continue;
    for (const reading of readings(template, [engineNode, versionNode])) {
      const written = valueWhere(template, engineNode, reading.known);
      if (written === UNDECIDED) continue;
      const engine = written ? literalString(written)?.toLowerCase() : defaultEngine;
      const node = decidedValue(template, versionNode, reading.known);
      const version = literalString(node) ?? writtenNumber(node, template.parsed.source);
      if (engine && node && version !== undefined && first(node, engine))
        out.push({ engine, node, version, reading });
    }
  }
  return out;
}
