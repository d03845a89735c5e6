import type { Node } from "../../model";
import { didYouMean } from "../../suggest";
import { templateNames } from "../functions/names";
import type { Rule } from "../rule";
import { isString, isTemplated, isUnknownItemCopy, USER_GUIDE } from "../template-index";
import { realResources } from "./shared";

export const dependsOnTarget: Rule = {
  id: "E3005",
  severity: "error",
  shortDescription: "DependsOn names existing resources",
  description: "Each name in a resource's DependsOn must be another resource of the template.",
  source: `${USER_GUIDE}/aws-attribute-dependson.html`,
  tags: ["resources", "dependson"],
  check({ template, report }) {
    const names = [...template.resources.keys()];
    // Resources the SAM transform generates (MyFunctionRole, ServerlessRestApi, ...), a module's
    // and a loop's over a list only the deploy knows (by its name's pattern) can be depended on.
    const known = templateNames(template);
    for (const resource of realResources(template)) {
      const value = resource.dependsOn?.value;
      if (!value) continue;
      const items: Node[] = value.kind === "seq" ? value.items : [value];
      items.forEach((item, i) => {
        if (!isString(item)) return; // E3001 reports a DependsOn that is not made of names.
        const target = item.value;
        // A name with a loop's placeholder, in a copy made with an item only the deploy knows,
        // names what the deploy makes.
        if (isTemplated(target) && isUnknownItemCopy(template, resource.entry)) return;
        const path = ["Resources", resource.name, "DependsOn", ...(value.kind === "seq" ? [i] : [])];
        if (target === resource.name) {
          report(item, `Resource '${resource.name}' depends on itself`, { path });
        } else if (!known.isResource(target)) {
          report(
            item,
            `Resource '${resource.name}' depends on '${target}', which is not a resource in this template${didYouMean(target, names)}`,
            { path },
          );
        }
      });
    }
  },
};
