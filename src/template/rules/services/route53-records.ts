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
 * Values given through intrinsic functions are not judged.
 */
import type { MapNode, Node } from "../../model";
import { mapGet } from "../../nodes";
import { isIpAddress } from "../constraints/cidr";
import { listOf } from "../constraints/walk";
import type { Rule } from "../rule";
import { recordSites } from "./domains";
import { isAbsent, literalString, mayBeNoValue, presentEntry } from "./values";

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
      const type = literalString(presentEntry(record, "Type")?.value);
      const records = presentEntry(record, "ResourceRecords")?.value;
      if (type === undefined || records?.kind !== "seq") continue;
      const owner = recordName(resource.name, record, path);
      // Items a Fn::If may leave out make the count unknown.
      if (type === "CNAME" && records.items.length > 1 && !records.items.some(mayBeNoValue)) {
        report(
          records.items[1],
          `The CNAME ${owner} has ${records.items.length} values, and a CNAME record has one; keep one, or use ` +
            "weighted or multivalue records for several targets",
          { path: [...path, "ResourceRecords", 1] },
        );
      }
      records.items.forEach((item: Node, index) => {
        // A number is a value too (a TXT value `12345` is not quoted).
        const text = item.kind === "scalar" && item.value !== null ? String(item.value) : undefined;
        const problem = text === undefined ? undefined : valueProblem(type, text);
        if (!problem) return;
        report(item, `Value ${index + 1} of the ${type} ${owner} ${problem}`, {
          path: [...path, "ResourceRecords", index],
        });
      });
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
      const alias = presentEntry(record, "AliasTarget");
      const owner = recordName(resource.name, record, path);
      const where = owner[0].toUpperCase() + owner.slice(1);
      if (alias) {
        for (const key of ["TTL", "ResourceRecords"]) {
          const entry = presentEntry(record, key);
          if (!entry) continue;
          report(
            entry.keyRange,
            `${where} is an alias (AliasTarget), which takes its ${key === "TTL" ? "TTL" : "values"} from its target, and ` +
              `Route 53 refuses an alias with ${key}; remove ${key}`,
            { path: [...path, key] },
          );
        }
        continue;
      }
      // A property a Fn::If may leave out, or may give, is not judged.
      if (!isAbsent(record, "AliasTarget")) continue;
      const missing = ["ResourceRecords", "TTL"].filter((key) => isAbsent(record, key));
      if (missing.length === 0) continue;
      report(
        mapGet(record, "Type")?.keyRange ?? record.range,
        `${where} has no AliasTarget and no ${listOf(missing, "or", false)}, and Route 53 takes either an alias or a ` +
          `record with TTL and ResourceRecords; add ${listOf(missing, "and", false)}, or an AliasTarget`,
        { path },
      );
    }
  },
};
