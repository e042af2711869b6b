import { displayWidth } from './chars.js';
import type { LineHint, Repair } from './model.js';

/**
 * A line as the stages see it: the repaired text and what layout evidence
 * survived extraction. `n` is the input line number (the line as decoded is
 * the InputLine of that number: the stages never read it again).
 */
export interface WorkLine {
  n: number;
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

/**
 * A new WorkLine, made with the fields classify-lines will give it (its
 * ClassifiedLine) already in place and unset. classify-lines then writes
 * into the line instead of copying it: a 50 MB page holds 1.3 million lines,
 * and the copies of them were ~140 MB at the peak of a run. The lines also
 * keep one shape for V8 from here to build-articles (stages that change a
 * line copy it with a spread, which keeps every field). `column` starts as
 * NaN, a number that is no small integer, because a column width is often
 * fractional and V8 would re-shape every line at the first fractional one.
 */
export function newWorkLine(n: number, text: string, indent: boolean, width: number, hint: LineHint | undefined, tooLong: true | undefined): WorkLine {
  const line = {
    n,
    text,
    indent,
    width,
    hint,
    doubled: undefined,
    carriedFrom: undefined,
    tooLong,
    // classify-lines' fields, unset until it classifies the line.
    role: undefined,
    rule: undefined,
    furniture: undefined,
    byline: undefined,
    dateline: undefined,
    inner: undefined,
    newGroup: undefined,
    standalone: undefined,
    column: Number.NaN,
    shape: 0,
  };
  return line;
}

/**
 * The lines with `change` applied to each: `change` gives the line itself
 * when it keeps it, or a new line. The array is copied only at the first
 * changed line, and `lines` itself comes back when none changed: a 50 MB
 * page's 1.3 million lines made a new array of them per stage, grown by push
 * (~24 MB allocated, in V8's large-object space that only a full collection
 * frees) for the few thousand lines a repair touched.
 */
export function mapChangedLines(lines: WorkLine[], change: (line: WorkLine) => WorkLine): WorkLine[] {
  let out: WorkLine[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = change(lines[i]!);
    if (line === lines[i]) continue;
    out ??= lines.slice();
    out[i] = line;
  }
  return out ?? lines;
}

/**
 * One text repair applied line by line: `fix` gives the line's new text (or
 * the same text when it needs none); each changed line is copied with its new
 * text and width and recorded as a `kind` repair. Overlong lines are left as
 * they are, as every heuristic leaves them.
 */
export function repairEachLine(lines: WorkLine[], kind: Repair['kind'], repairs: Repair[], fix: (line: WorkLine) => string): WorkLine[] {
  return mapChangedLines(lines, (line) => {
    const fixed = line.tooLong ? line.text : fix(line);
    if (fixed === line.text) return line;
    repairs.push({ kind, lines: [line.n, line.n], before: line.text, after: fixed });
    return { ...line, text: fixed, width: displayWidth(fixed) };
  });
}
