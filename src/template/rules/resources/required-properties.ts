import { constraintProblems } from "../constraints/walk";
import type { Rule } from "../rule";
import { USER_GUIDE } from "../template-index";
import { propertyProblems } from "./properties";

export const missingRequiredProperty: Rule = {
  id: "E3003",
  severity: "error",
  shortDescription: "Required resource properties are present",
  description:
    "A resource, and every property type nested in it, must set the properties its type requires, including one " +
    "of each required group of the resource provider schema (an AWS::IAM::Policy needs Users, Groups or Roles). " +
    "A required property whose Fn::If gives AWS::NoValue in a branch the conditions around may take is missing there, " +
    "and so is a required group whose members' Fn::If all give AWS::NoValue under one such condition; " +
    "other values chosen by an intrinsic function are not looked into. With the SAM transform, a property set in " +
    "Globals counts.",
  source: `${USER_GUIDE}/resources-section-structure.html`,
  tags: ["resources", "properties", "required"],
  check({ template, spec, report }) {
    const reported = new Set<string>();
    for (const problem of propertyProblems(template, spec)) {
      if (problem.kind !== "required") continue;
      reported.add(problem.path.join("\u0000"));
      report(problem.at, problem.message, { path: problem.path });
    }
    // The provider schemas add required groups and nested requirements the type index lacks.
    for (const problem of constraintProblems(template, spec)) {
      if (problem.kind !== "required" && problem.kind !== "requiredGroup") continue;
      if (reported.has(problem.path.join("\u0000"))) continue;
      report(problem.at, problem.message, { path: problem.path });
    }
  },
};
