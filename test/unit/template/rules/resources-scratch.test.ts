import { readFileSync, writeFileSync } from "node:fs";
import { it } from "vitest";
import { lint } from "../lint";

const ids = ["E3001", "E3002", "E3003", "E3004", "E3005", "E3006", "E3012", "E3035", "E3036"];
it("scratch", () => {
  const files = readFileSync("/tmp/rt/dirty.txt", "utf8").split("\n").filter(Boolean);
  const out: string[] = [];
  for (const f of files) {
    const src = readFileSync(`../shared/corpus/aws-cloudformation-templates/${f}`, "utf8");
    for (const x of lint(src, { file: f, only: ids })) out.push(`${f}:${x.range.start.line}:${x.range.start.column} ${x.ruleId} ${x.message}`);
  }
  writeFileSync("/tmp/rt/ours.txt", out.join("\n"));
});
