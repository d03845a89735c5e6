/**
 * W3937: a property that names another resource (a bucket policy's Bucket, a queue policy's
 * Queues, a topic policy's Topics and a subscription's topic, the function of a Lambda permission,
 * event source mapping, invoke configuration, alias, version or URL, the roles, users and groups
 * of IAM policies and instance profiles, the log group of log filters and streams, an ECS
 * service's cluster and task definition, the API, resource, deployment, authorizer, key and usage
 * plan ids of API Gateway's resources, the route tables, gateways, peering connections, endpoints,
 * network interfaces, instances, volumes and network ACLs of EC2's routes, attachments and
 * associations, an instance's or launch configuration's instance profile, an Auto Scaling
 * group's launch configuration, a record's hosted zone, and an alarm's topics) set to the logical
 * id of such a resource of this template, as plain text: `Bucket: MyBucket` where `!Ref MyBucket`
 * was meant. CloudFormation passes the text on as it is, so the policy is for a bucket called
 * MyBucket (S3 bucket names have no capitals, so none is), the permission for a function of that
 * name, the policy for a role of that name (IAM names a role of the stack after the stack); the
 * deploy fails, or acts on another account's resource.
 *
 * Left alone where the property takes a name (Bucket, FunctionName, Roles): a resource whose own
 * name property (BucketName, FunctionName, RoleName) is that same text, where the text does name
 * it, or is given through a function. A queue policy's URLs, a topic's ARNs and the ids API
 * Gateway, EC2 and Route 53 make up are never a name. A warning: an outside resource may have that
 * name. cfn-lint has no such check.
 */
import { listItems, mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { isString, type ResourceInfo, type TemplateIndex, USER_GUIDE } from "../template-index";
import { literalString, presentEntry, propertySets, resourcesOfType, rowsByType } from "./values";

export interface NamedTarget {
  /** Resource types a Ref of which the property takes. */
  types: readonly string[];
  /** The property of those types that names the resource, when the template sets it (none for a made-up id). */
  nameProperty?: string;
  /** What CloudFormation takes the text for. */
  what: string;
  /** Whether the property takes a name, so that the text is right for a resource named so. */
  takesName: boolean;
}

export const BUCKET: NamedTarget = {
  types: ["AWS::S3::Bucket"],
  nameProperty: "BucketName",
  what: "a bucket name",
  takesName: true,
};
// A queue policy takes URLs, a topic policy ARNs: no name is one, whatever the resource is named.
const QUEUE: NamedTarget = {
  types: ["AWS::SQS::Queue"],
  nameProperty: "QueueName",
  what: "a queue URL",
  takesName: false,
};
const TOPIC: NamedTarget = {
  types: ["AWS::SNS::Topic"],
  nameProperty: "TopicName",
  what: "a topic ARN",
  takesName: false,
};
const FUNCTION: NamedTarget = {
  types: ["AWS::Lambda::Function", "AWS::Serverless::Function"],
  nameProperty: "FunctionName",
  what: "a function name or ARN",
  takesName: true,
};

const ROLE: NamedTarget = {
  types: ["AWS::IAM::Role"],
  nameProperty: "RoleName",
  what: "a role name",
  takesName: true,
};
const USER: NamedTarget = {
  types: ["AWS::IAM::User"],
  nameProperty: "UserName",
  what: "a user name",
  takesName: true,
};
const GROUP: NamedTarget = {
  types: ["AWS::IAM::Group"],
  nameProperty: "GroupName",
  what: "a group name",
  takesName: true,
};
const LOG_GROUP: NamedTarget = {
  types: ["AWS::Logs::LogGroup"],
  nameProperty: "LogGroupName",
  what: "a log group name",
  takesName: true,
};
const CLUSTER: NamedTarget = {
  types: ["AWS::ECS::Cluster"],
  nameProperty: "ClusterName",
  what: "a cluster name or ARN",
  takesName: true,
};
// API Gateway makes up the ids of APIs and their resources: no text names one.
const REST_API: NamedTarget = {
  types: ["AWS::ApiGateway::RestApi", "AWS::Serverless::Api"],
  nameProperty: "Name",
  what: "a REST API id",
  takesName: false,
};
const API_RESOURCE: NamedTarget = {
  types: ["AWS::ApiGateway::Resource"],
  nameProperty: "PathPart",
  what: "an API resource id",
  takesName: false,
};
const HTTP_API: NamedTarget = {
  types: ["AWS::ApiGatewayV2::Api", "AWS::Serverless::HttpApi"],
  nameProperty: "Name",
  what: "an API id",
  takesName: false,
};

// EC2, Route 53 and API Gateway make up the ids of these: no text names one.
const madeUpId = (types: readonly string[], what: string): NamedTarget => ({ types, what, takesName: false });
const ROUTE_TABLE = madeUpId(["AWS::EC2::RouteTable"], "a route table id");
const GATEWAY = madeUpId(["AWS::EC2::InternetGateway", "AWS::EC2::VPNGateway"], "a gateway id");
const INTERNET_GATEWAY = madeUpId(["AWS::EC2::InternetGateway"], "an internet gateway id");
const VPN_GATEWAY = madeUpId(["AWS::EC2::VPNGateway"], "a virtual private gateway id");
const NAT_GATEWAY = madeUpId(["AWS::EC2::NatGateway"], "a NAT gateway id");
const NETWORK_ACL = madeUpId(["AWS::EC2::NetworkAcl"], "a network ACL id");
const HOSTED_ZONE = madeUpId(["AWS::Route53::HostedZone"], "a hosted zone id");
const TRANSIT_GATEWAY = madeUpId(["AWS::EC2::TransitGateway"], "a transit gateway id");
const PEERING = madeUpId(["AWS::EC2::VPCPeeringConnection"], "a VPC peering connection id");
const EGRESS_GATEWAY = madeUpId(
  ["AWS::EC2::EgressOnlyInternetGateway"],
  "an egress-only internet gateway id",
);
const VPC_ENDPOINT = madeUpId(["AWS::EC2::VPCEndpoint"], "a VPC endpoint id");
const NETWORK_INTERFACE = madeUpId(["AWS::EC2::NetworkInterface"], "a network interface id");
const INSTANCE = madeUpId(["AWS::EC2::Instance"], "an instance id");
const VOLUME = madeUpId(["AWS::EC2::Volume"], "a volume id");
const API_DEPLOYMENT = madeUpId(["AWS::ApiGateway::Deployment"], "a deployment id");
const HTTP_API_DEPLOYMENT = madeUpId(["AWS::ApiGatewayV2::Deployment"], "a deployment id");
const API_KEY = madeUpId(["AWS::ApiGateway::ApiKey"], "an API key id");
const USAGE_PLAN = madeUpId(["AWS::ApiGateway::UsagePlan"], "a usage plan id");
const AUTHORIZER = madeUpId(["AWS::ApiGateway::Authorizer"], "an authorizer id");
const INSTANCE_PROFILE: NamedTarget = {
  types: ["AWS::IAM::InstanceProfile"],
  nameProperty: "InstanceProfileName",
  what: "an instance profile name",
  takesName: true,
};
const LAUNCH_CONFIGURATION: NamedTarget = {
  types: ["AWS::AutoScaling::LaunchConfiguration"],
  nameProperty: "LaunchConfigurationName",
  what: "a launch configuration name",
  takesName: true,
};
// An ECS service takes a task definition's family (its latest revision) or ARN.
const TASK_DEFINITION: NamedTarget = {
  types: ["AWS::ECS::TaskDefinition"],
  nameProperty: "Family",
  what: "a task definition family",
  takesName: true,
};

/** The properties read, by resource type: a single value, or a list (`list`). */
export const SITES: { type: string; property: string; list?: boolean; target: NamedTarget }[] = [
  { type: "AWS::S3::BucketPolicy", property: "Bucket", target: BUCKET },
  { type: "AWS::SQS::QueuePolicy", property: "Queues", list: true, target: QUEUE },
  { type: "AWS::SNS::TopicPolicy", property: "Topics", list: true, target: TOPIC },
  { type: "AWS::SNS::Subscription", property: "TopicArn", target: TOPIC },
  { type: "AWS::Lambda::Permission", property: "FunctionName", target: FUNCTION },
  { type: "AWS::Lambda::EventSourceMapping", property: "FunctionName", target: FUNCTION },
  { type: "AWS::Lambda::EventInvokeConfig", property: "FunctionName", target: FUNCTION },
  { type: "AWS::Lambda::Alias", property: "FunctionName", target: FUNCTION },
  { type: "AWS::Lambda::Version", property: "FunctionName", target: FUNCTION },
  { type: "AWS::Lambda::Url", property: "TargetFunctionArn", target: FUNCTION },
  ...["AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"].flatMap((type) => [
    { type, property: "Roles", list: true, target: ROLE },
    { type, property: "Users", list: true, target: USER },
    { type, property: "Groups", list: true, target: GROUP },
  ]),
  { type: "AWS::IAM::InstanceProfile", property: "Roles", list: true, target: ROLE },
  { type: "AWS::IAM::RolePolicy", property: "RoleName", target: ROLE },
  { type: "AWS::IAM::UserPolicy", property: "UserName", target: USER },
  { type: "AWS::IAM::GroupPolicy", property: "GroupName", target: GROUP },
  { type: "AWS::IAM::UserToGroupAddition", property: "GroupName", target: GROUP },
  { type: "AWS::IAM::UserToGroupAddition", property: "Users", list: true, target: USER },
  { type: "AWS::Logs::SubscriptionFilter", property: "LogGroupName", target: LOG_GROUP },
  { type: "AWS::Logs::MetricFilter", property: "LogGroupName", target: LOG_GROUP },
  { type: "AWS::Logs::LogStream", property: "LogGroupName", target: LOG_GROUP },
  { type: "AWS::ECS::Service", property: "Cluster", target: CLUSTER },
  { type: "AWS::ECS::Service", property: "TaskDefinition", target: TASK_DEFINITION },
  { type: "AWS::EC2::Route", property: "RouteTableId", target: ROUTE_TABLE },
  { type: "AWS::EC2::Route", property: "GatewayId", target: GATEWAY },
  { type: "AWS::EC2::Route", property: "NatGatewayId", target: NAT_GATEWAY },
  { type: "AWS::EC2::Route", property: "TransitGatewayId", target: TRANSIT_GATEWAY },
  { type: "AWS::EC2::Route", property: "VpcPeeringConnectionId", target: PEERING },
  { type: "AWS::EC2::Route", property: "EgressOnlyInternetGatewayId", target: EGRESS_GATEWAY },
  { type: "AWS::EC2::Route", property: "VpcEndpointId", target: VPC_ENDPOINT },
  { type: "AWS::EC2::Route", property: "NetworkInterfaceId", target: NETWORK_INTERFACE },
  { type: "AWS::EC2::Route", property: "InstanceId", target: INSTANCE },
  { type: "AWS::EC2::TransitGatewayAttachment", property: "TransitGatewayId", target: TRANSIT_GATEWAY },
  { type: "AWS::EC2::TransitGatewayVpcAttachment", property: "TransitGatewayId", target: TRANSIT_GATEWAY },
  { type: "AWS::EC2::EIPAssociation", property: "InstanceId", target: INSTANCE },
  { type: "AWS::EC2::EIPAssociation", property: "NetworkInterfaceId", target: NETWORK_INTERFACE },
  { type: "AWS::EC2::VolumeAttachment", property: "InstanceId", target: INSTANCE },
  { type: "AWS::EC2::VolumeAttachment", property: "VolumeId", target: VOLUME },
  { type: "AWS::EC2::NetworkInterfaceAttachment", property: "InstanceId", target: INSTANCE },
  { type: "AWS::EC2::NetworkInterfaceAttachment", property: "NetworkInterfaceId", target: NETWORK_INTERFACE },
  { type: "AWS::EC2::SubnetRouteTableAssociation", property: "RouteTableId", target: ROUTE_TABLE },
  {
    type: "AWS::EC2::VPNGatewayRoutePropagation",
    property: "RouteTableIds",
    list: true,
    target: ROUTE_TABLE,
  },
  { type: "AWS::EC2::VPCGatewayAttachment", property: "InternetGatewayId", target: INTERNET_GATEWAY },
  { type: "AWS::EC2::VPCGatewayAttachment", property: "VpnGatewayId", target: VPN_GATEWAY },
  { type: "AWS::EC2::NetworkAclEntry", property: "NetworkAclId", target: NETWORK_ACL },
  { type: "AWS::EC2::SubnetNetworkAclAssociation", property: "NetworkAclId", target: NETWORK_ACL },
  { type: "AWS::EC2::Instance", property: "IamInstanceProfile", target: INSTANCE_PROFILE },
  { type: "AWS::AutoScaling::LaunchConfiguration", property: "IamInstanceProfile", target: INSTANCE_PROFILE },
  {
    type: "AWS::AutoScaling::AutoScalingGroup",
    property: "LaunchConfigurationName",
    target: LAUNCH_CONFIGURATION,
  },
  { type: "AWS::Route53::RecordSet", property: "HostedZoneId", target: HOSTED_ZONE },
  { type: "AWS::Route53::RecordSetGroup", property: "HostedZoneId", target: HOSTED_ZONE },
  ...["AlarmActions", "OKActions", "InsufficientDataActions"].map((property) => ({
    type: "AWS::CloudWatch::Alarm",
    property,
    list: true,
    target: TOPIC,
  })),
  { type: "AWS::ApiGateway::Stage", property: "DeploymentId", target: API_DEPLOYMENT },
  { type: "AWS::ApiGatewayV2::Stage", property: "DeploymentId", target: HTTP_API_DEPLOYMENT },
  { type: "AWS::ApiGateway::UsagePlanKey", property: "KeyId", target: API_KEY },
  { type: "AWS::ApiGateway::UsagePlanKey", property: "UsagePlanId", target: USAGE_PLAN },
  { type: "AWS::ApiGateway::Method", property: "AuthorizerId", target: AUTHORIZER },
  ...[
    "AWS::ApiGateway::Resource",
    "AWS::ApiGateway::Method",
    "AWS::ApiGateway::Deployment",
    "AWS::ApiGateway::Stage",
    "AWS::ApiGateway::Authorizer",
    "AWS::ApiGateway::Model",
    "AWS::ApiGateway::RequestValidator",
    "AWS::ApiGateway::GatewayResponse",
    "AWS::ApiGateway::BasePathMapping",
  ].map((type) => ({ type, property: "RestApiId", target: REST_API })),
  { type: "AWS::ApiGateway::Resource", property: "ParentId", target: API_RESOURCE },
  { type: "AWS::ApiGateway::Method", property: "ResourceId", target: API_RESOURCE },
  ...[
    "AWS::ApiGatewayV2::Route",
    "AWS::ApiGatewayV2::Integration",
    "AWS::ApiGatewayV2::Stage",
    "AWS::ApiGatewayV2::Authorizer",
    "AWS::ApiGatewayV2::Deployment",
    "AWS::ApiGatewayV2::ApiMapping",
  ].map((type) => ({ type, property: "ApiId", target: HTTP_API })),
];

/** The sites of each type, so a resource is held to its own places only. */
const SITES_BY_TYPE = rowsByType(SITES);
const SITE_TYPES = [...SITES_BY_TYPE.keys()];

/**
 * The resource of the template that `text` is the logical id of, when it is of one of the target's
 * types and, for a property that takes a name, is not named `text` (nor by a function, which may
 * give that name): the resource a Ref was meant for.
 */
export function resourceMeantByText(
  template: TemplateIndex,
  text: string,
  target: NamedTarget,
): ResourceInfo | undefined {
  const resource = template.resources.get(text);
  if (!resource?.type || !target.types.includes(resource.type)) return undefined;
  if (!target.takesName || target.nameProperty === undefined) return resource;
  const own = mapGet(resource.properties?.value, target.nameProperty)?.value;
  const ownName = literalString(own);
  return own !== undefined && (ownName === undefined || ownName === text) ? undefined : resource;
}

export const plainLogicalId: Rule = {
  id: "W3937",
  severity: "warning",
  shortDescription: "A resource of the template is named through Ref, not by its logical id as text",
  description:
    "A property that names a bucket, queue, topic, function, IAM role, user, group or instance profile, log group, " +
    "ECS cluster or task definition, API Gateway API, resource, deployment, authorizer, key or usage plan, route " +
    "table, gateway, peering connection, endpoint, network interface, instance, volume, network ACL, launch " +
    "configuration or hosted zone, set to the logical id of such a resource " +
    "of the template as plain text, is passed on as that text, not as the resource; !Ref was meant.",
  source: `${USER_GUIDE}/intrinsic-function-reference-ref.html`,
  tags: ["resources", "functions"],
  resourceTypes: SITE_TYPES,
  check({ template, report }) {
    for (const resource of resourcesOfType(template, ...SITE_TYPES)) {
      for (const site of SITES_BY_TYPE.get(resource.type as string) ?? []) {
        for (const { properties } of propertySets(resource)) {
          const entry = presentEntry(properties, site.property);
          if (!entry) continue;
          const values = site.list ? listItems(entry.value) : [entry.value];
          for (const value of values) {
            if (!isString(value)) continue;
            const target = resourceMeantByText(template, value.value, site.target);
            if (!target) continue;
            report(
              value,
              `'${value.value}' is the logical id of ${target.type} ${target.name} of this template, written as ` +
                `plain text: CloudFormation passes it on as ${site.target.what}, not the resource's; write !Ref ${target.name}`,
              { path: ["Resources", resource.name, "Properties", site.property] },
            );
          }
        }
      }
    }
  },
};
