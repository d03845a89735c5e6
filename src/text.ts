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
