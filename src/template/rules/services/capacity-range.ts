/**
 * E3706: a scaling range is not upside down. An Auto Scaling group's MinSize, and an Application
 * Auto Scaling target's MinCapacity (the provisioned concurrency of a Lambda alias, the capacity
 * of a DynamoDB table), are at most their maximum; the services refuse the group or target
 * otherwise.
 *
 * Beyond cfn-lint, which checks Auto Scaling groups: Application Auto Scaling targets, which
 * serverless applications use.
 */
import type { Rule } from "../rule";
import { literalNumber, presentEntry, propertySets, resourcesOfType } from "./values";

const RANGES: { type: string; min: string; max: string }[] = [
  { type: "AWS::AutoScaling::AutoScalingGroup", min: "MinSize", max: "MaxSize" },
  { type: "AWS::ApplicationAutoScaling::ScalableTarget", min: "MinCapacity", max: "MaxCapacity" },
];

export const capacityRange: Rule = {
  id: "E3706",
  severity: "error",
  shortDescription: "A scaling minimum is at most its maximum",
  description:
    "An Auto Scaling group's MinSize is at most its MaxSize, and an Application Auto Scaling target's MinCapacity " +
    "at most its MaxCapacity.",
  source: "https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html",
  tags: ["resources", "autoscaling"],
  check({ template, report }) {
    for (const { type, min, max } of RANGES) {
      for (const resource of resourcesOfType(template, type)) {
        for (const { properties } of propertySets(resource)) {
          const low = presentEntry(properties, min);
          const high = presentEntry(properties, max);
          const from = literalNumber(low?.value);
          const to = literalNumber(high?.value);
          if (!low || from === undefined || to === undefined || from <= to) continue;
          report(low.value, `${min} ${from} is above ${max} ${to}; lower ${min} or raise ${max}`, {
            path: ["Resources", resource.name, "Properties", min],
          });
        }
      }
    }
  },
};
