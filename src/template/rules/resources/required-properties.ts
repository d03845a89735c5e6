import type { Rule } from "../rule";
import { USER_GUIDE } from "../template-index";
import { propertyProblems } from "./properties";

export const missingRequiredProperty: Rule = {
  id: "E3003",
  severity: "error",
  shortDescription: "Required resource properties are present",
  description:
    "A resource, and every property type nested in it, must set the properties its type requires. " +
    "Values chosen by an intrinsic function are not looked into; with the SAM transform, a property set in Globals counts.",
  source: `${USER_GUIDE}/resources-section-structure.html`,
  tags: ["resources", "properties", "required"],
  check({ template, spec, report }) {
    for (const problem of propertyProblems(template, spec)) {
      if (problem.kind === "required") report(problem.at, problem.message, { path: problem.path });
    }
  },
};
