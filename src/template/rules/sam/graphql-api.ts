/**
 * The functions and resolvers of a SAM GraphQL API that the transform refuses
 * (SamGraphQLApi in sam_resources.py), in its words where it has them:
 * - a function with Id and any other key ("'Id' cannot be defined with other properties");
 * - a function or resolver with both InlineCode and CodeUri, and a function with neither;
 * - a function without Runtime, and a resolver with code but without Runtime (a resolver without
 *   code gets SAM's own pipeline code and runtime);
 * - a resolver without Pipeline ("Unit resolvers are not supported").
 * Unknown keys and missing required ones inside them are E3002 and E3003, through the SAM
 * supplement's types; a value given by an intrinsic is left alone.
 */
import type { MapEntry } from "../../model";
import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { propertySets, resourcesOfType } from "../services/values";
import { intrinsicName } from "../template-index";
import { SAM_GUIDE } from "./events";

const GRAPHQL_API = "AWS::Serverless::GraphQLApi";

export const samGraphQLApi: Rule = {
  id: "E0001",
  severity: "error",
  shortDescription: "SAM GraphQL API functions and resolvers have code, a runtime and a pipeline",
  description:
    "Each function of a SAM GraphQL API is either an Id alone or has one of InlineCode and CodeUri and a Runtime; " +
    "each resolver has a Pipeline, at most one of InlineCode and CodeUri, and a Runtime when it has code.",
  source: `${SAM_GUIDE}/sam-resource-graphqlapi.html`,
  tags: ["sam", "appsync"],
  resourceTypes: [GRAPHQL_API],
  check({ template, report }) {
    for (const api of resourcesOfType(template, GRAPHQL_API)) {
      for (const { properties } of propertySets(api)) {
        const refused = (entry: MapEntry, path: string[], what: string, fault: string, fix: string) =>
          report(entry.keyRange, `${what} ${fault}, which the SAM transform refuses: ${fix}`, {
            path: ["Resources", api.name, "Properties", ...path],
          });

        for (const fn of entriesOf(mapGet(properties, "Functions"))) {
          if (fn.value.kind !== "map") continue;
          const path = ["Functions", fn.key];
          const what = `Function ${fn.key} of GraphQL API ${api.name}`;
          if (mapGet(fn.value, "Id")) {
            if (fn.value.entries.length > 1) {
              refused(
                fn,
                path,
                what,
                "has Id and other keys",
                "Id names an existing function and stands alone",
              );
            }
            continue;
          }
          const inline = mapGet(fn.value, "InlineCode");
          const uri = mapGet(fn.value, "CodeUri");
          if (inline && uri) refused(fn, path, what, "has both InlineCode and CodeUri", "keep one");
          if (!inline && !uri)
            refused(fn, path, what, "has neither InlineCode nor CodeUri", "give it its code");
          if (!mapGet(fn.value, "Runtime")) refused(fn, path, what, "has no Runtime", ADD_RUNTIME);
        }

        for (const type of entriesOf(mapGet(properties, "Resolvers"))) {
          for (const resolver of entriesOf(type)) {
            if (resolver.value.kind !== "map") continue;
            const path = ["Resolvers", type.key, resolver.key];
            const what = `Resolver ${type.key}.${resolver.key} of GraphQL API ${api.name}`;
            const inline = mapGet(resolver.value, "InlineCode");
            const uri = mapGet(resolver.value, "CodeUri");
            if (inline && uri) refused(resolver, path, what, "has both InlineCode and CodeUri", "keep one");
            if ((inline || uri) && !mapGet(resolver.value, "Runtime")) {
              refused(resolver, path, what, "has code but no Runtime", ADD_RUNTIME);
            }
            if (!mapGet(resolver.value, "Pipeline")) {
              refused(
                resolver,
                path,
                what,
                "has no Pipeline",
                "SAM makes only pipeline resolvers; for a unit resolver, use AWS::AppSync::Resolver",
              );
            }
          }
        }
      }
    }
  },
};

const ADD_RUNTIME = "add Runtime: {Name: APPSYNC_JS, Version: 1.0.0}";

/** The entries of a mapping written as one; none for anything else (an intrinsic is not judged). */
function entriesOf(entry: MapEntry | undefined): readonly MapEntry[] {
  const value = entry?.value;
  return value?.kind === "map" && !intrinsicName(value) ? value.entries : [];
}
