/**
 * Elastic Load Balancing v2 settings that CreateLoadBalancer, CreateTargetGroup and
 * CreateListener refuse (cfn-lint's ids, from the same service rules as its extension schemas):
 * - E3680: an application load balancer (Type application, the default) in fewer than two
 *   subnets: an ALB spans at least two Availability Zones.
 * - E3681: a target group of Lambda targets with Port, Protocol, ProtocolVersion, VpcId,
 *   HealthCheckPort or HealthCheckProtocol, which "do not apply" to a function; and a target group
 *   of instance, ip or alb targets without Port, Protocol or VpcId, which it requires. Beyond
 *   cfn-lint, a target group without TargetType counts as instance, its default.
 * - E3683: a GENEVE target group (a Gateway Load Balancer's) on a port other than 6081.
 * - E3684: a Matcher or ProtocolVersion with a health check protocol other than HTTP or HTTPS.
 * - E3676: an HTTPS or TLS listener without Certificates.
 *
 * A value given through an intrinsic function is not judged, and a property that a Fn::If may
 * leave out counts neither as present nor as absent.
 */
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import { listOf } from "../constraints/walk";
import { isListParameterType } from "../resources/properties";
import type { Rule } from "../rule";
import { intrinsicName, isString, type TemplateIndex } from "../template-index";
import {
  isAbsent,
  literalNumber,
  literalString,
  mayBeNoValue,
  plainMap,
  presentEntry,
  propertySets,
  referenceTarget,
  resourcesOfType,
  stringProperty,
} from "./values";

const ELB_GUIDE = "https://docs.aws.amazon.com/elasticloadbalancing/latest";
const TARGET_GROUP = "AWS::ElasticLoadBalancingV2::TargetGroup";

export const applicationLoadBalancerSubnets: Rule = {
  id: "E3680",
  severity: "error",
  shortDescription: "An application load balancer has at least two subnets",
  description:
    "An AWS::ElasticLoadBalancingV2::LoadBalancer of Type application (the default) lists at least two Subnets or " +
    "SubnetMappings, in different Availability Zones.",
  source: `${ELB_GUIDE}/application/application-load-balancers.html#availability-zones`,
  tags: ["resources", "elasticloadbalancingv2"],
  resourceTypes: ["AWS::ElasticLoadBalancingV2::LoadBalancer"],
  check({ template, report }) {
    for (const balancer of resourcesOfType(template, "AWS::ElasticLoadBalancingV2::LoadBalancer")) {
      for (const { properties } of propertySets(balancer)) {
        const type = stringProperty(properties, "Type", "application");
        if (type !== "application") continue;
        for (const key of ["Subnets", "SubnetMappings"]) {
          const entry = presentEntry(properties, key);
          const list = entry?.value;
          // An item that may be left out, or may give a list, makes the count unknown.
          if (!entry || list?.kind !== "seq" || list.items.length >= 2) continue;
          if (!list.items.every((item) => oneValue(template, item))) continue;
          report(
            entry.keyRange,
            `Application load balancer '${balancer.name}' has ${list.items.length === 0 ? "no" : "one"} ${key === "Subnets" ? "subnet" : "subnet mapping"}, ` +
              "and an application load balancer spans at least two Availability Zones (one subnet is enough only on an " +
              "Outpost); list subnets in two or more zones",
            { path: ["Resources", balancer.name, "Properties", key] },
          );
        }
      }
    }
  },
};

/** Functions whose value is one string. */
const ONE_VALUE_FUNCTIONS = [
  "Fn::Select",
  "Fn::ImportValue",
  "Fn::Sub",
  "Fn::Join",
  "Fn::GetAtt",
  "Fn::Base64",
];

/**
 * Whether a list item is certainly one item: a string, a mapping written out, or a function that
 * gives one string; not AWS::NoValue, a Fn::If, or a Ref to a list parameter.
 */
function oneValue(template: TemplateIndex, item: Node): boolean {
  if (isString(item) || plainMap(item)) return true;
  const fn = intrinsicName(item);
  if (fn && ONE_VALUE_FUNCTIONS.includes(fn)) return true;
  const target = fn === "Ref" ? referenceTarget(item) : undefined;
  if (!target || mayBeNoValue(item)) return false;
  if (template.resources.has(target.name)) return true;
  const type = literalString(mapGet(template.parameters.get(target.name)?.value, "Type")?.value);
  return type !== undefined && !isListParameterType(type);
}

const NOT_FOR_LAMBDA = [
  "Port",
  "Protocol",
  "ProtocolVersion",
  "VpcId",
  "HealthCheckPort",
  "HealthCheckProtocol",
];
const REQUIRED_FOR_OTHERS = ["Port", "Protocol", "VpcId"];

export const targetGroupTargetType: Rule = {
  id: "E3681",
  severity: "error",
  shortDescription: "A target group sets the properties of its target type",
  description:
    "A target group of TargetType lambda has no Port, Protocol, ProtocolVersion, VpcId, HealthCheckPort or " +
    "HealthCheckProtocol; one of instance (the default), ip or alb targets has Port, Protocol and VpcId.",
  source: `${ELB_GUIDE}/application/lambda-functions.html`,
  tags: ["resources", "elasticloadbalancingv2", "lambda"],
  resourceTypes: [TARGET_GROUP],
  check({ template, report }) {
    for (const group of resourcesOfType(template, TARGET_GROUP)) {
      for (const { properties } of propertySets(group)) {
        const path = ["Resources", group.name, "Properties"];
        const type = stringProperty(properties, "TargetType", "instance");
        if (type === "lambda") {
          for (const key of NOT_FOR_LAMBDA) {
            const entry = presentEntry(properties, key);
            if (!entry) continue;
            report(
              entry.keyRange,
              `Target group '${group.name}' sends requests to a Lambda function, for which ${key} does not apply, and ` +
                `Elastic Load Balancing refuses it; remove ${key}`,
              { path: [...path, key] },
            );
          }
        } else if (type === "instance" || type === "ip" || type === "alb") {
          const missing = REQUIRED_FOR_OTHERS.filter((key) => isAbsent(properties, key));
          if (missing.length === 0) continue;
          report(
            group.properties?.keyRange ?? group.entry.keyRange,
            `Target group '${group.name}' has ${type} targets${isAbsent(properties, "TargetType") ? " (TargetType's default)" : ""} ` +
              `and no ${listOf(missing, "or", false)}, which a target group of ${type} targets requires; add ${missing.length > 1 ? "them" : "it"}, ` +
              "or set TargetType: lambda for a Lambda function",
            { path },
          );
        }
      }
    }
  },
};

export const targetGroupGenevePort: Rule = {
  id: "E3683",
  severity: "error",
  shortDescription: "A GENEVE target group uses port 6081",
  description: "A target group with Protocol GENEVE (for a Gateway Load Balancer) has Port 6081.",
  source: `${ELB_GUIDE}/gateway/target-groups.html`,
  tags: ["resources", "elasticloadbalancingv2"],
  resourceTypes: [TARGET_GROUP],
  check({ template, report }) {
    for (const group of resourcesOfType(template, TARGET_GROUP)) {
      for (const { properties } of propertySets(group)) {
        if (literalString(presentEntry(properties, "Protocol")?.value) !== "GENEVE") continue;
        const port = presentEntry(properties, "Port");
        const value = literalNumber(port?.value);
        if (!port || value === undefined || value === 6081) continue;
        report(
          port.value,
          `Target group '${group.name}' uses GENEVE on port ${value}, and a Gateway Load Balancer's targets take GENEVE on ` +
            "port 6081 only; set Port: 6081",
          { path: ["Resources", group.name, "Properties", "Port"] },
        );
      }
    }
  },
};

export const targetGroupHealthCheckMatcher: Rule = {
  id: "E3684",
  severity: "error",
  shortDescription: "Matcher and ProtocolVersion go with HTTP and HTTPS health checks",
  description:
    "A target group whose HealthCheckProtocol is other than HTTP or HTTPS (TCP, for example) has no Matcher and no " +
    "ProtocolVersion.",
  source: `${ELB_GUIDE}/network/target-group-health-checks.html`,
  tags: ["resources", "elasticloadbalancingv2"],
  resourceTypes: [TARGET_GROUP],
  check({ template, report }) {
    for (const group of resourcesOfType(template, TARGET_GROUP)) {
      for (const { properties } of propertySets(group)) {
        // Upper case: E3030 reports a protocol in the wrong case, and this rule need not say it twice.
        const protocol = literalString(presentEntry(properties, "HealthCheckProtocol")?.value)?.toUpperCase();
        if (protocol === undefined || protocol === "HTTP" || protocol === "HTTPS") continue;
        for (const key of ["Matcher", "ProtocolVersion"]) {
          const entry = presentEntry(properties, key);
          if (!entry) continue;
          report(
            entry.keyRange,
            `Target group '${group.name}' checks health over ${protocol}, which has no ${key === "Matcher" ? "response codes to match" : "HTTP protocol version"}; ` +
              `remove ${key}, or check health over HTTP or HTTPS`,
            { path: ["Resources", group.name, "Properties", key] },
          );
        }
      }
    }
  },
};

export const listenerCertificate: Rule = {
  id: "E3676",
  severity: "error",
  shortDescription: "An HTTPS or TLS listener has a certificate",
  description:
    "An AWS::ElasticLoadBalancingV2::Listener with Protocol HTTPS or TLS lists its server certificate in Certificates.",
  source:
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-elasticloadbalancingv2-listener.html",
  tags: ["resources", "elasticloadbalancingv2"],
  resourceTypes: ["AWS::ElasticLoadBalancingV2::Listener"],
  check({ template, report }) {
    for (const listener of resourcesOfType(template, "AWS::ElasticLoadBalancingV2::Listener")) {
      for (const { properties } of propertySets(listener)) {
        const protocol = presentEntry(properties, "Protocol");
        const name = literalString(protocol?.value);
        if (!protocol || (name !== "HTTPS" && name !== "TLS") || !isAbsent(properties, "Certificates"))
          continue;
        report(
          protocol.value,
          `Listener '${listener.name}' uses ${name} without Certificates, and ${name === "TLS" ? "a" : "an"} ${name} listener needs its server ` +
            "certificate; add Certificates with the CertificateArn of an ACM certificate",
          { path: ["Resources", listener.name, "Properties", "Protocol"] },
        );
      }
    }
  },
};
