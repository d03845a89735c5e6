// The AWS query protocol (CloudFormation, STS): form-encoded requests, XML responses, XML errors.
import { randomUUID } from "node:crypto";
import type { FakeResponse } from "./types";

/** An error that reaches the client as AWS would send it. */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly type: "Sender" | "Receiver" = status >= 500 ? "Receiver" : "Sender",
  ) {
    super(message);
  }
}

export const validationError = (message: string) => new AwsError("ValidationError", message);

export function requestId(): string {
  return randomUUID();
}

/** Parses a query-protocol request: the form body, with the URL query merged in (GET requests). */
export function parseQuery(body: Buffer, query: URLSearchParams): URLSearchParams {
  const params = new URLSearchParams(body.toString("utf8"));
  for (const [k, v] of query) if (!params.has(k)) params.set(k, v);
  return params;
}

/** `Prefix.member.N` scalars, in N order. */
export function memberList(params: URLSearchParams, prefix: string): string[] {
  const out: [number, string][] = [];
  const head = `${prefix}.member.`;
  for (const [k, v] of params) {
    if (!k.startsWith(head)) continue;
    const n = Number(k.slice(head.length));
    if (Number.isInteger(n)) out.push([n, v]);
  }
  return out.sort((a, b) => a[0] - b[0]).map(([, v]) => v);
}

/** `Prefix.member.N.Field` structures, in N order. */
export function memberStructs(params: URLSearchParams, prefix: string): Record<string, string>[] {
  const byIndex = new Map<number, Record<string, string>>();
  const head = `${prefix}.member.`;
  for (const [k, v] of params) {
    if (!k.startsWith(head)) continue;
    const rest = k.slice(head.length);
    const dot = rest.indexOf(".");
    if (dot < 0) continue;
    const n = Number(rest.slice(0, dot));
    if (!Number.isInteger(n)) continue;
    const entry = byIndex.get(n) ?? {};
    entry[rest.slice(dot + 1)] = v;
    byIndex.set(n, entry);
  }
  return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
}

export function escapeXml(s: string): string {
  return s.replace(/[&<>"'\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Serialises a plain value the way the query protocol shapes it: object keys become elements,
 * arrays become `<member>` lists, dates ISO 8601, undefined fields are left out.
 */
export function toXml(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => `<member>${toXml(v)}</member>`).join("");
  if (typeof value === "object") {
    let out = "";
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (v === undefined || v === null) continue;
      out += `<${k}>${toXml(v)}</${k}>`;
    }
    return out;
  }
  return escapeXml(String(value));
}

export function queryResponse(action: string, xmlns: string, result: unknown): FakeResponse {
  const inner = result === undefined ? "" : `<${action}Result>${toXml(result)}</${action}Result>`;
  return {
    status: 200,
    headers: { "content-type": "text/xml" },
    body:
      `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${xmlns}">${inner}` +
      `<ResponseMetadata><RequestId>${requestId()}</RequestId></ResponseMetadata></${action}Response>`,
  };
}

export function queryError(err: AwsError, xmlns?: string): FakeResponse {
  const ns = xmlns ? ` xmlns="${xmlns}"` : "";
  return {
    status: err.status,
    headers: { "content-type": "text/xml" },
    body:
      `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse${ns}><Error><Type>${err.type}</Type>` +
      `<Code>${escapeXml(err.code)}</Code><Message>${escapeXml(err.message)}</Message></Error>` +
      `<RequestId>${requestId()}</RequestId></ErrorResponse>`,
  };
}

/** Region and service from a SigV4 credential scope, in the header or a presigned URL. */
export function credentialScope(
  headers: Record<string, string>,
  query: URLSearchParams,
): { region: string; service: string } | undefined {
  const auth = headers.authorization ?? "";
  const cred = /Credential=([^,\s]+)/.exec(auth)?.[1] ?? query.get("X-Amz-Credential") ?? "";
  const parts = cred.split("/");
  if (parts.length < 5) return undefined;
  return { region: parts[2], service: parts[3] };
}
