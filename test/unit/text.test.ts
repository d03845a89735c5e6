import { expect, it } from "vitest";
import { agreeing, plural, thousands } from "../../src/text";

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

it("counts in the singular for one and the plural otherwise, a plural of its own where given", () => {
  expect([0, 1, 2, 1024].map((n) => plural(n, "item"))).toEqual([
    "0 items",
    "1 item",
    "2 items",
    "1,024 items",
  ]);
  expect([1, 201].map((n) => plural(n, "entry", "entries"))).toEqual(["1 entry", "201 entries"]);
  expect([1, 3].map((n) => agreeing(n, "is", "are"))).toEqual(["is", "are"]);
});
