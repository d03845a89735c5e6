/**
 * E3953 (our own id): an AppSync API key whose Expires, seconds since the epoch, is not between 1
 * and 365 days after the deploy. CreateApiKey refuses it (ApiKeyValidityOutOfBoundsException: "The
 * API key expiration must be set to a value between 1 and 365 days from creation"), so a new
 * stack, as every preview is, fails on a key that expired years ago. A SAM GraphQL API's ApiKeys
 * give theirs as ExpiresOn. Round 44 found two AppSync samples with keys that expired in 2019 and
 * 2020. Judged on the clock's time, as the deploy would be: a key a stack created before keeps
 * its value until the template changes it.
 */
import { type Clock, systemClock } from "../../../clock";
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { literalNumber, plainMap, propertySets, resourcesOfType } from "./values";

const API_KEY = "AWS::AppSync::ApiKey";
const SAM_GRAPHQL = "AWS::Serverless::GraphQLApi";
const DAY = 86_400;

export function createApiKeyExpiryRule(clock: Clock = systemClock): Rule {
  return {
    id: "E3953",
    severity: "error",
    shortDescription: "AppSync API keys expire 1 to 365 days after they are created",
    description:
      "An AppSync API key's Expires (seconds since the epoch) must fall between 1 and 365 days after the key is " +
      "created; AppSync refuses a key that has expired already, so a new stack with one fails.",
    source: "https://docs.aws.amazon.com/appsync/latest/APIReference/API_CreateApiKey.html",
    tags: ["resources", "appsync"],
    check({ template, report }) {
      const now = Math.floor(clock() / 1000);
      const judge = (value: Node | undefined, key: string, what: string) => {
        const expires = literalNumber(value);
        // 0 may read as unset, which AppSync takes as 7 days: whether it does is not documented.
        if (value === undefined || expires === undefined || expires === 0) return;
        const days = (expires - now) / DAY;
        if (days >= 1 && days <= 365) return;
        const when = new Date(expires * 1000).toISOString().slice(0, 10);
        report(
          value,
          `${key} of ${what} is ${when}, ${days < 0 ? "already past" : days < 1 ? "less than a day away" : "more than 365 days away"}; ` +
            "AppSync takes a key that expires 1 to 365 days after it is created, so the stack fails: set a time " +
            "within that window, or leave it out for 7 days",
        );
      };
      for (const resource of resourcesOfType(template, API_KEY, SAM_GRAPHQL)) {
        for (const { properties } of propertySets(resource)) {
          if (resource.type === API_KEY) {
            judge(mapGet(properties, "Expires")?.value, "Expires", `API key ${resource.name}`);
            continue;
          }
          for (const entry of plainMap(mapGet(properties, "ApiKeys")?.value)?.entries ?? []) {
            judge(
              mapGet(plainMap(entry.value), "ExpiresOn")?.value,
              "ExpiresOn",
              `API key ${entry.key} of ${resource.name}`,
            );
          }
        }
      }
    },
  };
}

export const apiKeyExpiry = createApiKeyExpiryRule();
