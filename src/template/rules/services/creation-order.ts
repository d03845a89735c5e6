/**
 * W3959 to W3962 and W3983 (checks cfn-lint does not have): a resource that the service accepts only once
 * another resource of the template exists, named in a way that gives CloudFormation no dependency.
 * CloudFormation creates resources that do not wait for each other at the same time, so such a
 * template fails now and then, or on every first deploy, depending on which call comes first.
 * Warnings, as W3901: the order is a race, and the fix is a DependsOn.
 *
 * - W3959: a Cognito user pool client whose SupportedIdentityProviders names, as text, an
 *   AWS::Cognito::UserPoolIdentityProvider of the same pool. Cognito refuses the client while the
 *   provider does not exist ("The provider Google does not exist for User Pool"; aws-cdk#15692).
 * - W3960: an AppSync resolver of an API whose AWS::AppSync::GraphQLSchema the template creates.
 *   AppSync refuses a resolver for a field the schema does not have yet ("No field named x found on
 *   type Query"); the resolver waits only for its API and data source, the schema for its API.
 * - W3961: an AWS Config rule or delivery channel beside the configuration recorder the template
 *   creates. PutConfigRule and PutDeliveryChannel refuse to work without a recorder
 *   (NoAvailableConfigurationRecorderException), and a region has none before the template's.
 * - W3962: a REST or WebSocket API stage that logs to CloudWatch (execution logging at INFO or
 *   ERROR, or access logging) beside the AWS::ApiGateway::Account that sets the region's logging
 *   role. API Gateway refuses such a stage while the account has no role ("CloudWatch Logs role ARN
 *   must be set in account settings to enable logging").
 * - W3983: a Lambda function (or SAM function, its own or Globals' FileSystemConfigs) that mounts an
 *   EFS access point of the template whose file system has AWS::EFS::MountTarget resources in the
 *   template, without waiting for each of them. The AWS::Lambda::Function page: "If your template
 *   contains an AWS::EFS::MountTarget resource, you must also specify a DependsOn attribute to
 *   ensure that the mount target is created or updated before the function"; Lambda refuses a
 *   function whose file system's mount targets are not all available yet.
 *
 * A dependency counts when it is direct or through other resources (DependsOn, Ref, Fn::GetAtt,
 * Fn::Sub). Resources that two different Conditions make are not judged together.
 */
import type { MapNode, Node } from "../../model";
import { listItems, mapGet } from "../../nodes";
import { holderCondition, madeTogether, madeWhen, placedValues } from "../conditions/logic";
import { dependsOn } from "../resources/circular-dependency";
import type { Rule } from "../rule";
import { isString, type ResourceInfo, type TemplateIndex } from "../template-index";
import {
  inheritedGlobal,
  inheritedProperty,
  literalString,
  plainMap,
  presentEntry,
  propertySets,
  referenceTarget,
  resourcesOfType,
} from "./values";

/** A key of a mapping that is certainly present (see presentEntry); undefined for anything else. */
function present(node: Node | undefined, key: string) {
  const map = plainMap(node);
  return map ? presentEntry(map, key) : undefined;
}

/** What a value names, for telling whether two properties name the same pool, API or listener. */
export function targetKey(node: Node | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (isString(node)) return literalString(node) === undefined ? undefined : `text:${node.value}`;
  const target = referenceTarget(node);
  return target ? `ref:${target.name}` : undefined;
}

/** Whether both resources may exist in the same stack (neither under a Condition the other excludes). */
export function together(template: TemplateIndex, a: ResourceInfo, b: ResourceInfo): boolean {
  const [first, second] = [a, b].map((resource) =>
    madeWhen(template, holderCondition(template, "Resources", resource.name)),
  );
  return madeTogether(first, second);
}

/** The resources of `type` whose `key` property names what `key` of `owner` names. */
function sameTarget(
  template: TemplateIndex,
  type: string,
  key: string,
  owner: Node | undefined,
): { resource: ResourceInfo; properties: ReturnType<typeof propertySets>[number]["properties"] }[] {
  const wanted = targetKey(owner);
  if (wanted === undefined) return [];
  const found = [];
  for (const resource of resourcesOfType(template, type)) {
    for (const { properties } of propertySets(resource)) {
      if (targetKey(presentEntry(properties, key)?.value) === wanted) found.push({ resource, properties });
    }
  }
  return found;
}

const USER_POOL_CLIENT = "AWS::Cognito::UserPoolClient";
const IDENTITY_PROVIDER = "AWS::Cognito::UserPoolIdentityProvider";

export const clientProviderOrder: Rule = {
  id: "W3959",
  severity: "warning",
  shortDescription: "A user pool client waits for the identity providers of the template it names",
  description:
    "A Cognito user pool client whose SupportedIdentityProviders names an identity provider the template creates in " +
    "the same pool depends on it; otherwise Cognito may refuse the client because the provider does not exist yet.",
  source:
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cognito-userpoolclient.html",
  tags: ["resources", "cognito"],
  resourceTypes: [USER_POOL_CLIENT],
  check({ template, report }) {
    for (const client of resourcesOfType(template, USER_POOL_CLIENT)) {
      for (const { properties } of propertySets(client)) {
        const providers = sameTarget(
          template,
          IDENTITY_PROVIDER,
          "UserPoolId",
          presentEntry(properties, "UserPoolId")?.value,
        );
        const listed = presentEntry(properties, "SupportedIdentityProviders")?.value;
        if (providers.length === 0 || !listed) continue;
        for (const list of placedValues(template, listed)) {
          for (const item of listItems(list).flatMap((node) => placedValues(template, node))) {
            const name = literalString(item);
            const provider = providers.find(
              (found) => literalString(presentEntry(found.properties, "ProviderName")?.value) === name,
            )?.resource;
            if (name === undefined || !provider || !together(template, client, provider)) continue;
            if (dependsOn(template, client.name, provider.name)) continue;
            report(
              item,
              `user pool client ${client.name} names identity provider '${name}', which ${provider.name} creates, but ` +
                "does not wait for it, so CloudFormation may create the client first and Cognito refuses it (the " +
                `provider does not exist for the user pool); add DependsOn: ${provider.name}`,
            );
          }
        }
      }
    }
  },
};

const RESOLVER = "AWS::AppSync::Resolver";

export const resolverSchemaOrder: Rule = {
  id: "W3960",
  severity: "warning",
  shortDescription: "An AppSync resolver waits for the schema the template gives its API",
  description:
    "An AWS::AppSync::Resolver of an API whose AWS::AppSync::GraphQLSchema the template creates depends on the " +
    "schema; otherwise AppSync may refuse the resolver because its type or field does not exist yet.",
  source:
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-appsync-resolver.html",
  tags: ["resources", "appsync"],
  resourceTypes: [RESOLVER],
  check({ template, report }) {
    for (const resolver of resourcesOfType(template, RESOLVER)) {
      for (const { properties } of propertySets(resolver)) {
        const schemas = sameTarget(
          template,
          "AWS::AppSync::GraphQLSchema",
          "ApiId",
          presentEntry(properties, "ApiId")?.value,
        )
          .map((found) => found.resource)
          .filter((schema) => together(template, resolver, schema));
        if (schemas.length === 0 || schemas.some((schema) => dependsOn(template, resolver.name, schema.name)))
          continue;
        const field = [presentEntry(properties, "TypeName"), presentEntry(properties, "FieldName")]
          .map((entry) => literalString(entry?.value))
          .join(".");
        report(
          resolver.entry.keyRange,
          `resolver ${resolver.name}${/^[^.]+\.[^.]+$/.test(field) ? ` (${field})` : ""} does not wait for the schema ` +
            `${schemas[0].name} of its API, so CloudFormation may create it first and AppSync refuses it (no such ` +
            `field on the type yet); add DependsOn: ${schemas[0].name}`,
        );
      }
    }
  },
};

const RECORDER = "AWS::Config::ConfigurationRecorder";
const NEEDS_RECORDER = ["AWS::Config::ConfigRule", "AWS::Config::DeliveryChannel"];

export const configRecorderOrder: Rule = {
  id: "W3961",
  severity: "warning",
  shortDescription: "Config rules and delivery channels wait for the configuration recorder of the template",
  description:
    "An AWS Config rule or delivery channel in a template that creates the configuration recorder depends on the " +
    "recorder; otherwise AWS Config may refuse it because the region has no recorder yet.",
  source: "https://docs.aws.amazon.com/config/latest/APIReference/API_PutDeliveryChannel.html",
  tags: ["resources", "config"],
  resourceTypes: NEEDS_RECORDER,
  check({ template, report }) {
    for (const resource of resourcesOfType(template, ...NEEDS_RECORDER)) {
      const recorders = resourcesOfType(template, RECORDER).filter((recorder) =>
        together(template, resource, recorder),
      );
      if (
        recorders.length === 0 ||
        recorders.some((recorder) => dependsOn(template, resource.name, recorder.name))
      )
        continue;
      const what = resource.type === "AWS::Config::ConfigRule" ? "Config rule" : "delivery channel";
      report(
        resource.entry.keyRange,
        `${what} ${resource.name} does not wait for the configuration recorder ${recorders[0].name}, so ` +
          "CloudFormation may create it first and AWS Config refuses it (no configuration recorder is available); " +
          `add DependsOn: ${recorders[0].name}`,
      );
    }
  },
};

const ACCOUNT = "AWS::ApiGateway::Account";
const LOGGING_STAGES = [
  "AWS::ApiGateway::Stage",
  "AWS::ApiGateway::Deployment",
  "AWS::Serverless::Api",
  "AWS::ApiGatewayV2::Stage",
];

/** The setting that makes a stage log to CloudWatch through the account's role, if one does. */
function loggingSetting(
  template: TemplateIndex,
  resource: ResourceInfo,
  properties: MapNode,
): Node | undefined {
  const logs = (level: Node | undefined) =>
    level !== undefined &&
    placedValues(template, level).some((value) => /^(INFO|ERROR)$/i.test(literalString(value) ?? ""));
  const inSettings = (settings: Node | undefined, key: string) =>
    listItems(settings)
      .map((item) => mapGet(plainMap(item), key)?.value)
      .find(logs);
  const accessLog = (settings: Node | undefined) => {
    const destination = present(settings, "DestinationArn");
    return destination ? settings : undefined;
  };
  switch (resource.type) {
    case "AWS::ApiGateway::Stage":
      return (
        inSettings(presentEntry(properties, "MethodSettings")?.value, "LoggingLevel") ??
        accessLog(presentEntry(properties, "AccessLogSetting")?.value)
      );
    case "AWS::Serverless::Api": {
      const own = (key: string) =>
        presentEntry(properties, key)?.value ?? inheritedGlobal(template, resource, key)?.value;
      return inSettings(own("MethodSettings"), "LoggingLevel") ?? accessLog(own("AccessLogSetting"));
    }
    case "AWS::ApiGateway::Deployment": {
      const description = plainMap(presentEntry(properties, "StageDescription")?.value);
      if (!description) return undefined;
      const level = presentEntry(description, "LoggingLevel")?.value;
      return (
        (logs(level) ? level : undefined) ??
        inSettings(presentEntry(description, "MethodSettings")?.value, "LoggingLevel") ??
        accessLog(presentEntry(description, "AccessLogSetting")?.value)
      );
    }
    default: {
      // A WebSocket API's execution logging; an HTTP API has none and logs access without the role.
      const route = presentEntry(properties, "DefaultRouteSettings")?.value;
      const level = mapGet(plainMap(route), "LoggingLevel")?.value;
      if (logs(level)) return level;
      const routes = plainMap(presentEntry(properties, "RouteSettings")?.value);
      return routes?.entries.map((entry) => mapGet(plainMap(entry.value), "LoggingLevel")?.value).find(logs);
    }
  }
}

/** SAM APIs that inherit one Globals setting are reported there once: whether `node` is new. */
const reportedSettings = new WeakMap<TemplateIndex, Set<Node>>();
function firstReport(template: TemplateIndex, node: Node): boolean {
  let seen = reportedSettings.get(template);
  if (!seen) {
    seen = new Set();
    reportedSettings.set(template, seen);
  }
  if (seen.has(node)) return false;
  seen.add(node);
  return true;
}

export const stageLoggingRoleOrder: Rule = {
  id: "W3962",
  severity: "warning",
  shortDescription:
    "A stage that logs to CloudWatch waits for the API Gateway account settings of the template",
  description:
    "An API Gateway stage with execution or access logging, in a template that sets the account's CloudWatch role " +
    "with AWS::ApiGateway::Account, depends on that resource; otherwise API Gateway may refuse the stage because " +
    "the account has no logging role yet.",
  source: "https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html",
  tags: ["resources", "apigateway"],
  resourceTypes: LOGGING_STAGES,
  check({ template, report }) {
    for (const stage of resourcesOfType(template, ...LOGGING_STAGES)) {
      const accounts = resourcesOfType(template, ACCOUNT).filter(
        (account) =>
          present(account.properties?.value, "CloudWatchRoleArn") && together(template, stage, account),
      );
      if (accounts.length === 0 || accounts.some((account) => dependsOn(template, stage.name, account.name)))
        continue;
      for (const { properties } of propertySets(stage)) {
        const setting = loggingSetting(template, stage, properties);
        if (!setting || !firstReport(template, setting)) continue;
        report(
          setting,
          `${stage.name} logs to CloudWatch but does not wait for ${accounts[0].name}, which sets the account's ` +
            "logging role, so CloudFormation may create the stage first and API Gateway refuses it (CloudWatch Logs " +
            `role ARN must be set in account settings); add DependsOn: ${accounts[0].name}`,
        );
        break;
      }
    }
  },
};

const MOUNT_TARGET = "AWS::EFS::MountTarget";
const MOUNTING_FUNCTIONS = ["AWS::Lambda::Function", "AWS::Serverless::Function"];

/** The file system of the template an access point ARN names (`!GetAtt AccessPoint.Arn`), by its Ref. */
function accessPointFileSystem(template: TemplateIndex, arn: Node | undefined): string | undefined {
  const target = arn && referenceTarget(arn);
  const point = target?.attribute === "Arn" ? template.resources.get(target.name) : undefined;
  if (point?.type !== "AWS::EFS::AccessPoint") return undefined;
  return targetKey(present(point.properties?.value, "FileSystemId")?.value);
}

export const mountTargetOrder: Rule = {
  id: "W3983",
  severity: "warning",
  shortDescription: "A function that mounts an EFS file system waits for the file system's mount targets",
  description:
    "A Lambda function that mounts an access point of a file system whose mount targets the template creates " +
    "depends on each of them; otherwise Lambda may refuse the function because the mount targets are not available yet.",
  source: "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-function.html",
  tags: ["resources", "lambda", "efs"],
  resourceTypes: MOUNTING_FUNCTIONS,
  check({ template, report }) {
    for (const fn of resourcesOfType(template, ...MOUNTING_FUNCTIONS)) {
      for (const set of propertySets(fn)) {
        const mounts = inheritedProperty(template, set, "FileSystemConfigs");
        for (const item of listItems(mounts?.entry.value)) {
          const arn = present(item, "Arn")?.value;
          const fileSystem = accessPointFileSystem(template, arn);
          if (!arn || !fileSystem) continue;
          const waiting = resourcesOfType(template, MOUNT_TARGET).filter(
            (target) =>
              targetKey(present(target.properties?.value, "FileSystemId")?.value) === fileSystem &&
              together(template, fn, target) &&
              !dependsOn(template, fn.name, target.name),
          );
          if (waiting.length === 0) continue;
          const names = waiting.map((target) => target.name);
          report(
            arn,
            `Function ${fn.name} mounts a file system whose mount target${names.length > 1 ? "s" : ""} ` +
              `${names.join(", ")} it does not wait for, so CloudFormation may create it first and Lambda refuses ` +
              `it while the mount targets are not available; add DependsOn: [${names.join(", ")}]`,
          );
        }
      }
    }
  },
};
