/**
 * The RequestParameters of a SAM Api event as the transform takes them: each a name of the form
 * `method.request.querystring|path|header.<name>`, or a one-entry mapping of such a name to
 * `{Required, Caching}`. The transform refuses other names ("Keys must be in the format
 * 'method.request.[querystring|path|header].{value}'") and other settings.
 */
import type { Node } from "../../model";
import { listItems, mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { literalString, plainMap } from "../services/values";
import { intrinsicName } from "../template-index";
import { eventPath, eventProperties, eventType, SAM_GUIDE, samEvents } from "./events";

const NAME = /^method\.request\.(querystring|path|header)\./;
const SETTINGS = ["Required", "Caching"];

export const samRequestParameters: Rule = {
  id: "E0001",
  severity: "error",
  shortDescription: "SAM Api event RequestParameters are method.request names with Required and Caching",
  description:
    "Each RequestParameters item of a SAM Api event is method.request.querystring, .path or .header and a name, or " +
    "a mapping of such a name to Required and Caching.",
  source: `${SAM_GUIDE}/sam-property-function-api.html`,
  tags: ["sam", "apigateway"],
  check({ template, report }) {
    for (const event of samEvents(template)) {
      if (eventType(event) !== "Api") continue;
      const parameters = mapGet(plainMap(eventProperties(event)), "RequestParameters")?.value;
      if (!parameters || intrinsicName(parameters)) continue;
      const path = eventPath(event, "Properties", "RequestParameters");
      for (const item of listItems(parameters)) {
        if (intrinsicName(item)) continue;
        let name: Node | undefined = item;
        let text = literalString(item);
        const settings = item.kind === "map" ? item.entries[0] : undefined;
        if (settings) {
          name = undefined;
          text = settings.key;
        }
        if (text !== undefined && !NAME.test(text)) {
          report(
            name ?? settings?.keyRange ?? item,
            `Request parameter '${text}' of event ${event.entry.key} is not method.request.querystring, .path or ` +
              ".header and a name (such as method.request.querystring.id), so the SAM transform refuses it",
            { path },
          );
          continue;
        }
        const value = settings?.value;
        const unknown = value && plainMap(value)?.entries.find((entry) => !SETTINGS.includes(entry.key));
        if (settings && (!plainMap(value) || unknown)) {
          report(
            unknown?.keyRange ?? value ?? settings.keyRange,
            `The settings of request parameter '${settings.key}' of event ${event.entry.key} are a mapping of Required ` +
              "and Caching (true or false), and the SAM transform refuses anything else",
            { path },
          );
        }
      }
    }
  },
};
