/**
 * ECS services and the task definitions they run (cfn-lint's ids; CreateService and
 * RegisterTaskDefinition refuse each case):
 * - E3044: a service on Fargate, or deployed by CodeDeploy or an external controller, scheduled
 *   as DAEMON: those run only the REPLICA strategy.
 * - E3052: a service of an awsvpc task definition without NetworkConfiguration: ECS needs the
 *   subnets of each task's network interface ("Network Configuration must be provided when
 *   networkMode 'awsvpc' is specified").
 * - E3054: a service with LaunchType FARGATE whose task definition is not made for Fargate (no
 *   FARGATE in RequiresCompatibilities, and a NetworkMode other than awsvpc).
 * - E3713: a service with LaunchType FARGATE whose task definition logs through a driver Fargate
 *   lacks. E3048 says so of a task definition that lists FARGATE itself; this one, of a task
 *   definition that Fargate runs only through the service.
 * - E3053: a port mapping of an awsvpc task definition with a HostPort other than its
 *   ContainerPort: in awsvpc mode the task's interface has the container's port.
 * - E3046: a container that logs through awslogs without the awslogs-group and awslogs-region
 *   options.
 * - E3049: a service that registers a container port mapped to a dynamic host port (HostPort 0,
 *   or left out in bridge mode) with a target group whose HealthCheckPort is a fixed port: each
 *   task listens on a port of its own, the health checks reach none of them, and the service never
 *   becomes stable. Unlike cfn-lint, a target group without HealthCheckPort is taken: its default
 *   is traffic-port.
 *
 * A service's task definition is read when the service names one of the template's with
 * `!Ref Task`. Values given through intrinsic functions are not judged.
 */
import type { MapNode } from "../../model";
import { mapGet } from "../../nodes";
import { listOf } from "../constraints/walk";
import type { Rule } from "../rule";
import type { ResourceInfo, TemplateIndex } from "../template-index";
import { containerItems, reportFargateLogDrivers, requiresFargate } from "./fargate-task";
import { TARGET_GROUP } from "./load-balancers";
import {
  isAbsent,
  listMappings,
  literalNumber,
  literalString,
  namedResource,
  onlyPropertySet,
  plainMap,
  presentEntry,
  propertySets,
  refResource,
  resourcesOfType,
  stringProperty,
} from "./values";

const ECS_GUIDE = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide";
const TASK_DEFINITION = "AWS::ECS::TaskDefinition";

interface ServiceTask {
  service: ResourceInfo;
  properties: MapNode;
  /** The task definition of the template the service runs, when it names one. */
  task?: { resource: ResourceInfo; properties: MapNode };
}

const cache = new WeakMap<TemplateIndex, ServiceTask[]>();

/** Every service's property sets, with the task definition each runs; found once for the service rules. */
function serviceTasks(template: TemplateIndex): ServiceTask[] {
  const cached = cache.get(template);
  if (cached) return cached;
  const found: ServiceTask[] = [];
  for (const service of resourcesOfType(template, "AWS::ECS::Service")) {
    for (const { properties } of propertySets(service)) {
      const reference = presentEntry(properties, "TaskDefinition")?.value;
      const resource = reference && refResource(template, reference, [TASK_DEFINITION]);
      const set = resource && onlyPropertySet(resource);
      found.push({
        service,
        properties,
        task: resource && set ? { resource, properties: set.properties } : undefined,
      });
    }
  }
  cache.set(template, found);
  return found;
}

export const ecsReplicaScheduling: Rule = {
  id: "E3044",
  severity: "error",
  shortDescription: "A Fargate, CodeDeploy or external service uses the REPLICA scheduling strategy",
  description:
    "An ECS service with LaunchType FARGATE, or a DeploymentController of type CODE_DEPLOY or EXTERNAL, has a " +
    "SchedulingStrategy of REPLICA.",
  source: `${ECS_GUIDE}/ecs_services.html#service_scheduler`,
  tags: ["resources", "ecs", "fargate"],
  check({ template, report }) {
    for (const { service, properties } of serviceTasks(template)) {
      const strategy = presentEntry(properties, "SchedulingStrategy");
      if (!strategy || literalString(strategy.value) !== "DAEMON") continue;
      const controller = literalString(
        mapGet(plainMap(presentEntry(properties, "DeploymentController")?.value), "Type")?.value,
      );
      const why =
        stringProperty(properties, "LaunchType", "EC2") === "FARGATE"
          ? "runs on Fargate"
          : controller === "CODE_DEPLOY" || controller === "EXTERNAL"
            ? `is deployed by ${controller === "EXTERNAL" ? "an" : "a"} ${controller} controller`
            : undefined;
      if (!why) continue;
      report(
        strategy.value,
        `Service '${service.name}' ${why}, which schedules only REPLICA services, not DAEMON; set SchedulingStrategy: ` +
          "REPLICA (with DesiredCount), or run the daemon on EC2 with the ECS deployment controller",
        { path: ["Resources", service.name, "Properties", "SchedulingStrategy"] },
      );
    }
  },
};

export const ecsAwsvpcNetworkConfiguration: Rule = {
  id: "E3052",
  severity: "error",
  shortDescription: "A service of an awsvpc task definition has a NetworkConfiguration",
  description:
    "An ECS service whose task definition has NetworkMode awsvpc gives NetworkConfiguration (AwsvpcConfiguration " +
    "with the subnets, and security groups, of each task's network interface).",
  source: `${ECS_GUIDE}/task-networking-awsvpc.html`,
  tags: ["resources", "ecs"],
  check({ template, report }) {
    const reported = new Set<ResourceInfo>();
    for (const { service, properties, task } of serviceTasks(template)) {
      if (
        !task ||
        reported.has(service) ||
        stringProperty(task.properties, "NetworkMode", "bridge") !== "awsvpc"
      )
        continue;
      // ECS Anywhere (EXTERNAL) runs no awsvpc task at all: another problem, another fix.
      if (
        !isAbsent(properties, "NetworkConfiguration") ||
        literalString(presentEntry(properties, "LaunchType")?.value) === "EXTERNAL"
      )
        continue;
      reported.add(service);
      report(
        service.properties?.keyRange ?? service.entry.keyRange,
        `Service '${service.name}' runs task definition '${task.resource.name}', whose NetworkMode is awsvpc, without a ` +
          "NetworkConfiguration; ECS needs the subnets (and security groups) of each task's network interface: add " +
          "NetworkConfiguration.AwsvpcConfiguration",
        { path: ["Resources", service.name, "Properties", "NetworkConfiguration"] },
      );
    }
  },
};

export const ecsFargateTaskDefinition: Rule = {
  id: "E3054",
  severity: "error",
  shortDescription: "A Fargate service runs a task definition made for Fargate",
  description:
    "The task definition of an ECS service with LaunchType FARGATE lists FARGATE in RequiresCompatibilities, or has " +
    "NetworkMode awsvpc.",
  source: `${ECS_GUIDE}/fargate-tasks-services.html`,
  tags: ["resources", "ecs", "fargate"],
  check({ template, report }) {
    for (const { service, properties, task } of serviceTasks(template)) {
      const launch = presentEntry(properties, "LaunchType");
      if (!task || !launch || literalString(launch.value) !== "FARGATE" || requiresFargate(task.properties))
        continue;
      const mode = stringProperty(task.properties, "NetworkMode", "bridge");
      if (mode === undefined || mode === "awsvpc") continue;
      const compatibilities = presentEntry(task.properties, "RequiresCompatibilities")?.value;
      if (compatibilities && compatibilities.kind !== "seq") continue; // an intrinsic: unknown
      report(
        launch.value,
        `Service '${service.name}' launches on Fargate, but task definition '${task.resource.name}' is not made for it ` +
          `(NetworkMode ${mode}${isAbsent(task.properties, "NetworkMode") ? ", the default" : ""}, and no FARGATE in ` +
          "RequiresCompatibilities); " +
          "add RequiresCompatibilities: [FARGATE] and NetworkMode: awsvpc to the task definition",
        { path: ["Resources", service.name, "Properties", "LaunchType"] },
      );
    }
  },
};

export const ecsFargateServiceLogDriver: Rule = {
  id: "E3713",
  severity: "error",
  shortDescription: "The task definition of a Fargate service logs through a driver Fargate supports",
  description:
    "The containers of the task definition of an ECS service with LaunchType FARGATE log through awslogs, splunk or " +
    "awsfirelens.",
  source: `${ECS_GUIDE}/fargate-tasks-services.html#fargate-tasks-logging`,
  tags: ["resources", "ecs", "fargate"],
  check({ template, report }) {
    const reported = new Set<ResourceInfo>();
    for (const { service, properties, task } of serviceTasks(template)) {
      if (!task || reported.has(task.resource) || requiresFargate(task.properties)) continue;
      if (literalString(presentEntry(properties, "LaunchType")?.value) !== "FARGATE") continue;
      reported.add(task.resource);
      reportFargateLogDrivers(
        task.properties,
        ["Resources", task.resource.name, "Properties"],
        `Service '${service.name}' runs this task on Fargate, and Fargate tasks`,
        report,
      );
    }
  },
};

export const ecsAwsvpcHostPort: Rule = {
  id: "E3053",
  severity: "error",
  shortDescription: "An awsvpc task definition's HostPort equals its ContainerPort",
  description:
    "In a task definition with NetworkMode awsvpc, a port mapping's HostPort is left out or equal to its ContainerPort.",
  source: `${ECS_GUIDE}/task_definition_parameters.html#container_definition_portmappings`,
  tags: ["resources", "ecs"],
  resourceTypes: [TASK_DEFINITION],
  check({ template, report }) {
    for (const task of resourcesOfType(template, TASK_DEFINITION)) {
      for (const { properties } of propertySets(task)) {
        if (stringProperty(properties, "NetworkMode", "bridge") !== "awsvpc") continue;
        containerItems(properties, "PortMappings", (mapping, path) => {
          const host = presentEntry(mapping, "HostPort");
          const hostPort = literalNumber(host?.value);
          const containerPort = literalNumber(presentEntry(mapping, "ContainerPort")?.value);
          if (!host || hostPort === undefined || containerPort === undefined || hostPort === containerPort)
            return;
          report(
            host.value,
            `HostPort ${hostPort} of task definition '${task.name}' differs from its ContainerPort ${containerPort}, and in ` +
              "awsvpc mode the task's network interface has the container's own port; remove HostPort or set it to " +
              `${containerPort}`,
            { path: ["Resources", task.name, "Properties", ...path, "HostPort"] },
          );
        });
      }
    }
  },
};

const AWSLOGS_REQUIRED = ["awslogs-group", "awslogs-region"];

export const ecsAwslogsOptions: Rule = {
  id: "E3046",
  severity: "error",
  shortDescription: "A container logging through awslogs names its log group and region",
  description:
    "A container whose LogConfiguration has LogDriver awslogs gives the awslogs-group and awslogs-region options.",
  source: `${ECS_GUIDE}/using_awslogs.html`,
  tags: ["resources", "ecs", "logs"],
  resourceTypes: [TASK_DEFINITION],
  check({ template, report }) {
    for (const task of resourcesOfType(template, TASK_DEFINITION)) {
      for (const { properties } of propertySets(task)) {
        containerItems(properties, "LogConfiguration", (logging, path) => {
          const driver = presentEntry(logging, "LogDriver");
          if (!driver || literalString(driver.value) !== "awslogs") return;
          const options = presentEntry(logging, "Options");
          if (options && !plainMap(options.value)) return; // an intrinsic: unknown
          const given = plainMap(options?.value);
          const missing = AWSLOGS_REQUIRED.filter((key) => !given || isAbsent(given, key));
          if (missing.length === 0) return;
          // Options that a Fn::If may leave out are missing in that branch.
          const maybe = !options && !isAbsent(logging, "Options");
          report(
            options ? options.keyRange : driver.keyRange,
            `The awslogs log configuration of task definition '${task.name}' has no ${listOf(missing, "or", false)} ` +
              `option${maybe ? " when its Fn::If leaves Options out" : ""}, which ` +
              "the awslogs driver needs to know where to send the logs; add " +
              missing
                .map((key) =>
                  key === "awslogs-group"
                    ? "awslogs-group: !Ref LogGroup"
                    : "awslogs-region: !Ref AWS::Region",
                )
                .join(" and ") +
              " to Options",
            { path: ["Resources", task.name, "Properties", ...path, "Options"] },
          );
        });
      }
    }
  },
};

/** Whether a task definition maps a container's port to a dynamic host port. */
function dynamicHostPort(task: MapNode, container: string, port: number): boolean {
  const bridge = stringProperty(task, "NetworkMode", "bridge") === "bridge" && !requiresFargate(task);
  for (const definition of listMappings(presentEntry(task, "ContainerDefinitions")?.value).items) {
    if (literalString(presentEntry(definition.node, "Name")?.value) !== container) continue;
    for (const { node: mapping } of listMappings(presentEntry(definition.node, "PortMappings")?.value)
      .items) {
      if (literalNumber(presentEntry(mapping, "ContainerPort")?.value) !== port) continue;
      const host = presentEntry(mapping, "HostPort");
      if (host ? literalNumber(host.value) === 0 : bridge && isAbsent(mapping, "HostPort")) return true;
    }
  }
  return false;
}

export const ecsDynamicPortHealthCheck: Rule = {
  id: "E3049",
  severity: "error",
  shortDescription: "Target groups of dynamic host ports check health on the traffic port",
  description:
    "When an ECS service registers a container whose port mapping has a dynamic host port (HostPort 0, or none in " +
    "bridge mode) with a target group, the target group's HealthCheckPort is traffic-port (its default).",
  source: `${ECS_GUIDE}/dynamic-port-mapping.html`,
  tags: ["resources", "ecs", "elasticloadbalancingv2"],
  check({ template, report }) {
    for (const { service, properties, task } of serviceTasks(template)) {
      if (!task) continue;
      const reported = new Set<string>();
      for (const { node } of listMappings(presentEntry(properties, "LoadBalancers")?.value).items) {
        const container = literalString(presentEntry(node, "ContainerName")?.value);
        const port = literalNumber(presentEntry(node, "ContainerPort")?.value);
        const arn = presentEntry(node, "TargetGroupArn")?.value;
        const group = arn && namedResource(template, arn, "TargetGroupArn", [TARGET_GROUP]);
        if (container === undefined || port === undefined || !group) continue;
        const groupProperties = onlyPropertySet(group)?.properties;
        const check = groupProperties && presentEntry(groupProperties, "HealthCheckPort");
        if (!check || reported.has(group.name)) continue;
        const healthPort = check.value.kind === "scalar" ? String(check.value.value) : undefined;
        if (healthPort === undefined || healthPort === "traffic-port") continue;
        if (!dynamicHostPort(task.properties, container, port)) continue;
        reported.add(group.name);
        report(
          check.value,
          `Target group '${group.name}' checks health on port ${healthPort}, and service '${service.name}' registers ` +
            `container '${container}' on a dynamic host port (task definition '${task.resource.name}'): the checks ` +
            "reach no task, and the service never becomes stable; set HealthCheckPort: traffic-port or remove it",
          { path: ["Resources", group.name, "Properties", "HealthCheckPort"] },
        );
      }
    }
  },
};
