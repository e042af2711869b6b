import type { LineHint } from './model.js';

/**
 * A line as the stages see it: the decoded text, the repaired text, and what
 * layout evidence survived extraction. `n` is the input line number.
 */
export interface WorkLine {
  n: number;
  /** The line as decoded. */
  raw: string;
  /** After character repairs, outer whitespace trimmed. */
  text: string;
  /** The line started with whitespace (a lost paragraph indent often survives as one). */
  indent: boolean;
  /** Display width of `text` in em (CJK 1, ASCII 0.5). */
  width: number;
  hint?: LineHint;
  /** The line was a doubled (fake-bold) display line, repaired to one copy. */
  doubled?: boolean;
  /** Text was carried up from this later line (a bracketed marker wrapped across the line end). */
  carriedFrom?: number;
  /** Longer than any real newspaper line; kept out of the heuristics. */
  tooLong?: boolean;
}

/** Longest line the heuristics look at; longer ones go to `unassigned` with a warning. */
export const MAX_LINE_CHARS = 20_000;
