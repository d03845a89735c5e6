// undici stand-in for an action that makes no network call (see scripts/build.mjs).
export class ProxyAgent {
  constructor() {
    throw new Error("This action makes no network calls; undici is not bundled with it.");
  }
}
