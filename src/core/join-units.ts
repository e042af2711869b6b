/**
 * Joining text units into one story's text: the step join-story-units,
 * join-parallel-sections and join-summary-decks share (each decides which
 * units are one story; this keeps every marker between them in the text and
 * records each part joined, with the stage's rule, for the evidence).
 */
import { appendAll, maxOf, minOf } from './arrays.js';
import type { ClassifiedLine } from './classify-lines.js';
import type { BodyUnit, JoinRule, TextJoin } from './group-blocks.js';

/** One more part of a story: the lines that head it in the text (its intertitle, as subheadings) and its unit. */
export interface StoryPart {
  heads: ClassifiedLine[];
  unit: BodyUnit;
}

/**
 * `first` with `rest` joined on: the first unit's byline and dateline stay the
 * story's, the last unit's closers its closers; every marker between the parts
 * (closers, bylines, a jump-from line, a dateline) stays in the text as a
 * paragraph of its own, and each part's heads stand before its text.
 */
export function joinUnits(first: BodyUnit, rest: readonly StoryPart[], rule: JoinRule): BodyUnit {
  const joined: BodyUnit = { ...first, body: [...first.body] };
  const joins: TextJoin[] = [...(first.joins ?? [])];
  const asText = (l: ClassifiedLine | null) => {
    if (!l) return;
    l.role = 'body';
    l.rule = 'story-part-marker';
    l.standalone = true;
    l.dateline = undefined;
    joined.body.push(l);
  };
  // Closers of the first unit come before the next part: they stay in the text.
  const closersOf = (u: BodyUnit) => [u.signoff, u.jump, u.endmark];
  for (const { heads, unit: u } of rest) {
    for (const c of closersOf(joined)) asText(c);
    joined.signoff = null;
    joined.jump = null;
    joined.endmark = null;
    appendAll(joined.body, heads);
    for (const b of u.bylines) asText(b);
    if (u.jumpFrom) asText(u.jumpFrom);
    if (u.dateline) {
      // The dateline's marker stays printed before its text, as one paragraph start.
      u.dateline.role = 'body';
      u.dateline.rule = 'story-part-dateline';
      u.dateline.dateline = undefined;
      joined.body.push(u.dateline);
    }
    if (u.datelineReporter) {
      // The reporter bracket that completed a bare dateline (本报北京2月20日电 ⏎ （记者…）…) runs on in the same paragraph.
      u.datelineReporter.role = 'body';
      u.datelineReporter.rule = 'story-part-reporter';
      u.datelineReporter.dateline = undefined;
      joined.body.push(u.datelineReporter);
    }
    appendAll(joined.body, u.body);
    joins.push({ rule, lines: [Math.min(heads[0]?.n ?? u.lines[0], u.lines[0]), u.lines[1]] }, ...(u.joins ?? []));
    joined.signoff = u.signoff;
    joined.jump = u.jump;
    joined.endmark = u.endmark;
    joined.closedBy = u.closedBy;
  }
  const units = rest.map((p) => p.unit);
  joined.lines = [Math.min(first.lines[0], minOf(units, (u) => u.lines[0])), Math.max(first.lines[1], maxOf(units, (u) => u.lines[1]))];
  if (joins.length > 0) joined.joins = joins;
  return joined;
}
