import { constraintRule } from "./rule";

export const parameterValues = constraintRule("parameter", {
  id: "W1030",
  severity: "warning",
  shortDescription: "Parameter defaults, allowed values and bounds fit the properties that refer to them",
  description:
    "A String or Number parameter referred to by a property gives that property its Default or one of its " +
    "AllowedValues unless the deployer passes another value, so each is checked against the property's " +
    "constraints (E3030 to E3034). A Number parameter without AllowedValues takes any value from its " +
    "MinValue to its MaxValue, so each bound is checked too: a MemorySize parameter with MinValue 64 accepts " +
    "a value Lambda refuses. An identity policy's Resource is judged the same way: IAM takes only an ARN or *. " +
    "A value the resource's Condition rules out (`Condition: HasCidr` with HasCidr " +
    '`!Not [!Equals [!Ref Cidr, ""]]`) is not judged. A warning, as a deployment may override the default.',
  tags: ["parameters", "resources", "properties"],
});
