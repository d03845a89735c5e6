/**
 * A parameter's Type (cfn-lint's ids):
 * - E2002: a Type CloudFormation refuses: not one it documents (String, Number, the AWS-specific
 *   and SSM types, their lists), nor of the forms it also takes, `List<...>` and
 *   `AWS::SSM::Parameter::Value<...>`.
 * - W2002: a Type of those forms that CloudFormation does not document, such as
 *   `List<AWS::EC2::KeyPair::KeyName>` or `AWS::SSM::Parameter::Value<AWS::Lambda::Function::Arn>`.
 *   CloudFormation deploys the template (cfn-lint#4359 reports such types in use, and cfn-lint 1.51
 *   took them from an error to this warning), but checks the given value against nothing: a
 *   parameter of type AWS::EC2::VPC::Id refuses a VPC that does not exist, one of an undocumented
 *   type takes any text.
 */
import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { isString, USER_GUIDE } from "../template-index";
import { isUndocumentedType, PARAMETER_TYPES } from "./types";

const TYPES_GUIDE = `${USER_GUIDE}/cloudformation-supplied-parameter-types.html`;

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
      if (!type || (isString(type) && (PARAMETER_TYPES.has(type.value) || isUndocumentedType(type.value))))
        continue;
      const written = type.kind === "scalar" ? `"${String(type.value)}"` : "not a string";
      report(
        type,
        `Parameter ${name} has Type ${written}, which CloudFormation does not accept. Use String, Number, List<Number>, CommaDelimitedList, an AWS-specific type such as AWS::EC2::VPC::Id or List<AWS::EC2::Subnet::Id>, or AWS::SSM::Parameter::Value<String>`,
        { path: ["Parameters", name, "Type"] },
      );
    }
  },
};

export const undocumentedParameterType: Rule = {
  id: "W2002",
  severity: "warning",
  shortDescription: "Parameters have a Type CloudFormation documents",
  description:
    "A parameter's List<...> or AWS::SSM::Parameter::Value<...> Type is one CloudFormation documents; it takes others, " +
    "but does not check the given value against them.",
  source: TYPES_GUIDE,
  tags: ["parameters"],
  check({ template, report }) {
    for (const [name, parameter] of template.parameters) {
      const type = mapGet(parameter.value, "Type")?.value;
      if (!isString(type) || !isUndocumentedType(type.value)) continue;
      const list = type.value.startsWith("List<") || type.value.includes("<List<");
      report(
        type,
        `Parameter ${name} has Type ${type.value.length <= 80 ? `"${type.value}"` : "of a form"} that CloudFormation ` +
          "takes but does not document, and it checks the given value against nothing; use a documented type " +
          `(such as ${list ? "List<AWS::EC2::Subnet::Id> or List<String>" : "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id> or AWS::SSM::Parameter::Value<String>"}) ` +
          "and say in the Description what the value is",
        { path: ["Parameters", name, "Type"] },
      );
    }
  },
};
