/**
 * The second safety check of a profile file's patterns, after the static
 * rules of regex-safety.ts: recheck, a maintained ReDoS checker (an automaton
 * analysis, and fuzzing where the automaton is too large), finds the
 * overlapping repeats those rules let through — ^本*本*本*本*讯,
 * \d*\d*\d*\d*x, [a-z]*[a-z]*[a-z]*$, (?=a*a*a*b), .{0,999}.{0,999}x each run
 * for tens of seconds on one line.
 *
 * It is loaded only when a profile FILE is read: measured on the development
 * machine, importing recheck costs 130–300 ms and checking one pattern 2 ms to
 * 2.3 s; the built-in profiles are checked by the test suite instead
 * (tests/robust/regex-backtracking.test.ts). recheck runs in-process (its
 * pure-JavaScript backend): no child process, no worker thread.
 */

/**
 * How long (wall clock) one pattern may take to be shown safe. The slowest
 * pattern measured (.{0,999}.{0,999}x) took 2.3 s to be found vulnerable on an
 * idle machine and the slowest safe one 1–5 s; on a loaded machine both take
 * longer, and a safe pattern must not be refused only for that. A pattern
 * that cannot be decided within the budget is refused: it cannot be trusted on
 * every line of an archive.
 */
export const PATTERN_CHECK_BUDGET_MS = 10_000;

import { defaultProcessEnv } from '../ports.js';

type Recheck = typeof import('recheck');
let recheck: Promise<Recheck> | null = null;

function loadRecheck(): Promise<Recheck> {
  // The backend is chosen from the environment when recheck loads; the default would start the native binary.
  defaultProcessEnv('RECHECK_BACKEND', 'pure');
  recheck ??= import('recheck');
  return recheck;
}

/** Why `source` (already past regex-safety.ts) can backtrack catastrophically, or null when recheck shows it cannot. */
export async function backtrackingReason(source: string): Promise<string | null> {
  const { check } = await loadRecheck();
  const d = await check(source, 'u', { timeout: PATTERN_CHECK_BUDGET_MS, randomSeed: 1 });
  if (d.status === 'safe') return null;
  if (d.status === 'vulnerable') {
    const hot = d.hotspot.map((h) => source.slice(h.start, h.end)).filter((s, i, all) => all.indexOf(s) === i);
    const where = hot.length > 0 ? ` (overlapping repeats: ${hot.slice(0, 4).join(' ')})` : '';
    return `pattern can backtrack catastrophically — matching time grows as ${d.complexity.summary.replace(/ \(.*\)$/, '')} in the line's length${where}; make the repeats exclusive or bound them`;
  }
  if (d.error.kind === 'timeout') return `pattern could not be shown safe from catastrophic backtracking within ${PATTERN_CHECK_BUDGET_MS / 1000} s; simplify it`;
  return `pattern could not be checked for catastrophic backtracking (${d.error.kind}${'message' in d.error ? `: ${d.error.message}` : ''})`;
}
