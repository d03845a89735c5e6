/**
 * Route 53 records that ChangeResourceRecordSets refuses, on a RecordSet and on each record of a
 * RecordSetGroup (cfn-lint's ids):
 * - E3023: a record value that does not fit its Type. An A record holds IPv4 addresses and an
 *   AAAA record IPv6 ones; a CNAME holds one value; a TXT or SPF value is one or more quoted
 *   strings of at most 255 characters each ("Invalid Resource Record: FATAL problem:
 *   InvalidCharacterString (Value should be enclosed in quotation marks)", and
 *   CharacterStringTooLong); an MX value is a priority from 0 to 65535 and a host; a CAA value is
 *   flags (0 to 255), a tag and a quoted value. cfn-lint refuses escapes (`\"`, `\\`, octal `\ddd`)
 *   and empty strings in a TXT value, CAA flags other than 0 and 128 and an empty CAA value, all of
 *   which Route 53 takes; they are taken here.
 * - E3029: a record is either an alias (AliasTarget) or has TTL and ResourceRecords ("Expected
 *   exactly one of [AliasTarget, all of [TTL, and ResourceRecords], ...]"). cfn-lint reports an
 *   alias with a TTL; an alias with ResourceRecords, and a record with neither or without its TTL,
 *   fail the same way and are reported too.
 *
 * A Fn::If's branches are read together (readings): a record's Type and values, or its alias and
 * TTL, that one condition chooses are paired by it, and a finding under a condition says so
 * ("Where condition V6 is true, value 1 of the AAAA record ..."); values two conditions the
 * template does not tie choose are not paired. Values given through other intrinsic functions
 * are not judged.
 */
import type { MapNode } from "../../model";
import { mapGet } from "../../nodes";
import {
  decidedValue,
  presentWhere,
  readings,
  reportInReadings,
  UNDECIDED,
  valueWhere,
} from "../conditions/logic";
import { isIpAddress } from "../constraints/cidr";
import { listOf } from "../constraints/walk";
import type { Rule } from "../rule";
import { recordSites } from "./domains";
import { literalString, presentEntry } from "./values";

const SOURCE = "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/ResourceRecordTypes.html";

/**
 * Why a TXT or SPF value is refused, or undefined: a value is strings in double quotes, separated
 * by white space, each of at most 255 characters; inside one, `\"`, `\\` and an octal `\ddd`
 * stand for one character.
 */
function txtProblem(text: string): string | undefined {
  let i = 0;
  let strings = 0;
  while (i < text.length) {
    if (/\s/.test(text[i])) {
      i++;
      continue;
    }
    if (text[i] !== '"')
      return 'is not in double quotes; Route 53 takes each string of the value in them: "..."';
    let length = 0;
    let j = i + 1;
    while (j < text.length && text[j] !== '"') {
      j += text[j] !== "\\" ? 1 : /^\d{3}$/.test(text.slice(j + 1, j + 4)) ? 4 : 2;
      length++;
    }
    if (j >= text.length) return "has a quote that is not closed";
    if (length > 255)
      return (
        `has a string of ${length} characters, and a string holds at most 255; split it into quoted strings of at ` +
        "most 255, separated by a space"
      );
    strings++;
    i = j + 1;
  }
  return strings === 0 ? "is empty; give at least one quoted string" : undefined;
}

/** Why a value of the record type is refused, or undefined when it is not, or not judged. */
function valueProblem(type: string, text: string): string | undefined {
  switch (type) {
    case "A":
      return isIpAddress(text.trim(), 4) ? undefined : "is not an IPv4 address";
    case "AAAA":
      return isIpAddress(text.trim(), 6) ? undefined : "is not an IPv6 address";
    case "TXT":
    case "SPF":
      return txtProblem(text);
    case "MX": {
      const match = /^(\d{1,5})\s+\S+$/.exec(text.trim());
      return match && Number(match[1]) <= 65535
        ? undefined
        : "is not a priority (0 to 65535) and a mail server name, such as '10 mail.example.com'";
    }
    case "CAA": {
      const match = /^(\d{1,3})\s+[a-zA-Z0-9]+\s+".*"$/.exec(text.trim());
      return match && Number(match[1]) <= 255
        ? undefined
        : "is not flags (0 to 255), a tag and a quoted value, such as '0 issue \"amazon.com\"'";
    }
    default:
      return undefined;
  }
}

/** "record 'www.example.com'", or without a literal Name, "record 'Web'" or "record 2 of 'Group'". */
function recordName(resource: string, record: MapNode, path: (string | number)[]): string {
  const name = literalString(presentEntry(record, "Name")?.value);
  if (name !== undefined) return `record '${name}'`;
  const index = path[path.length - 1];
  return typeof index === "number" ? `record ${index + 1} of '${resource}'` : `record '${resource}'`;
}

export const recordValues: Rule = {
  id: "E3023",
  severity: "error",
  shortDescription: "Route 53 record values fit the record type",
  description:
    "The ResourceRecords of an A record are IPv4 addresses, of an AAAA record IPv6 addresses; a CNAME has one value; " +
    "TXT and SPF values are quoted strings of at most 255 characters; MX and CAA values have their parts.",
  source: SOURCE,
  tags: ["resources", "route53"],
  check({ template, report }) {
    for (const { resource, record, path } of recordSites(template)) {
      const typeNode = mapGet(record, "Type")?.value;
      const recordsNode = mapGet(record, "ResourceRecords")?.value;
      if (!typeNode || !recordsNode) continue;
      const owner = recordName(resource.name, record, path);
      const say = reportInReadings(report);
      for (const reading of readings(template, [typeNode, recordsNode])) {
        const text = literalString(decidedValue(template, typeNode, reading.known));
        const records = valueWhere(template, recordsNode, reading.known);
        if (text === undefined || records === UNDECIDED || records?.kind !== "seq") continue;
        const items = records.items.map((item) => valueWhere(template, item, reading.known));
        // An item whose Fn::If the reading does not decide makes the count unknown.
        const present = items.every((item) => item !== UNDECIDED)
          ? items.flatMap((item, index) => (item ? [index] : []))
          : [];
        if (text === "CNAME" && present.length > 1) {
          say(
            reading,
            records.items[present[1]],
            `The CNAME ${owner} has ${present.length} values, and a CNAME record has one; keep one, or use ` +
              "weighted or multivalue records for several targets",
            { path: [...path, "ResourceRecords", present[1]] },
          );
        }
        items.forEach((item, index) => {
          // A number is a value too (a TXT value `12345` is not quoted).
          if (item === UNDECIDED || item?.kind !== "scalar" || item.value === null) return;
          const problem = valueProblem(text, String(item.value));
          if (problem)
            say(reading, item, `Value ${index + 1} of the ${text} ${owner} ${problem}`, {
              path: [...path, "ResourceRecords", index],
            });
        });
      }
    }
  },
};

export const recordAliasOrValues: Rule = {
  id: "E3029",
  severity: "error",
  shortDescription: "A Route 53 record is an alias, or has TTL and ResourceRecords",
  description:
    "A record with AliasTarget has no TTL and no ResourceRecords (the alias target decides both); a record without " +
    "AliasTarget has ResourceRecords and a TTL.",
  source:
    "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resource-record-sets-choosing-alias-non-alias.html",
  tags: ["resources", "route53"],
  check({ template, report }) {
    for (const { resource, record, path } of recordSites(template)) {
      const owner = recordName(resource.name, record, path);
      const where = owner[0].toUpperCase() + owner.slice(1);
      const entries = ["AliasTarget", "TTL", "ResourceRecords"].map((key) => mapGet(record, key));
      const say = reportInReadings(report);
      for (const reading of readings(
        template,
        entries.map((entry) => entry?.value),
      )) {
        const [alias, ttl, values] = entries.map((entry) =>
          presentWhere(template, entry?.value, reading.known),
        );
        if (alias === true) {
          for (const [key, present, entry] of [
            ["TTL", ttl, entries[1]],
            ["ResourceRecords", values, entries[2]],
          ] as const) {
            if (present !== true || !entry) continue;
            say(
              reading,
              entry.keyRange,
              `${where} is an alias (AliasTarget), which takes its ${key === "TTL" ? "TTL" : "values"} from its target, and ` +
                `Route 53 refuses an alias with ${key}; remove ${key}`,
              { path: [...path, key] },
            );
          }
          continue;
        }
        // A property a Fn::If may leave out or give, where the reading does not decide which, is not judged.
        if (alias !== false) continue;
        const missing = (["ResourceRecords", "TTL"] as const).filter(
          (key) => (key === "TTL" ? ttl : values) === false,
        );
        if (missing.length === 0) continue;
        say(
          reading,
          mapGet(record, "Type")?.keyRange ?? record.range,
          `${where} has no AliasTarget and no ${listOf(missing, "or", false)}, and Route 53 takes either an alias or a ` +
            `record with TTL and ResourceRecords; add ${listOf(missing, "and", false)}, or an AliasTarget`,
          { path },
        );
      }
    }
  },
};
