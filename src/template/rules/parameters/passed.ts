/**
 * E2900 (cfn-lint's id for the parameters of a deployment file): the values a deploy passes
 * (parameter-overrides) fit the template's Parameters. CloudFormation refuses the change set,
 * before it makes anything, when a name passed is not declared ("Parameters: [Stag] do not exist in
 * the template"), and when a value is not one of the parameter's AllowedValues, does not match its
 * AllowedPattern, breaks its MinLength, MaxLength, MinValue or MaxValue ("Parameter 'Stage' must be
 * one of AllowedValues"), is not a number where the type is Number or List<Number>, or is not an id
 * of the form an AWS-specific type takes (a VPC, subnet, security group, image, instance or volume
 * id, which CloudFormation then cannot find). A list's constraints apply to each item, as E2015
 * judges a Default. validate, given the values, reports it before any AWS call; the message names
 * the parameter and the constraint, never the value, which is an input and may be a secret. A
 * parameter passed no value that has no Default is not reported: a deploy of an existing stack
 * keeps its previous value (the deploy says so for a new stack).
 */
import type { MapNode } from "../../model";
import { mapGet } from "../../nodes";
import { didYouMean } from "../../suggest";
import { NAMED_FORMATS, type NamedFormat } from "../constraints/formats";
import type { Rule } from "../rule";
import { isString, USER_GUIDE } from "../template-index";
import { listViolation, passedItems } from "./declared";

/** Whether CloudFormation reads `text` as a number (empty text is left to the service). */
function notANumber(text: string): boolean {
  const trimmed = text.trim();
  return trimmed !== "" && Number.isNaN(Number(trimmed));
}

/**
 * The AWS-specific parameter types whose values have a form (cfn-lint's formats, as E3031 judges
 * a property): CloudFormation looks each value up in the account, and a malformed id is never
 * found ("Parameter value vpc-1 for parameter name VpcId does not exist").
 */
const TYPE_FORMATS: Record<string, NamedFormat> = {
  "AWS::EC2::Image::Id": NAMED_FORMATS["AWS::EC2::Image.Id"],
  "AWS::EC2::SecurityGroup::Id": NAMED_FORMATS["AWS::EC2::SecurityGroup.Id"],
  "AWS::EC2::Subnet::Id": NAMED_FORMATS["AWS::EC2::Subnet.Id"],
  "AWS::EC2::VPC::Id": NAMED_FORMATS["AWS::EC2::VPC.Id"],
  // EC2's resource ids: a prefix and 8 or 17 hexadecimal digits (the EC2 User Guide's "Resource IDs").
  "AWS::EC2::Instance::Id": { what: "an instance id", pattern: /^i-([0-9a-fA-F]{8}|[0-9a-fA-F]{17})$/ },
  "AWS::EC2::Volume::Id": { what: "a volume id", pattern: /^vol-([0-9a-fA-F]{8}|[0-9a-fA-F]{17})$/ },
};

/** Why a value passed for a parameter declared by `body` is refused, or undefined. */
function refusal(text: string, body: MapNode): string | undefined {
  const type = mapGet(body, "Type")?.value;
  const typeName = isString(type) ? type.value : undefined;
  if (typeName === "Number" && notANumber(text)) return "is not a number, which a Number parameter takes";
  const item = typeName?.startsWith("List<") ? typeName.slice(5, -1) : undefined;
  const format = TYPE_FORMATS[item ?? typeName ?? ""];
  const misfit = (each: string) =>
    (item === "Number" && notANumber(each)) ||
    (format !== undefined && each.trim() !== "" && !format.pattern.test(each.trim()));
  const what = item === "Number" ? "a number" : format?.what;
  if (item === undefined && misfit(text)) return `is not ${what}, which ${typeName} takes`;
  if (item !== undefined) {
    const index = passedItems(text).findIndex(misfit);
    if (index >= 0)
      return `has an item (the ${ordinal(index + 1)}) that is not ${what}, which ${typeName} takes`;
  }
  return listViolation(text, body, (_, index) => `has an item (the ${ordinal(index + 1)}) that`);
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${["th", "st", "nd", "rd"][n % 10] ?? "th"}`;
}

export const passedParameters: Rule = {
  id: "E2900",
  severity: "error",
  shortDescription: "The values a deploy passes fit the template's parameters",
  description:
    "Each name in parameter-overrides is a parameter the template declares, and each value passed is one of " +
    "its AllowedValues, matches its AllowedPattern, respects MinLength, MaxLength, MinValue and MaxValue, " +
    "is a number for a Number or List<Number> parameter, and an id of the form a VPC, subnet, security group, " +
    "image, instance or volume id parameter takes: CloudFormation refuses the change set otherwise. " +
    "Judged when the values are given (validate's parameter-overrides, and every deploy); the message never " +
    "repeats the value.",
  source: `${USER_GUIDE}/parameters-section-structure.html`,
  tags: ["parameters", "preview"],
  check({ template, report }) {
    const passed = template.parameterValues;
    if (!passed) return;
    const declared = [...template.parameters.keys()];
    const section = template.sections.get("Parameters");
    for (const [name, value] of passed) {
      const parameter = template.parameters.get(name);
      if (!parameter) {
        report(
          section?.entry.keyRange ?? template.root,
          `parameter-overrides passes '${name}', which the template does not declare${didYouMean(name, declared)}: CloudFormation refuses the change set. Remove it, or fix the spelling`,
          { path: ["Parameters"] },
        );
        continue;
      }
      if (parameter.value.kind !== "map") continue;
      const problem = refusal(value, parameter.value);
      if (problem)
        report(
          parameter.keyRange,
          `the value passed for parameter '${name}' ${problem}: CloudFormation refuses the change set`,
          { path: ["Parameters", name] },
        );
    }
  },
};
