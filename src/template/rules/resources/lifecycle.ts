/**
 * E3710, W3696, W3697: a resource type from an AWS service that is shut down, sunsetting, or in
 * maintenance, as the provider schemas in cfn-lint's package record it (`lifecycle`, kept with the
 * constraints by `npm run spec`; the services are listed at the source URL).
 *
 * Unlike cfn-lint, which reports a shut-down service as an error whatever the day, a shutdown
 * whose date has not come yet is reported as W3696 ("will be shut down"), and only from that day
 * on as E3710: a template that deploys today must not fail validation for what happens later.
 * A service in maintenance is closed to new customers from its date (AWS's product lifecycle page;
 * Cloud9's API reference: "no longer available to new customers"; launch configurations: new
 * accounts cannot create them from 2024-10-01), so a preview stack in a fresh account fails on it:
 * W3697 says so, a warning since an account that used the service still can.
 * Each is reported at the resource's Type, which is what the finding is about (cfn-lint points at
 * its Properties). A service whose end of support has passed by the day (E3951's table: App Mesh,
 * Proton, ...) gets E3951 alone, not the warning that it will be shut down.
 */
import { type Clock, systemClock } from "../../../clock";
import { datedRule, type Rule } from "../rule";
import { retiredServiceOf } from "../services/retired-services";
import { isCustomType, isModuleType, realResources } from "./shared";

const SOURCE = "https://docs.aws.amazon.com/general/latest/gr/full_shutdown_services.html";

type Stage = "shutdown" | "sunset" | "maintenance";

/** The stage a type's service has reached on `day` (YYYY-MM-DD), from its recorded lifecycle. */
export function lifecycleStage(lc: { s: Stage; d?: string }, day: string): Stage {
  if (lc.s === "shutdown" && lc.d !== undefined && lc.d > day) return "sunset";
  return lc.s;
}

function message(type: string, stage: Stage, date: string | undefined, day: string): string {
  if (stage === "shutdown")
    return `Resource type '${type}' is from a service that was shut down${date ? ` on ${date}` : ""}: CloudFormation can no longer create or update it; remove the resource or move to another service`;
  if (stage === "sunset") {
    const when = date === undefined ? "" : date > day ? ` on ${date}` : ` (announced for ${date})`;
    return `Resource type '${type}' is from a service that will be shut down${when}; plan to move to another service`;
  }
  return `Resource type '${type}' is from a service in maintenance${date ? ` since ${date}` : ""}: AWS closed it to new customers, so an account that has not used it cannot create it, and it gets no new features; consider moving to another service`;
}

/** Each stage's rule: cfn-lint's ids, one severity each. */
const STAGE_RULES: Record<Stage, Pick<Rule, "id" | "severity" | "shortDescription" | "description">> = {
  shutdown: {
    id: "E3710",
    severity: "error",
    shortDescription: "Resource type is from a service that has been shut down",
    description:
      "A resource type of an AWS service that has reached full shutdown can no longer be created or updated; " +
      "a shutdown still to come is W3696.",
  },
  sunset: {
    id: "W3696",
    severity: "warning",
    shortDescription: "Resource type is from a service that is being shut down",
    description: "A resource type of an AWS service with an announced shutdown: plan to move off it.",
  },
  maintenance: {
    id: "W3697",
    severity: "warning",
    shortDescription: "Resource type is from a service in maintenance",
    description:
      "A resource type of an AWS service in maintenance mode: closed to new customers (an account that has not used it " +
      "cannot create it) and getting no new features.",
  },
};

/** E3710, W3696 and W3697, judged on the clock's day. */
export function createLifecycleRules(clock: Clock = systemClock): Rule[] {
  return (["shutdown", "sunset", "maintenance"] as const).map((stage) =>
    datedRule(
      { ...STAGE_RULES[stage], source: SOURCE, tags: ["resources", "lifecycle"] },
      clock,
      ({ template, spec, report }, day) => {
        for (const resource of realResources(template)) {
          const type = resource.type;
          const node = resource.typeNode;
          if (type === undefined || !node || isCustomType(type) || isModuleType(type)) continue;
          const lc = spec.constraints(type)?.lc;
          if (!lc || lifecycleStage(lc, day) !== stage) continue;
          // A service past its end of support is E3951's, which says so; "will be shut down" would not.
          if (stage !== "shutdown" && retiredServiceOf(type, day)) continue;
          report(node, message(type, stage, lc.d, day), { path: ["Resources", resource.name, "Type"] });
        }
      },
    ),
  );
}

export const lifecycleRules = createLifecycleRules();
