/** Small text helpers shared by messages in every part of the project. */

/**
 * `51200` → `51,200`. Written out because the first toLocaleString call loads ICU data, a cost
 * on a validate run's start-up (see `npm run bench:validate`).
 */
export function thousands(value: number): string {
  const [whole, fraction] = String(value).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** "1 item", "2,048 items"; a noun whose plural is not its singular and "s" gives that plural. */
export function plural(count: number, noun: string, many = `${noun}s`): string {
  return `${thousands(count)} ${agreeing(count, noun, many)}`;
}

/** The word that agrees with a count: `one` for 1, `many` otherwise ("is" or "are"). */
export function agreeing(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}
