/**
 * Errors that more than one layer raises or recognises, kept below all of them: the inputs module
 * raises InputError, and the stack layer (which must not depend on the inputs module) turns it into
 * a result's "input" failure.
 */

/**
 * A bad input: the message names the input (and the line or item in a list) and says what is
 * allowed. It never repeats the value: an input may hold a secret, and the log is not the place.
 */
export class InputError extends Error {
  constructor(
    readonly input: string,
    message: string,
  ) {
    super(`Input '${input}': ${message}`);
    this.name = "InputError";
  }
}
