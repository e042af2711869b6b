/**
 * Stage 3b — a bracketed reporter or dateline marker that wrapped across a
 * line end (〔記者黃佳琳、林宜樟／新北 ⏎ 報導〕新北市…) is made whole again on its
 * first line, so the marker rules see it. No character changes: the tail moves
 * up one line and the line remembers where it came from (`carriedFrom`).
 */
import { displayWidth } from './chars.js';
import { matchesAny, mayBeBracketReporter, possibleMatches, type MarkerSet } from './markers.js';
import type { WorkLine } from './work-line.js';

const OPENER_ANYWHERE = /[〔［\[【（(]/u;
const OPEN_CLOSE: Record<string, string> = { '〔': '〕', '［': '］', '[': ']', '【': '】', '（': '）', '(': ')' };

/** The dateline marker that opens `text` (the first pattern that matches), or ''. */
function datelineMarker(text: string, markers: MarkerSet): string {
  if (!matchesAny(markers.dateline, text)) return '';
  for (const re of possibleMatches(markers.dateline, text)) {
    const m = re.exec(text);
    if (m && m[0] !== '') return m[0];
  }
  return '';
}

export function joinWrappedMarkers(lines: WorkLine[], markers: MarkerSet): WorkLine[] {
  const out = lines.slice();
  for (let i = 0; i < out.length; i++) {
    const line = out[i]!;
    if (!OPENER_ANYWHERE.test(line.text)) continue;
    // The opener may follow a dateline marker: 本报讯（记者 陈思远 通讯员 ⏎ 林海燕）3月27日…
    const lead = datelineMarker(line.text, markers);
    const after = line.text.slice(lead.length).replace(/^[\s\u3000]+/u, '');
    const close = OPEN_CLOSE[after[0] ?? ''];
    if (!close || line.tooLong || after.includes(close)) continue;
    let j = i + 1;
    while (j < out.length && out[j]!.text === '' && j - i <= 2) j++;
    const next = out[j];
    if (!next || next.tooLong) continue;
    const at = next.text.indexOf(close);
    if (at < 0 || at > 12) continue;
    const joined = line.text + next.text.slice(0, at + 1);
    const tail = joined.slice(joined.length - (after.length + at + 1));
    const isMarker = (mayBeBracketReporter(markers, tail) && markers.bracketReporter.test(tail)) || markers.dateline.some((re) => re.test(joined));
    if (!isMarker) continue;
    const rest = next.text.slice(at + 1).replace(/^[\s\u3000]+/u, '');
    const merged = joined + rest;
    out[i] = { ...line, text: merged, width: displayWidth(merged), carriedFrom: next.n };
    out[j] = { ...next, text: '', width: 0 };
  }
  return out;
}
