/**
 * E3903, W3903, E3904 and E3980 (checks cfn-lint does not have): AWS::ApiGateway::Deployment
 * resources API Gateway refuses, most of them of a RestApi written out method by method.
 *
 * E3903: API Gateway refuses to deploy an API without methods ("The REST API doesn't contain any
 * methods"). A RestApi without Body, BodyS3Location or CloneFrom gets its methods from
 * AWS::ApiGateway::Method resources, and CloudFormation creates a Deployment as soon as its RestApi
 * exists unless it depends on a method, as the AWS::ApiGateway::Deployment page asks.
 *
 * W3903: such a RestApi with no Method in the template at all. A warning, because the methods may
 * come from where this template cannot show them (a template that is a module or fragment of a
 * larger one); deployed as it is, it fails. A Deployment with a DependsOn of its own is left alone:
 * its methods may come from a nested stack.
 *
 * E3904: a Deployment's StageName creates that stage, so an AWS::ApiGateway::Stage of the same
 * name on the same RestApi fails with "Stage already exists"; the Stage should be the only one to
 * name it, pointing at the Deployment with DeploymentId. A canary Deployment (one with
 * DeploymentCanarySettings) creates no stage: it sets the canary of a stage that must exist, so it
 * is left alone.
 *
 * E3980: a canary Deployment names the stage it is the canary of. API Gateway refuses one without
 * StageName ("Non null and non empty stageName must be provided for canary deployment", as
 * LocalStack records AWS's answer in its API Gateway canary tests).
 */
import type { MapEntry } from "../../model";
import { mapGet } from "../../nodes";
import { holderCondition, madeTogether, madeWhen } from "../conditions/logic";
import { dependsOn } from "../resources/circular-dependency";
import type { Rule } from "../rule";
import { type ResourceInfo, type TemplateIndex, USER_GUIDE } from "../template-index";
import { apiKey, apiName } from "./apigateway";
import { nameKey, shown } from "./named-order";
import { isAbsent, presentEntry, propertySets, resourcesOfType } from "./values";

const DEPLOYMENT = "AWS::ApiGateway::Deployment";
const DEFINED_ELSEWHERE = ["Body", "BodyS3Location", "CloneFrom"];

export const deploymentMethods: Rule = {
  id: "E3903",
  severity: "error",
  shortDescription: "An API Gateway Deployment depends on the methods of its RestApi",
  description:
    "A Deployment of a RestApi written out with AWS::ApiGateway::Method resources must depend on them: API " +
    "Gateway refuses to deploy an API that has no methods yet.",
  source: `${USER_GUIDE}/aws-resource-apigateway-deployment.html`,
  tags: ["resources", "apigateway"],
  check({ template, report }) {
    for (const { deployment, key, methods } of methodDeployments(template)) {
      if (methods.length === 0) continue;
      if (!methods.some((method) => dependsOn(template, deployment.name, method.name))) {
        report(
          deployment.entry.keyRange,
          `Deployment '${deployment.name}' does not depend on any method of ${apiName(key)}, so CloudFormation may ` +
            "create it before the methods, and API Gateway refuses to deploy an API without methods; give it " +
            `DependsOn: [${methods
              .slice(0, 3)
              .map((method) => method.name)
              .join(", ")}${methods.length > 3 ? ", ..." : ""}]`,
        );
      }
    }
  },
};

export const deploymentWithoutMethods: Rule = {
  id: "W3903",
  severity: "warning",
  shortDescription: "An API Gateway Deployment deploys a RestApi that has methods",
  description:
    "A Deployment of a RestApi with no Body and no AWS::ApiGateway::Method in the template fails, unless the " +
    "methods come from elsewhere.",
  source: `${USER_GUIDE}/aws-resource-apigateway-deployment.html`,
  tags: ["resources", "apigateway"],
  check({ template, report }) {
    for (const { deployment, key, entry, methods } of methodDeployments(template)) {
      if (methods.length > 0 || deployment.dependsOn) continue;
      report(
        entry.value,
        `Deployment '${deployment.name}' deploys ${apiName(key)}, which has no Body and no AWS::ApiGateway::Method ` +
          "in this template: API Gateway refuses to deploy an API without methods; add its methods, and DependsOn " +
          "on them",
      );
    }
  },
};

interface MethodDeployment {
  deployment: ResourceInfo;
  /** The RestApiId entry, naming a RestApi of the template defined method by method. */
  entry: MapEntry;
  key: string;
  methods: ResourceInfo[];
}

/** The Deployments of RestApis of the template that are written out method by method. */
function methodDeployments(template: TemplateIndex): MethodDeployment[] {
  const found: MethodDeployment[] = [];
  for (const deployment of resourcesOfType(template, DEPLOYMENT)) {
    for (const { properties } of propertySets(deployment)) {
      const entry = presentEntry(properties, "RestApiId");
      const key = apiKey(template, entry?.value);
      const api = key?.startsWith("ref:") ? template.resources.get(key.slice(4)) : undefined;
      if (!entry || !key || !api || definedElsewhere(api)) continue;
      found.push({ deployment, entry, key, methods: methodsOf(template, key) });
    }
  }
  return found;
}

export const deploymentStageTaken: Rule = {
  id: "E3904",
  severity: "error",
  shortDescription: "A stage is created by either a Deployment's StageName or a Stage, not both",
  description:
    "A Deployment's StageName creates that stage (but for a canary Deployment's), so an AWS::ApiGateway::Stage of " +
    "the same name on the same RestApi fails with 'Stage already exists'.",
  source: `${USER_GUIDE}/aws-resource-apigateway-stage.html`,
  tags: ["resources", "apigateway"],
  check({ template, report }) {
    const deployments = resourcesOfType(template, DEPLOYMENT);
    if (deployments.length === 0) return;
    const stages = new Map<string, ResourceInfo>();
    for (const stage of resourcesOfType(template, "AWS::ApiGateway::Stage")) {
      for (const { properties } of propertySets(stage)) {
        const key = apiKey(template, presentEntry(properties, "RestApiId")?.value);
        const value = presentEntry(properties, "StageName")?.value;
        const name = value && nameKey(value);
        if (key !== undefined && name !== undefined) stages.set(`${key}\0${name}`, stage);
      }
    }
    if (stages.size === 0) return;
    for (const deployment of deployments) {
      for (const { properties } of propertySets(deployment)) {
        const key = apiKey(template, presentEntry(properties, "RestApiId")?.value);
        const entry = presentEntry(properties, "StageName");
        if (mapGet(properties, "DeploymentCanarySettings")) continue;
        const name = entry && nameKey(entry.value);
        const stage = key !== undefined && name !== undefined ? stages.get(`${key}\0${name}`) : undefined;
        if (!entry || !key || !stage) continue;
        // A Deployment and a Stage under two different Conditions may never be made together (a
        // template that names its stage one way or the other).
        const [first, second] = [deployment, stage].map((resource) =>
          madeWhen(template, holderCondition(template, "Resources", resource.name)),
        );
        if (!madeTogether(first, second)) continue;
        report(
          entry.value,
          `Deployment '${deployment.name}' creates stage ${shown(entry.value)} of ${apiName(key)}, and Stage '${stage.name}' ` +
            "creates it too, so the second fails with 'Stage already exists'; remove StageName from the Deployment " +
            "and let the Stage name it, with DeploymentId pointing at the Deployment",
        );
      }
    }
  },
};

export const canaryStage: Rule = {
  id: "E3980",
  severity: "error",
  shortDescription: "A canary Deployment names its stage",
  description:
    "An AWS::ApiGateway::Deployment with DeploymentCanarySettings has a StageName, the existing stage it is the " +
    "canary of: API Gateway refuses a canary deployment without one.",
  source: `${USER_GUIDE}/aws-resource-apigateway-deployment.html`,
  tags: ["resources", "apigateway"],
  check({ template, report }) {
    for (const deployment of resourcesOfType(template, DEPLOYMENT)) {
      for (const { properties } of propertySets(deployment)) {
        const canary = presentEntry(properties, "DeploymentCanarySettings");
        if (!canary || !isAbsent(properties, "StageName")) continue;
        report(
          canary.keyRange,
          `Deployment '${deployment.name}' has DeploymentCanarySettings and no StageName, and API Gateway refuses a ` +
            "canary deployment without the stage it is the canary of; set StageName to that stage, which must exist " +
            "before the Deployment (DependsOn the AWS::ApiGateway::Stage that creates it)",
          { path: ["Resources", deployment.name, "Properties", "DeploymentCanarySettings"] },
        );
      }
    }
  },
};

function definedElsewhere(api: ResourceInfo): boolean {
  return propertySets(api).some(({ properties }) =>
    DEFINED_ELSEWHERE.some((key) => presentEntry(properties, key) !== undefined),
  );
}

/** The Method resources of the template whose RestApiId names the API `key`. */
function methodsOf(template: TemplateIndex, key: string): ResourceInfo[] {
  return resourcesOfType(template, "AWS::ApiGateway::Method").filter((method) =>
    propertySets(method).some(
      ({ properties }) => apiKey(template, presentEntry(properties, "RestApiId")?.value) === key,
    ),
  );
}
