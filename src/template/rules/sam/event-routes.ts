/**
 * The routes of SAM Api and HttpApi events: W3914 for a route that leads nowhere, E0001 for one the
 * transform refuses because another event of the implicit API routes it already.
 *
 * W3914 (our own id): an Api or HttpApi event whose Method is not an HTTP method API Gateway
 * routes (the SAM guide lists DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT and ANY, in any case),
 * or whose Path does not start with `/` (the SAM specification: "MUST start with /"; an HTTP API's
 * `$default` route aside). The transform writes either into the API's OpenAPI document as it is;
 * the stack deploys, and no request ever reaches the function by that route.
 */

import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import { closest, didYouMeanNote } from "../../suggest";
import { globalsFor } from "../resources/shared";
import type { Rule } from "../rule";
import { API_METHODS } from "../services/apigateway-methods";
import { inheritedGlobal, literalString, plainMap, referenceTarget } from "../services/values";
import { intrinsicName, type TemplateIndex } from "../template-index";
import { EVENTS } from "./event-references";
import { eventPath, eventProperties, eventType, SAM_GUIDE, type SamEventEntry, samEvents } from "./events";

const METHODS = API_METHODS.map((method) => method.toLowerCase());
/** What the transform also takes: API Gateway's own name for ANY, and an HTTP API's default route. */
const ANY_METHOD = "x-amazon-apigateway-any-method";
const DEFAULT_ROUTE = "$default";

export const samEventRoutes: Rule = {
  id: "W3914",
  severity: "warning",
  shortDescription: "SAM API events name an HTTP method and a path that starts with /",
  description:
    "The Method of an Api or HttpApi event is DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT or ANY, and its Path " +
    "starts with '/'; otherwise the API deploys with no route to the function.",
  source: `${SAM_GUIDE}/sam-property-function-api.html`,
  tags: ["sam", "apigateway"],
  check({ template, report }) {
    for (const event of samEvents(template)) {
      const type = eventType(event);
      if (type !== "Api" && type !== "HttpApi") continue;
      const properties = eventProperties(event);
      const methodNode = mapGet(properties, "Method")?.value;
      const method = literalString(methodNode);
      const known = METHODS.includes(method?.toLowerCase() ?? "") || method?.toLowerCase() === ANY_METHOD;
      if (methodNode && method !== undefined && !known) {
        const meant = closest(method.toLowerCase(), METHODS);
        report(
          methodNode,
          `Method '${method}' of event ${event.entry.key} is not an HTTP method API Gateway routes` +
            `${didYouMeanNote(meant?.toUpperCase())}; the API deploys without this route, so no request reaches ` +
            `${event.resource.name} through it. Use GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or ANY`,
          { path: eventPath(event, "Properties", "Method") },
        );
      }
      const pathNode = mapGet(properties, "Path")?.value;
      const path = literalString(pathNode);
      const defaultRoute = type === "HttpApi" && path === DEFAULT_ROUTE;
      if (pathNode && path !== undefined && !path.startsWith("/") && !defaultRoute) {
        report(
          pathNode,
          `Path '${path}' of event ${event.entry.key} does not start with '/'; write '/${path}'`,
          { path: eventPath(event, "Properties", "Path") },
        );
      }
    }
  },
};

/** What keeps the transform from writing an API's definition itself (it then checks no route). */
const OWN_DEFINITION = ["DefinitionBody", "DefinitionUri", "MergeDefinitions"];

/**
 * E0001: two Api events (or two HttpApi events) that route the same Method and Path of one API,
 * where the transform refuses the second ('API method "get" defined multiple times for path
 * "/items"'), however the Method is cased (`ANY` is API Gateway's any-method), and whatever
 * Conditions the two resources have (it refuses a route two exclusive Conditions keep apart too).
 * That is, as the transform (1.110) behaves: the implicit APIs, unless the Globals give them
 * DefinitionBody, DefinitionUri or MergeDefinitions; an AWS::Serverless::Api of the template with
 * a DefinitionBody written out (round 50: it takes two such events on one without a definition);
 * and an AWS::Serverless::HttpApi of the template without DefinitionBody and DefinitionUri (it
 * takes two on one with a definition).
 */
export const samEventRouteTwice: Rule = {
  id: "E0001",
  severity: "error",
  shortDescription: "SAM API events route each method and path of an API once",
  description:
    "Two Api (or HttpApi) events with the same Method and Path on an implicit API, on an AWS::Serverless::Api " +
    "with a DefinitionBody or on an AWS::Serverless::HttpApi without a definition: the SAM transform refuses the " +
    "second.",
  source: `${SAM_GUIDE}/sam-property-function-api.html`,
  tags: ["sam", "apigateway"],
  check({ template, report }) {
    if (!template.sam) return;
    const routed = new Map<string, SamEventEntry>();
    // The Globals' own definition of each implicit API, read once: the transform checks no route there.
    const defined = new Set(
      Object.keys(EVENTS).filter((type) =>
        OWN_DEFINITION.some((key) => mapGet(globalsFor(template, EVENTS[type].api), key)),
      ),
    );
    for (const event of samEvents(template)) {
      const type = eventType(event);
      const kind = type ? EVENTS[type] : undefined;
      if (!type || !kind || defined.has(type)) continue;
      const properties = plainMap(eventProperties(event));
      const methodNode = mapGet(properties, "Method")?.value;
      const method = literalString(methodNode)?.toLowerCase();
      const path = literalString(mapGet(properties, "Path")?.value);
      if (!methodNode || method === undefined || path === undefined) continue;
      const value = mapGet(properties, kind.property)?.value;
      const api = implicitApi(value, kind.implicit) ?? checkedApi(template, type, value);
      if (api === undefined) continue;
      const normal = method === "any" ? ANY_METHOD : method;
      const key = `${type}\0${api}\0${normal}\0${path}`;
      const first = routed.get(key);
      if (!first) {
        routed.set(key, event);
        continue;
      }
      report(
        methodNode,
        `${type} event ${event.entry.key} of ${event.resource.name} routes ${normal === ANY_METHOD ? "ANY" : method.toUpperCase()} ${path} of ${api}, ` +
          `as event ${first.entry.key} of ${first.resource.name} does: the SAM transform refuses the second ` +
          `('API method "${method}" defined multiple times for path "${path}"'); give one of them another Method ` +
          "or Path, or let one resource serve both",
        { path: eventPath(event, "Properties", "Method") },
      );
    }
  },
};

/**
 * The API of the template an event's Ref names, where the transform refuses a route written twice:
 * an AWS::Serverless::Api with a DefinitionBody written out, an AWS::Serverless::HttpApi with no
 * definition (see samEventRouteTwice).
 */
function checkedApi(template: TemplateIndex, type: string, value: Node | undefined): string | undefined {
  const target = value && referenceTarget(value);
  const api = target && !target.attribute ? template.resources.get(target.name) : undefined;
  if (!api || api.type !== EVENTS[type].api) return undefined;
  const properties = api.properties?.value;
  if (properties && properties.kind !== "map") return undefined;
  const own = (key: string) => mapGet(properties, key) ?? inheritedGlobal(template, api, key);
  if (own("MergeDefinitions")) return undefined;
  const body = own("DefinitionBody")?.value;
  if (type === "Api") return body?.kind === "map" && !intrinsicName(body) ? api.name : undefined;
  return body || own("DefinitionUri") ? undefined : api.name;
}

/** The implicit API's logical id where an event attaches to it: no id, or a Ref to its name. */
function implicitApi(value: Node | undefined, implicit: string): string | undefined {
  if (!value) return implicit;
  const target = referenceTarget(value);
  return target && !target.attribute && target.name === implicit ? implicit : undefined;
}
