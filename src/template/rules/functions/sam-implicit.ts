/**
 * The resources the SAM transform generates without the template declaring them, so a Ref or
 * GetAtt naming one (`MyFunctionRole`, `ServerlessRestApi`, ...) is not reported as undefined and
 * GetAtt on one can still be checked against the generated resource type.
 *
 * Some generated ids carry a hash of the resource's content (`MyApiDeployment3f2a1b...`,
 * `MyFunctionVersion9c8d...`) or a name only known at deploy time, so those are matched by prefix
 * and suffix.
 */
import type { MapEntry, MapNode, Node } from "../../model";
import { mapGet } from "../../nodes";
import { inheritedGlobal, samNamedRole } from "../services/values";
import { isString, type TemplateIndex } from "../template-index";

export interface SamImplicit {
  /** Generated logical id → resource type, for the ids SAM derives deterministically. */
  resources: Map<string, string>;
  /** Prefixes of generated ids that carry a content hash or a name only known at deploy time. */
  prefixes: { prefix: string; suffix: string; type: string }[];
  /**
   * The references SAM resolves itself (its resources' `referable_properties`): `MyFunction.Alias`,
   * `MyApi.Stage`, ... → the type of the generated resource. Ref takes them, and GetAtt and Sub
   * take them before an attribute (`!GetAtt MyFunction.Version.FunctionArn`).
   */
  refs: Map<string, string>;
}

/** The type of a generated resource, or undefined when SAM generates no resource of that id. */
export function samImplicitType(implicit: SamImplicit, name: string): string | undefined {
  const exact = implicit.resources.get(name);
  if (exact !== undefined) return exact;
  for (const { prefix, suffix, type } of implicit.prefixes) {
    if (name.length > prefix.length + suffix.length && name.startsWith(prefix) && name.endsWith(suffix))
      return type;
  }
  return undefined;
}

const EVENT_RESOURCE_TYPES: Record<string, string> = {
  CloudWatchEvent: "AWS::Events::Rule",
  EventBridgeRule: "AWS::Events::Rule",
  Schedule: "AWS::Events::Rule",
  ScheduleV2: "AWS::Scheduler::Schedule",
  CloudWatchLogs: "AWS::Logs::SubscriptionFilter",
  IoTRule: "AWS::IoT::TopicRule",
  SNS: "AWS::SNS::Subscription",
  Kinesis: "AWS::Lambda::EventSourceMapping",
  DynamoDB: "AWS::Lambda::EventSourceMapping",
  SQS: "AWS::Lambda::EventSourceMapping",
  MQ: "AWS::Lambda::EventSourceMapping",
  MSK: "AWS::Lambda::EventSourceMapping",
  SelfManagedKafka: "AWS::Lambda::EventSourceMapping",
  DocumentDB: "AWS::Lambda::EventSourceMapping",
};

const cache = new WeakMap<TemplateIndex, SamImplicit>();

/** Empty for templates without the SAM transform. */
export function samImplicitResources(template: TemplateIndex): SamImplicit {
  const cached = cache.get(template);
  if (cached) return cached;
  const implicit: SamImplicit = { resources: new Map(), prefixes: [], refs: new Map() };
  cache.set(template, implicit);
  if (!template.sam) return implicit;

  const add = (name: string, type: string) => {
    if (!template.resources.has(name)) implicit.resources.set(name, type);
  };
  const addPrefix = (prefix: string, type: string, suffix = "") =>
    implicit.prefixes.push({ prefix, suffix, type });
  let restApi = false;
  let httpApi = false;

  for (const resource of template.resources.values()) {
    const { name, type } = resource;
    const props = resource.properties?.value;
    switch (type) {
      case "AWS::Serverless::Function": {
        // A function's settings as the transform sees them: its own, else those of Globals.
        const setting = (key: string) => mapGet(props, key) ?? inheritedGlobal(template, resource, key);
        if (props?.kind !== "map" || !samNamedRole(props)) add(`${name}Role`, "AWS::IAM::Role");
        if (
          publishAlias(
            implicit,
            name,
            setting("AutoPublishAlias"),
            "AWS::Lambda::Version",
            "AWS::Lambda::Alias",
          )
        ) {
          implicit.refs.set(`${name}.Alias`, "AWS::Lambda::Alias");
          implicit.refs.set(`${name}.Version`, "AWS::Lambda::Version");
        }
        if (setting("FunctionUrlConfig")) {
          add(`${name}Url`, "AWS::Lambda::Url");
          add(`${name}UrlPublicPermissions`, "AWS::Lambda::Permission");
          add(`${name}URLInvokeAllowPublicAccess`, "AWS::Lambda::Permission");
        }
        if (setting("DeploymentPreference")) {
          add(`${name}DeploymentGroup`, "AWS::CodeDeploy::DeploymentGroup");
          add("ServerlessDeploymentApplication", "AWS::CodeDeploy::Application");
          add("CodeDeployServiceRole", "AWS::IAM::Role");
        }
        const invokeConfig = setting("EventInvokeConfig")?.value;
        if (invokeConfig) {
          add(`${name}EventInvokeConfig`, "AWS::Lambda::EventInvokeConfig");
          destinations(implicit, name, invokeConfig, add);
        }
        for (const event of events(props)) {
          const id = `${name}${event.name}`;
          const eventType = EVENT_RESOURCE_TYPES[event.type];
          if (eventType) add(id, eventType);
          // Api permissions are named per stage (`...PermissionProd`), the others have no suffix.
          add(`${id}Permission`, "AWS::Lambda::Permission");
          addPrefix(`${id}Permission`, "AWS::Lambda::Permission");
          if (mapGet(event.properties, "DeadLetterConfig")) add(`${id}Queue`, "AWS::SQS::Queue");
          if (event.type === "ScheduleV2") add(`${id}Role`, "AWS::IAM::Role");
          if (event.type === "Api" && !mapGet(event.properties, "RestApiId")) restApi = true;
          if (event.type === "HttpApi" && !mapGet(event.properties, "ApiId")) httpApi = true;
        }
        break;
      }
      case "AWS::Serverless::StateMachine": {
        if (props?.kind !== "map" || !samNamedRole(props)) add(`${name}Role`, "AWS::IAM::Role");
        publishAlias(
          implicit,
          name,
          mapGet(props, "AutoPublishAlias"),
          "AWS::StepFunctions::StateMachineVersion",
          "AWS::StepFunctions::StateMachineAlias",
        );
        for (const event of events(props)) {
          const id = `${name}${event.name}`;
          const eventType = EVENT_RESOURCE_TYPES[event.type];
          if (eventType) add(id, eventType);
          add(`${id}Role`, "AWS::IAM::Role");
          if (event.type === "Api" && !mapGet(event.properties, "RestApiId")) restApi = true;
        }
        break;
      }
      case "AWS::Serverless::Api": {
        addPrefix(`${name}Deployment`, "AWS::ApiGateway::Deployment");
        // api_generator.py: `<Api><StageName>Stage` for a name of letters and digits, `<Api>Stage`
        // and a hash for another literal, and `<Api>Stage` alone for a name given by an intrinsic.
        const stage = mapGet(props, "StageName")?.value;
        if (isString(stage) && /^[A-Za-z0-9]+$/.test(stage.value))
          add(`${name}${stage.value}Stage`, "AWS::ApiGateway::Stage");
        else if (isString(stage)) addPrefix(`${name}Stage`, "AWS::ApiGateway::Stage");
        else add(`${name}Stage`, "AWS::ApiGateway::Stage");
        add(`${name}UsagePlan`, "AWS::ApiGateway::UsagePlan");
        add(`${name}ApiKey`, "AWS::ApiGateway::ApiKey");
        add(`${name}UsagePlanKey`, "AWS::ApiGateway::UsagePlanKey");
        addPrefix(name, "AWS::Lambda::Permission", "AuthorizerPermission");
        implicit.refs.set(`${name}.Stage`, "AWS::ApiGateway::Stage");
        implicit.refs.set(`${name}.Deployment`, "AWS::ApiGateway::Deployment");
        implicit.refs.set(`${name}.DomainName`, "AWS::ApiGateway::DomainName");
        implicit.refs.set(`${name}.DomainNameV2`, "AWS::ApiGateway::DomainNameV2");
        implicit.refs.set(`${name}.UsagePlan`, "AWS::ApiGateway::UsagePlan");
        implicit.refs.set(`${name}.UsagePlanKey`, "AWS::ApiGateway::UsagePlanKey");
        implicit.refs.set(`${name}.ApiKey`, "AWS::ApiGateway::ApiKey");
        break;
      }
      case "AWS::Serverless::HttpApi": {
        const stage = mapGet(props, "StageName")?.value;
        if (isString(stage)) add(`${name}${alphanumeric(stage.value)}Stage`, "AWS::ApiGatewayV2::Stage");
        else add(`${name}ApiGatewayDefaultStage`, "AWS::ApiGatewayV2::Stage");
        addPrefix(name, "AWS::ApiGatewayV2::Stage", "Stage");
        addPrefix(name, "AWS::Lambda::Permission", "AuthorizerPermission");
        v2Refs(implicit, name);
        break;
      }
      case "AWS::Serverless::GraphQLApi": {
        add(`${name}Schema`, "AWS::AppSync::GraphQLSchema");
        // One API key per entry of ApiKeys, named after the API and the entry.
        const keys = mapGet(props, "ApiKeys")?.value;
        if (keys?.kind === "map")
          for (const key of keys.entries) add(`${name}${key.key}`, "AWS::AppSync::ApiKey");
        if (mapGet(props, "Cache")) add(`${name}ApiCache`, "AWS::AppSync::ApiCache");
        if (mapGet(props, "DomainName")) {
          add(`${name}DomainName`, "AWS::AppSync::DomainName");
          add(`${name}DomainNameApiAssociation`, "AWS::AppSync::DomainNameApiAssociation");
        }
        break;
      }
      case "AWS::Serverless::WebSocketApi": {
        // The stage id carries the stage name as written; a computed name leaves it out.
        const stage = mapGet(props, "StageName")?.value;
        const prefix = stage === undefined ? "default" : isString(stage) ? stage.value : "";
        add(
          prefix === "default" ? `${name}DefaultStage` : `${name}${prefix}Stage`,
          "AWS::ApiGatewayV2::Stage",
        );
        v2Refs(implicit, name);
        break;
      }
      case "AWS::Serverless::CapacityProvider":
        if (!mapGet(props, "OperatorRole")) add(`${name}OperatorRole`, "AWS::IAM::Role");
        break;
      case "AWS::Serverless::LayerVersion":
        addPrefix(name, "AWS::Lambda::LayerVersion");
        break;
    }
  }

  // The implicit APIs are SAM APIs too, translated as declared ones are: their Stage (and a REST
  // API's Deployment) are referable (aws-sam-translator 1.110 turns `${ServerlessHttpApi.Stage}`
  // into `${ServerlessHttpApiApiGatewayDefaultStage}`; round 46 found the Sub in an output).
  if (restApi) {
    add("ServerlessRestApi", "AWS::ApiGateway::RestApi");
    add("ServerlessRestApiProdStage", "AWS::ApiGateway::Stage");
    addPrefix("ServerlessRestApiDeployment", "AWS::ApiGateway::Deployment");
    implicit.refs.set("ServerlessRestApi.Stage", "AWS::ApiGateway::Stage");
    implicit.refs.set("ServerlessRestApi.Deployment", "AWS::ApiGateway::Deployment");
  }
  if (httpApi) {
    add("ServerlessHttpApi", "AWS::ApiGatewayV2::Api");
    add("ServerlessHttpApiApiGatewayDefaultStage", "AWS::ApiGatewayV2::Stage");
    v2Refs(implicit, "ServerlessHttpApi");
  }
  // Globals can attach an implicit-API setting to every function; the implicit API ids are
  // reserved by SAM, so a reference to them is never a typo for a declared resource.
  if (template.sections.has("Globals") && !restApi && !httpApi) {
    const globals = template.sections.get("Globals")?.map;
    if (mapGet(globals, "Api")) add("ServerlessRestApi", "AWS::ApiGateway::RestApi");
    if (mapGet(globals, "HttpApi")) add("ServerlessHttpApi", "AWS::ApiGatewayV2::Api");
  }
  return implicit;
}

/** SAM names stages and aliases in logical ids after stripping what ids may not contain. */
function alphanumeric(text: string): string {
  return text.replace(/[^A-Za-z0-9]/g, "");
}

/** The references an HTTP or WebSocket API gives (`referable_properties` of SamHttpApi, SamWebSocketApi). */
function v2Refs(implicit: SamImplicit, name: string): void {
  implicit.refs.set(`${name}.Stage`, "AWS::ApiGatewayV2::Stage");
  implicit.refs.set(`${name}.DomainName`, "AWS::ApiGatewayV2::DomainName");
}

/**
 * The version and alias AutoPublishAlias makes; whether there is one. A function's are referable as
 * `<Function>.Version` and `.Alias`; a state machine's are not (SamStateMachine has no
 * `referable_properties`, so `!Ref MyStateMachine.Alias` reaches CloudFormation unresolved).
 */
function publishAlias(
  implicit: SamImplicit,
  name: string,
  /** The resource's AutoPublishAlias, written or inherited. */
  setting: MapEntry | undefined,
  versionType: string,
  aliasType: string,
): boolean {
  const alias = setting?.value;
  if (!alias) return false;
  implicit.prefixes.push({ prefix: `${name}Version`, suffix: "", type: versionType });
  if (isString(alias)) implicit.resources.set(`${name}Alias${alphanumeric(alias.value)}`, aliasType);
  implicit.prefixes.push({ prefix: `${name}Alias`, suffix: "", type: aliasType });
  return true;
}

interface SamEvent {
  name: string;
  type: string;
  properties: MapNode | undefined;
}

function events(props: Node | undefined): SamEvent[] {
  const list = mapGet(props, "Events")?.value;
  if (list?.kind !== "map") return [];
  return list.entries.map((entry) => {
    const type = mapGet(entry.value, "Type")?.value;
    const properties = mapGet(entry.value, "Properties")?.value;
    return {
      name: entry.key,
      type: isString(type) ? type.value : "",
      properties: properties?.kind === "map" ? properties : undefined,
    };
  });
}

/** What SAM makes for a destination of Type SQS or SNS, and the Ref it resolves to it. */
const DESTINATION_KINDS: Record<string, { suffix: string; type: string; ref: string }> = {
  SQS: { suffix: "Queue", type: "AWS::SQS::Queue", ref: "DestinationQueue" },
  SNS: { suffix: "Topic", type: "AWS::SNS::Topic", ref: "DestinationTopic" },
};

/**
 * The queue or topic SAM makes for an OnSuccess or OnFailure destination of Type SQS or SNS
 * (`<Function>EventInvokeConfigOnSuccessQueue`), to which `!Ref <Function>.DestinationQueue` or
 * `.DestinationTopic` resolves. A Type given by an intrinsic may be either.
 */
function destinations(
  implicit: SamImplicit,
  name: string,
  invokeConfig: Node,
  add: (name: string, type: string) => void,
): void {
  const config = mapGet(invokeConfig, "DestinationConfig")?.value;
  for (const on of ["OnSuccess", "OnFailure"]) {
    const typeNode = mapGet(mapGet(config, on)?.value, "Type")?.value;
    if (!typeNode) continue;
    const kinds = isString(typeNode)
      ? [DESTINATION_KINDS[typeNode.value]].filter((kind) => kind !== undefined)
      : Object.values(DESTINATION_KINDS);
    for (const kind of kinds) {
      add(`${name}EventInvokeConfig${on}${kind.suffix}`, kind.type);
      implicit.refs.set(`${name}.${kind.ref}`, kind.type);
    }
  }
}
