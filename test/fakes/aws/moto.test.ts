// The CloudFormation contract against moto_server: a second implementation keeps the fake's wire
// format honest. Skipped, with the reason printed, only where moto is not installed.
import { describe } from "vitest";
import { cloudFormationContract } from "./cloudformation-contract";
import { motoUnavailable, startMoto } from "./moto";

const missing = motoUnavailable();
if (missing) console.warn(`moto contract tests skipped: ${missing}`);

describe.skipIf(missing !== undefined)("moto_server", () => {
  cloudFormationContract("moto", async () => {
    const moto = await startMoto();
    return { name: "moto", endpoint: moto.endpoint, close: moto.close };
  });
});
