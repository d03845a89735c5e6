import { it } from "vitest";
import { lint } from "../lint";

const ids = ["E3001", "E3002", "E3003", "E3004", "E3005", "E3006", "E3012", "E3035", "E3036"];
it("scratch perf", () => {
  const lines = ["Resources:"];
  for (let i = 0; i < Number(process.env.N ?? 500); i++) {
    lines.push(
      `  Fn${i}:`,
      "    Type: AWS::Lambda::Function",
      `    DependsOn: [Role${i}]`,
      "    Properties:",
      `      Role: !GetAtt Role${i}.Arn`,
      "      Runtime: python3.12",
      "      Handler: index.handler",
      "      Code:",
      "        ZipFile: |",
    );
    for (let j = 0; j < 40; j++)
      lines.push(`          print("line ${j} of function ${i} with some padding text to grow the template")`);
    lines.push(
      "      Environment:",
      "        Variables:",
      ...Array.from({ length: 10 }, (_, k) => `          VAR${k}: !Sub "\${Role${i}}-${k}"`),
    );
    lines.push(
      `  Role${i}:`,
      "    Type: AWS::IAM::Role",
      "    Properties:",
      "      AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [] }",
      `      Tags: [{ Key: a, Value: !Ref Fn${i > 0 ? i - 1 : 0} }]`,
    );
  }
  const src = lines.join("\n");
  console.log("size", src.length);
  for (let r = 0; r < 1; r++) {
    let t = performance.now();
    lint(src, { only: [] });
    const base = performance.now() - t;
    t = performance.now();
    const f = lint(src, { only: ids });
    console.log(
      "parse+index",
      base.toFixed(1),
      "with rules",
      (performance.now() - t).toFixed(1),
      f.length,
      f.slice(0, 3).map((x) => x.message),
    );
  }
});
