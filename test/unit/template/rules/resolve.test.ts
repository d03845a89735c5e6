/**
 * The values the constraint walk works out for Fn::Sub, Fn::Join, Fn::FindInMap and Fn::Select
 * (functions/resolve.ts), apart from the rules that judge them (constraints.test.ts, W1031 to W1035).
 */
import { describe, expect, it } from "vitest";
import type { MapNode, Node } from "../../../../src/template/model";
import { mapGet } from "../../../../src/template/nodes";
import { parseTemplate } from "../../../../src/template/parse";
import {
  leastLength,
  type Resolution,
  resolveValue,
  variant,
} from "../../../../src/template/rules/functions/resolve";
import { indexTemplate } from "../../../../src/template/rules/template-index";
import { yaml } from "../lint";

/** The values of the `Value` output of a template (an output is where no rule walks). */
function resolved(parameters: boolean, ...lines: string[]): Resolution[] | undefined {
  const parsed = parseTemplate(yaml(...lines), "template.yaml");
  const root = parsed.root as MapNode;
  const template = indexTemplate(parsed, root);
  const value = mapGet(template.outputs.get("Value")?.value, "Value")?.value as Node;
  return resolveValue(value, template, parameters);
}

const texts = (values: Resolution[] | undefined) => values?.map((value) => variant(value, 0));

describe("resolveValue", () => {
  it("reads ${!Text} as the literal ${Text} and keeps a lone number a number", () => {
    expect(texts(resolved(true, "Outputs:", "  Value:", "    Value: !Sub 'a-${!Literal}-b'"))).toEqual([
      "a-${Literal}-b",
    ]);
    expect(
      texts(
        resolved(
          true,
          "Parameters:",
          "  Size: { Type: Number, Default: 3 }",
          "Outputs:",
          "  Value:",
          "    Value: !Sub '${Size}'",
        ),
      ),
    ).toEqual([3]);
  });

  it("gives up on a Sub that is never closed, and on more combinations than it judges", () => {
    expect(resolved(true, "Outputs:", "  Value:", "    Value: !Sub 'a-${Open'")).toBeUndefined();
    const many = Array.from({ length: 9 }, (_, i) => `v${i}`).join(", ");
    expect(
      resolved(
        true,
        "Parameters:",
        `  A: { Type: String, AllowedValues: [${many}] }`,
        `  B: { Type: String, AllowedValues: [${many}] }`,
        "Outputs:",
        "  Value:",
        "    Value: !Sub '${A}-${B}'",
      ),
    ).toBeUndefined();
    expect(
      resolved(
        true,
        "Parameters:",
        `  A: { Type: String, AllowedValues: [${many}] }`,
        "  B: { Type: String, AllowedValues: [x, y] }",
        "Outputs:",
        "  Value:",
        "    Value: !Sub '${A}-${B}'",
      ),
    ).toHaveLength(18);
  });

  it("leaves parameters unknown when told to, and unknown text counts towards the least length only", () => {
    const values = resolved(
      false,
      "Parameters:",
      "  Stage: { Type: String, Default: prod }",
      "Outputs:",
      "  Value:",
      "    Value: !Join ['/', [!Ref Stage, !Ref AWS::StackName, !GetAtt Thing.Arn, logs]]",
    );
    expect(values).toHaveLength(1);
    expect(variant(values?.[0] as Resolution, 0)).toBeUndefined();
    // '/' three times, 'logs', and at least one character of the stack's name.
    expect(leastLength(values?.[0] as Resolution)).toBe(8);
  });
});
