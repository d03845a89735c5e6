import type { Rule } from "../rule";
import { MAX_NAME_LENGTH, namedEntries } from "../template/names";
import { kindName } from "../template/scalars";
import { CONDITIONS_PAGE, conditionFunction } from "./walk";

const CONDITION_NAME = /^[A-Za-z0-9&_]+$/;

export const conditionConfiguration: Rule = {
  id: "E8001",
  severity: "error",
  shortDescription: "Conditions are condition functions",
  description:
    "Each condition has a name of letters, digits, '&' and '_', and is one condition function: Fn::And, Fn::Or, Fn::Not, Fn::Equals or Condition.",
  source: CONDITIONS_PAGE,
  tags: ["conditions"],
  check({ template, report }) {
    for (const entry of namedEntries(template.conditions)) {
      const path = ["Conditions", entry.key];
      if (!CONDITION_NAME.test(entry.key) || entry.key.length > MAX_NAME_LENGTH) {
        report(
          entry.keyRange,
          `Condition name "${entry.key}" may contain only letters, digits, "&" and "_", up to ${MAX_NAME_LENGTH} characters`,
          {
            path,
          },
        );
      }
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
