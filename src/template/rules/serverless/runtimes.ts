/**
 * The lifecycle of AWS Lambda managed runtimes: when each was deprecated, when Lambda stopped
 * creating functions with it, when it stopped updating them, and the runtime to move to.
 *
 * Source: https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html#runtimes-deprecated
 * (policy: https://docs.aws.amazon.com/lambda/latest/dg/runtime-support-policy.html), first as
 * tabulated by cfn-lint 1.51.0 in cfnlint/data/AdditionalSpecs/LmbdRuntimeLifecycle.json (MIT-0).
 * AWS moved many dates in 2026, after that release: the per-language pages (lambda-python,
 * lambda-nodejs, lambda-java, lambda-csharp, lambda-ruby, runtimes-provided) give python3.11,
 * java8.al2, java11 and java17 a year more (blocks from 2027-07-31), dotnet8 blocks from
 * 2027-02-01 and add dotnet10 and ruby4.0; cfn-lint#4531 quotes the page's nodejs20.x blocks as
 * 2027-02-01 and 2027-03-03, and cfn-lint#4532 (2026-06-02) moves "many create-block/update-block
 * dates" there. Round 42 found the stale dates (a python3.9 function flagged as blocked). Where the
 * sources seen disagree or are silent (nodejs16.x, nodejs18.x, python3.8, python3.9, python3.10,
 * dotnet6, ruby3.2, provided.al2), the later date is kept, so that no template is refused for a
 * block that has not begun: a missed finding for a few weeks costs less than a false error.
 * Dates are UTC days (YYYY-MM-DD); a block applies from the start of its day. Update this table
 * when AWS announces or moves a date.
 */

export interface RuntimeLifecycle {
  deprecated: string;
  createBlock: string;
  updateBlock: string;
  /** The runtime to move to; null for the newest of its family. */
  successor: string | null;
}

export const RUNTIME_LIFECYCLE_SOURCE = "https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html";

export const RUNTIME_LIFECYCLE: Readonly<Record<string, RuntimeLifecycle>> = {
  dotnet6: {
    deprecated: "2024-12-20",
    createBlock: "2027-02-01",
    updateBlock: "2027-03-03",
    successor: "dotnet10",
  },
  dotnet8: {
    deprecated: "2026-11-10",
    createBlock: "2027-02-01",
    updateBlock: "2027-03-03",
    successor: "dotnet10",
  },
  dotnet10: {
    deprecated: "2028-11-14",
    createBlock: "2028-12-14",
    updateBlock: "2029-01-15",
    successor: null,
  },
  "dotnetcore1.0": {
    deprecated: "2019-06-27",
    createBlock: "2019-06-30",
    updateBlock: "2019-07-30",
    successor: "dotnet10",
  },
  "dotnetcore2.0": {
    deprecated: "2019-05-30",
    createBlock: "2019-04-30",
    updateBlock: "2019-05-30",
    successor: "dotnet10",
  },
  "dotnetcore2.1": {
    deprecated: "2022-01-05",
    createBlock: "2022-01-05",
    updateBlock: "2022-04-13",
    successor: "dotnet10",
  },
  "dotnetcore3.1": {
    deprecated: "2023-04-03",
    createBlock: "2023-04-03",
    updateBlock: "2023-05-03",
    successor: "dotnet10",
  },
  "go1.x": {
    deprecated: "2024-01-08",
    createBlock: "2024-02-08",
    updateBlock: "2026-07-01",
    successor: "provided.al2023",
  },
  java8: {
    deprecated: "2024-01-08",
    createBlock: "2024-02-08",
    updateBlock: "2026-07-01",
    successor: "java25",
  },
  "java8.al2": {
    deprecated: "2027-06-30",
    createBlock: "2027-07-31",
    updateBlock: "2027-08-31",
    successor: "java25",
  },
  java11: {
    deprecated: "2027-06-30",
    createBlock: "2027-07-31",
    updateBlock: "2027-08-31",
    successor: "java25",
  },
  java17: {
    deprecated: "2027-06-30",
    createBlock: "2027-07-31",
    updateBlock: "2027-08-31",
    successor: "java25",
  },
  java21: {
    deprecated: "2029-06-30",
    createBlock: "2029-07-31",
    updateBlock: "2029-08-31",
    successor: "java25",
  },
  java25: { deprecated: "2029-06-30", createBlock: "2029-07-31", updateBlock: "2029-08-31", successor: null },
  nodejs: {
    deprecated: "2016-08-30",
    createBlock: "2016-09-30",
    updateBlock: "2016-10-31",
    successor: "nodejs24.x",
  },
  "nodejs4.3": {
    deprecated: "2020-03-05",
    createBlock: "2020-02-03",
    updateBlock: "2020-03-05",
    successor: "nodejs24.x",
  },
  "nodejs4.3-edge": {
    deprecated: "2020-03-05",
    createBlock: "2019-03-31",
    updateBlock: "2019-04-30",
    successor: "nodejs24.x",
  },
  "nodejs6.10": {
    deprecated: "2019-08-12",
    createBlock: "2019-07-12",
    updateBlock: "2019-08-12",
    successor: "nodejs24.x",
  },
  "nodejs8.10": {
    deprecated: "2020-03-06",
    createBlock: "2020-02-04",
    updateBlock: "2020-03-06",
    successor: "nodejs24.x",
  },
  "nodejs10.x": {
    deprecated: "2021-07-30",
    createBlock: "2021-07-30",
    updateBlock: "2022-02-14",
    successor: "nodejs24.x",
  },
  "nodejs12.x": {
    deprecated: "2023-03-31",
    createBlock: "2023-03-31",
    updateBlock: "2023-04-30",
    successor: "nodejs24.x",
  },
  "nodejs14.x": {
    deprecated: "2023-12-04",
    createBlock: "2024-01-09",
    updateBlock: "2026-07-01",
    successor: "nodejs24.x",
  },
  "nodejs16.x": {
    deprecated: "2024-06-12",
    createBlock: "2027-02-01",
    updateBlock: "2027-03-03",
    successor: "nodejs24.x",
  },
  "nodejs18.x": {
    deprecated: "2025-09-01",
    createBlock: "2027-02-01",
    updateBlock: "2027-03-03",
    successor: "nodejs24.x",
  },
  "nodejs20.x": {
    deprecated: "2026-04-30",
    createBlock: "2027-02-01",
    updateBlock: "2027-03-03",
    successor: "nodejs24.x",
  },
  "nodejs22.x": {
    deprecated: "2027-04-30",
    createBlock: "2027-06-01",
    updateBlock: "2027-07-01",
    successor: "nodejs24.x",
  },
  "nodejs24.x": {
    deprecated: "2028-04-30",
    createBlock: "2028-06-01",
    updateBlock: "2028-07-01",
    successor: null,
  },
  provided: {
    deprecated: "2024-01-08",
    createBlock: "2024-02-08",
    updateBlock: "2026-07-01",
    successor: "provided.al2023",
  },
  "provided.al2": {
    deprecated: "2026-07-31",
    createBlock: "2027-02-01",
    updateBlock: "2027-03-03",
    successor: "provided.al2023",
  },
  "provided.al2023": {
    deprecated: "2029-06-30",
    createBlock: "2029-07-31",
    updateBlock: "2029-08-31",
    successor: null,
  },
  "python2.7": {
    deprecated: "2021-07-15",
    createBlock: "2021-07-15",
    updateBlock: "2022-05-30",
    successor: "python3.14",
  },
  "python3.6": {
    deprecated: "2022-07-18",
    createBlock: "2022-07-18",
    updateBlock: "2022-08-29",
    successor: "python3.14",
  },
  "python3.7": {
    deprecated: "2023-12-04",
    createBlock: "2024-01-09",
    updateBlock: "2026-03-09",
    successor: "python3.14",
  },
  "python3.8": {
    deprecated: "2024-10-14",
    createBlock: "2027-02-01",
    updateBlock: "2027-03-03",
    successor: "python3.14",
  },
  "python3.9": {
    deprecated: "2025-12-15",
    createBlock: "2027-02-01",
    updateBlock: "2027-03-03",
    successor: "python3.14",
  },
  "python3.10": {
    deprecated: "2026-10-31",
    createBlock: "2027-02-01",
    updateBlock: "2027-03-03",
    successor: "python3.14",
  },
  "python3.11": {
    deprecated: "2027-06-30",
    createBlock: "2027-07-31",
    updateBlock: "2027-08-31",
    successor: "python3.14",
  },
  "python3.12": {
    deprecated: "2028-10-31",
    createBlock: "2028-11-30",
    updateBlock: "2029-01-10",
    successor: "python3.14",
  },
  "python3.13": {
    deprecated: "2029-06-30",
    createBlock: "2029-07-31",
    updateBlock: "2029-08-31",
    successor: "python3.14",
  },
  "python3.14": {
    deprecated: "2029-06-30",
    createBlock: "2029-07-31",
    updateBlock: "2029-08-31",
    successor: null,
  },
  "ruby2.5": {
    deprecated: "2021-07-30",
    createBlock: "2021-07-30",
    updateBlock: "2022-03-31",
    successor: "ruby4.0",
  },
  "ruby2.7": {
    deprecated: "2023-12-07",
    createBlock: "2024-01-09",
    updateBlock: "2026-07-01",
    successor: "ruby4.0",
  },
  "ruby3.2": {
    deprecated: "2026-03-31",
    createBlock: "2027-02-01",
    updateBlock: "2027-03-03",
    successor: "ruby4.0",
  },
  "ruby3.3": {
    deprecated: "2027-03-31",
    createBlock: "2027-04-30",
    updateBlock: "2027-05-31",
    successor: "ruby4.0",
  },
  "ruby3.4": {
    deprecated: "2028-03-31",
    createBlock: "2028-04-30",
    updateBlock: "2028-05-31",
    successor: "ruby4.0",
  },
  "ruby4.0": {
    deprecated: "2029-03-31",
    createBlock: "2029-04-30",
    updateBlock: "2029-05-31",
    successor: null,
  },
};
