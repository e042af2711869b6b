/**
 * Stage 3c — how the page marks sentence ends. Papers before the 1950s often
 * punctuate with 、 alone (句读): a sentence ends in 、 and 。 hardly appears.
 * On such a page a line ending in 、 may close a paragraph or an article, so the
 * stages after this one treat a final 、 as a possible sentence end. Modern
 * pages, where 。 is common, are unaffected.
 */
import type { WorkLine } from './work-line.js';

/** A page needs this many 、 before its style is judged, and at most this share of 。！？ among them. */
const MIN_PAUSES = 20;
const MAX_FULL_STOP_SHARE = 0.05;

export function pauseMarksEndSentences(lines: readonly WorkLine[]): boolean {
  let pauses = 0;
  let stops = 0;
  for (const line of lines) {
    if (line.tooLong) continue;
    const t = line.text;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === 0x3001) pauses++;
      else if (c === 0x3002 || c === 0xff01 || c === 0xff1f) stops++;
    }
  }
  return pauses >= MIN_PAUSES && stops <= pauses * MAX_FULL_STOP_SHARE;
}
