/**
 * Events the SAM transform wires to a resource of the same template, and so refuses when the
 * resource is named any other way.
 *
 * The API an Api or HttpApi event attaches to, as the SAM transform resolves it: RestApiId (Api)
 * or ApiId (HttpApi) must be a `!Ref` of an API of the same template, because the transform adds
 * the event's path to that API's definition while it runs. An id that names no resource of the
 * template (a literal id, `!ImportValue` of a shared API, a Ref to a parameter, a GetAtt) is refused
 * ("RestApiId must be a valid reference to an 'AWS::Serverless::Api' resource in same template"),
 * and so is an Api event attached to an AWS::Serverless::HttpApi. An HttpApi event attached to an
 * AWS::Serverless::Api is accepted by the transform, for compatibility, and left alone here, as is
 * a Ref to the implicit API (ServerlessRestApi, ServerlessHttpApi), which the transform adds before
 * it reads the events.
 *
 * Two namings deploy but are wired wrongly, so they are warnings (the installed translator, 1.110):
 * the API's logical id as a plain string (the route is added, but the invoke permission names the
 * string where the API's id belongs), and a Ref to a resource that is no API (no route is added).
 */
import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { plainMap, referenceTarget } from "../services/values";
import { intrinsicName, isString, isTemplated } from "../template-index";
import { eventPath, eventProperties, eventType, SAM_GUIDE, samEvents } from "./events";

/** Each event type with the property naming its API, the API's type and the implicit API's logical id. */
export const EVENTS: Record<string, { property: string; api: string; implicit: string }> = {
  Api: { property: "RestApiId", api: "AWS::Serverless::Api", implicit: "ServerlessRestApi" },
  HttpApi: { property: "ApiId", api: "AWS::Serverless::HttpApi", implicit: "ServerlessHttpApi" },
};

export const samEventApi: Rule = {
  id: "E0001",
  severity: "error",
  shortDescription: "SAM Api and HttpApi events attach to an API of the template by Ref",
  description:
    "An Api event's RestApiId, or an HttpApi event's ApiId, is a Ref to an API of the same template (an " +
    "AWS::Serverless::Api for Api events): the transform writes the event into that API's definition.",
  source: `${SAM_GUIDE}/sam-property-function-api.html`,
  tags: ["sam", "apigateway"],
  check({ template, report }) {
    if (!template.sam) return;
    for (const event of samEvents(template)) {
      const type = eventType(event);
      const kind = type ? EVENTS[type] : undefined;
      const value = kind && mapGet(plainMap(eventProperties(event)), kind.property)?.value;
      if (!kind || !value || intrinsicName(value) === "Fn::If") continue;
      const target = referenceTarget(value);
      // The transform adds the implicit API to the template before it reads the events; a name
      // a language-extension loop fills in is only known after it runs.
      if (target && !target.attribute && (target.name === kind.implicit || isTemplated(target.name)))
        continue;
      // The transform also takes the logical id written as a plain string.
      const byName = isString(value);
      const id = byName ? value.value : target && !target.attribute ? target.name : undefined;
      const resource = id === undefined ? undefined : template.resources.get(id);
      const path = eventPath(event, "Properties", kind.property);
      const where = `${kind.property} of ${type} event ${event.entry.key}`;
      if (resource && !(type === "Api" && resource.type === "AWS::Serverless::HttpApi")) {
        const api =
          resource.type === kind.api || (type === "HttpApi" && resource.type === "AWS::Serverless::Api");
        // Both deploy, so these are warnings: a plain-string id gets its route, but the invoke
        // permission names the string where the API's id belongs; another resource gets no route.
        if (api && byName) {
          report(
            value,
            `${where} names ${resource.name} as a plain string: the SAM transform adds the route to ` +
              `${resource.name}, but the invoke permission it makes names '${resource.name}' where the API's id ` +
              `belongs, so API Gateway cannot call the function; write !Ref ${resource.name}`,
            { path, severity: "warning" },
          );
        } else if (!api) {
          report(
            value,
            `${where} names ${resource.name} (${resource.type ?? "of unknown type"}), not an API: the SAM transform takes it ` +
              `but adds no route for the event; give !Ref of the ${kind.api} of this template, or leave ` +
              `${kind.property} out for the implicit API`,
            { path, severity: "warning" },
          );
        }
        continue;
      }
      const fix = `give !Ref of the ${kind.api} of this template, or leave ${kind.property} out for the implicit API`;
      let problem: string;
      if (resource) {
        problem = `names ${resource.name}, an AWS::Serverless::HttpApi; an Api event needs an AWS::Serverless::Api (or use an HttpApi event)`;
      } else {
        problem =
          target && !target.attribute
            ? `names ${target.name}, which is not a resource of this template`
            : "is not a Ref to an API of this template";
      }
      report(
        value,
        `${where} ${problem}: the SAM transform adds the event to that API while it runs and refuses it ` +
          `otherwise; ${fix}`,
        { path },
      );
    }
  },
};

/**
 * An S3 event's Bucket must be `!Ref` of a bucket of the same template: the transform writes the
 * function into that bucket's NotificationConfiguration, and refuses anything else ("S3 events
 * must reference an S3 bucket in the same template"), a bucket from a parameter, an import or a
 * Fn::If included. A bucket made elsewhere takes an AWS::S3::Bucket notification or an EventBridge
 * rule instead.
 */
export const samEventBucket: Rule = {
  id: "E0001",
  severity: "error",
  shortDescription: "SAM S3 events name a bucket of the template by Ref",
  description:
    "An S3 event's Bucket is a Ref to an AWS::S3::Bucket of the same template: the transform adds the function to " +
    "that bucket's notifications.",
  source: `${SAM_GUIDE}/sam-property-function-s3.html`,
  tags: ["sam", "s3"],
  check({ template, report }) {
    if (!template.sam) return;
    for (const event of samEvents(template)) {
      if (eventType(event) !== "S3") continue;
      const bucket = mapGet(plainMap(eventProperties(event)), "Bucket")?.value;
      if (!bucket) continue;
      const target = referenceTarget(bucket);
      const ref = intrinsicName(bucket) === "Ref" ? target : undefined;
      if (ref && (template.resources.has(ref.name) || isTemplated(ref.name))) continue;
      report(
        bucket,
        `Bucket of S3 event ${event.entry.key} ${ref ? `names ${ref.name}, which is not a resource of this template` : "is not a Ref to a bucket of this template"}: ` +
          "the SAM transform adds the function to the notifications of a bucket it creates and refuses any other; " +
          "declare the bucket here and give !Ref of it, or subscribe to a bucket made elsewhere with an EventBridge " +
          "rule (EventBridgeRule event)",
        { path: eventPath(event, "Properties", "Bucket") },
      );
    }
  },
};
