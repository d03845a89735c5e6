/**
 * W3914 (our own id): an Api or HttpApi event whose Method is not an HTTP method API Gateway
 * routes (the SAM guide lists DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT and ANY, in any case),
 * or whose Path does not start with `/` (the SAM specification: "MUST start with /"; an HTTP API's
 * `$default` route aside). The
 * transform writes either into the API's OpenAPI document as it is; the stack deploys, and no
 * request ever reaches the function by that route.
 */

import { mapGet } from "../../nodes";
import { closest, didYouMeanNote } from "../../suggest";
import type { Rule } from "../rule";
import { API_METHODS } from "../services/apigateway-methods";
import { literalString } from "../services/values";
import { eventPath, eventProperties, eventType, SAM_GUIDE, samEvents } from "./events";

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
