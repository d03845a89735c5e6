// TemplateURL: CloudFormation reads templates from S3, here from the fake S3, for change sets and
// for nested stacks alike.
import { validationError } from "../protocol";
import type { S3State } from "../s3";

/** The template text at a TemplateURL, whichever addressing style the URL uses. */
export function templateFromUrl(s3: S3State, url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw validationError("TemplateURL must be a supported URL.");
  }
  const path = decodeURIComponent(u.pathname).replace(/^\//, "");
  const virtual = /^(.+?)\.s3[.-]/.exec(u.hostname);
  const [bucket, key] = virtual
    ? [virtual[1], path]
    : [path.split("/")[0], path.split("/").slice(1).join("/")];
  if (!s3.hasBucket(bucket)) throw validationError("S3 error: The specified bucket does not exist");
  const body = s3.getObject(bucket, key);
  if (!body) throw validationError("S3 error: The specified key does not exist.");
  if (body.length > 1_000_000) throw validationError("Template may not exceed 1000000 bytes in size.");
  return body.toString("utf8");
}
