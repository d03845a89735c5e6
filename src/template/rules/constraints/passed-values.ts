/**
 * E3946: a value the deploy passes for a parameter (its parameter-overrides) that a property
 * referring to it cannot take. Where W1030 can only try a parameter's Default and AllowedValues,
 * a deploy knows the value the stack gets: `MemorySize: !Ref Memory` with `Memory=64` passed fails
 * the function's creation minutes into the deploy, and the deploy stops before any AWS call
 * instead. The value is an input, and may be a secret: the message names the parameter and what the
 * property needs, never the value. What a Fn::Sub or Fn::Join makes with passed values (and
 * pseudo parameters, judged with two samples) is judged the same way: `!Sub ${Stage}-assets` with
 * `Stage=Prod` is a bucket name with a capital; so is the entry a passed key picks from a mapping
 * (`!FindInMap [Sizes, !Ref Env, Memory]` with `Env=prod`), which is template text and is quoted.
 * A passed list (a CommaDelimitedList or List<...> parameter's) is judged as the list CloudFormation
 * makes of it, its size and each item. Conditions the values passed decide (`IsProd` with `Stage=prod`) are worked out: a resource
 * whose Condition holds is made, one whose Condition fails is not judged, and of a Fn::If only the
 * branch taken is judged with the values passed (a Default there is not). A resource a condition
 * may leave out gets the W1030 to W1035 warnings; a value inside an undecided Fn::If is not judged.
 * The list a Fn::Split makes of a passed text (`!Split [',', !Ref Subnets]` with a String parameter)
 * is judged as a passed list is, its items never quoted.
 */
import { USER_GUIDE } from "../template-index";
import { constraintRule } from "./rule";

export const passedValues = constraintRule("passed", {
  id: "E3946",
  shortDescription: "Values passed for parameters at deploy fit the properties that refer to them",
  description:
    "A Ref to a String or Number parameter gives the value the deploy passes for it (parameter-overrides), " +
    "which is judged against the property's constraints (E3030 to E3034) before any AWS call, as is what a " +
    "Fn::Sub or Fn::Join makes with it: a value the property refuses fails the stack's creation. The message " +
    "never repeats the value.",
  source: `${USER_GUIDE}/parameters-section-structure.html`,
  tags: ["parameters", "resources", "properties", "preview"],
});
