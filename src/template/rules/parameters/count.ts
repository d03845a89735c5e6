import { countLimitRule } from "../template/limits";

export const parameterCount = countLimitRule(
  "E2010",
  "Parameters",
  "parameter",
  200,
  "Combine related values into a CommaDelimitedList, or move fixed values into Mappings.",
);
