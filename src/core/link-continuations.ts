/**
 * Issue stage 1 — link the parts of stories that jump between pages of one
 * issue. A link needs both ends to say so and the pages to agree:
 *
 *   1. a part that continues ON page T (下转第4版, 續見A6版) and a part on page
 *      T that is continued FROM this page (上接第1版, or 接上版 when T comes
 *      right after it in page order);
 *   2. confirmed by content: the continued part's headline (it often repeats
 *      or shortens the original) has at least CONTENT_CONFIRMS of its
 *      character bigrams in the original's kicker, headline and subheadline.
 *      A continued part printed without a headline is linked only when it is
 *      the one part on T continued from this page and the original is the one
 *      part on this page continued on T: the two jumps then pair with nothing
 *      else.
 *
 * Anything less is a warning (JUMP_UNMATCHED, JUMP_AMBIGUOUS), never a guess.
 * Pure: pages in, links and warnings out; the caller writes continuedOn /
 * continuedFrom.
 */
import { bigramRecall } from './bigrams.js';
import { diagnostic } from './messages.js';
import type { Article, Diagnostic, NewsDocument } from './model.js';
import type { PageNumberValue } from './page-number.js';
import { readJump, type JumpReading } from './read-jump.js';

/**
 * Half the continued part's headline bigrams found in the original's titles.
 * A shortened repeat (绿色转型 under 本市绿色转型迈出新步伐) scores 1.0; on the seed
 * page a headline against other stories' texts scores ≤ 0.12.
 */
export const CONTENT_CONFIRMS = 0.5;

/** An article part as the linker sees it: where it is and what its jumps say. */
export interface PartRef {
  /** Index of the page in issue order. */
  page: number;
  article: Article;
  /** Unique in the issue: the article id when the page has an id, else qualified by the page (see issueRef). */
  ref: string;
}

export interface ContinuationLink {
  from: string;
  to: string;
  /** The jump lines of both ends, as printed without brackets. */
  jumpOn: string;
  jumpFrom: string;
  /** Headline bigram recall of the continued part in the original's titles; null when it has no headline. */
  score: number | null;
}

/**
 * An article's id, unique across the issue: page ids make article ids unique
 * already; without one the id is qualified by the page's number (p4-a2) or,
 * failing that, its place in the issue (n3-a2).
 */
export function issueRef(doc: NewsDocument, pageIndex: number, article: Article): string {
  if (doc.page.id) return article.id;
  const v = doc.page.numberValue;
  return `${v ? `p${v.section ?? ''}${v.value}` : `n${pageIndex + 1}`}-${article.id}`;
}

const samePage = (a: PageNumberValue, b: PageNumberValue | null | undefined) => !!b && a.value === b.value && a.section === b.section;

/** Does a jump naming `named` point at page `target`? A jump without a section letter stays in its own page's section. */
function names(named: PageNumberValue, target: PageNumberValue | null | undefined, own: PageNumberValue | null | undefined): boolean {
  if (!target) return false;
  if (named.section !== null) return samePage(named, target);
  return named.value === target.value && (target.section === null || target.section === (own?.section ?? null));
}

function jumpsOf(a: Article): { on: JumpReading | null; from: JumpReading | null } {
  const readings = [a.continuation, a.jumpFrom].map((t) => (t ? readJump(t) : null));
  return { on: readings.find((r) => r?.direction === 'on') ?? null, from: readings.find((r) => r?.direction === 'from') ?? null };
}

const jumpText = (a: Article, direction: 'on' | 'from') => [a.continuation, a.jumpFrom].find((t) => t && readJump(t)?.direction === direction) ?? '';

const titlesOf = (a: Article) => [a.kicker, a.headline, a.subheadline].filter(Boolean).join('');

export function linkContinuations(pages: readonly NewsDocument[]): { links: ContinuationLink[]; warnings: Diagnostic[] } {
  const parts: PartRef[][] = pages.map((doc, page) => doc.articles.map((article) => ({ page, article, ref: issueRef(doc, page, article) })));
  const numbers = pages.map((d) => d.page.numberValue ?? null);
  const links: ContinuationLink[] = [];
  const warnings: Diagnostic[] = [];
  const linkedFrom = new Set<string>();

  /** Parts on page `t` continued from page `s`. */
  const continuedFrom = (t: number, s: number) =>
    parts[t]!.filter((p) => {
      const from = jumpsOf(p.article).from;
      if (!from) return false;
      return from.previousPage ? t === s + 1 : names(from.page!, numbers[s], numbers[t]);
    });

  for (let s = 0; s < pages.length; s++) {
    for (const part of parts[s]!) {
      const on = jumpsOf(part.article).on;
      if (!on) continue;
      const where = { article: part.ref, ...(part.article.sources.continuation ? { lines: part.article.sources.continuation } : {}) };
      const targets = numbers.flatMap((n, t) => (t !== s && names(on.page!, n, numbers[s]) ? [t] : []));
      if (targets.length !== 1) {
        const reason = targets.length === 0 ? 'no page of the issue has that number' : 'several pages of the issue have that number';
        warnings.push(diagnostic('JUMP_UNMATCHED', { jump: jumpText(part.article, 'on'), reason }, where));
        continue;
      }
      const t = targets[0]!;
      const candidates = continuedFrom(t, s).filter((c) => !linkedFrom.has(c.ref));
      const scored = candidates.map((c) => ({ c, score: c.article.headline ? bigramRecall(c.article.headline, titlesOf(part.article)) : null }));
      const confirmed = scored.filter((x) => x.score !== null && x.score >= CONTENT_CONFIRMS);
      let chosen: (typeof scored)[number] | null = null;
      if (confirmed.length === 1) chosen = confirmed[0]!;
      else if (confirmed.length > 1) {
        warnings.push(diagnostic('JUMP_AMBIGUOUS', { jump: jumpText(part.article, 'on'), candidates: confirmed.map((x) => x.c.ref).join(', ') }, where));
        continue;
      } else {
        const headless = scored.filter((x) => x.score === null);
        const onesFromHere = parts[s]!.filter((p) => {
          const o = jumpsOf(p.article).on;
          return o !== null && names(o.page!, numbers[t], numbers[s]);
        });
        if (candidates.length === 1 && headless.length === 1 && onesFromHere.length === 1) chosen = headless[0]!;
      }
      if (!chosen) {
        const reason = candidates.length === 0 ? `no part on that page says it is continued from page ${pages[s]!.page.number ?? s + 1}` : 'no continued part whose headline matches this one';
        warnings.push(diagnostic('JUMP_UNMATCHED', { jump: jumpText(part.article, 'on'), reason }, where));
        continue;
      }
      linkedFrom.add(chosen.c.ref);
      links.push({ from: part.ref, to: chosen.c.ref, jumpOn: jumpText(part.article, 'on'), jumpFrom: jumpText(chosen.c.article, 'from'), score: chosen.score === null ? null : Math.round(chosen.score * 1000) / 1000 });
    }
  }

  for (let t = 0; t < pages.length; t++) {
    for (const part of parts[t]!) {
      if (!jumpsOf(part.article).from || linkedFrom.has(part.ref)) continue;
      const lines = part.article.sources.jumpFrom ?? part.article.sources.continuation;
      warnings.push(diagnostic('JUMP_UNMATCHED', { jump: jumpText(part.article, 'from'), reason: 'no part of the issue continues on this page with a matching jump' }, { article: part.ref, ...(lines ? { lines } : {}) }));
    }
  }
  return { links, warnings };
}
