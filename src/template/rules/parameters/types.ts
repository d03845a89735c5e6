/** The parameter types CloudFormation accepts, and which of them hold comma-separated lists. */

const AWS_TYPES = [
  "AWS::EC2::AvailabilityZone::Name",
  "AWS::EC2::Image::Id",
  "AWS::EC2::Instance::Id",
  "AWS::EC2::KeyPair::KeyName",
  "AWS::EC2::SecurityGroup::GroupName",
  "AWS::EC2::SecurityGroup::Id",
  "AWS::EC2::Subnet::Id",
  "AWS::EC2::VPC::Id",
  "AWS::EC2::Volume::Id",
  "AWS::Route53::HostedZone::Id",
];

/** Key pairs and SSM parameter names have no List<...> form. */
const SINGLE_ONLY = ["AWS::EC2::KeyPair::KeyName", "AWS::SSM::Parameter::Name"];

const LIST_TYPES = [
  "CommaDelimitedList",
  "List<Number>",
  "List<String>",
  ...AWS_TYPES.filter((t) => !SINGLE_ONLY.includes(t)).map((t) => `List<${t}>`),
];

const SINGLE_TYPES = ["String", "Number", ...AWS_TYPES, "AWS::SSM::Parameter::Name"];

const SSM_VALUE_TYPES = [...SINGLE_TYPES, ...LIST_TYPES].map((t) => `AWS::SSM::Parameter::Value<${t}>`);

/** The types CloudFormation documents, and checks the given values against. */
export const PARAMETER_TYPES = new Set([...SINGLE_TYPES, ...LIST_TYPES, ...SSM_VALUE_TYPES]);

/**
 * Whether CloudFormation takes a type outside PARAMETER_TYPES: any `List<...>` or
 * `AWS::SSM::Parameter::Value<...>` (such as `AWS::SSM::Parameter::Value<AWS::Lambda::Function::Arn>`),
 * without checking the given value against it (cfn-lint#4361).
 */
export function isUndocumentedType(type: string): boolean {
  return (
    !PARAMETER_TYPES.has(type) && (type.startsWith("List<") || type.startsWith("AWS::SSM::Parameter::Value<"))
  );
}

/** Types whose value CloudFormation splits at commas. */
export function isListType(type: string): boolean {
  return type === "CommaDelimitedList" || type.startsWith("List<");
}

/** Types that take MinLength, MaxLength and AllowedPattern; Number takes MinValue and MaxValue. */
export function allowedKeysFor(type: string | undefined): readonly string[] {
  return type === "Number" ? NUMBER_KEYS : OTHER_KEYS;
}

// Made once, not for each parameter.
const COMMON_KEYS = ["Type", "Default", "AllowedValues", "ConstraintDescription", "Description", "NoEcho"];
const NUMBER_KEYS: readonly string[] = [...COMMON_KEYS, "MaxValue", "MinValue"];
const OTHER_KEYS: readonly string[] = [...COMMON_KEYS, "AllowedPattern", "MaxLength", "MinLength"];

export const PARAMETER_KEYS = [
  "Type",
  "Default",
  "AllowedValues",
  "AllowedPattern",
  "ConstraintDescription",
  "Description",
  "MaxLength",
  "MinLength",
  "MaxValue",
  "MinValue",
  "NoEcho",
];
