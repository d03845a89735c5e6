import { readFileSync } from "node:fs";
import { it } from "vitest";
import { lint } from "../lint";

it("scratch", () => {
  for (const f of (process.env.SCRATCH ?? "").split(",")) {
    const out = lint(readFileSync(f, "utf8"), {
      file: f,
      only: [
        "E1010",
        "E1011",
        "E1015",
        "E1016",
        "E1017",
        "E1018",
        "E1019",
        "E1020",
        "E1021",
        "E1022",
        "E1024",
      ],
    });
    for (const x of out)
      console.log(
        `${f.split("/").pop()}:${x.range.start.line}:${x.range.start.column} ${x.ruleId} ${x.message}`,
      );
  }
});
