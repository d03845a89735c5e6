/**
 * The build-layer bundle's publish path against moto_server, a second implementation of S3 and
 * Lambda layers: a second run publishes nothing and outputs the same version, and pruning keeps
 * keep-versions. Skipped, with the reason printed, where moto is absent.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { LambdaClient, ListLayerVersionsCommand } from "@aws-sdk/client-lambda";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MotoServer, motoUnavailable, startMoto } from "../fakes/aws/moto";
import { tempDir } from "../unit/layer/fixtures";
import { runAction } from "./harness";

const missing = motoUnavailable();
if (missing) console.warn(`build-layer tests against moto skipped: ${missing}`);

const credentials = { accessKeyId: "AKIDPREVIEWSTACKSTEST", secretAccessKey: "preview-stacks-test-secret" };

describe.skipIf(missing !== undefined)("build-layer action bundle against moto_server", () => {
  let moto: MotoServer;
  let lambda: LambdaClient;

  beforeAll(async () => {
    moto = await startMoto();
    const config = { endpoint: moto.endpoint, region: "us-east-1", credentials, maxAttempts: 1 };
    const s3 = new S3Client({ ...config, forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: "moto-layers" }));
    s3.destroy();
    lambda = new LambdaClient(config);
  });

  afterAll(async () => {
    lambda?.destroy();
    await moto?.close();
  });

  it("publishes once for the same content, and prunes to keep-versions", async () => {
    const root = tempDir("bl-moto");
    const dir = join(root, "checkout");
    mkdirSync(join(dir, "native"), { recursive: true });
    const run = (content: string) => {
      writeFileSync(join(dir, "native", "libx.so"), content);
      return runAction({
        action: "build-layer",
        workspace: dir,
        awsEndpoint: moto.endpoint,
        inputs: {
          name: "moto-layer",
          runtime: "custom",
          include: "native:lib",
          "artifact-bucket": "moto-layers",
          "keep-versions": "2",
          cache: "false",
        },
        env: { AWS_S3_FORCE_PATH_STYLE: "true", HOME: join(root, "home") },
      });
    };
    const first = await run("v1");
    expect(first.exitCode, first.stdout + first.stderr).toBe(0);
    expect(first.outputs.published).toBe("true");
    const again = await run("v1");
    expect(again.exitCode, again.stdout + again.stderr).toBe(0);
    expect(again.outputs.published).toBe("false");
    expect(again.outputs["layer-version-arn"]).toBe(first.outputs["layer-version-arn"]);
    for (const content of ["v2", "v3"]) {
      const result = await run(content);
      expect(result.exitCode, result.stdout + result.stderr).toBe(0);
      expect(result.outputs.published).toBe("true");
    }
    const listed = await lambda.send(new ListLayerVersionsCommand({ LayerName: "moto-layer" }));
    expect((listed.LayerVersions ?? []).map((v) => v.Version).sort()).toEqual([2, 3]);
  });
});
