// Stand-in for @actions/http-client and @actions/exec in an action that makes no network call
// and runs no process (see scripts/build.mjs).
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
