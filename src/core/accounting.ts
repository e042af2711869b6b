/**
 * The "nothing lost" accounting: every non-whitespace character of the input
 * must be in exactly one place of the output. Shared by `news-parse eval` (the
 * lossless metric) and the property test of the pipeline, so both count the
 * same way. Pure.
 *
 * The rule compares multisets, not positions:
 *
 *   chars(input)  vs  chars(placed text) − chars(repair.after) + chars(repair.before)
 *
 * where placed text is every article field (kicker, headline, subheadline,
 * byline.text unless the byline was read from inside the dateline, dateline, paragraphs, signoff, continuation, jumpFrom), page furniture and
 * unassigned text. Whitespace is ignored on both sides. `byline.role`,
 * `byline.names`, `byline.credit` and `page.number` are derived from placed
 * text and are not counted.
 */
import type { NewsDocument } from './model.js';

export interface CharacterAccount {
  /** Input characters that the output does not account for. */
  missing: number;
  /** Output characters that the input does not account for (duplicated or invented). */
  extra: number;
  /** Up to SAMPLE_LENGTH missing characters, in input order. */
  missingSample: string;
  /** Up to SAMPLE_LENGTH extra characters, in output order. */
  extraSample: string;
}

const SAMPLE_LENGTH = 40;
const WHITESPACE = /\s/u;

function add(counts: Map<string, number>, text: string | null | undefined, sign: 1 | -1): void {
  if (!text) return;
  for (const ch of text) {
    if (WHITESPACE.test(ch)) continue;
    counts.set(ch, (counts.get(ch) ?? 0) + sign);
  }
}

/** Every placed output string, in document order (repairs not included). */
export function placedTexts(doc: NewsDocument): string[] {
  const out: string[] = [];
  for (const f of doc.page.furniture) out.push(f.text);
  for (const a of doc.articles) {
    // A byline read from inside the dateline is counted once, as the dateline.
    const byline = a.byline?.inDateline ? null : a.byline?.text;
    for (const field of [a.kicker, a.headline, a.subheadline, byline, a.dateline] as const) if (field) out.push(field);
    for (const p of a.paragraphs) out.push(p.text);
    if (a.signoff) out.push(a.signoff);
    if (a.continuation) out.push(a.continuation);
    if (a.jumpFrom) out.push(a.jumpFrom);
  }
  for (const u of doc.unassigned) out.push(u.text);
  return out;
}

/**
 * Count the input characters missing from `doc` and the output characters it
 * has beyond the input, by the multiset rule above.
 *
 * @param inputText The decoded input text the document was parsed from.
 * @param doc The parsed document.
 * @returns Counts of missing and extra characters, with a sample of each.
 */
export function accountCharacters(inputText: string, doc: NewsDocument): CharacterAccount {
  // balance[c] = output count − input count; negative means missing.
  const balance = new Map<string, number>();
  add(balance, inputText, -1);
  const placed = placedTexts(doc);
  for (const text of placed) add(balance, text, 1);
  for (const r of doc.repairs) {
    add(balance, r.after, -1);
    add(balance, r.before, 1);
  }
  let missing = 0;
  let extra = 0;
  for (const n of balance.values()) {
    if (n < 0) missing -= n;
    else extra += n;
  }
  return {
    missing,
    extra,
    missingSample: missing > 0 ? sample(inputText, balance, -1) : '',
    extraSample: extra > 0 ? sample(placed.join('') + doc.repairs.map((r) => r.before).join(''), balance, 1) : '',
  };
}

/** The first characters of `text` whose balance has the given sign, each used as often as it is unbalanced. */
function sample(text: string, balance: Map<string, number>, sign: 1 | -1): string {
  const left = new Map<string, number>();
  for (const [ch, n] of balance) if (n * sign > 0) left.set(ch, n * sign);
  let out = '';
  let length = 0;
  for (const ch of text) {
    const n = left.get(ch);
    if (!n) continue;
    left.set(ch, n - 1);
    out += ch;
    if (++length >= SAMPLE_LENGTH) break;
  }
  return out;
}
