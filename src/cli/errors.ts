/**
 * Exit codes, in one place (mirrored in README.md):
 *
 *   0  success
 *   1  findings: the eval quality gate failed, `validate` found invalid documents,
 *      or a batch converted some inputs but not all
 *   2  usage error or unusable input (unreadable path, binary data, bad encoding, bad option)
 *   3  internal error: a bug in news-parse (for example a document that fails its own schema)
 */
export const EXIT = { ok: 0, findings: 1, usage: 2, internal: 3 } as const;

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
