/**
 * E3055 CreationPolicy and E3016 UpdatePolicy: the keys each resource type takes and the type of
 * each value, from the CloudFormation User Guide's pages on the two attributes (cfn-lint checks the
 * same shapes). Beyond cfn-lint: a CodeDeployLambdaAliasUpdate names its ApplicationName and
 * DeploymentGroupName, which the User Guide marks required, and an EC2 instance's ResourceSignal is
 * checked like an Auto Scaling group's. An UpdatePolicy on a type that has none is a warning: the
 * User Guide lists the types it applies to, and CloudFormation ignores it elsewhere. A
 * CreationPolicy on other types is left alone, as cfn-lint leaves it. E3001 reports a policy that is
 * not a mapping and one on a custom resource.
 *
 * A value given through an intrinsic function (Ref, Fn::Sub, Fn::If, ...) is not judged.
 */
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import { didYouMean } from "../../suggest";
import { isIntegerLike } from "../functions/slots";
import type { Report, Rule } from "../rule";
import { literalBoolean, plainMap } from "../services/values";
import { intrinsicName, USER_GUIDE } from "../template-index";
import { isCustomType, realResources } from "./shared";

/** A value's shape: a scalar kind, a list of allowed strings, or a mapping of named shapes. */
type Shape =
  | "integer"
  | "boolean"
  | "string"
  | { list: readonly string[] }
  | { keys: Record<string, Shape>; required?: readonly string[] };

const SIGNAL: Shape = { keys: { Count: "integer", Timeout: "string" } };

const CREATION_POLICIES: Record<string, Shape> = {
  "AWS::AppStream::Fleet": { keys: { StartFleet: "boolean" } },
  "AWS::AutoScaling::AutoScalingGroup": {
    keys: {
      AutoScalingCreationPolicy: { keys: { MinSuccessfulInstancesPercent: "integer" } },
      ResourceSignal: SIGNAL,
    },
  },
  "AWS::CloudFormation::WaitCondition": { keys: { ResourceSignal: SIGNAL } },
  "AWS::EC2::Instance": { keys: { ResourceSignal: SIGNAL } },
};

const SUSPENDABLE_PROCESSES = [
  "Launch",
  "Terminate",
  "AddToLoadBalancer",
  "AlarmNotification",
  "AZRebalance",
  "HealthCheck",
  "InstanceRefresh",
  "ReplaceUnhealthy",
  "ScheduledActions",
];

const FLEET_UPDATE: Shape = { keys: { Type: "boolean" } };
const SEARCH_DOMAIN_UPDATE: Shape = { keys: { EnableVersionUpgrade: "boolean" } };

const UPDATE_POLICIES: Record<string, Shape> = {
  "AWS::AppStream::Fleet": { keys: { StartAfterUpdate: FLEET_UPDATE, StopBeforeUpdate: FLEET_UPDATE } },
  "AWS::AutoScaling::AutoScalingGroup": {
    keys: {
      AutoScalingReplacingUpdate: { keys: { WillReplace: "boolean" } },
      AutoScalingRollingUpdate: {
        keys: {
          MaxBatchSize: "integer",
          MinActiveInstancesPercent: "integer",
          MinInstancesInService: "integer",
          MinSuccessfulInstancesPercent: "integer",
          PauseTime: "string",
          SuspendProcesses: { list: SUSPENDABLE_PROCESSES },
          WaitOnResourceSignals: "boolean",
        },
      },
      AutoScalingScheduledAction: { keys: { IgnoreUnmodifiedGroupSizeProperties: "boolean" } },
    },
  },
  "AWS::ElastiCache::ReplicationGroup": { keys: { UseOnlineResharding: "boolean" } },
  "AWS::Elasticsearch::Domain": SEARCH_DOMAIN_UPDATE,
  "AWS::Lambda::Alias": {
    keys: {
      CodeDeployLambdaAliasUpdate: {
        keys: {
          AfterAllowTrafficHook: "string",
          ApplicationName: "string",
          BeforeAllowTrafficHook: "string",
          DeploymentGroupName: "string",
        },
        required: ["ApplicationName", "DeploymentGroupName"],
      },
    },
  },
  "AWS::OpenSearchService::Domain": SEARCH_DOMAIN_UPDATE,
};

function policyRule(
  id: string,
  attribute: "CreationPolicy" | "UpdatePolicy",
  shapes: Record<string, Shape>,
  page: string,
  elsewhere: "warn" | "ignore",
): Rule {
  return {
    id,
    severity: "error",
    shortDescription: `${attribute} has the keys and value types its resource type takes`,
    description:
      `${attribute} applies to ${Object.keys(shapes).join(", ")}; each takes its own keys, with integers, ` +
      "booleans, strings or lists of known names as values.",
    source: `${USER_GUIDE}/${page}`,
    tags: ["resources", attribute],
    check({ template, report }) {
      for (const resource of realResources(template)) {
        const type = resource.type;
        const entry = mapGet(resource.body, attribute);
        if (!type || !entry || !plainMap(entry.value)) continue;
        const shape = shapes[type];
        if (!shape) {
          // E3001 reports a policy on a custom resource; SAM resources hand theirs to no resource.
          if (elsewhere === "warn" && !isCustomType(type) && !type.startsWith("AWS::Serverless::"))
            report(
              entry.keyRange,
              `${attribute} has no effect on ${type}: it applies to ${Object.keys(shapes).join(", ")}`,
              { severity: "warning" },
            );
          continue;
        }
        checkShape(entry.value, shape, attribute, report);
      }
    },
  };
}

function checkShape(node: Node, shape: Shape, name: string, problem: Report): void {
  if (intrinsicName(node)) return;
  if (shape === "integer") {
    if (!isIntegerLike(node)) problem(node, `${name} must be an integer`);
  } else if (shape === "boolean") {
    if (literalBoolean(node) === undefined) problem(node, `${name} must be true or false`);
  } else if (shape === "string") {
    if (node.kind !== "scalar" || node.value === null) problem(node, `${name} must be a string`);
  } else if ("list" in shape) {
    if (node.kind !== "seq") {
      problem(node, `${name} must be a list`);
      return;
    }
    node.items.forEach((item, index) => {
      if (intrinsicName(item)) return;
      if (item.kind !== "scalar" || !shape.list.includes(String(item.value)))
        problem(item, `${name}[${index}] must be one of ${shape.list.join(", ")}`);
    });
  } else {
    if (node.kind !== "map") {
      problem(node, `${name} must be a mapping`);
      return;
    }
    const allowed = Object.keys(shape.keys);
    for (const entry of node.entries) {
      const inner = shape.keys[entry.key];
      if (inner) checkShape(entry.value, inner, `${name}.${entry.key}`, problem);
      else
        problem(
          entry.keyRange,
          `${name} has no key '${entry.key}'${didYouMean(entry.key, allowed)} (it takes ${allowed.join(", ")})`,
        );
    }
    const missing = (shape.required ?? []).filter((key) => !mapGet(node, key));
    if (missing.length > 0) problem(node, `${name} needs ${missing.join(" and ")}`);
  }
}

export const creationPolicy = policyRule(
  "E3055",
  "CreationPolicy",
  CREATION_POLICIES,
  "aws-attribute-creationpolicy.html",
  "ignore",
);

export const updatePolicy = policyRule(
  "E3016",
  "UpdatePolicy",
  UPDATE_POLICIES,
  "aws-attribute-updatepolicy.html",
  "warn",
);
