import { thousands } from "../../../text";
import type { Rule } from "../rule";
import { QUOTAS_PAGE } from "./limits";

const MAX_DESCRIPTION_BYTES = 1024;

export const templateDescriptionLength: Rule = {
  id: "E1003",
  severity: "error",
  shortDescription: "Template Description is at most 1,024 bytes",
  description: "CloudFormation rejects a template whose Description is longer than 1,024 bytes.",
  source: QUOTAS_PAGE,
  tags: ["description", "limits"],
  check({ template, report }) {
    const value = template.sections.get("Description")?.entry.value;
    if (value?.kind !== "scalar" || typeof value.value !== "string") return;
    const bytes = Buffer.byteLength(value.value, "utf8");
    if (bytes > MAX_DESCRIPTION_BYTES) {
      report(value, `Description is ${thousands(bytes)} bytes; CloudFormation allows at most 1,024`, {
        path: ["Description"],
      });
    }
  },
};
