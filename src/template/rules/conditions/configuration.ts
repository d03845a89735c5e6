/**
 * E8001: each condition is one condition function. Its name is not judged: CloudFormation documents
 * no form for a condition's name and deploys names of other characters (a hyphen in a deployed
 * template, marklogic/cloud-enablement-aws#275; snake case, aws-cdk#30669; `Condition%`,
 * cfn-lint#1569), where cfn-lint 1.51 allows only letters, digits, '&' and '_'.
 */
import type { Rule } from "../rule";
import { namedEntries } from "../template/names";
import { kindName } from "../template/scalars";
import { CONDITIONS_PAGE, conditionFunction } from "./walk";

export const conditionConfiguration: Rule = {
  id: "E8001",
  severity: "error",
  shortDescription: "Conditions are condition functions",
  description: "Each condition is one condition function: Fn::And, Fn::Or, Fn::Not, Fn::Equals or Condition.",
  source: CONDITIONS_PAGE,
  tags: ["conditions"],
  check({ template, report }) {
    for (const entry of namedEntries(template.conditions)) {
      const path = ["Conditions", entry.key];
      if (!conditionFunction(entry.value)) {
        report(
          entry.value,
          `Condition ${entry.key} must be one condition function (Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition), not ${kindName(entry.value)}`,
          { path },
        );
      }
    }
  },
};
