/** The CLI's errors; the exit codes themselves are in src/ports.ts. */
import { EXIT } from '../ports.js';

export { EXIT };

/** A user mistake or unusable input: reported as one line on stderr, never with a stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** Input that cannot be used, tied to the file it came from. */
export class InputError extends UserError {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`, EXIT.usage);
    this.name = 'InputError';
  }
}
