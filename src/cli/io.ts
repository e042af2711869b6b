import { EXIT } from './errors.js';

/** What a CLI run may touch; tests pass their own to run commands in-process. */
export interface OutStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface CliIO {
  stdout: OutStream;
  stderr: OutStream;
  /** Reads all of standard input (only called when an input is `-`). */
  readStdin(): Promise<Uint8Array>;
  env: Record<string, string | undefined>;
  cwd: string;
}

/**
 * A reader that goes away (`news-parse page.txt --json | head`) is not an
 * error of ours: the run ends quietly with 0, as a pipeline expects. Any
 * other failure to write standard output is one line on stderr, exit 2.
 */
function onStdoutError(err: NodeJS.ErrnoException): void {
  if (err.code === 'EPIPE') process.exit(EXIT.ok);
  process.stderr.write(`news-parse: cannot write standard output: ${err.code ?? err.message}\n`);
  process.exit(EXIT.usage);
}

export function processIO(): CliIO {
  if (!process.stdout.listeners('error').includes(onStdoutError)) process.stdout.on('error', onStdoutError);
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    async readStdin() {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    env: process.env,
    cwd: process.cwd(),
  };
}
