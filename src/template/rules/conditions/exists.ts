import { didYouMean } from "../../suggest";
import type { Rule } from "../rule";
import { hasOpaqueTransform } from "../template/names";
import { intrinsicName, isForEachKey, isTemplated } from "../template-index";
import { CONDITIONS_PAGE } from "./walk";

/**
 * E8002. A Condition attribute of empty text names no condition (namesNoCondition: CloudFormation
 * makes such a resource or output always), where cfn-lint reports E3015 and E6005.
 */
export const conditionExists: Rule = {
  id: "E8002",
  severity: "error",
  shortDescription: "Referenced conditions are defined",
  description:
    "Every condition named by a resource or output Condition attribute, by the first argument of Fn::If or by { Condition: Name } in Conditions is declared in the Conditions section.",
  source: CONDITIONS_PAGE,
  tags: ["conditions"],
  check({ template, report }) {
    if (hasOpaqueTransform(template)) return;
    // A loop over a list only the deploy knows makes conditions by names not known here.
    const defined: string[] = [];
    let unknown = false;
    template.conditions.forEach((entry, name) => {
      if (!isForEachKey(name)) defined.push(name);
      else if (!template.expandedLoops.has(entry)) unknown = true;
    });
    if (unknown) return;
    // Written out only for a message.
    const known = () =>
      defined.length === 0
        ? "the template defines no conditions"
        : `defined: ${defined.slice(0, 10).join(", ")}${defined.length > 10 ? ", ..." : ""}`;
    const refs = template.references;
    // Indexed: in code that runs once per process an array iterator costs an object per step.
    for (let i = 0; i < refs.length; i++) {
      const ref = refs[i];
      if (ref.kind !== "Condition" || template.conditions.has(ref.target) || isTemplated(ref.target))
        continue;
      // A one-entry { Condition: x } outside Conditions may be a resource property's own data.
      const fn = intrinsicName(ref.node);
      if (fn === "Condition" && ref.from[0] !== "Conditions") continue;
      const owner =
        ref.from.length === 2 ? `${ref.from[0].replace(/s$/, "").toLowerCase()} ${ref.from[1]}` : ref.from[0];
      const subject =
        fn === "Fn::If"
          ? `Fn::If in ${owner} uses condition`
          : ref.from[0] === "Conditions"
            ? `Condition ${ref.from[1]} refers to condition`
            : `The Condition of ${owner} is`;
      report(
        ref.range,
        `${subject} "${ref.target}", which is not defined in Conditions${didYouMean(ref.target, defined)} (${known()})`,
        {
          path: [...ref.from],
        },
      );
    }
  },
};
