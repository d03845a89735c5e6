// `npm run fake:aws`: the fake AWS as a standalone server for demos and for running the real
// bundles by hand. Simulated time follows real time here (timeScale 1) unless told otherwise.
import { parseArgs } from "node:util";
import { startFakeAws } from "./server";

const USAGE = `Usage: fake-aws [--port N] [--region R] [--account-id ID] [--resource-delay-ms MS]
                [--change-set-delay-ms MS] [--time-scale N] [--event-page-size N]

Starts CloudFormation, S3, Lambda layers and STS on http://127.0.0.1:<port> and prints the
environment that points the AWS SDK (and the action bundles) at it. Ctrl-C stops it.`;

function number(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0)
    throw new Error(`--${name} must be a non-negative number, got "${value}"`);
  return n;
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: "string" },
      region: { type: "string" },
      "account-id": { type: "string" },
      "resource-delay-ms": { type: "string" },
      "change-set-delay-ms": { type: "string" },
      "time-scale": { type: "string" },
      "event-page-size": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const aws = await startFakeAws({
    port: number(values.port, "port", 0),
    region: values.region,
    accountId: values["account-id"],
    resourceDelayMs: number(values["resource-delay-ms"], "resource-delay-ms", 500),
    changeSetDelayMs: number(values["change-set-delay-ms"], "change-set-delay-ms", 200),
    timeScale: number(values["time-scale"], "time-scale", 1),
    eventPageSize: number(values["event-page-size"], "event-page-size", 100),
  });
  console.log(`fake AWS listening on ${aws.endpoint}`);
  for (const [k, v] of Object.entries(aws.env())) console.log(`export ${k}=${v}`);
  const stop = () => {
    aws.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(2);
});
