/**
 * E3951 (our own id): a resource of an AWS service that has reached its end of support, or an IoT
 * topic rule action that sends to one. After the day, "you will no longer be able to access the
 * console or the resources" (each service's end-of-support notice): its API is gone, so a stack
 * that creates the resource, as every preview does, fails on it. cfn-lint's schemas still list
 * these types. Rounds 41 to 43 found IoT rules sending to IoT Analytics and IoT Events.
 *
 * The table is each service's end-of-support notice, with the day; where two notices give
 * different days (Lookout for Metrics: September 12 and October 9, 2025), the later one is kept.
 * Round 46 added six services cfn-lint's schemas still call sunsetting (its W3696) whose day has
 * passed: MediaStore, Inspector Classic, SimSpace Weaver, App Mesh, Proton and IoT Greengrass V1
 * (`AWS::Greengrass::`; V2 is `AWS::GreengrassV2::`, and the current Inspector `AWS::InspectorV2::`).
 * A service AWS announces the end of is added with its day, and is judged from it.
 */
import { type Clock, systemClock } from "../../../clock";
import { mapGet } from "../../nodes";
import { realResources } from "../resources/shared";
import { datedRule, type Rule } from "../rule";
import { listMappings, plainMap, propertySets, resourcesOfType } from "./values";

interface Retired {
  service: string;
  /** The last day of support: from the next day, the service is gone. */
  until: string;
  /** Its end-of-support notice. */
  notice: string;
}

/** Services by their resource type prefix (`AWS::QLDB::`). */
export const RETIRED_SERVICES: Readonly<Record<string, Retired>> = {
  QLDB: {
    service: "Amazon QLDB",
    until: "2025-07-31",
    notice: "https://docs.aws.amazon.com/qldb/latest/developerguide/document-history.html",
  },
  RoboMaker: {
    service: "AWS RoboMaker",
    until: "2025-09-10",
    notice: "https://docs.aws.amazon.com/robomaker/latest/dg/chapter-security.html",
  },
  LookoutMetrics: {
    service: "Amazon Lookout for Metrics",
    until: "2025-10-09",
    notice: "https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_lookoutmetrics-readme.html",
  },
  Evidently: {
    service: "Amazon CloudWatch Evidently",
    until: "2025-10-16",
    notice: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-Evidently.html",
  },
  LookoutVision: {
    service: "Amazon Lookout for Vision",
    until: "2025-10-31",
    notice: "https://docs.aws.amazon.com/lookout-for-vision/latest/APIReference/Welcome.html",
  },
  IoTAnalytics: {
    service: "AWS IoT Analytics",
    until: "2025-12-15",
    notice: "https://docs.aws.amazon.com/iotanalytics/latest/userguide/iotanalytics-end-of-support.html",
  },
  IoTEvents: {
    service: "AWS IoT Events",
    until: "2026-05-20",
    notice: "https://docs.aws.amazon.com/iotevents/latest/developerguide/iotevents-end-of-support.html",
  },
  Panorama: {
    service: "AWS Panorama",
    until: "2026-05-31",
    notice: "https://docs.aws.amazon.com/panorama/latest/dev/panorama-end-of-support.html",
  },
  LookoutEquipment: {
    service: "Amazon Lookout for Equipment",
    until: "2026-10-07",
    notice: "https://docs.aws.amazon.com/lookout-for-equipment/latest/ug/doc-history.html",
  },
  MediaStore: {
    service: "AWS Elemental MediaStore",
    until: "2025-11-13",
    notice: "https://docs.aws.amazon.com/mediastore/latest/ug/what-is-regions.html",
  },
  Inspector: {
    service: "Amazon Inspector Classic",
    until: "2026-05-20",
    notice: "https://docs.aws.amazon.com/inspector/v1/userguide/inspector-migration.html",
  },
  SimSpaceWeaver: {
    service: "AWS SimSpace Weaver",
    until: "2026-05-20",
    notice: "https://docs.aws.amazon.com/simspaceweaver/latest/catalog/intro.html",
  },
  AppMesh: {
    service: "AWS App Mesh",
    until: "2026-09-30",
    notice: "https://docs.aws.amazon.com/app-mesh/latest/userguide/what-is-app-mesh.html",
  },
  Proton: {
    service: "AWS Proton",
    until: "2026-10-07",
    notice: "https://docs.aws.amazon.com/proton/latest/userguide/proton-end-of-support.html",
  },
  Greengrass: {
    service: "AWS IoT Greengrass Version 1",
    until: "2026-10-07",
    notice: "https://docs.aws.amazon.com/greengrass/v1/developerguide/maintenance-policy.html",
  },
};

/** IoT topic rule actions that send to a retired service, by the action's key. */
const RETIRED_RULE_ACTIONS: Readonly<Record<string, string>> = {
  IotAnalytics: "IoTAnalytics",
  IotEvents: "IoTEvents",
};

const TOPIC_RULE = "AWS::IoT::TopicRule";

/** The retired service of a type prefix, when its support ended before `day`. */
function retiredBy(prefix: string, day: string): Retired | undefined {
  const retired = Object.hasOwn(RETIRED_SERVICES, prefix) ? RETIRED_SERVICES[prefix] : undefined;
  return retired && retired.until < day ? retired : undefined;
}

/**
 * The retired service of a resource type (`AWS::AppMesh::Mesh`) on `day`, for E3951 and for the
 * lifecycle warnings, which leave such a type to it.
 */
export function retiredServiceOf(type: string, day: string): Retired | undefined {
  return type.startsWith("AWS::") ? retiredBy(type.slice(5, type.indexOf("::", 5)), day) : undefined;
}

export function createRetiredServiceRule(clock: Clock = systemClock): Rule {
  return datedRule(
    {
      id: "E3951",
      severity: "error",
      shortDescription: "Resources of AWS services past their end of support",
      description:
        "AWS ended support for some services (Amazon QLDB, AWS IoT Analytics, AWS IoT Events, CloudWatch " +
        "Evidently, ...): their resources can no longer be created, so a stack with one fails.",
      source: RETIRED_SERVICES.IoTAnalytics.notice,
      tags: ["resources", "lifecycle"],
    },
    clock,
    ({ template, report }, day) => {
      for (const resource of realResources(template)) {
        const type = resource.type;
        const retired = type === undefined ? undefined : retiredServiceOf(type, day);
        if (!retired || !resource.typeNode) continue;
        report(
          resource.typeNode,
          `${type} is a resource of ${retired.service}, whose support ended on ${retired.until}: its API is ` +
            "gone, so the stack cannot create it; remove the resource or move to the replacement its " +
            `end-of-support notice names (${retired.notice})`,
        );
      }
    },
  );
}

/**
 * W3951: an IoT topic rule action (or error action) that sends to a retired service. Whether IoT
 * refuses to create such a rule is not documented; the action fails on every message, so it is a
 * warning.
 */
export function createRetiredRuleActionRule(clock: Clock = systemClock): Rule {
  return datedRule(
    {
      id: "W3951",
      severity: "warning",
      shortDescription: "IoT topic rule actions send to AWS services past their end of support",
      description:
        "An IoT topic rule action that sends to AWS IoT Analytics or AWS IoT Events, whose support has ended, " +
        "fails on every message.",
      source: RETIRED_SERVICES.IoTEvents.notice,
      tags: ["resources", "iot", "lifecycle"],
    },
    clock,
    ({ template, report }, day) => {
      for (const resource of resourcesOfType(template, TOPIC_RULE)) {
        for (const { properties } of propertySets(resource)) {
          const payload = plainMap(mapGet(properties, "TopicRulePayload")?.value);
          if (!payload) continue;
          const actions = listMappings(mapGet(payload, "Actions")?.value).items.map((item) => item.node);
          const error = plainMap(mapGet(payload, "ErrorAction")?.value);
          for (const action of error ? [...actions, error] : actions) {
            for (const entry of action.entries) {
              if (!Object.hasOwn(RETIRED_RULE_ACTIONS, entry.key)) continue;
              const target = retiredBy(RETIRED_RULE_ACTIONS[entry.key], day);
              if (!target) continue;
              report(
                entry.keyRange,
                `Topic rule ${resource.name} sends to ${target.service} (${entry.key}), whose support ended on ` +
                  `${target.until}: the action fails on every message; send the messages elsewhere ` +
                  `(${target.notice})`,
              );
            }
          }
        }
      }
    },
  );
}

export const retiredService = createRetiredServiceRule();
export const retiredRuleAction = createRetiredRuleActionRule();
