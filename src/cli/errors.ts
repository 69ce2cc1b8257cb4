/**
 * The command line's errors. A `UserError` is the user's to fix (a file, a field, a flag): it is
 * printed as one line, and the process exits with its code (1 for input, 2 for usage), never with
 * a stack trace.
 */
export class UserError extends Error {
  override name = 'UserError';
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** A usage error (a flag or argument): exit code 2, as getopt-style tools do. */
export const usageError = (message: string): UserError => new UserError(message, 2);
