/**
 * E3950 (our own id): a CodeBuild webhook filter of Type EVENT that names an event CodeBuild does
 * not know. The Pattern of an EVENT filter is not a regular expression, as the other filters' are,
 * but a comma-separated list of event types, and CodeBuild refuses the webhook, and with it the
 * project's create or update, when one is not among them. Round 42 found
 * `PULL_REQUEST_CREATED, PULL_REQUEST_UPDATE` (for PULL_REQUEST_UPDATED); cfn-lint does not read
 * the pattern.
 *
 * The event types are the WebhookFilter API reference's nine; add any the service adds. Names are
 * compared as written (the service's are upper case), each with the space around it trimmed. A
 * pattern a function gives is left to the deploy.
 */
import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { isString } from "../template-index";
import { propertySets, resourcesOfType, valuesWithPaths } from "./values";

export const WEBHOOK_EVENTS_SOURCE =
  "https://docs.aws.amazon.com/codebuild/latest/APIReference/API_WebhookFilter.html";

/** The event types an EVENT filter may name. */
export const WEBHOOK_EVENTS: readonly string[] = [
  "PUSH",
  "PULL_REQUEST_CREATED",
  "PULL_REQUEST_UPDATED",
  "PULL_REQUEST_CLOSED",
  "PULL_REQUEST_REOPENED",
  "PULL_REQUEST_MERGED",
  "RELEASED",
  "PRERELEASED",
  "WORKFLOW_JOB_QUEUED",
];

const PROJECT = "AWS::CodeBuild::Project";

export const webhookEvents: Rule = {
  id: "E3950",
  severity: "error",
  shortDescription: "CodeBuild webhook EVENT filters name known event types",
  description:
    "The Pattern of a CodeBuild webhook filter of Type EVENT is a comma-separated list of event types (PUSH, " +
    "PULL_REQUEST_CREATED, ...), not a regular expression; CodeBuild refuses a webhook that names another.",
  source: WEBHOOK_EVENTS_SOURCE,
  tags: ["resources", "codebuild"],
  resourceTypes: [PROJECT],
  check({ template, report }) {
    for (const resource of resourcesOfType(template, PROJECT)) {
      for (const { properties } of propertySets(resource)) {
        for (const found of valuesWithPaths(properties, ["Triggers", "FilterGroups", "*", "*"])) {
          const type = mapGet(found.node, "Type")?.value;
          const pattern = mapGet(found.node, "Pattern")?.value;
          if (!type || !isString(type) || type.value !== "EVENT" || !pattern || !isString(pattern)) continue;
          const unknown = pattern.value
            .split(",")
            .map((name) => name.trim())
            .filter((name) => !WEBHOOK_EVENTS.includes(name));
          if (unknown.length === 0) continue;
          const names = unknown.map((name) => (name === "" ? "an empty name" : `'${name}'`)).join(", ");
          report(
            pattern,
            `the EVENT filter's Pattern of ${resource.name} names ${names}, which ${unknown.length === 1 ? "is not an event type" : "are not event types"} ` +
              `CodeBuild knows, so it refuses the webhook; an EVENT pattern is a comma-separated list of ` +
              `${WEBHOOK_EVENTS.join(", ")}`,
            { path: ["Resources", resource.name, "Properties", ...found.path, "Pattern"] },
          );
        }
      }
    }
  },
};
