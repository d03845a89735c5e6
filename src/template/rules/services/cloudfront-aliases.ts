/**
 * E3929 (our own id): a CloudFront distribution with Aliases and no certificate for them.
 * CloudFront refuses an alternate domain name unless the distribution has a certificate that
 * covers it ("To add an alternate domain name (CNAME) to a CloudFront distribution, you must attach
 * a trusted certificate"): the default *.cloudfront.net certificate (no ViewerCertificate, or
 * CloudFrontDefaultCertificate: true) is not one.
 */
import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { isAbsent, literalBoolean, plainMap, presentEntry, propertySets, resourcesOfType } from "./values";

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
        // Aliases written out as a list with items; an intrinsic may give none.
        if (!config || aliases?.value.kind !== "seq" || aliases.value.items.length === 0) continue;
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
