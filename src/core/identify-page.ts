/**
 * Stage 9 — who the page is: its printed date read as ISO 8601
 * (normalize-date.ts), its page number as a sortable value (page-number.ts)
 * and, when the paper, the date and the page number are all known, the
 * page's stable id `{paper}-{date}-{edition}-p{page}` that prefixes every
 * article id (`rmrb-2019-02-07-a-p4-a3`). The same input with the same
 * options always gives the same ids: they are built from the printed page and
 * the options only, never from a counter or the clock.
 */
import { diagnostic } from './messages.js';
import type { Diagnostic, Furniture, IssueIdentity, PageDate } from './model.js';
import type { ParseOptions } from './options.js';
import { normalizeDate } from './normalize-date.js';
import { pageKey, pageNumberValue, type PageNumberValue } from './page-number.js';

/**
 * Without --edition an issue is its paper's main edition; `a` is the code
 * impresso's canonical ids use for it (GDL-1900-01-02-a).
 */
export const MAIN_EDITION = 'a';

export interface PageIdentity {
  date: PageDate | null;
  numberValue: PageNumberValue | null;
  /** `{paper}-{date}-{edition}-p{page}`, or null when a part is unknown. */
  id: string | null;
  issue: IssueIdentity | null;
}

/** The first date furniture line that reads as a date (or the first one at all, with its reason). */
function pageDate(furniture: Furniture[], warnings: Diagnostic[]): PageDate | null {
  let first: PageDate | null = null;
  for (const f of furniture) {
    if (f.role !== 'date') continue;
    const r = normalizeDate(f.text);
    if (r.iso !== null) return { printed: f.text, iso: r.iso, lines: f.lines };
    if (first === null) {
      first = { printed: f.text, iso: null, lines: f.lines };
      warnings.push(diagnostic('DATE_UNREADABLE', { printed: f.text, problem: r.problem ?? 'no-date' }, { lines: f.lines }));
    }
  }
  return first;
}

export function identifyPage(furniture: Furniture[], number: string | null, given: ParseOptions['issue'], warnings: Diagnostic[]): PageIdentity {
  const date = pageDate(furniture, warnings);
  const numberValue = pageNumberValue(number);
  const issueDate = given?.date ?? date?.iso ?? null;
  if (given?.date && date?.iso && given.date !== date.iso) {
    warnings.push(diagnostic('ISSUE_DATE_DIFFERS', { given: given.date, printed: date.iso }, { lines: date.lines }));
  }
  const paper = given?.paper ?? null;
  const edition = given?.edition ?? (paper ? MAIN_EDITION : null);
  const issue: IssueIdentity | null =
    paper || issueDate || given?.edition ? { paper, date: issueDate, edition, id: paper && issueDate ? `${paper}-${issueDate}-${edition}` : null } : null;
  const id = issue?.id && numberValue ? `${issue.id}-p${pageKey(numberValue)}` : null;
  return { date, numberValue, id, issue };
}
