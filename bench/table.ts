/** How the benchmarks print what they measured: Markdown tables, and calls counted by action. */
import type { RecordedCall } from "../test/fakes/aws/index";

export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  return [line(headers), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** `DescribeStacks 12, DescribeStackEvents 11, ...`, most called first. */
export function byAction(
  calls: RecordedCall[],
  name: (call: RecordedCall) => string = (c) => c.action,
): string {
  const counts = new Map<string, number>();
  for (const call of calls) counts.set(name(call), (counts.get(name(call)) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([action, n]) => `${action} ${n}`)
    .join(", ");
}
