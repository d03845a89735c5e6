import { expect, it } from "vitest";
import { thousands } from "../../src/text";

it("groups thousands with commas", () => {
  expect([0, 999, 1000, 51200, 1000000, -12345, 1234.5].map(thousands)).toEqual([
    "0",
    "999",
    "1,000",
    "51,200",
    "1,000,000",
    "-12,345",
    "1,234.5",
  ]);
});
