import { countLimitRule } from "./limits";

export const resourceCount = countLimitRule(
  "E3010",
  "Resources",
  "resource",
  500,
  "Move some resources into nested stacks.",
);
