/**
 * SAM S3 locations (CodeUri, ContentUri, DefinitionUri), judged where the transform puts them. The
 * fixtures were also run through cfn-lint 1.51, which reports the bucket placeholder too (E3031, at
 * the resource's line after its transform).
 */
import { describe, expect, it } from "vitest";
import { parseS3Uri, S3_LOCATIONS } from "../../../../src/template/rules/sam/s3-locations";
import { brief, lint, samFunction, yaml } from "../lint";
import { samTranslatorInstalled, translateSam } from "../sam-translator";

const SAM = "Transform: AWS::Serverless-2016-10-31";

describe("SAM S3 locations, judged in the resource the transform makes", () => {
  it("judges a CodeUri's bucket as the function's Code.S3Bucket", () => {
    const findings = lint(
      yaml(SAM, "Resources:", ...samFunction("Fn", "CodeUri: s3://<bucket-name>/app.zip")),
      {
        only: ["E3031"],
      },
    );
    expect(brief(findings)).toEqual(["E3031 8:16"]);
    expect(findings[0].message).toBe(
      "'S3Bucket' of CodeUri of Fn (SAM makes it the Code of an AWS::Lambda::Function) must match the pattern " +
        "^[0-9A-Za-z\\.\\-_]*(?<!\\.)$",
    );
  });

  it("judges each part of a location given as a mapping, and a layer's ContentUri", () => {
    const findings = lint(
      yaml(
        SAM,
        "Resources:",
        ...samFunction("Fn", "CodeUri: {Bucket: 'my bucket', Key: app.zip}"),
        "  Layer:",
        "    Type: AWS::Serverless::LayerVersion",
        "    Properties:",
        "      ContentUri: s3://layers./layer.zip",
      ),
      { only: ["E3031"] },
    );
    expect(brief(findings)).toEqual(["E3031 8:25", "E3031 12:19"]);
    expect(findings[1].message).toContain(
      "'S3Bucket' of ContentUri of Layer (SAM makes it the Content of an",
    );
  });

  it("leaves alone a local path, a good location and one given by a function", () => {
    const findings = lint(
      yaml(
        SAM,
        "Parameters:",
        "  Bucket: {Type: String}",
        "Resources:",
        "  Local:",
        "    Type: AWS::Serverless::Function",
        "    Properties: {Runtime: python3.13, Handler: app.handler, CodeUri: src/}",
        "  Packaged:",
        "    Type: AWS::Serverless::Function",
        "    Properties: {Runtime: python3.13, Handler: app.handler, CodeUri: 's3://my-bucket/a/b.zip?versionId=3'}",
        "  Given:",
        "    Type: AWS::Serverless::Function",
        "    Properties: {Runtime: python3.13, Handler: app.handler, CodeUri: {Bucket: !Ref Bucket, Key: app.zip}}",
      ),
      { only: ["E3030", "E3031", "E3033", "E3034"] },
    );
    expect(findings).toEqual([]);
  });

  it("splits an s3:// URI as the transform does", () => {
    expect(parseS3Uri("s3://bucket/dir/app.zip")).toEqual({ bucket: "bucket", key: "dir/app.zip" });
    expect(parseS3Uri("s3://bucket/app.zip?versionId=v1")).toEqual({
      bucket: "bucket",
      key: "app.zip",
      version: "v1",
    });
    expect(parseS3Uri("s3://bucket/")).toBeUndefined();
    expect(parseS3Uri("src/")).toBeUndefined();
    expect(parseS3Uri("https://bucket.s3.amazonaws.com/app.zip")).toBeUndefined();
  });
});

describe("the table of where SAM puts S3 locations", () => {
  it.skipIf(!samTranslatorInstalled("sam-s3-locations.test.ts", "the table of where SAM puts S3 locations"))(
    "matches the installed SAM transform: a URI's bucket, key and version land at the listed names",
    () => {
      const resources: Record<string, unknown> = {};
      const needs: Record<string, Record<string, unknown>> = {
        "AWS::Serverless::Function": { Runtime: "python3.13", Handler: "app.handler" },
        "AWS::Serverless::Api": { StageName: "prod" },
        "AWS::Serverless::StateMachine": { Role: "arn:aws:iam::123456789012:role/r" },
      };
      for (const [type, { property }] of Object.entries(S3_LOCATIONS)) {
        resources[type.replaceAll(":", "")] = {
          Type: type,
          Properties: { ...needs[type], [property]: "s3://marker-bucket/dir/marker.zip?versionId=v7" },
        };
      }
      const { made } = translateSam({
        made: { Transform: "AWS::Serverless-2016-10-31", Resources: resources },
      });
      const wrong: string[] = [];
      for (const { target } of Object.values(S3_LOCATIONS)) {
        const resource = made.find((r) => r.Type === target.type);
        const location = resource?.Properties[target.property];
        const expected = {
          [target.parts.Bucket]: "marker-bucket",
          [target.parts.Key]: "dir/marker.zip",
          [target.parts.Version]: "v7",
        };
        const sorted = (value: unknown) => JSON.stringify(Object.entries(value ?? {}).sort());
        if (sorted(location) !== sorted(expected))
          wrong.push(`${target.type}.${target.property}: ${JSON.stringify(location)}`);
      }
      expect(wrong).toEqual([]);
    },
  );
});
