/**
 * Known secret values (what was given for NoEcho parameters) stripped from text before it leaves
 * the run: the PR comment, the deployment status, the job summary, step outputs and failure
 * messages. The runner masks the log; GitHub's API and the outputs are ours to clean. Stack
 * outputs and CloudFormation's failure reasons can repeat a secret (an Output that `!Ref`s the
 * parameter, a reason quoting a property), so everything is cleaned, not only our own text.
 */

export const REDACTED = "***";

export class Redactor {
  /** Longest first, so a secret that contains another is replaced whole. */
  private values: string[] = [];

  add(value: string): void {
    if (value === "" || this.values.includes(value)) return;
    this.values.push(value);
    this.values.sort((a, b) => b.length - a.length);
  }

  get size(): number {
    return this.values.length;
  }

  redact(text: string): string {
    let out = text;
    for (const value of this.values) {
      if (out.includes(value)) out = out.split(value).join(REDACTED);
    }
    return out;
  }

  /** The same for every string inside plain objects and arrays (a result, outputs-json); a Date or class instance is kept as it is. */
  redactDeep<T>(value: T): T {
    if (typeof value === "string") return this.redact(value) as T;
    if (Array.isArray(value)) return value.map((item) => this.redactDeep(item)) as T;
    if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [this.redact(key), this.redactDeep(item)]),
      ) as T;
    }
    return value;
  }
}
