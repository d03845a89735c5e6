/**
 * E3929 (our own id): a CloudFront distribution with Aliases and no certificate for them.
 * CloudFront refuses an alternate domain name unless the distribution has a certificate that
 * covers it ("To add an alternate domain name (CNAME) to a CloudFront distribution, you must attach
 * a trusted certificate"): the default *.cloudfront.net certificate (no ViewerCertificate, or
 * CloudFrontDefaultCertificate: true) is not one.
 *
 * E3013: each alias is a domain name: labels of letters, digits and hyphens (not at either end,
 * at most 63 characters), at least two of them, and `*` only as the whole first label
 * (`*.example.com`). cfn-lint also refuses capital letters and a trailing dot, which name the same
 * domain, so they are taken here. Dynamic references and intrinsic functions are not judged.
 */
import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import {
  isAbsent,
  literalBoolean,
  literalString,
  mayBeNoValue,
  plainMap,
  presentEntry,
  propertySets,
  resourcesOfType,
  valuesWithPaths,
} from "./values";

export const cloudFrontAliases: Rule = {
  id: "E3929",
  severity: "error",
  shortDescription: "A CloudFront distribution with Aliases has a certificate for them",
  description:
    "A distribution whose DistributionConfig has Aliases gives a ViewerCertificate with AcmCertificateArn or " +
    "IamCertificateId, not the default CloudFront certificate.",
  source: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/CNAMEs.html",
  tags: ["resources", "cloudfront"],
  resourceTypes: ["AWS::CloudFront::Distribution"],
  check({ template, report }) {
    for (const distribution of resourcesOfType(template, "AWS::CloudFront::Distribution")) {
      for (const { properties } of propertySets(distribution)) {
        const config = plainMap(presentEntry(properties, "DistributionConfig")?.value);
        const aliases = config && mapGet(config, "Aliases");
        // Aliases written out as a list with an item that is always there; an intrinsic, or a
        // Fn::If that may give AWS::NoValue (an alias only where a domain is passed), may give none.
        if (!config || aliases?.value.kind !== "seq" || aliases.value.items.every(mayBeNoValue)) continue;
        const certificate = mapGet(config, "ViewerCertificate");
        const viewer = plainMap(certificate?.value);
        if (certificate && !viewer) continue; // an intrinsic (Fn::If with AWS::NoValue): unknown
        if (viewer && (!isAbsent(viewer, "AcmCertificateArn") || !isAbsent(viewer, "IamCertificateId")))
          continue;
        if (viewer && literalBoolean(mapGet(viewer, "CloudFrontDefaultCertificate")?.value) !== true)
          continue;
        report(
          aliases.keyRange,
          `Distribution '${distribution.name}' has Aliases but only CloudFront's default certificate, and CloudFront ` +
            "refuses an alternate domain name without a certificate that covers it; give ViewerCertificate an " +
            "AcmCertificateArn (a certificate in us-east-1) with SslSupportMethod: sni-only",
          { path: ["Resources", distribution.name, "Properties", "DistributionConfig", "Aliases"] },
        );
      }
    }
  },
};

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/** Why an alias is not a domain name CloudFront takes, or undefined when it is one. */
function aliasProblem(alias: string): string | undefined {
  const labels = alias.replace(/\.$/, "").split(".");
  if (labels.slice(1).includes("*") || labels.some((label) => label.includes("*") && label !== "*"))
    return "a wildcard is only the whole first label (*.example.com)";
  const bad = labels.find((label, index) => !(index === 0 && label === "*") && !LABEL.test(label));
  if (bad === "") return "it has an empty label (two dots in a row, or a dot at the start)";
  if (bad !== undefined)
    return bad.length > 63
      ? "a label is longer than 63 characters"
      : "a label holds characters other than letters, digits and hyphens, or starts or ends with a hyphen";
  return labels.length < 2
    ? "it has a single label; give the whole domain name (www.example.com)"
    : undefined;
}

export const cloudFrontAliasNames: Rule = {
  id: "E3013",
  severity: "error",
  shortDescription: "CloudFront Aliases are domain names",
  description:
    "Each alias of a distribution is a domain name of at least two labels (letters, digits and inner hyphens), " +
    "with `*` only as the whole first label.",
  source: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/CNAMEs.html",
  tags: ["resources", "cloudfront"],
  resourceTypes: ["AWS::CloudFront::Distribution"],
  check({ template, report }) {
    for (const distribution of resourcesOfType(template, "AWS::CloudFront::Distribution")) {
      for (const { properties } of propertySets(distribution)) {
        for (const { node, path } of valuesWithPaths(properties, ["DistributionConfig", "Aliases", "*"])) {
          const alias = literalString(node);
          if (alias === undefined) continue;
          const problem = aliasProblem(alias);
          if (problem)
            report(
              node,
              `Alias '${alias}' of distribution '${distribution.name}' is not a domain name: ${problem}`,
              {
                path: ["Resources", distribution.name, "Properties", ...path],
              },
            );
        }
      }
    }
  },
};
