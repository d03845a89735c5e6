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
 * - E3711: a listener rule whose forward action (TargetGroupArn, or a TargetGroups item of its
 *   ForwardConfig) names a target group of the template with Protocol GENEVE: only a Gateway Load
 *   Balancer's listener forwards to one, and only application load balancers have listener rules.
 *   Beyond cfn-lint, which reads TargetGroupArn only, the ForwardConfig targets too, and the
 *   DefaultActions of a listener that is not a Gateway Load Balancer's, for which ELB refuses a
 *   GENEVE target group as it does for a rule (IncompatibleProtocols): a listener of an application
 *   or network load balancer of the template, or, when its load balancer's Type is not known here,
 *   one with a Protocol other than GENEVE (a Gateway Load Balancer's listener has none; GENEVE
 *   names its own). A listener of a gateway load balancer of the template is not judged, whatever
 *   its Protocol. Only actions whose Type is forward, written out, are read (cfn-lint reads
 *   TargetGroupArn whatever the Type), and a target group whose Properties a Fn::If chooses is not
 *   judged.
 * - E3679: a Classic Load Balancer (AWS::ElasticLoadBalancing::LoadBalancer) listener with
 *   Protocol HTTPS or SSL and no SSLCertificateId.
 *
 * A value given through an intrinsic function is not judged, and a property that a Fn::If may
 * leave out counts neither as present nor as absent.
 */
import type { MapNode, Node } from "../../model";
import { mapGet } from "../../nodes";
import { listOf } from "../constraints/walk";
import { isListParameterType } from "../functions/shapes";
import type { Rule } from "../rule";
import { intrinsicName, isString, type ResourceInfo, type TemplateIndex } from "../template-index";
import {
  isAbsent,
  listMappings,
  literalNumber,
  literalString,
  mayBeNoValue,
  namedResource,
  onlyPropertySet,
  plainMap,
  presentEntry,
  propertySets,
  referenceTarget,
  resourcesOfType,
  stringProperty,
} from "./values";

const ELB_GUIDE = "https://docs.aws.amazon.com/elasticloadbalancing/latest";
export const TARGET_GROUP = "AWS::ElasticLoadBalancingV2::TargetGroup";

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

const LISTENER = "AWS::ElasticLoadBalancingV2::Listener";
const LISTENER_RULE = "AWS::ElasticLoadBalancingV2::ListenerRule";
const LOAD_BALANCER = "AWS::ElasticLoadBalancingV2::LoadBalancer";

/** The target group of the template with Protocol GENEVE that a TargetGroupArn names (`!Ref` or `!GetAtt X.TargetGroupArn`). */
function geneveTargetGroup(template: TemplateIndex, node: Node): ResourceInfo | undefined {
  const group = namedResource(template, node, "TargetGroupArn", [TARGET_GROUP]);
  const properties = group ? onlyPropertySet(group)?.properties : undefined;
  return properties && literalString(presentEntry(properties, "Protocol")?.value) === "GENEVE"
    ? group
    : undefined;
}

/** The GENEVE target groups the forward actions of a list forward to, each once an action, with its path under the list. */
function geneveForwards(
  template: TemplateIndex,
  actions: Node | undefined,
): { group: ResourceInfo; value: Node; path: (string | number)[] }[] {
  const found: { group: ResourceInfo; value: Node; path: (string | number)[] }[] = [];
  for (const action of listMappings(actions).items) {
    if (literalString(presentEntry(action.node, "Type")?.value)?.toLowerCase() !== "forward") continue;
    const arns: { value: Node; path: (string | number)[] }[] = [];
    const arn = presentEntry(action.node, "TargetGroupArn");
    if (arn) arns.push({ value: arn.value, path: [action.index, "TargetGroupArn"] });
    const config = plainMap(presentEntry(action.node, "ForwardConfig")?.value);
    const groups = config && presentEntry(config, "TargetGroups");
    for (const item of listMappings(groups?.value).items) {
      const itemArn = presentEntry(item.node, "TargetGroupArn");
      if (itemArn)
        arns.push({
          value: itemArn.value,
          path: [action.index, "ForwardConfig", "TargetGroups", item.index, "TargetGroupArn"],
        });
    }
    const seen = new Set<string>();
    for (const { value, path } of arns) {
      const group = geneveTargetGroup(template, value);
      if (!group || seen.has(group.name)) continue;
      seen.add(group.name);
      found.push({ group, value, path });
    }
  }
  return found;
}

/**
 * Whether a listener is certainly not a Gateway Load Balancer's: its load balancer is one of the
 * template's of Type application (the default) or network; or, when the load balancer's Type is
 * not known here, the listener has a Protocol other than GENEVE (a Gateway Load Balancer's listener
 * takes none, and GENEVE is what it is described with). A listener of a gateway load balancer of
 * the template is one, whatever its Protocol.
 */
function notGatewayListener(template: TemplateIndex, properties: MapNode): boolean {
  const reference = presentEntry(properties, "LoadBalancerArn")?.value;
  const balancer = reference && namedResource(template, reference, "LoadBalancerArn", [LOAD_BALANCER]);
  const balancerProperties = balancer ? onlyPropertySet(balancer)?.properties : undefined;
  const type = balancerProperties && stringProperty(balancerProperties, "Type", "application");
  if (type !== undefined) return type === "application" || type === "network";
  const protocol = literalString(presentEntry(properties, "Protocol")?.value);
  return protocol !== undefined && protocol.toUpperCase() !== "GENEVE";
}

export const forwardToGeneveTargetGroup: Rule = {
  id: "E3711",
  severity: "error",
  shortDescription: "Only a Gateway Load Balancer's listener forwards to a GENEVE target group",
  description:
    "An AWS::ElasticLoadBalancingV2::ListenerRule, or the DefaultActions of a listener of an application or network " +
    "load balancer, does not forward to a target group with Protocol GENEVE, which is for Gateway Load Balancers.",
  source: `${ELB_GUIDE}/gateway/target-groups.html`,
  tags: ["resources", "elasticloadbalancingv2"],
  resourceTypes: [LISTENER_RULE, LISTENER],
  check({ template, report }) {
    for (const resource of resourcesOfType(template, LISTENER_RULE, LISTENER)) {
      for (const { properties } of propertySets(resource)) {
        const rule = resource.type === LISTENER_RULE;
        if (!rule && !notGatewayListener(template, properties)) continue;
        const key = rule ? "Actions" : "DefaultActions";
        for (const { group, value, path } of geneveForwards(template, presentEntry(properties, key)?.value)) {
          report(
            value,
            `${rule ? "Listener rule" : "Listener"} '${resource.name}' forwards to target group '${group.name}', whose ` +
              "Protocol is GENEVE, and only a Gateway Load Balancer's listener forwards to a GENEVE target group" +
              (rule
                ? " (listener rules are an application load balancer's); forward to an HTTP or HTTPS target group"
                : "; forward to a target group of a protocol the load balancer takes (HTTP or HTTPS for an " +
                  "application load balancer, TCP, TLS or UDP, for example, for a network one)"),
            { path: ["Resources", resource.name, "Properties", key, ...path] },
          );
        }
      }
    }
  },
};

const CLASSIC_LOAD_BALANCER = "AWS::ElasticLoadBalancing::LoadBalancer";

export const classicListenerCertificate: Rule = {
  id: "E3679",
  severity: "error",
  shortDescription: "A Classic Load Balancer's HTTPS and SSL listeners have a certificate",
  description:
    "A listener of an AWS::ElasticLoadBalancing::LoadBalancer with Protocol HTTPS or SSL gives SSLCertificateId.",
  source:
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-create-https-ssl-load-balancer.html",
  tags: ["resources", "elasticloadbalancing"],
  resourceTypes: [CLASSIC_LOAD_BALANCER],
  check({ template, report }) {
    for (const balancer of resourcesOfType(template, CLASSIC_LOAD_BALANCER)) {
      for (const { properties } of propertySets(balancer)) {
        for (const listener of listMappings(presentEntry(properties, "Listeners")?.value).items) {
          const protocol = presentEntry(listener.node, "Protocol");
          const name = literalString(protocol?.value)?.toUpperCase();
          if (
            !protocol ||
            (name !== "HTTPS" && name !== "SSL") ||
            !isAbsent(listener.node, "SSLCertificateId")
          )
            continue;
          report(
            protocol.value,
            `Listener ${listener.index + 1} of load balancer '${balancer.name}' is ${name}, which needs a server ` +
              "certificate; give it SSLCertificateId (an ACM or IAM certificate ARN)",
            {
              path: [
                "Resources",
                balancer.name,
                "Properties",
                "Listeners",
                listener.index,
                "SSLCertificateId",
              ],
            },
          );
        }
      }
    }
  },
};
