import { didYouMean } from "../../suggest";
import { SAM_GLOBALS } from "../resources/shared";
import type { Rule } from "../rule";
import { kindName } from "../template/scalars";
import { SAM_GUIDE } from "./events";

/**
 * The Globals sections SAM supports and the properties each may set, as the transform's Globals
 * plugin lists them: not every property of the resource type (a function's Role, Policies,
 * FunctionName or Events, an API's StageName or DefinitionBody cannot be global).
 */
export const GLOBALS_PROPERTIES: Record<string, readonly string[]> = {
  Function: [
    "Architectures",
    "AssumeRolePolicyDocument",
    "AutoPublishAlias",
    "AutoPublishAliasAllProperties",
    "CapacityProviderConfig",
    "CodeSigningConfigArn",
    "CodeUri",
    "DeadLetterQueue",
    "DeploymentPreference",
    "Description",
    "DurableConfig",
    "Environment",
    "EphemeralStorage",
    "EventInvokeConfig",
    "FileSystemConfigs",
    "FunctionScalingConfig",
    "FunctionUrlConfig",
    "Handler",
    "KmsKeyArn",
    "Layers",
    "LoggingConfig",
    "MemorySize",
    "PermissionsBoundary",
    "PropagateTags",
    "ProvisionedConcurrencyConfig",
    "PublishToLatestPublished",
    "RecursiveLoop",
    "ReservedConcurrentExecutions",
    "RolePath",
    "Runtime",
    "RuntimeManagementConfig",
    "SnapStart",
    "SourceKMSKeyArn",
    "Tags",
    "TenancyConfig",
    "Timeout",
    "Tracing",
    "VersionDeletionPolicy",
    "VpcConfig",
  ],
  Api: [
    "AccessLogSetting",
    "AlwaysDeploy",
    "Auth",
    "BinaryMediaTypes",
    "CacheClusterEnabled",
    "CacheClusterSize",
    "CanarySetting",
    "Cors",
    "DefinitionUri",
    "Domain",
    "EndpointAccessMode",
    "EndpointConfiguration",
    "GatewayResponses",
    "MergeDefinitions",
    "MethodSettings",
    "MinimumCompressionSize",
    "Name",
    "OpenApiVersion",
    "PropagateTags",
    "SecurityPolicy",
    "TracingEnabled",
    "Variables",
  ],
  HttpApi: [
    "AccessLogSettings",
    "Auth",
    "CorsConfiguration",
    "DefaultRouteSettings",
    "Domain",
    "FailOnWarnings",
    "PropagateTags",
    "RouteSettings",
    "StageVariables",
    "Tags",
  ],
  SimpleTable: ["SSESpecification"],
  StateMachine: ["PropagateTags"],
  LayerVersion: ["PublishLambdaVersion"],
  CapacityProvider: [
    "InstanceRequirements",
    "KmsKeyArn",
    "OperatorRole",
    "PropagateTags",
    "ScalingConfig",
    "Tags",
    "VpcConfig",
  ],
  WebSocketApi: [
    "AccessLogSettings",
    "ApiKeySelectionExpression",
    "DefaultRouteSettings",
    "DisableExecuteApiEndpoint",
    "DisableSchemaValidation",
    "Domain",
    "FailOnWarnings",
    "IpAddressType",
    "PropagateTags",
    "RouteSelectionExpression",
    "RouteSettings",
    "StageVariables",
    "Tags",
  ],
};

const SECTIONS = Object.keys(GLOBALS_PROPERTIES);

export const samGlobals: Rule = {
  id: "E0001",
  severity: "error",
  shortDescription: "SAM Globals set only what SAM can make global",
  description:
    "Globals holds mappings for Function, Api, HttpApi, SimpleTable, StateMachine, LayerVersion, " +
    "CapacityProvider and WebSocketApi, each with only the properties SAM lets every resource of that type " +
    "inherit (a function's Role, Policies, FunctionName and Events, for example, cannot be global).",
  source: `${SAM_GUIDE}/sam-specification-template-anatomy-globals.html`,
  tags: ["sam", "globals"],
  check({ template, spec, report }) {
    if (!template.sam) return;
    const globals = template.sections.get("Globals");
    // A Globals section that is not a mapping is the template structure rule's (E1001) to report.
    if (!globals?.map) return;
    for (const section of globals.map.entries) {
      const supported = GLOBALS_PROPERTIES[section.key];
      if (!supported) {
        const hint = didYouMean(section.key, SECTIONS);
        report(
          section.keyRange,
          `Globals has no section '${section.key}'${hint || `; SAM supports ${SECTIONS.join(", ")}`}`,
          { path: ["Globals", section.key] },
        );
        continue;
      }
      if (section.value.kind !== "map") {
        report(
          section.value,
          `Globals.${section.key} must be a mapping of properties, not ${kindName(section.value)}`,
          {
            path: ["Globals", section.key],
          },
        );
        continue;
      }
      // A property the resource type lacks altogether is the property name rule's to report.
      const checkedType = SAM_GLOBALS[section.key];
      const typeProperties = checkedType ? spec.resource(checkedType)?.properties : undefined;
      for (const property of section.value.entries) {
        if (supported.includes(property.key)) continue;
        if (typeProperties && !typeProperties[property.key]) continue;
        const message = typeProperties
          ? `'${property.key}' in Globals.${section.key} cannot be global; set it on each ${checkedType} instead`
          : `'${property.key}' is not a property SAM can make global in Globals.${section.key}${didYouMean(property.key, supported)}`;
        report(property.keyRange, message, {
          path: ["Globals", section.key, property.key],
        });
      }
    }
  },
};
