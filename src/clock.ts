/**
 * The one clock every module reads the time from, passed in so that tests fix it. This module
 * imports nothing, so that the stack modules and the template rules (in the validate bundle) can
 * share the type without pulling each other's dependencies in.
 */

/** Milliseconds since the epoch. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();
