/**
 * The few error kinds the product raises. A `UserError` is something the user can fix (bad input,
 * bad usage): the CLI prints its one-line message and exits 2. Anything else is a bug or an
 * environment failure and exits 1.
 */
export class UserError extends Error {
  override readonly name = "UserError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** True when `error` is a problem the user caused and can fix. */
export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
