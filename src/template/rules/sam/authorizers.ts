/**
 * The SAM transform refuses an API whose Auth.DefaultAuthorizer, or an Api or HttpApi event whose
 * Auth.Authorizer, names an authorizer the API's Auth.Authorizers does not define. AWS_IAM and
 * NONE are built in. An API that also takes Auth from Globals is left alone (the transform merges
 * the two), and so is one whose Authorizers come from an intrinsic function. A REST Api event's
 * AuthorizationScopes need its Authorizer, and its Authorizer NONE a DefaultAuthorizer of the API.
 */
import type { MapNode, Node } from "../../model";
import { mapGet } from "../../nodes";
import { globalsFor } from "../resources/shared";
import type { Report, Rule } from "../rule";
import {
  literalString,
  onlyPropertySet,
  plainMap,
  propertySets,
  refResource,
  resourcesOfType,
} from "../services/values";
import type { ResourceInfo, TemplateIndex } from "../template-index";
import { eventPath, eventProperties, eventType, SAM_GUIDE, type SamEventEntry, samEvents } from "./events";

const API = "AWS::Serverless::Api";
const HTTP_API = "AWS::Serverless::HttpApi";
const BUILT_IN = new Set(["AWS_IAM", "NONE"]);

/** The event types that attach to an API, with the property naming it and the API's type. */
const API_EVENTS: Record<string, { property: string; type: string }> = {
  Api: { property: "RestApiId", type: API },
  HttpApi: { property: "ApiId", type: HTTP_API },
};

/** The authorizer names an API's Auth defines; undefined when they cannot be known. */
function authorizerNames(
  template: TemplateIndex,
  api: ResourceInfo,
  auth: MapNode | undefined,
): Set<string> | undefined {
  if (!api.type || mapGet(globalsFor(template, api.type), "Auth")) return undefined;
  const authorizers = mapGet(auth, "Authorizers")?.value;
  if (!authorizers) return new Set();
  const map = plainMap(authorizers);
  return map ? new Set(map.entries.map((entry) => entry.key)) : undefined;
}

function checkName(
  node: Node | undefined,
  api: ResourceInfo,
  names: Set<string> | undefined,
  what: string,
  report: Report,
): void {
  const name = literalString(node);
  if (!node || name === undefined || BUILT_IN.has(name) || !names || names.has(name)) return;
  const known =
    names.size > 0 ? `${api.name} defines ${[...names].join(", ")}` : `${api.name} defines no Authorizers`;
  report(
    node,
    `${what} '${name}' is not an authorizer of ${api.name} (${known}); the SAM transform refuses it: define it ` +
      "under Auth.Authorizers, or use AWS_IAM or NONE",
  );
}

export const samAuthorizers: Rule = {
  id: "E0001",
  severity: "error",
  shortDescription: "SAM API authorizers named in DefaultAuthorizer and events are defined",
  description:
    "Auth.DefaultAuthorizer of a SAM API and Auth.Authorizer of its Api and HttpApi events name an authorizer of " +
    "the API's Auth.Authorizers, or AWS_IAM or NONE; NONE needs a DefaultAuthorizer to turn off, and a REST event's " +
    "AuthorizationScopes an Authorizer.",
  source: `${SAM_GUIDE}/serverless-controlling-access-to-apis.html`,
  tags: ["sam", "apigateway"],
  check({ template, report }) {
    if (!template.sam) return;
    for (const api of resourcesOfType(template, API, HTTP_API)) {
      for (const set of propertySets(api)) {
        const auth = plainMap(mapGet(set.properties, "Auth")?.value);
        checkName(
          mapGet(auth, "DefaultAuthorizer")?.value,
          api,
          authorizerNames(template, api, auth),
          "DefaultAuthorizer",
          report,
        );
      }
    }
    for (const event of samEvents(template)) {
      const kind = API_EVENTS[eventType(event) ?? ""];
      const properties = plainMap(eventProperties(event));
      if (!kind || !properties) continue;
      const eventAuth = plainMap(mapGet(properties, "Auth")?.value);
      const node = mapGet(eventAuth, "Authorizer")?.value;
      const apiRef = mapGet(properties, kind.property)?.value;
      const api = apiRef && refResource(template, apiRef);
      if (kind.type === API)
        checkRestEventAuth(template, event, eventAuth, apiRef ? api : "implicit", report);
      if (!node || !api || api.type !== kind.type) continue;
      const auth = plainMap(mapGet(onlyPropertySet(api)?.properties, "Auth")?.value);
      checkName(
        node,
        api,
        authorizerNames(template, api, auth),
        `Event ${event.entry.key}'s Authorizer`,
        (at, message) => report(at, message, { path: eventPath(event, "Properties", "Auth", "Authorizer") }),
      );
    }
  },
};

/**
 * What the transform refuses in a REST Api event's Auth beside an undefined authorizer:
 * AuthorizationScopes without an Authorizer of the event, even on an API with a DefaultAuthorizer
 * (older translators dropped such scopes; the current one stops with "AuthorizationScopes works
 * only when Authorizer is set"), and Authorizer NONE on an API without a DefaultAuthorizer (there
 * is nothing to turn off). `api` is the event's API when RestApiId names
 * one of the template, "implicit" for the API the transform makes, which takes Globals.Api.
 */
function checkRestEventAuth(
  template: TemplateIndex,
  event: SamEventEntry,
  eventAuth: MapNode | undefined,
  api: ResourceInfo | "implicit" | undefined,
  report: Report,
): void {
  const scopes = mapGet(eventAuth, "AuthorizationScopes")?.value;
  const authorizer = mapGet(eventAuth, "Authorizer")?.value;
  if (scopes?.kind === "seq" && scopes.items.length > 0 && !authorizer) {
    report(
      scopes,
      `Event ${event.entry.key} of ${event.resource.name} has AuthorizationScopes but no Authorizer, and the SAM ` +
        "transform takes scopes only with one; name the authorizer (Auth.Authorizer) the scopes are for",
      { path: eventPath(event, "Properties", "Auth", "AuthorizationScopes") },
    );
  }
  if (literalString(authorizer) !== "NONE" || !authorizer || !api) return;
  const globalAuth = mapGet(globalsFor(template, API), "Auth")?.value;
  let sources: (Node | undefined)[];
  if (api === "implicit") sources = [globalAuth];
  else if (api.type !== API) return;
  else sources = [mapGet(onlyPropertySet(api)?.properties, "Auth")?.value, globalAuth];
  // An Auth given by an intrinsic function may well have a DefaultAuthorizer.
  if (sources.some((auth) => auth && !plainMap(auth))) return;
  if (sources.some((auth) => mapGet(plainMap(auth), "DefaultAuthorizer"))) return;
  const apiName =
    api === "implicit" ? "the API the SAM transform makes for it (ServerlessRestApi)" : api.name;
  report(
    authorizer,
    `Event ${event.entry.key} of ${event.resource.name} turns its authorizer off with NONE, but ${apiName} has no ` +
      "DefaultAuthorizer, which the SAM transform requires for NONE; remove Auth.Authorizer, or give the API a " +
      "DefaultAuthorizer",
    { path: eventPath(event, "Properties", "Auth", "Authorizer") },
  );
}
