/**
 * The SAM transform refuses an API whose Auth.DefaultAuthorizer, or an Api or HttpApi event whose
 * Auth.Authorizer, names an authorizer the API's Auth.Authorizers does not define. AWS_IAM and
 * NONE are built in. An API that also takes Auth from Globals is left alone (the transform merges
 * the two), and so is one whose Authorizers come from an intrinsic function.
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
  referenceTarget,
  resourcesOfType,
} from "../services/values";
import type { ResourceInfo, TemplateIndex } from "../template-index";
import { eventPath, eventProperties, eventType, SAM_GUIDE, samEvents } from "./events";

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
    "the API's Auth.Authorizers, or AWS_IAM or NONE.",
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
      const node = mapGet(plainMap(mapGet(properties, "Auth")?.value), "Authorizer")?.value;
      const apiRef = mapGet(properties, kind.property)?.value;
      const target = apiRef && referenceTarget(apiRef);
      const api = target && !target.attribute ? template.resources.get(target.name) : undefined;
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
