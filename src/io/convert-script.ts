/**
 * `--convert t2s|s2t|s2tw|s2hk`: script conversion of the output text, applied
 * AFTER parsing (markers match both scripts natively, so parsing never needs
 * converted text). This module sits at the edge: it loads opencc-js lazily,
 * only the direction asked for (`opencc-js/t2cn` ≈ 110 kB for t2s,
 * `opencc-js/cn2t` ≈ 1.1 MB for the others), and builds each converter once per
 * process. A run without --convert never imports this file's OpenCC code.
 *
 * Nothing is lost: every placed string that changes (article fields, page
 * furniture, unassigned text) gets a `script-conversion` repair with the text
 * before and after, on the lines the field came from. `byline.role`, `names`
 * and `credit` are converted too but, being derived from `byline.text`, get no
 * repair of their own (the accounting in src/core/accounting.ts does not count them).
 */
import type { Article, ArticleField, LineRange, NewsDocument, Repair } from '../core/model.js';

export const CONVERT_MODES = ['t2s', 's2t', 's2tw', 's2hk'] as const;
export type ConvertMode = (typeof CONVERT_MODES)[number];

type Convert = (s: string) => string;

const converters = new Map<ConvertMode, Convert>();

/** OpenCC settings per mode. t2s reads from the HK table, which also maps TW variants (裡, 綫, 衞) to simplified. */
const SETTINGS: Record<ConvertMode, { module: 't2cn' | 'cn2t'; from: string; to: string }> = {
  t2s: { module: 't2cn', from: 'hk', to: 'cn' },
  s2t: { module: 'cn2t', from: 'cn', to: 't' },
  s2tw: { module: 'cn2t', from: 'cn', to: 'tw' },
  s2hk: { module: 'cn2t', from: 'cn', to: 'hk' },
};

export function isConvertMode(s: string): s is ConvertMode {
  return (CONVERT_MODES as readonly string[]).includes(s);
}

/** The converter for `mode`, loading its OpenCC direction on first use. */
export async function converterFor(mode: ConvertMode): Promise<Convert> {
  const cached = converters.get(mode);
  if (cached) return cached;
  const s = SETTINGS[mode];
  // Literal specifiers so bundlers and tsc see both; only the one asked for is evaluated.
  const opencc = s.module === 't2cn' ? await import('opencc-js/t2cn') : await import('opencc-js/cn2t');
  const fn = opencc.Converter({ from: s.from, to: s.to } as Parameters<typeof opencc.Converter>[0]) as Convert;
  converters.set(mode, fn);
  return fn;
}

/** Convert every text field of `doc` (a new document; `doc` is not changed). */
export async function convertDocument(doc: NewsDocument, mode: ConvertMode): Promise<NewsDocument> {
  return convertDocumentWith(doc, mode, await converterFor(mode));
}

/** The synchronous core of convertDocument, for a converter already loaded. */
export function convertDocumentWith(doc: NewsDocument, mode: ConvertMode, convert: Convert): NewsDocument {
  const repairs: Repair[] = [...doc.repairs];
  const conv = (text: string, lines: LineRange): string => {
    const after = convert(text);
    if (after !== text) repairs.push({ kind: 'script-conversion', lines, before: text, after });
    return after;
  };
  const convNull = (text: string | null, lines: LineRange): string | null => (text === null ? null : conv(text, lines));
  const plain = (text: string | null): string | null => (text === null ? null : convert(text));

  const articles = doc.articles.map((a): Article => {
    const at = (f: ArticleField): LineRange => a.sources[f] ?? a.lines;
    return {
      ...a,
      kicker: convNull(a.kicker, at('kicker')),
      headline: convNull(a.headline, at('headline')),
      subheadline: convNull(a.subheadline, at('subheadline')),
      byline:
        a.byline === null
          ? null
          : {
              text: conv(a.byline.text, at('byline')),
              role: plain(a.byline.role),
              names: a.byline.names.map(convert),
              credit: plain(a.byline.credit),
            },
      dateline: convNull(a.dateline, at('dateline')),
      paragraphs: a.paragraphs.map((p) => ({ ...p, text: conv(p.text, p.lines) })),
      signoff: convNull(a.signoff, at('signoff')),
      continuation: convNull(a.continuation, at('continuation')),
    };
  });
  const furniture = doc.page.furniture.map((f) => ({ ...f, text: conv(f.text, f.lines) }));
  const unassigned = doc.unassigned.map((u) => ({ ...u, text: conv(u.text, u.lines) }));
  repairs.sort((a, b) => a.lines[0] - b.lines[0]);

  // page.number is derived from furniture text; keep it in step.
  const pageNumber = doc.page.number === null ? null : convert(doc.page.number);
  const { schemaVersion, tool, source, ...rest } = doc;
  return {
    schemaVersion,
    tool: { ...tool, options: { ...(tool.options ?? {}), convert: mode } },
    source,
    ...rest,
    // `script` (page and articles) keeps describing the text AS PRINTED; `conversion` says what was done to it.
    conversion: { mode },
    page: { number: pageNumber, furniture },
    articles,
    unassigned,
    repairs,
  };
}
