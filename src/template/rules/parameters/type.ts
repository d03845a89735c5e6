import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { isString, USER_GUIDE } from "../template-index";
import { PARAMETER_TYPES } from "./types";

export const parameterType: Rule = {
  id: "E2002",
  severity: "error",
  shortDescription: "Parameters have a Type CloudFormation knows",
  description:
    "A parameter's Type is String, Number, List<Number>, CommaDelimitedList, an AWS-specific type (AWS::EC2::VPC::Id, List<AWS::EC2::Subnet::Id>, ...) or an SSM parameter type (AWS::SSM::Parameter::Value<...>).",
  source: `${USER_GUIDE}/parameters-section-structure.html`,
  tags: ["parameters"],
  check({ template, report }) {
    for (const [name, parameter] of template.parameters) {
      const type = mapGet(parameter.value, "Type")?.value;
      if (!type || (isString(type) && PARAMETER_TYPES.has(type.value))) continue;
      const written = type.kind === "scalar" ? `"${String(type.value)}"` : "not a string";
      report(
        type,
        `Parameter ${name} has Type ${written}, which CloudFormation does not accept. Use String, Number, List<Number>, CommaDelimitedList, an AWS-specific type such as AWS::EC2::VPC::Id or List<AWS::EC2::Subnet::Id>, or AWS::SSM::Parameter::Value<String>`,
        { path: ["Parameters", name, "Type"] },
      );
    }
  },
};
