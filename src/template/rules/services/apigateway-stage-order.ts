/**
 * E3935 (our own id): a usage plan or base path mapping that names a REST API stage by its name
 * before the stage exists. `Stage: prod` is a plain string, so CloudFormation sees no dependency on
 * the Stage (or Deployment, or SAM Api) that creates the stage: it creates the usage plan as soon
 * as the API exists, ahead of the stage, which still waits for its deployment, and API Gateway
 * refuses it ("Invalid stage identifier specified"). Reported when the template creates that stage
 * and the usage plan or mapping does not depend on its creator, directly or through others. A
 * warning where the usage plan or mapping also waits for a resource the stage does not (a custom
 * domain name, whose certificate may take minutes): the stage may then come first.
 */
import type { Node } from "../../model";
import { listItems, mapGet } from "../../nodes";
import { dependencyGraph, dependsOn } from "../resources/circular-dependency";
import type { Report, Rule } from "../rule";
import type { ResourceInfo, TemplateIndex } from "../template-index";
import {
  literalString,
  plainMap,
  presentEntry,
  propertySets,
  referenceTarget,
  refResource,
  resourcesOfType,
} from "./values";

/** The resource of the template that creates stage `stage` of API `api`, with how to name it. */
function stageCreator(
  template: TemplateIndex,
  api: ResourceInfo,
  stage: string,
): { creator: string; fix: string } | undefined {
  if (api.type === "AWS::Serverless::Api") {
    const name = literalString(mapGet(plainMap(api.properties?.value), "StageName")?.value);
    // The transform names the stage it makes <Api><StageName>Stage, letters and digits only.
    const generated = `${api.name}${stage.replace(/[^A-Za-z0-9]/g, "")}Stage`;
    return name === stage ? { creator: generated, fix: `Stage: !Ref ${api.name}.Stage` } : undefined;
  }
  for (const type of ["AWS::ApiGateway::Stage", "AWS::ApiGateway::Deployment"]) {
    for (const resource of resourcesOfType(template, type)) {
      const properties = plainMap(resource.properties?.value);
      const restApi = mapGet(properties, "RestApiId")?.value;
      const target = restApi && referenceTarget(restApi);
      if (target?.name !== api.name || literalString(mapGet(properties, "StageName")?.value) !== stage)
        continue;
      const fix =
        type === "AWS::ApiGateway::Stage" ? `Stage: !Ref ${resource.name}` : `DependsOn: ${resource.name}`;
      return { creator: resource.name, fix };
    }
  }
  return undefined;
}

function check(
  template: TemplateIndex,
  owner: ResourceInfo,
  apiNode: Node | undefined,
  stageNode: Node | undefined,
  report: Report,
  path: (string | number)[],
): void {
  const stage = literalString(stageNode);
  const api = apiNode && refResource(template, apiNode);
  if (!stageNode || stage === undefined || !api) return;
  const found = stageCreator(template, api, stage);
  if (!found) return;
  const generated = !template.resources.has(found.creator);
  const waits = generated
    ? listItems(mapGet(owner.body, "DependsOn")?.value).some((item) => literalString(item) === found.creator)
    : dependsOn(template, owner.name, found.creator);
  if (waits) return;
  const slower = slowerDependency(template, owner, api, generated ? api.name : found.creator);
  report(
    stageNode,
    `${owner.name} names stage '${stage}' of ${api.name} by its name, so CloudFormation does not wait for ` +
      `${found.creator}, which creates it, and API Gateway refuses it (Invalid stage identifier specified)` +
      `${slower ? ` whenever ${slower}, which ${owner.name} waits for, is ready before the stage` : ""}; write ` +
      found.fix,
    { path, ...(slower ? { severity: "warning" as const } : {}) },
  );
}

/**
 * A resource `owner` depends on directly that the stage's creator does not wait for (a custom
 * domain name whose certificate takes minutes, say): the owner is then not certain to come first,
 * and the finding is a warning.
 */
function slowerDependency(
  template: TemplateIndex,
  owner: ResourceInfo,
  api: ResourceInfo,
  creator: string,
): string | undefined {
  const { ids, names, edges } = dependencyGraph(template);
  const id = ids.get(owner.name);
  if (id === undefined) return undefined;
  return edges[id]
    .map((next) => names[next])
    .find((name) => name !== api.name && name !== creator && !dependsOn(template, creator, name));
}

export const apiStageOrder: Rule = {
  id: "E3935",
  severity: "error",
  shortDescription: "Usage plans and base path mappings wait for the stage they name",
  description:
    "A usage plan's ApiStages and a base path mapping name a stage that the template creates through a reference to " +
    "it (!Ref of the Stage, !Ref Api.Stage for SAM) or a DependsOn on its creator.",
  source:
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-apigateway-usageplan.html",
  tags: ["resources", "apigateway"],
  resourceTypes: ["AWS::ApiGateway::UsagePlan", "AWS::ApiGateway::BasePathMapping"],
  check({ template, report }) {
    for (const plan of resourcesOfType(template, "AWS::ApiGateway::UsagePlan")) {
      for (const { properties } of propertySets(plan)) {
        listItems(presentEntry(properties, "ApiStages")?.value).forEach((item, i) => {
          const stage = plainMap(item);
          check(template, plan, mapGet(stage, "ApiId")?.value, mapGet(stage, "Stage")?.value, report, [
            ...["Resources", plan.name, "Properties", "ApiStages", i, "Stage"],
          ]);
        });
      }
    }
    for (const mapping of resourcesOfType(template, "AWS::ApiGateway::BasePathMapping")) {
      for (const { properties } of propertySets(mapping)) {
        check(
          template,
          mapping,
          mapGet(properties, "RestApiId")?.value,
          mapGet(properties, "Stage")?.value,
          report,
          [...["Resources", mapping.name, "Properties", "Stage"]],
        );
      }
    }
  },
};
