/**
 * E3956: DataSync task schedules run at most once an hour.
 */
import { describe, expect, it } from "vitest";
import { fasterThanHourly } from "../../../../src/template/rules/services/datasync-schedule";
import { brief, lint, located, yaml } from "../lint";

const task = (name: string, expression: string) => [
  `  ${name}:`,
  "    Type: AWS::DataSync::Task",
  "    Properties:",
  "      SourceLocationArn: arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0",
  "      DestinationLocationArn: arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef1",
  `      Schedule: { ScheduleExpression: ${expression} }`,
];

describe("E3956 DataSync schedules", () => {
  it("reads rate() and cron() expressions", () => {
    expect(fasterThanHourly("rate(5 minutes)")).toBe("every 5 minutes");
    expect(fasterThanHourly("rate(1 minute)")).toBe("every minute");
    expect(fasterThanHourly("rate(60 minutes)")).toBeUndefined();
    expect(fasterThanHourly("rate(1 hour)")).toBeUndefined();
    expect(fasterThanHourly("cron(0/15 * * * ? *)")).toBe("at 4 minutes of the hour");
    expect(fasterThanHourly("cron(* 8 * * ? *)")).toBe("at 60 minutes of the hour");
    expect(fasterThanHourly("cron(0,30 12 ? * MON *)")).toBe("at 2 minutes of the hour");
    expect(fasterThanHourly("cron(5-7 12 ? * MON *)")).toBe("at 3 minutes of the hour");
    expect(fasterThanHourly("cron(0 * * * ? *)")).toBeUndefined();
    expect(fasterThanHourly("cron(30 0/2 * * ? *)")).toBeUndefined();
    expect(fasterThanHourly("cron(0,0 12 * * ? *)")).toBeUndefined();
    expect(fasterThanHourly("cron(x * * * ? *)")).toBeUndefined();
  });

  it("reports a schedule faster than hourly, written out, in a Fn::If or as a parameter's Default", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Every:",
        "    Type: String",
        "    Default: rate(5 minutes)",
        "Conditions:",
        "  Prod: !Equals [!Ref AWS::Region, us-east-1]",
        "Resources:",
        ...task("Fast", "rate(10 minutes)"),
        ...task("Hourly", "rate(1 hour)"),
        ...task("Cron", "'cron(0/30 * * * ? *)'"),
        ...task("Chosen", "!If [Prod, rate(2 hours), rate(30 minutes)]"),
        ...task("Given", "!Ref Every"),
      ),
      { only: ["E3956"] },
    );
    expect(located(findings)[0]).toBe(
      "E3956 13 the schedule of DataSync task Fast (rate(10 minutes)) runs every 10 minutes, and DataSync refuses " +
        "a schedule faster than once an hour, so creating the task fails; run it at most hourly (rate(1 hour), or " +
        "a cron() with one minute)",
    );
    expect(brief(findings)).toEqual(["E3956 13:39", "E3956 25:39", "E3956 31:65", "E3956 37:39"]);
    expect(findings.map((finding) => finding.severity)).toEqual(["error", "error", "error", "warning"]);
    expect(findings[3].message).toMatch(/^Ref gives 'rate\(5 minutes\)'/);
  });
});
