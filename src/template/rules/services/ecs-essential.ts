/**
 * E3042: a task definition has an essential container. A container is essential unless it says
 * `Essential: false`, and ECS refuses a task definition whose containers all say so: a task ends
 * when its essential container stops, and without one nothing would end it.
 *
 * cfn-lint 1.51.0 reports nothing for a task whose containers all say `Essential: false`, which
 * RegisterTaskDefinition refuses ("doesn't have any essential container"); the check is kept
 * here. A container without Essential counts as essential (cfn-lint 1.51.3 got that wrong for a
 * while, its issue 4535).
 */
import type { Rule } from "../rule";
import { booleanProperty, plainMap, presentEntry, propertySets, resourcesOfType } from "./values";

export const ecsEssentialContainer: Rule = {
  id: "E3042",
  severity: "error",
  shortDescription: "A task definition has an essential container",
  description:
    "At least one container of an ECS task definition must be essential (Essential defaults to true).",
  source: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html",
  tags: ["resources", "ecs"],
  resourceTypes: ["AWS::ECS::TaskDefinition"],
  check({ template, report }) {
    for (const task of resourcesOfType(template, "AWS::ECS::TaskDefinition")) {
      for (const { properties } of propertySets(task)) {
        const containers = presentEntry(properties, "ContainerDefinitions");
        const list = containers?.value;
        if (!containers || list?.kind !== "seq" || list.items.length === 0) continue;
        const allOptional = list.items.every((item) => {
          const container = plainMap(item);
          return container !== undefined && booleanProperty(container, "Essential", true) === false;
        });
        if (!allOptional) continue;
        report(
          containers.keyRange,
          "Every container here says Essential: false, and a task needs an essential container (the one whose stop " +
            "ends the task); make the main container essential",
          { path: ["Resources", task.name, "Properties", "ContainerDefinitions"] },
        );
      }
    }
  },
};
