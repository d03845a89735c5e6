import type { Rule } from "../rule";
import { USER_GUIDE } from "../template-index";
import { propertyProblems } from "./properties";

export const propertyValueType: Rule = {
  id: "E3012",
  severity: "error",
  shortDescription: "Resource property values have the right type",
  description:
    "Property values must be of the type the resource specification gives: string, number, integer, boolean, " +
    "list, mapping or JSON. Scalars convert as CloudFormation converts them, and an intrinsic function is accepted " +
    "wherever it can return the expected type (a Fn::ImportValue returns text: an output's value), as is a " +
    "dynamic reference wherever a scalar is (its text, read at deploy time, converts the same way).",
  source: `${USER_GUIDE}/resources-section-structure.html`,
  tags: ["resources", "properties", "types"],
  check({ template, spec, report }) {
    for (const problem of propertyProblems(template, spec)) {
      if (problem.kind === "type") report(problem.at, problem.message, { path: problem.path });
    }
  },
};
