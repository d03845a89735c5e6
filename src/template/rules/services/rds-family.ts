/**
 * E3966 (our own id; cfn-lint leaves Family free): a DB parameter group or DB cluster parameter
 * group whose Family names no engine RDS has. A family is an engine's name and its version
 * (`mysql8.0`, `aurora-postgresql16`, `postgres17`, `oracle-ee-19`, `sqlserver-se-16.0`,
 * `db2-ae-11.5`), one of those `describe-db-engine-versions` lists; CreateDBParameterGroup refuses
 * any other. Only the engine part is judged, against the engines RDS takes (the DBInstance Engine
 * values, Aurora MySQL version 1's `aurora`, and Neptune's and DocumentDB's families, which the
 * same API serves), so a version newer than this table is never refused. Compared without case.
 */
import type { Rule } from "../rule";
import { literalString, presentEntry, propertySets, resourcesOfType } from "./values";

const GROUPS = ["AWS::RDS::DBParameterGroup", "AWS::RDS::DBClusterParameterGroup"];

/** The engines a family may name (the pattern is anchored, so their order does not matter). */
const ENGINES = [
  "custom-oracle-ee-cdb",
  "custom-oracle-se2-cdb",
  "custom-sqlserver-web",
  "custom-sqlserver-dev",
  "custom-oracle-se2",
  "custom-sqlserver-ee",
  "custom-sqlserver-se",
  "aurora-postgresql",
  "custom-oracle-ee",
  "sqlserver-dev-ee",
  "oracle-se2-cdb",
  "oracle-ee-cdb",
  "aurora-mysql",
  "sqlserver-web",
  "sqlserver-ee",
  "sqlserver-ex",
  "sqlserver-se",
  "oracle-se2",
  "oracle-se1",
  "oracle-ee",
  "oracle-se",
  "postgres",
  "mariadb",
  "neptune",
  "aurora",
  "db2-ae",
  "db2-se",
  "docdb",
  "mysql",
];
const FAMILY = new RegExp(`^(?:${ENGINES.join("|")})-?\\d+(?:\\.\\d+)*$`, "i");

/** Whether `family` is an engine's name and a version. */
export function knownFamily(family: string): boolean {
  return FAMILY.test(family);
}

export const parameterGroupFamily: Rule = {
  id: "E3966",
  severity: "error",
  shortDescription: "A DB parameter group's Family names an engine RDS has",
  description:
    "The Family of an AWS::RDS::DBParameterGroup or DBClusterParameterGroup is an engine's name and version, such as " +
    "mysql8.0, aurora-postgresql16 or oracle-ee-19; RDS refuses any other.",
  source: "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBParameterGroup.html",
  tags: ["resources", "rds"],
  resourceTypes: GROUPS,
  check({ template, report }) {
    for (const group of resourcesOfType(template, ...GROUPS)) {
      for (const { properties } of propertySets(group)) {
        const entry = presentEntry(properties, "Family");
        const family = literalString(entry?.value);
        if (!entry || family === undefined || knownFamily(family)) continue;
        report(
          entry.value,
          `Family '${family}' of ${group.name} names no engine RDS has, and RDS refuses the parameter group; a family ` +
            "is an engine and its version, such as mysql8.0, aurora-mysql8.0, aurora-postgresql16, postgres17, " +
            "mariadb10.11 or oracle-ee-19 (aws rds describe-db-engine-versions lists them)",
        );
      }
    }
  },
};
