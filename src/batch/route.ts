/**
 * Whether a main-command run is a batch (see src/cli/command-batch.ts). Cheap: a stat per input at most.
 * Every run loads this module, so it imports nothing of the batch: collect-inputs brings node:fs/promises
 * and the page walk, which a one-page run never needs (~1 ms of its start-up).
 */
import { statSync } from 'node:fs';

/** What makes an argument a glob: `*`, `?`, a `[…]` class, a `{a,b}` brace, an extglob `@(…)`/`!(…)`/`+(…)` (tinyglobby's syntax). */
export const GLOB_CHARS = /[*?[{]|[@!+]\(/u;

/** True when the argument is a pattern the shell left unexpanded. */
export function looksLikeGlob(arg: string): boolean {
  return GLOB_CHARS.test(arg);
}

export const BATCH_OPTIONS = ['outDir', 'jsonl', 'jobs', 'stdinJsonl'] as const;

/**
 * A batch option is given, or an input is a directory or a glob the shell left unexpanded.
 * `--quiet` and `--force` only change how a batch runs: given with one file they do not make it a
 * batch, so its output stays the same indented JSON (they made it compact JSON Lines).
 */
export function isBatchRun(inputs: readonly string[], opts: Record<string, unknown>): boolean {
  if (BATCH_OPTIONS.some((k) => opts[k] !== undefined && opts[k] !== false)) return true;
  for (const input of inputs) {
    if (input === '-') continue;
    try {
      if (statSync(input).isDirectory()) return true;
    } catch {
      if (looksLikeGlob(input)) return true;
    }
  }
  return false;
}
