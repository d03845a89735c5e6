// What the fake knows about resource types: which property names the resource, which
// properties force a replacement, what Ref and Fn::GetAtt return. Unknown types are accepted
// and get a generic physical id, which is enough for stacks the project deploys in tests.
import { randomBytes } from "node:crypto";
import type { JsonObject } from "./template";

export interface TypeInfo {
  /** Property that sets the physical name; a change to it always replaces. */
  nameProperty?: string;
  /** Properties whose change requires replacement; "*" means every property (immutable types). */
  replaceOn: string[];
  /** Physical id from the chosen name (the nameProperty's value or a generated one). */
  physicalId?(name: string, region: string, accountId: string): string;
  attributes?(physicalId: string, name: string, region: string, accountId: string): Record<string, string>;
  /** Generated names are lower-case and limited, as S3 bucket names are. */
  lowerCaseName?: number;
  /** Capability the type needs: IAM resources with custom names need CAPABILITY_NAMED_IAM. */
  iam?: boolean;
}

const lambdaFunction: TypeInfo = {
  nameProperty: "FunctionName",
  replaceOn: ["FunctionName"],
  attributes: (_id, name, r, a) => ({ Arn: `arn:aws:lambda:${r}:${a}:function:${name}` }),
};
const layer: TypeInfo = {
  replaceOn: ["*"],
  physicalId: (name, r, a) => `arn:aws:lambda:${r}:${a}:layer:${name}:1`,
  attributes: (id) => ({ LayerVersionArn: id }),
};
const restApi: TypeInfo = {
  replaceOn: [],
  physicalId: () => randomId(10).toLowerCase(),
  attributes: (id, _n, r) => ({
    RootResourceId: randomId(10).toLowerCase(),
    RestApiId: id,
    ApiEndpoint: `https://${id}.execute-api.${r}.amazonaws.com`,
  }),
};
const role: TypeInfo = {
  nameProperty: "RoleName",
  replaceOn: ["RoleName", "Path"],
  iam: true,
  attributes: (_id, name, _r, a) => ({
    Arn: `arn:aws:iam::${a}:role/${name}`,
    RoleId: `AROA${randomId(17)}`,
  }),
};

export const TYPES: Record<string, TypeInfo> = {
  "AWS::S3::Bucket": {
    nameProperty: "BucketName",
    replaceOn: ["BucketName", "ObjectLockEnabled"],
    lowerCaseName: 63,
    attributes: (id, _n, r) => ({
      Arn: `arn:aws:s3:::${id}`,
      DomainName: `${id}.s3.amazonaws.com`,
      RegionalDomainName: `${id}.s3.${r}.amazonaws.com`,
      WebsiteURL: `http://${id}.s3-website-${r}.amazonaws.com`,
    }),
  },
  "AWS::DynamoDB::Table": {
    nameProperty: "TableName",
    replaceOn: ["TableName", "KeySchema"],
    attributes: (id, _n, r, a) => ({
      Arn: `arn:aws:dynamodb:${r}:${a}:table/${id}`,
      StreamArn: `arn:aws:dynamodb:${r}:${a}:table/${id}/stream/2026-01-01T00:00:00.000`,
    }),
  },
  "AWS::Lambda::Function": lambdaFunction,
  "AWS::Serverless::Function": lambdaFunction,
  "AWS::Lambda::LayerVersion": layer,
  "AWS::Serverless::LayerVersion": layer,
  "AWS::SQS::Queue": {
    nameProperty: "QueueName",
    replaceOn: ["QueueName", "FifoQueue"],
    physicalId: (name, r, a) => `https://sqs.${r}.amazonaws.com/${a}/${name}`,
    attributes: (id, name, r, a) => ({ Arn: `arn:aws:sqs:${r}:${a}:${name}`, QueueName: name, QueueUrl: id }),
  },
  "AWS::SNS::Topic": {
    nameProperty: "TopicName",
    replaceOn: ["TopicName", "FifoTopic"],
    physicalId: (name, r, a) => `arn:aws:sns:${r}:${a}:${name}`,
    attributes: (id, name) => ({ TopicArn: id, TopicName: name }),
  },
  "AWS::IAM::Role": role,
  "AWS::IAM::ManagedPolicy": {
    nameProperty: "ManagedPolicyName",
    replaceOn: ["ManagedPolicyName", "Path"],
    iam: true,
  },
  "AWS::IAM::Policy": { replaceOn: [], iam: true },
  "AWS::IAM::User": { nameProperty: "UserName", replaceOn: ["UserName"], iam: true },
  "AWS::IAM::Group": { nameProperty: "GroupName", replaceOn: ["GroupName"], iam: true },
  "AWS::IAM::InstanceProfile": {
    nameProperty: "InstanceProfileName",
    replaceOn: ["InstanceProfileName"],
    iam: true,
  },
  "AWS::Logs::LogGroup": {
    nameProperty: "LogGroupName",
    replaceOn: ["LogGroupName"],
    attributes: (id, _n, r, a) => ({ Arn: `arn:aws:logs:${r}:${a}:log-group:${id}:*` }),
  },
  "AWS::SSM::Parameter": { nameProperty: "Name", replaceOn: ["Name"] },
  "AWS::ApiGateway::RestApi": restApi,
  "AWS::Serverless::Api": restApi,
  "AWS::ApiGatewayV2::Api": restApi,
  "AWS::Serverless::HttpApi": restApi,
};

const GENERIC: TypeInfo = { replaceOn: [] };

export function typeInfo(type: string): TypeInfo {
  return TYPES[type] ?? GENERIC;
}

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

export function randomId(length: number): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const b of bytes) out += ALNUM[b % ALNUM.length];
  return out;
}

/** The name CloudFormation picks when the template names nothing: stack-Logical-RANDOM. */
export function generatedName(stackName: string, logicalId: string, info: TypeInfo): string {
  const suffix = randomId(12);
  if (info.lowerCaseName) {
    const head = `${stackName}-${logicalId}`.toLowerCase().slice(0, info.lowerCaseName - 13);
    return `${head}-${suffix.toLowerCase()}`;
  }
  return `${stackName.slice(0, 40)}-${logicalId.slice(0, 40)}-${suffix}`;
}

export interface Provisioned {
  physicalId: string;
  name: string;
  attributes: Record<string, string>;
}

export function provision(
  type: string,
  props: JsonObject,
  stackName: string,
  logicalId: string,
  region: string,
  accountId: string,
): Provisioned {
  const info = typeInfo(type);
  const given = info.nameProperty ? props[info.nameProperty] : undefined;
  const name = typeof given === "string" && given ? given : generatedName(stackName, logicalId, info);
  const physicalId = info.physicalId ? info.physicalId(name, region, accountId) : name;
  const service = type.split("::")[1]?.toLowerCase() ?? "unknown";
  const attributes = {
    Arn: `arn:aws:${service}:${region}:${accountId}:${type.split("::")[2]?.toLowerCase() ?? "resource"}/${name}`,
    ...info.attributes?.(physicalId, name, region, accountId),
  };
  return { physicalId, name, attributes };
}

/** The capability a resource needs, if any. SAM functions without a Role get a generated role. */
export function capabilityFor(
  type: string,
  props: JsonObject,
): "CAPABILITY_IAM" | "CAPABILITY_NAMED_IAM" | undefined {
  if (type === "AWS::Serverless::Function" || type === "AWS::Serverless::StateMachine") {
    return props.Role === undefined ? "CAPABILITY_IAM" : undefined;
  }
  const info = TYPES[type];
  if (!info?.iam) return undefined;
  return info.nameProperty && props[info.nameProperty] !== undefined
    ? "CAPABILITY_NAMED_IAM"
    : "CAPABILITY_IAM";
}
