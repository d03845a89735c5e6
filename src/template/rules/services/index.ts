/**
 * The service-specific checks, in the order the runner calls them; each file's header says which
 * service settings it judges.
 */
import type { Rule } from "../rule";
import { alarmDimensions } from "./alarm-dimensions";
import { alarmPeriod } from "./alarm-period";
import {
  authorizerTtl,
  methodAuthorizerApi,
  methodAuthorizerType,
  restApiName,
  stageDeploymentApi,
} from "./apigateway";
import { definitionMixedWithResources } from "./apigateway-definition";
import {
  canaryStage,
  deploymentMethods,
  deploymentStageTaken,
  deploymentWithoutMethods,
} from "./apigateway-deployment";
import { lambdaInvocationUri } from "./apigateway-lambda-uri";
import {
  apiHttpMethods,
  apiMethodRequirements,
  apiPathPart,
  lambdaIntegrationPost,
} from "./apigateway-methods";
import { apiStageName } from "./apigateway-stage-name";
import { apiStageOrder } from "./apigateway-stage-order";
import { apiKeyExpiry } from "./appsync-api-key";
import { hardcodedZones } from "./availability-zones";
import { batchImage } from "./batch-images";
import { canaryRuntime } from "./canary-runtimes";
import { capacityRange } from "./capacity-range";
import { cloudFrontAliases, cloudFrontAliasNames } from "./cloudfront-aliases";
import { edgeFunctionFeatures, edgeFunctionVersion } from "./cloudfront-edge";
import { cloudFrontTargetOrigins } from "./cloudfront-origins";
import { codeBuildRolePath } from "./codebuild-role";
import { cognitoThreatProtectionTier } from "./cognito-tier";
import {
  clientProviderOrder,
  configRecorderOrder,
  mountTargetOrder,
  resolverSchemaOrder,
  stageLoggingRoleOrder,
} from "./creation-order";
import { dataSyncScheduleInterval } from "./datasync-schedule";
import {
  deliveryWithoutGrant,
  functionUrlPermission,
  logSubscriptionOrder,
  logSubscriptionPermission,
  testedCallOrder,
  testedCallPermission,
} from "./delivery-targets";
import { recordInZone, validationDomain } from "./domains";
import { dynamicReferenceSecretArn, dynamicReferenceSecrets } from "./dynamic-reference-secrets";
import { dynamicReferenceSecure } from "./dynamic-reference-secure";
import { dynamicReferenceSpaces } from "./dynamic-reference-spaces";
import { dynamicReferenceSsm } from "./dynamic-reference-ssm";
import { dynamicReferenceSyntax } from "./dynamic-reference-syntax";
import { dynamodbAttributes } from "./dynamodb-attributes";
import { dynamoDbKeys } from "./dynamodb-keys";
import { dynamodbPayPerRequest } from "./dynamodb-pay-per-request";
import { dynamodbProvisioned } from "./dynamodb-provisioned";
import { dynamodbStreamArn } from "./dynamodb-stream";
import {
  blockDeviceIopsIgnored,
  blockDeviceVirtualNameIgnored,
  elasticIpDomain,
  vpnGatewayType,
} from "./ec2-ignored";
import {
  blockDeviceIops,
  blockDeviceVirtualName,
  instanceImageId,
  privateIpAddressPrimary,
} from "./ec2-instances";
import { ecsEssentialContainer } from "./ecs-essential";
import {
  ecsAwslogsOptions,
  ecsAwsvpcHostPort,
  ecsAwsvpcNetworkConfiguration,
  ecsDynamicPortHealthCheck,
  ecsFargateServiceLogDriver,
  ecsFargateTaskDefinition,
  ecsReplicaScheduling,
} from "./ecs-services";
import { eksVersion } from "./eks-version";
import { cacheEngineVersion } from "./elasticache-engines";
import { sqsEncryptionKind, stateMachineLogging } from "./encryption-logging";
import { eventPatterns } from "./event-patterns";
import { queueStartingPosition, streamStartingPosition } from "./event-source-position";
import { eventTargetRoles } from "./event-target-roles";
import { eventInputPlaceholders, eventRuleTargetCount, eventTargetInput } from "./event-targets";
import { fargateTaskProperties, fargateTaskSize } from "./fargate-task";
import { fifoQueueTargets } from "./fifo-targets";
import { dynamicPartitioningPrefixes } from "./firehose-partitioning";
import { fixedEventNames, fixedExportNames, fixedNames, retainedStackNames } from "./fixed-names";
import { httpApiCors, httpApiRoutes } from "./http-api-routes";
import { instanceTypeRules } from "./instance-types";
import { jsonText } from "./json-text";
import { provisionedOnLatest, provisionedOverReserved } from "./lambda-concurrency";
import { lambdaEnvironment, lambdaEnvironmentNames } from "./lambda-environment";
import { lambdaEnvironmentSize } from "./lambda-environment-size";
import { lambdaImage } from "./lambda-image";
import { inlineCodeRuntime, inlineCodeRuntimeFamily } from "./lambda-inline-code";
import { invokeConfigSettings } from "./lambda-invoke-config";
import { layerArnLength, layerOnce } from "./lambda-layers";
import { lambdaLogLevel } from "./lambda-log-level";
import { permissionLatest, permissionPrincipal, permissionSourceAccount } from "./lambda-permission";
import { lambdaSnapStart, snapStartVersion } from "./lambda-snapstart";
import { lambdaVpcSides } from "./lambda-vpc";
import { lambdaZipPackage, samZipPackage } from "./lambda-zip";
import { launchTemplateVersionWord } from "./launch-template-versions";
import { listenerRulePriority } from "./listener-priorities";
import {
  applicationLoadBalancerSubnets,
  classicListenerCertificate,
  forwardToGeneveTargetGroup,
  listenerCertificate,
  targetGroupGenevePort,
  targetGroupHealthCheckMatcher,
  targetGroupTargetType,
} from "./load-balancers";
import { logSubscriptionRole, logSubscriptions } from "./log-subscriptions";
import { namedWithoutDependency } from "./named-order";
import {
  pipelineArtifactNames,
  pipelineRequiredConfiguration,
  pipelineSourceArtifacts,
  pipelineSourceStage,
  pipelineTemplateArtifact,
} from "./pipelines";
import { plainLogicalId } from "./plain-logical-id";
import { privateRestApiPolicy } from "./private-rest-api";
import { pseudoParameterString } from "./pseudo-parameter-string";
import {
  auroraClusterSettings,
  auroraInstanceSettings,
  clusterDeprecatedEngineVersion,
  clusterRetiredEngine,
  clusterRetiredEngineVersion,
  instanceBackupRetention,
  instanceClusterEncryption,
  instanceClusterEngine,
  instanceDeprecatedEngineVersion,
  instanceKmsKeyEncryption,
  instanceReplicaMode,
  instanceRetiredEngine,
  instanceRetiredEngineVersion,
  multiAzClusterSettings,
  rdsMonitoring,
  rdsServerlessScaling,
  rdsServerlessV1,
} from "./rds";
import { parameterGroupFamily } from "./rds-family";
import {
  clusterSnapshotIgnored,
  clusterSourceIgnored,
  instanceReplicaModeIgnored,
  serverlessV1Insights,
} from "./rds-ignored";
import { getAttNotArn, refNotArn } from "./ref-arn";
import { refNotIamName } from "./ref-iam-names";
import { retiredRuleAction, retiredService } from "./retired-services";
import { roleArnPattern } from "./role-arns";
import { recordAliasOrValues, recordValues } from "./route53-records";
import { s3EventNames } from "./s3-event-names";
import { s3NotificationOverlap } from "./s3-notification-overlap";
import { s3NotificationGrant, s3NotificationOrder } from "./s3-notifications";
import { s3AccessControl, s3Ownership } from "./s3-ownership";
import { scheduleOnCustomBus } from "./schedule-bus";
import { scheduleExpression } from "./schedule-expression";
import { schedulerWindow } from "./scheduler-window";
import { passwordProperties, secretParameters } from "./secret-parameters";
import {
  securityGroupAllPorts,
  securityGroupIgnoredPorts,
  securityGroupPortsRequired,
} from "./security-group-ports";
import {
  autoScalingHealthCheckType,
  backupColdStorage,
  codeBuildS3Location,
  guardDutyDataSources,
  healthCheckAlarm,
  intelligentTieringDays,
  redisClusterFailover,
  targetTrackingGroupSize,
  valkeyTransitEncryption,
} from "./service-settings";
import { snsFifoName } from "./sns-fifo";
import { snsFilterPolicyLimits } from "./sns-filter-policy";
import { snsSubscriptionEndpoint } from "./sns-subscription";
import { snsSubscriptionKinds } from "./sns-subscription-kinds";
import { sqsBatching } from "./sqs-batching";
import { sqsDeadLetter } from "./sqs-dead-letter";
import { sqsFifo } from "./sqs-fifo";
import { sqsRedrivePolicy } from "./sqs-redrive";
import { sqsVisibilityTimeout } from "./sqs-visibility-timeout";
import { ssmDocumentContent } from "./ssm-document";
import { ssmParameterName } from "./ssm-parameter-name";
import { subNeeded } from "./sub-needed";
import {
  privateDnsEndpoints,
  securityGroupSubnetVpc,
  subnetInVpc,
  subnetOverlap,
  subnetRouteTableAssociation,
} from "./vpc-networking";
import { wafLogDestinationName } from "./waf-logging";
import { webhookEvents } from "./webhook-events";

export const serviceRules: Rule[] = [
  dynamodbAttributes,
  dynamodbPayPerRequest,
  dynamodbProvisioned,
  sqsFifo,
  sqsDeadLetter,
  sqsVisibilityTimeout,
  sqsBatching,
  streamStartingPosition,
  queueStartingPosition,
  lambdaImage,
  lambdaEnvironment,
  lambdaEnvironmentNames,
  lambdaEnvironmentSize,
  inlineCodeRuntime,
  inlineCodeRuntimeFamily,
  lambdaLogLevel,
  lambdaSnapStart,
  snapStartVersion,
  provisionedOverReserved,
  provisionedOnLatest,
  lambdaZipPackage,
  samZipPackage,
  layerArnLength,
  layerOnce,
  invokeConfigSettings,
  ...instanceTypeRules,
  roleArnPattern,
  permissionPrincipal,
  permissionSourceAccount,
  permissionLatest,
  scheduleExpression,
  restApiName,
  stageDeploymentApi,
  methodAuthorizerApi,
  methodAuthorizerType,
  authorizerTtl,
  alarmPeriod,
  logSubscriptions,
  logSubscriptionRole,
  capacityRange,
  scheduleOnCustomBus,
  s3EventNames,
  snsSubscriptionEndpoint,
  ssmParameterName,
  hardcodedZones,
  fixedNames,
  fixedExportNames,
  fixedEventNames,
  retainedStackNames,
  ssmDocumentContent,
  s3Ownership,
  s3AccessControl,
  s3NotificationGrant,
  s3NotificationOrder,
  deploymentMethods,
  deploymentStageTaken,
  canaryStage,
  deploymentWithoutMethods,
  definitionMixedWithResources,
  lambdaInvocationUri,
  apiHttpMethods,
  lambdaIntegrationPost,
  apiMethodRequirements,
  apiPathPart,
  cloudFrontTargetOrigins,
  codeBuildRolePath,
  dynamodbStreamArn,
  logSubscriptionPermission,
  logSubscriptionOrder,
  deliveryWithoutGrant,
  functionUrlPermission,
  fargateTaskProperties,
  fargateTaskSize,
  ecsEssentialContainer,
  refNotArn,
  refNotIamName,
  jsonText,
  canaryRuntime,
  retiredService,
  retiredRuleAction,
  cognitoThreatProtectionTier,
  apiKeyExpiry,
  wafLogDestinationName,
  dataSyncScheduleInterval,
  eksVersion,
  batchImage,
  launchTemplateVersionWord,
  snsSubscriptionKinds,
  snsFilterPolicyLimits,
  webhookEvents,
  getAttNotArn,
  subNeeded,
  pseudoParameterString,
  secretParameters,
  passwordProperties,
  recordInZone,
  validationDomain,
  eventPatterns,
  eventTargetInput,
  eventInputPlaceholders,
  eventRuleTargetCount,
  httpApiRoutes,
  httpApiCors,
  lambdaVpcSides,
  privateRestApiPolicy,
  eventTargetRoles,
  apiStageName,
  apiStageOrder,
  clientProviderOrder,
  resolverSchemaOrder,
  configRecorderOrder,
  stageLoggingRoleOrder,
  mountTargetOrder,
  namedWithoutDependency,
  listenerRulePriority,
  dynamicPartitioningPrefixes,
  parameterGroupFamily,
  testedCallPermission,
  testedCallOrder,
  fifoQueueTargets,
  alarmDimensions,
  dynamoDbKeys,
  s3NotificationOverlap,
  sqsEncryptionKind,
  stateMachineLogging,
  cloudFrontAliases,
  cloudFrontAliasNames,
  edgeFunctionVersion,
  edgeFunctionFeatures,
  snsFifoName,
  schedulerWindow,
  sqsRedrivePolicy,
  dynamicReferenceSyntax,
  dynamicReferenceSecrets,
  dynamicReferenceSecretArn,
  dynamicReferenceSpaces,
  dynamicReferenceSsm,
  dynamicReferenceSecure,
  securityGroupPortsRequired,
  securityGroupAllPorts,
  securityGroupIgnoredPorts,
  subnetInVpc,
  subnetOverlap,
  subnetRouteTableAssociation,
  privateDnsEndpoints,
  securityGroupSubnetVpc,
  applicationLoadBalancerSubnets,
  targetGroupTargetType,
  targetGroupGenevePort,
  targetGroupHealthCheckMatcher,
  listenerCertificate,
  forwardToGeneveTargetGroup,
  classicListenerCertificate,
  rdsServerlessScaling,
  rdsServerlessV1,
  rdsMonitoring,
  cacheEngineVersion,
  auroraClusterSettings,
  auroraInstanceSettings,
  instanceKmsKeyEncryption,
  instanceClusterEngine,
  instanceClusterEncryption,
  instanceBackupRetention,
  instanceReplicaMode,
  multiAzClusterSettings,
  clusterSnapshotIgnored,
  clusterSourceIgnored,
  serverlessV1Insights,
  instanceReplicaModeIgnored,
  plainLogicalId,
  clusterRetiredEngine,
  instanceRetiredEngine,
  clusterRetiredEngineVersion,
  instanceRetiredEngineVersion,
  clusterDeprecatedEngineVersion,
  instanceDeprecatedEngineVersion,
  ecsReplicaScheduling,
  ecsAwsvpcNetworkConfiguration,
  ecsFargateTaskDefinition,
  ecsFargateServiceLogDriver,
  ecsAwsvpcHostPort,
  ecsAwslogsOptions,
  ecsDynamicPortHealthCheck,
  pipelineSourceStage,
  pipelineArtifactNames,
  pipelineSourceArtifacts,
  pipelineTemplateArtifact,
  pipelineRequiredConfiguration,
  recordValues,
  recordAliasOrValues,
  backupColdStorage,
  intelligentTieringDays,
  targetTrackingGroupSize,
  autoScalingHealthCheckType,
  healthCheckAlarm,
  valkeyTransitEncryption,
  redisClusterFailover,
  guardDutyDataSources,
  codeBuildS3Location,
  blockDeviceIops,
  blockDeviceVirtualName,
  blockDeviceIopsIgnored,
  blockDeviceVirtualNameIgnored,
  elasticIpDomain,
  vpnGatewayType,
  instanceImageId,
  privateIpAddressPrimary,
];
