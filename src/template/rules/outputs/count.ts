import { countLimitRule } from "../template/limits";

export const outputCount = countLimitRule(
  "E6010",
  "Outputs",
  "output",
  200,
  "Remove outputs nothing reads, or move some resources and their outputs into a nested stack.",
);
