// Stand-in for @actions/http-client and @actions/exec in an action that makes no network call
// and runs no process, and for node:crypto, whose only use here is the delimiter @actions/core
// writes outputs with (see scripts/build.mjs).
export function randomUUID() {
  const hex = (digits) =>
    Array.from({ length: digits }, () => Math.floor(Math.random() * 16).toString(16)).join("");
  const variant = (8 + Math.floor(Math.random() * 4)).toString(16);
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}
function refuse() {
  throw new Error("This action makes no network calls and runs no process; the modules for them are not bundled.");
}
export class HttpClient {
  constructor() {
    refuse();
  }
}
export class BearerCredentialHandler {
  constructor() {
    refuse();
  }
}
export const exec = async () => refuse();
export const getExecOutput = async () => refuse();
