/**
 * Rule.resourceTypes: the runner skips a rule for a template without any of its resource types.
 * That is safe only for a rule whose check does nothing but loop over resourcesOfType of those
 * types, so the shape of every such rule is read from its source here; and the runner is shown
 * to skip and to run such a rule.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { allRules } from "../../../../src/template/rules/index";
import type { Rule } from "../../../../src/template/rules/rule";
import { INSTANCE_TYPE_RULES } from "../../../../src/template/rules/services/instance-types";
import { loadSpec } from "../../../../src/template/spec/index";
import { validateSource } from "../../../../src/template/validate-text";
import { yaml } from "../lint";

const root = join(__dirname, "../../../..");
const rulesDir = join(root, "src/template/rules");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith(".ts") ? [path] : [];
  });
}

interface Declared {
  file: string;
  id: string;
  declared: string[];
  /** The types each top-level statement of check loops over, or undefined for a statement that is not such a loop. */
  loops: (string[] | undefined)[];
}

/** A type as written, or a list spread into place (`...TYPES`) by the list's own text. */
function typesText(node: ts.Node): string {
  return ts.isSpreadElement(node) ? node.expression.getText() : node.getText();
}

/** Every object literal with resourceTypes and a check method, as written. */
function declaredRules(): Declared[] {
  const found: Declared[] = [];
  for (const file of sources(rulesDir)) {
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isObjectLiteralExpression(node)) {
        const property = (name: string) => node.properties.find((p) => p.name?.getText() === name);
        const types = property("resourceTypes");
        const check = property("check");
        if (types && ts.isPropertyAssignment(types) && check && ts.isMethodDeclaration(check) && check.body) {
          const list = types.initializer;
          found.push({
            file: relative(root, file),
            id: property("id")?.getText() ?? "?",
            // A list written out, or the name of one (`resourceTypes: TYPES`, looped as `...TYPES`).
            declared: ts.isArrayLiteralExpression(list) ? list.elements.map(typesText) : [list.getText()],
            loops: check.body.statements.map((statement) =>
              ts.isForOfStatement(statement) &&
              ts.isCallExpression(statement.expression) &&
              statement.expression.expression.getText() === "resourcesOfType" &&
              statement.expression.arguments[0]?.getText() === "template"
                ? statement.expression.arguments.slice(1).map(typesText)
                : undefined,
            ),
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

describe("Rule.resourceTypes", () => {
  const declared = declaredRules();

  it("is declared by the rules whose check only loops over resources of some types", () => {
    // The service rules that read one kind of resource; a count that drops means a rule lost it.
    expect(declared.length).toBeGreaterThanOrEqual(63);
    // Every rule that declares resourceTypes has its check written in one of the literals read
    // here: a factory's rules (one per instance type list, W3690 and W3691, E3690 and E3691 for
    // engines and for versions, W3688 and W3689) share the check of its one literal, so rules are
    // counted by their check's code.
    const checks = new Set(
      allRules.filter((rule) => rule.resourceTypes).map((rule) => rule.check.toString()),
    );
    expect(checks.size).toBe(declared.length);
    const fromFactories = INSTANCE_TYPE_RULES.length - 1 + 1 + 1 + 1 + 1;
    expect(allRules.filter((rule) => rule.resourceTypes).length).toBe(declared.length + fromFactories);
  });

  it("names exactly the types the check loops over, and the check does nothing else", () => {
    const wrong = declared.filter(({ declared: types, loops }) => {
      if (loops.length === 0 || loops.some((loop) => loop === undefined)) return true;
      const looped = new Set(loops.flatMap((loop) => loop ?? []));
      return looped.size !== types.length || types.some((type) => !looped.has(type));
    });
    expect(wrong.map(({ file, id }) => `${file} ${id}`)).toEqual([]);
  });

  it("is not called for a template without its types, and is for one with them", () => {
    const calls: string[] = [];
    const probe: Rule = {
      id: "X9999",
      severity: "error",
      shortDescription: "probe",
      description: "probe",
      source: "https://example.com",
      tags: [],
      resourceTypes: ["AWS::SQS::Queue", "AWS::SNS::Topic"],
      check({ template }) {
        calls.push([...template.resources.keys()].join(","));
      },
    };
    const bucket = yaml("Resources:", "  B:", "    Type: AWS::S3::Bucket");
    const topic = yaml(
      "Resources:",
      "  B:",
      "    Type: AWS::S3::Bucket",
      "  T:",
      "    Type: AWS::SNS::Topic",
    );
    const spec = loadSpec();
    validateSource(bucket, "bucket.yaml", { spec, rules: [probe] });
    validateSource(topic, "topic.yaml", { spec, rules: [probe] });
    expect(calls).toEqual(["B,T"]);
  });
});
