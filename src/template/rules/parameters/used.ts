/** W2001: a parameter that no Ref or Fn::Sub variable names, so it only adds a prompt. */
import { callsOf, hasPlaceholder, placeholderPattern, usesLanguageExtensions } from "../functions/calls";
import type { Rule } from "../rule";
import { literalOrSubText } from "../services/values";
import { hasOpaqueTransform } from "../template/names";
import { USER_GUIDE } from "../template-index";

export const parameterUsed: Rule = {
  id: "W2001",
  severity: "warning",
  shortDescription: "Parameters are used",
  description:
    "A parameter no Ref or Fn::Sub variable refers to (in any section, SAM Globals included) only adds a prompt with no effect.",
  source: `${USER_GUIDE}/parameters-section-structure.html`,
  tags: ["parameters"],
  check({ template, report }) {
    if (template.parameters.size === 0 || hasOpaqueTransform(template)) return;
    const used = new Set<string>();
    const refs = template.references;
    // Indexed: in code that runs once per process an array iterator costs an object per step.
    for (let i = 0; i < refs.length; i++) {
      const ref = refs[i];
      if (ref.kind === "Ref" || ref.kind === "Sub") used.add(ref.target);
    }
    // Under the language extensions a Ref may name its target through a loop placeholder
    // (`Ref: Param${Id}`) or a Fn::Sub (`Ref: !Sub Param${Id}`): any parameter it can become is
    // used. A target computed any other way could be any parameter. Without them, every Ref
    // target is a literal, in template.references already.
    const computed: RegExp[] = [];
    if (usesLanguageExtensions(template)) {
      for (const call of callsOf(template, "Ref")) {
        const text = literalOrSubText(call.arg);
        if (text === undefined) return;
        if (hasPlaceholder(text)) computed.push(placeholderPattern(text));
      }
    }
    for (const [name, parameter] of template.parameters) {
      if (used.has(name) || computed.some((pattern) => pattern.test(name))) continue;
      report(
        parameter.keyRange,
        `Parameter ${name} is never used: no Ref or \${${name}} refers to it. Remove it or use it`,
        {
          path: ["Parameters", name],
        },
      );
    }
  },
};
