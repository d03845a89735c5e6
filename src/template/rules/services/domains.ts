/**
 * Domain names that must lie inside one another, as the custom domains of serverless APIs use
 * them:
 * - E3041: a Route 53 record's Name lies in the hosted zone its HostedZoneName names (on a
 *   RecordSet, and on each record of a RecordSetGroup); Route 53 refuses a record outside the zone.
 *   cfn-lint also requires a trailing dot on HostedZoneName; Route 53 treats names with and without
 *   it as the same, so that is not checked here.
 * - E3503: a certificate's DomainValidationOptions ValidationDomain is the DomainName it validates
 *   or a superdomain of it (the ACM API reference).
 * Only literal names are compared, without case and trailing dot; a name built with Fn::Sub or a
 * parameter is left alone. A name and zone that a Fn::If chooses are read together (readings), each
 * pair that one condition chooses.
 */
import type { MapNode, Node } from "../../model";
import { mapGet } from "../../nodes";
import { decidedValue, readings, reportInReadings } from "../conditions/logic";
import type { Rule } from "../rule";
import type { ResourceInfo, TemplateIndex } from "../template-index";
import { listMappings, literalString, presentEntry, propertySets, resourcesOfType } from "./values";

function normal(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, "");
}

/** Whether `name` is `domain` or lies below it (`*.example.com` lies below `example.com`). */
function within(name: string, domain: string): boolean {
  const [inner, outer] = [normal(name), normal(domain)];
  return inner === outer || inner.endsWith(`.${outer}`);
}

/** A Route 53 record: a RecordSet's properties, or one record of a RecordSetGroup, with its zone. */
export interface RecordSite {
  resource: ResourceInfo;
  record: MapNode;
  /** HostedZoneName of the RecordSet or its group. */
  zone: Node | undefined;
  /** A record a Fn::If of its group's list or item chooses (where its group's zone is, it may not be). */
  chosen: boolean;
  path: (string | number)[];
}

const recordCache = new WeakMap<TemplateIndex, RecordSite[]>();

/** Every record of the template, found once for the Route 53 rules. */
export function recordSites(template: TemplateIndex): RecordSite[] {
  let sites = recordCache.get(template);
  if (sites) return sites;
  sites = [];
  for (const resource of resourcesOfType(template, "AWS::Route53::RecordSet")) {
    for (const { properties } of propertySets(resource)) {
      sites.push({
        resource,
        record: properties,
        zone: mapGet(properties, "HostedZoneName")?.value,
        chosen: false,
        path: ["Resources", resource.name, "Properties"],
      });
    }
  }
  for (const resource of resourcesOfType(template, "AWS::Route53::RecordSetGroup")) {
    for (const { properties } of propertySets(resource)) {
      const zone = mapGet(properties, "HostedZoneName")?.value;
      // Through a Fn::If that chooses the list or a record: each record that may be created.
      for (const { node, index, conditional } of listMappings(presentEntry(properties, "RecordSets")?.value)
        .items) {
        sites.push({
          resource,
          record: node,
          zone,
          chosen: conditional,
          path: ["Resources", resource.name, "Properties", "RecordSets", index],
        });
      }
    }
  }
  recordCache.set(template, sites);
  return sites;
}

export const recordInZone: Rule = {
  id: "E3041",
  severity: "error",
  shortDescription: "Route 53 records lie in the hosted zone HostedZoneName names",
  description:
    "A record's Name must be the HostedZoneName or a subdomain of it, on a RecordSet and on each record of a " +
    "RecordSetGroup.",
  source:
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-route53-recordset.html",
  tags: ["resources", "route53"],
  check({ template, report }) {
    for (const { zone, record, path, chosen } of recordSites(template)) {
      const name = mapGet(record, "Name")?.value;
      if (!name || !zone) continue;
      const say = reportInReadings(report);
      // The zone of a record a Fn::If chooses is read where it is written only: its own Fn::If
      // stands where the record may not be.
      for (const reading of readings(template, chosen ? [name] : [zone, name])) {
        const zoneName = literalString(chosen ? zone : decidedValue(template, zone, reading.known));
        const named = decidedValue(template, name, reading.known);
        if (!named) continue;
        const recordName = literalString(named);
        if (zoneName === undefined || recordName === undefined || within(recordName, zoneName)) continue;
        const message =
          `Record '${recordName}' is not in hosted zone '${zoneName}': Route 53 only takes names that end in the ` +
          "zone's name; use the zone of this name, or a name in this zone";
        say(reading, named, message, { path: [...path, "Name"] });
      }
    }
  },
};

export const validationDomain: Rule = {
  id: "E3503",
  severity: "error",
  shortDescription: "A certificate's ValidationDomain is the domain it validates or a superdomain of it",
  description:
    "Each DomainValidationOptions entry of an ACM certificate with a ValidationDomain must name the entry's " +
    "DomainName or a domain above it.",
  source: "https://docs.aws.amazon.com/acm/latest/APIReference/API_DomainValidationOption.html",
  tags: ["resources", "certificatemanager"],
  resourceTypes: ["AWS::CertificateManager::Certificate"],
  check({ template, report }) {
    for (const resource of resourcesOfType(template, "AWS::CertificateManager::Certificate")) {
      for (const { properties } of propertySets(resource)) {
        const options = mapGet(properties, "DomainValidationOptions")?.value;
        if (options?.kind !== "seq") continue;
        options.items.forEach((option, i) => {
          const domain = literalString(mapGet(option, "DomainName")?.value);
          const validation = mapGet(option, "ValidationDomain")?.value;
          const validationName = literalString(validation);
          if (!validation || domain === undefined || validationName === undefined) return;
          if (within(domain, validationName)) return;
          report(
            validation,
            `ValidationDomain '${validationName}' is neither '${domain}' nor a domain above it, so ACM refuses ` +
              `it; use '${domain.replace(/^\*\./, "")}' or one of its parent domains`,
            {
              path: [
                "Resources",
                resource.name,
                "Properties",
                "DomainValidationOptions",
                i,
                "ValidationDomain",
              ],
            },
          );
        });
      }
    }
  },
};
