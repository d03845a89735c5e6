/** `preview-stacks package` from the CLI bundle, uploading to the fake S3. */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeAws, startFakeAws } from "../fakes/aws/index";
import { ROOT } from "./harness";

let aws: FakeAws;
let dir: string;

beforeAll(async () => {
  aws = await startFakeAws();
  aws.state.s3.createBucket("cli-artifacts", "us-east-1");
  dir = mkdtempSync(join(tmpdir(), "preview-stacks-cli-package-"));
  mkdirSync(join(dir, "src"));
  writeFileSync(join(dir, "src/index.js"), "exports.handler = async () => 1;\n");
  writeFileSync(
    join(dir, "template.yaml"),
    "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: src\n",
  );
});

afterAll(async () => {
  await aws?.close();
});

/** Asynchronous, so the in-process fake keeps answering while the CLI runs. */
function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [join(ROOT, "bin/preview-stacks.js"), ...args],
      { cwd: dir, env: { PATH: process.env.PATH ?? "", ...aws.env(), AWS_MAX_ATTEMPTS: "1" } },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("preview-stacks package", () => {
  it("uploads local code and prints the packaged template; again, uploads nothing", async () => {
    const run = await cli("package", "--template", "template.yaml", "--artifact-bucket", "cli-artifacts");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /^Resources:\n.*\n {6}CodeUri: "s3:\/\/cli-artifacts\/artifacts\/[0-9a-f]{64}\.zip"\n$/s,
    );
    expect(run.stderr).toContain("1 uploaded, 0 already in S3");

    const again = await cli(
      "package",
      "--template",
      "template.yaml",
      "--artifact-bucket",
      "cli-artifacts",
      "--output",
      "packaged.yaml",
    );
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain("0 uploaded, 1 already in S3");
    expect(readFileSync(join(dir, "packaged.yaml"), "utf8")).toBe(run.stdout);
  });

  it("exits 1 on a missing local path and 2 without --template or --artifact-bucket", async () => {
    writeFileSync(
      join(dir, "broken.yaml"),
      "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Code: nowhere\n",
    );
    const broken = await cli("package", "--template", "broken.yaml", "--artifact-bucket", "cli-artifacts");
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain("Resource Fn (AWS::Lambda::Function) Code: the local path 'nowhere'");
    expect((await cli("package")).code).toBe(2);
    const noBucket = await cli("package", "--template", "template.yaml");
    expect(noBucket.code).toBe(2);
    expect(noBucket.stderr).toContain("Input '--artifact-bucket'");
  });

  it("documents the command in --help", async () => {
    const help = await cli("package", "--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("preview-stacks package --template FILE");
  });
});
