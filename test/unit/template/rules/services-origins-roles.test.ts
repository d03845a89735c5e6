/** E3057: CloudFront cache behaviors name origins of their distribution; E3050: a CodeBuild ServiceRole by Ref has the path /; E3929: CloudFront aliases need a certificate; E3933: Lambda@Edge names a version; E3934: Lambda@Edge features. */
import { describe, expect, it } from "vitest";
import { brief, lint, yaml } from "../lint";

const check = (only: string[], ...lines: string[]) => lint(yaml(...lines), { only });

/** A distribution `name` with origins `site` and `api`, origin group `failover`, and `config` lines under DistributionConfig. */
function distribution(name: string, ...config: string[]): string[] {
  return [
    `  ${name}:`,
    "    Type: AWS::CloudFront::Distribution",
    "    Properties:",
    "      DistributionConfig:",
    "        Enabled: true",
    "        Origins:",
    "          - { Id: site, DomainName: site.s3.amazonaws.com, S3OriginConfig: {} }",
    "          - { Id: api, DomainName: api.example.com, CustomOriginConfig: { OriginProtocolPolicy: https-only } }",
    "        OriginGroups:",
    "          Quantity: 1",
    "          Items:",
    "            - Id: failover",
    "              FailoverCriteria: { StatusCodes: { Quantity: 1, Items: [500] } }",
    "              Members: { Quantity: 2, Items: [{ OriginId: site }, { OriginId: api }] }",
    ...config.map((line) => `        ${line}`),
  ];
}

const POLICY = "CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6";

describe("E3057 CloudFront target origins", () => {
  it("finds default and path behaviors whose TargetOriginId names no origin or group", () => {
    const findings = check(
      ["E3057"],
      "Resources:",
      ...distribution(
        "Dist",
        "DefaultCacheBehavior:",
        `  { TargetOriginId: sites, ViewerProtocolPolicy: redirect-to-https, ${POLICY} }`,
        "CacheBehaviors:",
        `  - { PathPattern: /api/*, TargetOriginId: api, ViewerProtocolPolicy: https-only, ${POLICY} }`,
        `  - { PathPattern: /x/*, TargetOriginId: failover, ViewerProtocolPolicy: https-only, ${POLICY} }`,
        `  - { PathPattern: /y/*, TargetOriginId: backend, ViewerProtocolPolicy: https-only, ${POLICY} }`,
      ),
    );
    expect(brief(findings)).toEqual(["E3057 17:29", "E3057 21:50"]);
    expect(findings[0].message).toBe(
      "TargetOriginId 'sites' is not the Id of an origin or origin group of this distribution (did you mean " +
        "'site'?), and CloudFront refuses it; use one of: 'site', 'api', 'failover'",
    );
    expect(findings[1].path).toEqual([
      "Resources",
      "Dist",
      "Properties",
      "DistributionConfig",
      "CacheBehaviors",
      2,
      "TargetOriginId",
    ]);
  });

  it("leaves distributions alone whose origin ids are not all written out", () => {
    const findings = check(
      ["E3057"],
      "Parameters:",
      "  OriginId: { Type: String }",
      "Conditions:",
      "  Failover: !Equals [!Ref OriginId, failover]",
      "Resources:",
      "  ById:",
      "    Type: AWS::CloudFront::Distribution",
      "    Properties:",
      "      DistributionConfig:",
      "        Enabled: true",
      "        Origins:",
      "          - { Id: !Ref OriginId, DomainName: site.s3.amazonaws.com, S3OriginConfig: {} }",
      `        DefaultCacheBehavior: { TargetOriginId: site, ViewerProtocolPolicy: allow-all, ${POLICY} }`,
      "  ConditionalGroups:",
      "    Type: AWS::CloudFront::Distribution",
      "    Properties:",
      "      DistributionConfig:",
      "        Enabled: true",
      "        Origins:",
      "          - { Id: site, DomainName: site.s3.amazonaws.com, S3OriginConfig: {} }",
      "        OriginGroups: !If [Failover, { Quantity: 1, Items: [] }, !Ref AWS::NoValue]",
      `        DefaultCacheBehavior: { TargetOriginId: failover, ViewerProtocolPolicy: allow-all, ${POLICY} }`,
    );
    expect(findings).toEqual([]);
  });
});

describe("E3050 CodeBuild ServiceRole by Ref", () => {
  /** A role `name` with the given Path lines. */
  const role = (name: string, ...path: string[]) => [
    `  ${name}:`,
    "    Type: AWS::IAM::Role",
    "    Properties:",
    ...path.map((line) => `      ${line}`),
    "      AssumeRolePolicyDocument:",
    "        Statement: [{ Effect: Allow, Principal: { Service: codebuild.amazonaws.com }, Action: sts:AssumeRole }]",
  ];
  const project = (name: string, serviceRole: string) => [
    `  ${name}:`,
    "    Type: AWS::CodeBuild::Project",
    "    Properties:",
    `      ServiceRole: ${serviceRole}`,
    "      Artifacts: { Type: NO_ARTIFACTS }",
    "      Environment: { Type: LINUX_CONTAINER, ComputeType: BUILD_GENERAL1_SMALL, Image: aws/codebuild/standard:7.0 }",
    "      Source: { Type: NO_SOURCE, BuildSpec: 'version: 0.2' }",
  ];

  it("finds a Ref to a role with another path, and accepts the root path, GetAtt and unknown paths", () => {
    const findings = check(
      ["E3050"],
      "Parameters:",
      "  RolePath: { Type: String }",
      "Resources:",
      ...role("CiRole", "Path: /ci/"),
      ...role("RootRole", "Path: /"),
      ...role("PlainRole"),
      ...role("ParamRole", "Path: !Ref RolePath"),
      ...project("ByRef", "!Ref CiRole"),
      ...project("ByArn", "!GetAtt CiRole.Arn"),
      ...project("Root", "!Ref RootRole"),
      ...project("Plain", "!Ref PlainRole"),
      ...project("Param", "!Ref ParamRole"),
    );
    expect(brief(findings)).toEqual(["E3050 30:20"]);
    expect(findings[0].message).toBe(
      "ServiceRole !Ref CiRole gives the role's name, and CodeBuild looks the name up as a role with the path /, " +
        "but 'CiRole' has the path '/ci/'; use !GetAtt CiRole.Arn",
    );
  });
});

describe("E3929 CloudFront aliases without a certificate", () => {
  it("reports Aliases with no ViewerCertificate or the default one, not with an ACM certificate", () => {
    const distribution = (name: string, ...viewer: string[]) => [
      `  ${name}:`,
      "    Type: AWS::CloudFront::Distribution",
      "    Properties:",
      "      DistributionConfig:",
      "        Enabled: true",
      "        Aliases: [www.example.com]",
      "        DefaultCacheBehavior: {TargetOriginId: site, ViewerProtocolPolicy: redirect-to-https, CachePolicyId: abc}",
      "        Origins: [{Id: site, DomainName: example.s3.amazonaws.com, S3OriginConfig: {}}]",
      ...viewer.map((line) => `        ${line}`),
    ];
    const findings = lint(
      yaml(
        "Resources:",
        ...distribution("NoCertificate"),
        ...distribution("DefaultCertificate", "ViewerCertificate: {CloudFrontDefaultCertificate: true}"),
        ...distribution(
          "Acm",
          "ViewerCertificate:",
          "  AcmCertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/abc",
          "  SslSupportMethod: sni-only",
        ),
      ),
      { only: ["E3929"] },
    );
    expect(brief(findings)).toEqual(["E3929 7:9", "E3929 15:9"]);
    expect(findings[0].message).toBe(
      "Distribution 'NoCertificate' has Aliases but only CloudFront's default certificate, and CloudFront refuses an " +
        "alternate domain name without a certificate that covers it; give ViewerCertificate an AcmCertificateArn (a " +
        "certificate in us-east-1) with SslSupportMethod: sni-only",
    );
  });

  it("leaves a certificate or aliases given through an intrinsic alone", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Names: {Type: CommaDelimitedList}",
        "Conditions:",
        "  HasCert: !Equals [!Ref AWS::Region, us-east-1]",
        "Resources:",
        "  Conditional:",
        "    Type: AWS::CloudFront::Distribution",
        "    Properties:",
        "      DistributionConfig:",
        "        Enabled: true",
        "        Aliases: [www.example.com]",
        "        DefaultCacheBehavior: {TargetOriginId: site, ViewerProtocolPolicy: allow-all, CachePolicyId: abc}",
        "        Origins: [{Id: site, DomainName: example.s3.amazonaws.com, S3OriginConfig: {}}]",
        "        ViewerCertificate: !If [HasCert, {AcmCertificateArn: arn:aws:acm:us-east-1:1:certificate/a}, !Ref AWS::NoValue]",
        "  FromParameter:",
        "    Type: AWS::CloudFront::Distribution",
        "    Properties:",
        "      DistributionConfig:",
        "        Enabled: true",
        "        Aliases: !Ref Names",
        "        DefaultCacheBehavior: {TargetOriginId: site, ViewerProtocolPolicy: allow-all, CachePolicyId: abc}",
        "        Origins: [{Id: site, DomainName: example.s3.amazonaws.com, S3OriginConfig: {}}]",
        // An alias only where a condition holds: without it the distribution has none.
        "  MaybeAliased:",
        "    Type: AWS::CloudFront::Distribution",
        "    Properties:",
        "      DistributionConfig:",
        "        Enabled: true",
        "        Aliases: [!If [HasCert, www.example.com, !Ref AWS::NoValue]]",
        "        DefaultCacheBehavior: {TargetOriginId: site, ViewerProtocolPolicy: allow-all, CachePolicyId: abc}",
        "        Origins: [{Id: site, DomainName: example.s3.amazonaws.com, S3OriginConfig: {}}]",
      ),
      { only: ["E3929"] },
    );
    expect(findings).toEqual([]);
  });
});

/** A distribution `Site` whose default cache behavior's LambdaFunctionAssociations follow (eleven lines). */
const EDGE_SITE = [
  "  Site:",
  "    Type: AWS::CloudFront::Distribution",
  "    Properties:",
  "      DistributionConfig:",
  "        Enabled: true",
  "        Origins: [{Id: site, DomainName: example.s3.amazonaws.com, S3OriginConfig: {}}]",
  "        DefaultCacheBehavior:",
  "          TargetOriginId: site",
  "          ViewerProtocolPolicy: allow-all",
  "          CachePolicyId: abc",
  "          LambdaFunctionAssociations:",
];

describe("E3933 Lambda@Edge versions", () => {
  it("reports an unqualified function ARN or an alias in a Lambda@Edge association, not a version", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Fn:",
        "    Type: AWS::Lambda::Function",
        "    Properties:",
        "      Runtime: nodejs24.x",
        "      Handler: index.handler",
        "      Role: arn:aws:iam::123456789012:role/edge",
        "      Code: {ZipFile: x}",
        "  Version:",
        "    Type: AWS::Lambda::Version",
        "    Properties: {FunctionName: !Ref Fn}",
        "  Live:",
        "    Type: AWS::Lambda::Alias",
        "    Properties: {FunctionName: !Ref Fn, FunctionVersion: !GetAtt Version.Version, Name: live}",
        ...EDGE_SITE,
        "            - {EventType: viewer-request, LambdaFunctionARN: !GetAtt Fn.Arn}",
        "            - {EventType: origin-request, LambdaFunctionARN: !Ref Version}",
        "        CacheBehaviors:",
        "          - PathPattern: /api/*",
        "            TargetOriginId: site",
        "            ViewerProtocolPolicy: allow-all",
        "            CachePolicyId: abc",
        "            LambdaFunctionAssociations:",
        "              - {EventType: viewer-request, LambdaFunctionARN: !Ref Live}",
      ),
      { only: ["E3933"] },
    );
    expect(brief(findings)).toEqual(["E3933 26:62", "E3933 34:64"]);
    expect(findings.map((f) => f.message)).toEqual([
      "Lambda@Edge association 1 of distribution 'Site' names function Fn without a version, and CloudFront takes a " +
        "published version only; write the !Ref of an AWS::Lambda::Version of the function",
      expect.stringContaining("names alias Live, and CloudFront takes a published version only"),
    ]);
  });
});

describe("E3934 Lambda@Edge function features", () => {
  it("reports what Lambda@Edge does not support on a function it runs, through a version or a SAM Version", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Globals:",
        "  Function:",
        "    Architectures: [arm64]",
        "Resources:",
        "  Fn:",
        "    Type: AWS::Lambda::Function",
        "    Properties:",
        "      Runtime: nodejs24.x",
        "      Handler: index.handler",
        "      Role: arn:aws:iam::123456789012:role/edge",
        "      Code: {ZipFile: x}",
        "      Environment: {Variables: {STAGE: prod}}",
        "  Version:",
        "    Type: AWS::Lambda::Version",
        "    Properties: {FunctionName: !Ref Fn}",
        "  SamFn:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        "      Runtime: nodejs24.x",
        "      Handler: index.handler",
        "      InlineCode: x",
        "      AutoPublishAlias: live",
        "  Regional:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        "      Runtime: nodejs24.x",
        "      Handler: index.handler",
        "      InlineCode: x",
        ...EDGE_SITE,
        "            - {EventType: viewer-request, LambdaFunctionARN: !Ref Version}",
        "            - {EventType: origin-request, LambdaFunctionARN: !Ref SamFn.Version}",
      ),
      { only: ["E3934"] },
    );
    // Fn's environment (line 13); SamFn's arm64 from Globals, at its name (line 17). Regional runs no edge work.
    expect(brief(findings)).toEqual(["E3934 13:7", "E3934 17:3"]);
    expect(findings.map((f) => f.message)).toEqual([
      "Function Fn runs at the edge for distribution 'Site', and Lambda@Edge does not support environment variables " +
        "(Environment); the distribution fails to associate it. Remove it, or run this work in a regional function",
      expect.stringContaining(
        "Lambda@Edge does not support the arm64 architecture (Architectures, from Globals.Function)",
      ),
    ]);
  });
});
