/**
 * A Lambda client that loads the Lambda SDK on its first call: deploy reads layer sizes only for
 * templates whose functions name layers by ARN, and no other run should pay for evaluating it.
 */
import type { LambdaClient } from "@aws-sdk/client-lambda";
import type { ClientSettings } from "./clients";

export function lazyLambdaClient(settings: ClientSettings = {}): Pick<LambdaClient, "send"> {
  let client: Promise<LambdaClient> | undefined;
  // Only the promise form, send(command), is used with it.
  const send = async (command: unknown) => {
    client ??= import("./lambda-client").then(({ createLambdaClient }) => createLambdaClient(settings));
    return (await client).send(command as Parameters<LambdaClient["send"]>[0]);
  };
  return { send: send as unknown as LambdaClient["send"] };
}
