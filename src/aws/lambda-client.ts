/** The Lambda client, made as clients.ts makes every other: region, adaptive retries, AWS_ENDPOINT_URL. */
import { LambdaClient } from "@aws-sdk/client-lambda";
import { type ClientSettings, clientConfig } from "./clients";

export function createLambdaClient(settings: ClientSettings = {}): LambdaClient {
  return new LambdaClient(clientConfig(settings));
}
