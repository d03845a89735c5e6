/**
 * E3966: a DB parameter group's Family names an engine RDS has.
 */
import { describe, expect, it } from "vitest";
import { knownFamily } from "../../../../src/template/rules/services/rds-family";
import { brief, lint, located, yaml } from "../lint";

describe("E3966 DB parameter group families", () => {
  it("reads an engine and a version", () => {
    for (const family of [
      "mysql8.0",
      "MySQL5.7",
      "mysql8.4",
      "aurora5.6",
      "aurora-mysql8.0",
      "aurora-postgresql16",
      "postgres9.6",
      "mariadb10.11",
      "oracle-ee-19",
      "oracle-se2-cdb-21",
      "sqlserver-se-16.0",
      "sqlserver-dev-ee-16.0",
      "db2-ae-11.5",
      "custom-sqlserver-ee-15.0",
      "neptune1.2",
      "docdb5.0",
    ]) {
      expect(knownFamily(family), family).toBe(true);
    }
    for (const family of [
      "manfred9.6",
      "mysql",
      "aurora-mysql",
      "postgres-16-x",
      "redis7",
      "sqlserver16.0x",
    ]) {
      expect(knownFamily(family), family).toBe(false);
    }
  });

  it("reports a family of no engine, and leaves what a function gives", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Family: { Type: String, Default: postgres16 }",
        "Resources:",
        "  Instances:",
        "    Type: AWS::RDS::DBParameterGroup",
        "    Properties: { Family: manfred9.6, Description: pgpool }",
        "  Cluster:",
        "    Type: AWS::RDS::DBClusterParameterGroup",
        "    Properties: { Family: aurora-postgresql9.6x, Description: pgpool, Parameters: { rds.force_ssl: 1 } }",
        "  Fine:",
        "    Type: AWS::RDS::DBParameterGroup",
        "    Properties: { Family: aurora-mysql8.0, Description: fine }",
        "  Given:",
        "    Type: AWS::RDS::DBParameterGroup",
        "    Properties: { Family: !Ref Family, Description: given }",
      ),
      { only: ["E3966"] },
    );
    expect(located(findings)[0]).toBe(
      "E3966 6 Family 'manfred9.6' of Instances names no engine RDS has, and RDS refuses the parameter group; a " +
        "family is an engine and its version, such as mysql8.0, aurora-mysql8.0, aurora-postgresql16, postgres17, " +
        "mariadb10.11 or oracle-ee-19 (aws rds describe-db-engine-versions lists them)",
    );
    expect(brief(findings)).toEqual(["E3966 6:27", "E3966 9:27"]);
  });
});
