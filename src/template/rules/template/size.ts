import { thousands } from "../../../text";
import type { Rule } from "../rule";
import { QUOTAS_PAGE } from "./limits";

/** Largest template body CloudFormation accepts inline in a request. */
export const INLINE_TEMPLATE_BYTES = 51_200;
/** Largest template body CloudFormation reads from S3. */
export const S3_TEMPLATE_BYTES = 1_000_000;

export const templateSize: Rule = {
  id: "E1002",
  severity: "error",
  shortDescription: "Template size is within CloudFormation's limits",
  description:
    "A template body over 51,200 bytes can only be deployed from S3 (a warning: set artifact-bucket); over 1,000,000 bytes CloudFormation rejects it.",
  source: QUOTAS_PAGE,
  tags: ["limits"],
  check({ template, report }) {
    const bytes = Buffer.byteLength(template.parsed.source, "utf8");
    const at = template.root.entries[0]?.keyRange ?? template.root;
    const size = thousands(bytes);
    if (bytes > S3_TEMPLATE_BYTES) {
      report(
        at,
        `The template is ${size} bytes; CloudFormation accepts at most 1,000,000. Split it into nested stacks`,
      );
    } else if (bytes > INLINE_TEMPLATE_BYTES) {
      report(
        at,
        `The template is ${size} bytes, over the 51,200 bytes CloudFormation accepts inline: set artifact-bucket so it is uploaded to S3 before deploying`,
        { severity: "warning" },
      );
    }
  },
};
