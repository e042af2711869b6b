/**
 * `--format html`: the review page of one parsed page, one self-contained
 * HTML file (inline style, a few lines of inline script, no network).
 *
 *   header   path, page number, counts, warnings
 *   page     (layout input only) an SVG of the page: every line's box in the
 *            colour of its owner, every article's outline
 *   source   the input lines, numbered, each coloured by the article and role
 *            that owns it, repairs marked on their lines (before/after on hover)
 *   cards    the articles (kicker … evidence) in the same colours, then the
 *            furniture, the unassigned text and the list of repairs
 *
 * Who owns a line is read from the document alone — article `sources`,
 * `paragraphs[].lines`, `page.furniture[].lines`, `unassigned[].lines` — so
 * the page shows what the parser decided, not a second guess. The document
 * holds line numbers only; the caller passes the lines it read (`PageResult.lines`, src/convert/convert-page.ts).
 * Clicking a card scrolls the source (and the page drawing) to its lines;
 * clicking a line or a box brings its card.
 */
import type { Article, ArticleField, InputLine, NewsDocument, PageGeometry, Paragraph, Repair } from '../core/model.js';
import { colourClass, esc, htmlPage, lineLabel } from './html.js';

/** What a line can be to its owner. */
export type LineRole =
  | 'kicker'
  | 'headline'
  | 'subheadline'
  | 'byline'
  | 'dateline'
  | 'body'
  | 'subheading'
  | 'caption'
  | 'endmark'
  | 'signoff'
  | 'continuation'
  | 'furniture'
  | 'unassigned'
  /** Whitespace only, and no part of the document names it. */
  | 'blank'
  /** Text that nothing in the document names: the nothing-lost rule says this should not happen. */
  | 'unowned';

export interface LineOwner {
  /** Index of the owning article in `doc.articles`; null for furniture, unassigned, blank, unowned. */
  article: number | null;
  role: LineRole;
}

const FIELD_ROLES: readonly [ArticleField, LineRole][] = [
  ['kicker', 'kicker'],
  ['headline', 'headline'],
  ['subheadline', 'subheadline'],
  ['byline', 'byline'],
  ['dateline', 'dateline'],
  ['signoff', 'signoff'],
  ['continuation', 'continuation'],
];

const PARAGRAPH_ROLES: Record<Paragraph['type'], LineRole> = { paragraph: 'body', subheading: 'subheading', caption: 'caption', endmark: 'endmark' };

/** Words for the roles, as the source gutter and the cards print them. */
const ROLE_WORDS: Record<LineRole, string> = {
  kicker: 'kicker',
  headline: 'headline',
  subheadline: 'subheadline',
  byline: 'byline',
  dateline: 'dateline',
  body: 'body',
  subheading: 'subheading',
  caption: 'caption',
  endmark: 'end mark',
  signoff: 'sign-off',
  continuation: 'continuation',
  furniture: 'furniture',
  unassigned: 'unassigned',
  blank: '',
  unowned: 'unowned',
};

/**
 * Longest stretch of one line's text shown in full. Longer lines (a 50 MB
 * single-line file is valid input) are cut with a note of how much is left
 * out, so the page stays loadable; the core already keeps such lines out of
 * its heuristics at the same length (LINE_TOO_LONG).
 */
export const MAX_SHOWN_LINE_CHARS = 20_000;

/** Longest before/after text in a repair's tooltip; the repair list below the cards shows it whole (up to the line limit). */
const MAX_TOOLTIP_CHARS = 400;

/**
 * The owners of every line 1…lineCount (index 0 unused), in document order:
 * a line may have several (a byline and dateline on one line; pieces of a
 * `pdftotext -layout` line in different columns).
 */
export function lineOwners(doc: NewsDocument, lines: readonly InputLine[]): LineOwner[][] {
  const count = Math.max(doc.source.lines, lines.length > 0 ? lines[lines.length - 1]!.n : 0);
  const owners: LineOwner[][] = Array.from({ length: count + 1 }, () => []);
  const claim = (range: readonly [number, number], owner: LineOwner) => {
    for (let n = Math.max(1, range[0]); n <= Math.min(count, range[1]); n++) {
      const list = owners[n]!;
      if (!list.some((o) => o.article === owner.article && o.role === owner.role)) list.push(owner);
    }
  };
  for (const f of doc.page.furniture) claim(f.lines, { article: null, role: 'furniture' });
  doc.articles.forEach((a, i) => {
    for (const [field, role] of FIELD_ROLES) {
      const range = a.sources[field];
      if (range) claim(range, { article: i, role });
    }
    for (const p of a.paragraphs) claim(p.lines, { article: i, role: PARAGRAPH_ROLES[p.type] });
  });
  for (const u of doc.unassigned) claim(u.lines, { article: null, role: 'unassigned' });
  const textOf = new Map(lines.map((l) => [l.n, l.text]));
  for (let n = 1; n <= count; n++) {
    if (owners[n]!.length > 0) continue;
    const blank = (textOf.get(n) ?? '').trim() === '';
    owners[n]!.push({ article: null, role: blank ? 'blank' : 'unowned' });
  }
  // Fields first, in reading order of the roles: the first owner colours the line.
  for (const list of owners) list.sort((x, y) => ROLE_ORDER.indexOf(x.role) - ROLE_ORDER.indexOf(y.role));
  return owners;
}

const ROLE_ORDER: readonly LineRole[] = ['kicker', 'headline', 'subheadline', 'byline', 'dateline', 'subheading', 'body', 'caption', 'endmark', 'signoff', 'continuation', 'furniture', 'unassigned', 'unowned', 'blank'];

export interface ReviewOptions {
  /** The page's size in the units of the line boxes (default: `source.pageSize`, which PDF input has; else the boxes' extent). */
  geometry?: PageGeometry;
  /** Link back to a batch's index page, shown in the header. */
  indexHref?: string;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}

function ownerClass(o: LineOwner): string {
  return (o.article === null ? 'cx' : colourClass(o.article)) + ` r-${o.role}`;
}

function ownerWords(doc: NewsDocument, o: LineOwner): string {
  return o.article === null ? ROLE_WORDS[o.role] : `${doc.articles[o.article]!.id} ${ROLE_WORDS[o.role]}`;
}

/** Space-separated article ids of a line's owners, for the script (ids are ours: a1, a2 …). */
function ownerIds(doc: NewsDocument, list: readonly LineOwner[]): string {
  return [...new Set(list.filter((o) => o.article !== null).map((o) => doc.articles[o.article!]!.id))].join(' ');
}

function repairTitle(r: Repair): string {
  return `${r.kind} (${lineLabel(r.lines)}): «${clip(r.before, MAX_TOOLTIP_CHARS)}» → «${clip(r.after, MAX_TOOLTIP_CHARS)}»`;
}

function repairsByLine(doc: NewsDocument): Map<number, Repair[]> {
  const map = new Map<number, Repair[]>();
  for (const r of doc.repairs) {
    for (let n = r.lines[0]; n <= r.lines[1]; n++) {
      let list = map.get(n);
      if (!list) map.set(n, (list = []));
      list.push(r);
    }
  }
  return map;
}

function sourcePane(doc: NewsDocument, lines: readonly InputLine[], owners: LineOwner[][]): string {
  const repairs = repairsByLine(doc);
  const out: string[] = [];
  const textOf = new Map(lines.map((l) => [l.n, l.text]));
  for (let n = 1; n < owners.length; n++) {
    const list = owners[n]!;
    const first = list[0]!;
    const fixes = repairs.get(n) ?? [];
    const ids = ownerIds(doc, list);
    // `a1 dateline · body`: the article id once for a run of roles of one article.
    const tag = list
      .map((o, k) => (k > 0 && o.article !== null && o.article === list[k - 1]!.article ? ROLE_WORDS[o.role] : ownerWords(doc, o)))
      .filter(Boolean)
      .join(' · ');
    const marks = fixes.map((r) => `<span class="fix" title="${esc(repairTitle(r))}">✎ ${esc(r.kind)}</span>`).join('');
    const tagTitle = list.length > 1 ? ` title="${esc(tag)}"` : '';
    out.push(
      `<div class="l ${ownerClass(first)}${list.length > 1 ? ' multi' : ''}${fixes.length > 0 ? ' repaired' : ''}" id="L${n}" data-owner="${esc(first.role)}"${ids ? ` data-a="${esc(ids)}"` : ''}>` +
        `<a class="n" href="#L${n}">${n}</a><span class="o"${tagTitle}>${esc(tag)}</span>` +
        `<span class="t">${esc(clip(textOf.get(n) ?? '', MAX_SHOWN_LINE_CHARS))}</span>${marks ? `<span class="fixes">${marks}</span>` : ''}</div>`,
    );
  }
  return `<section class="pane source" aria-label="source lines"><h2>Source · ${owners.length - 1} lines</h2>\n<div class="lines">\n${out.join('\n')}\n</div></section>`;
}

function field(cls: string, label: string, value: string | null, lines?: readonly [number, number]): string {
  if (value === null) return '';
  const at = lines ? ` <a class="at" href="#L${lines[0]}">${lineLabel(lines)}</a>` : '';
  return `<p class="f ${cls}"><span class="lab">${label}</span>${esc(value)}${at}</p>`;
}

function articleCard(a: Article, index: number): string {
  const parts: string[] = [];
  parts.push(
    `<header><span class="id">${esc(a.id)}</span> <span class="kind">${esc(a.kind)}</span> <a class="at" href="#L${a.lines[0]}">${lineLabel(a.lines)}</a>` +
      `${a.script ? ` <span class="muted">${esc(a.script)}</span>` : ''}</header>`,
  );
  parts.push(field('r-kicker', 'kicker', a.kicker, a.sources.kicker));
  if (a.headline !== null) parts.push(`<h3 class="f r-headline"><span class="lab">headline</span>${esc(a.headline)}</h3>`);
  else parts.push('<p class="f none"><span class="lab">headline</span><em>none</em></p>');
  parts.push(field('r-subheadline', 'subheadline', a.subheadline, a.sources.subheadline));
  if (a.byline) {
    const detail = [a.byline.role && `role ${a.byline.role}`, a.byline.names.length > 0 && `names ${a.byline.names.join('、')}`, a.byline.credit && `credit ${a.byline.credit}`]
      .filter(Boolean)
      .join(' · ');
    parts.push(field('r-byline', 'byline', a.byline.text, a.sources.byline) + (detail ? `<p class="f sub muted">${esc(detail)}</p>` : ''));
  }
  parts.push(field('r-dateline', 'dateline', a.dateline, a.sources.dateline));
  for (const p of a.paragraphs) {
    const role = PARAGRAPH_ROLES[p.type];
    parts.push(`<p class="f r-${role}"><a class="at" href="#L${p.lines[0]}">${lineLabel(p.lines)}</a>${role === 'body' ? '' : `<span class="lab">${ROLE_WORDS[role]}</span>`}${esc(p.text)}</p>`);
  }
  parts.push(field('r-signoff', 'sign-off', a.signoff, a.sources.signoff));
  parts.push(field('r-continuation', 'continuation', a.continuation, a.sources.continuation));
  if (a.evidence.length > 0) {
    const items = a.evidence.map(
      (e) =>
        `<li><code>${esc(e.code)}</code> <a class="at" href="#L${e.lines[0]}">${lineLabel(e.lines)}</a>` +
        `${e.score !== undefined ? ` score ${esc(String(e.score))}` : ''}${e.detail ? ` <span class="muted">${esc(e.detail)}</span>` : ''}</li>`,
    );
    parts.push(`<ul class="evidence">${items.join('')}</ul>`);
  }
  return `<article class="card ${colourClass(index)}" id="card-${esc(a.id)}" data-a="${esc(a.id)}" data-first="${a.lines[0]}" tabindex="0">${parts.join('')}</article>`;
}

function otherCards(doc: NewsDocument): string {
  const out: string[] = [];
  if (doc.page.furniture.length > 0) {
    const rows = doc.page.furniture.map((f) => `<li><a class="at" href="#L${f.lines[0]}">${lineLabel(f.lines)}</a> <span class="lab">${esc(f.role)}</span>${esc(f.text)}</li>`);
    out.push(`<section class="card cx r-furniture" id="furniture"><header>Furniture · ${doc.page.furniture.length}</header><ul>${rows.join('')}</ul></section>`);
  }
  if (doc.unassigned.length > 0) {
    const rows = doc.unassigned.map(
      (u) => `<li><a class="at" href="#L${u.lines[0]}">${lineLabel(u.lines)}</a> <span class="lab">${esc(u.reason)}</span>${esc(clip(u.text, MAX_SHOWN_LINE_CHARS))}</li>`,
    );
    out.push(`<section class="card cx r-unassigned" id="unassigned"><header>Unassigned · ${doc.unassigned.length}</header><ul>${rows.join('')}</ul></section>`);
  }
  if (doc.repairs.length > 0) {
    const rows = doc.repairs.map(
      (r) =>
        `<li><a class="at" href="#L${r.lines[0]}">${lineLabel(r.lines)}</a> <code>${esc(r.kind)}</code> ` +
        `<del>${esc(clip(r.before, MAX_SHOWN_LINE_CHARS))}</del> → <ins>${esc(clip(r.after, MAX_SHOWN_LINE_CHARS))}</ins></li>`,
    );
    out.push(`<details class="card cx" id="repairs"><summary>Repairs · ${doc.repairs.length}</summary><ul>${rows.join('')}</ul></details>`);
  }
  return out.join('\n');
}

type Box = [number, number, number, number];

/** The SVG of the page, or '' when no line has a box. */
function pageDrawing(doc: NewsDocument, lines: readonly InputLine[], owners: LineOwner[][], geometry: PageGeometry | undefined): string {
  const boxed = lines.filter((l): l is InputLine & { hint: { bbox: Box } } => Array.isArray(l.hint?.bbox));
  if (boxed.length === 0) return '';
  let width = geometry?.width ?? 0;
  let height = geometry?.height ?? 0;
  if (!geometry) for (const l of boxed) (width = Math.max(width, l.hint.bbox[2])), (height = Math.max(height, l.hint.bbox[3]));
  // Labels and margins scale with the page, whatever its unit (pixels, mm10, points).
  const unit = Math.max(width, height) / 100;
  const margin = unit;
  const rects: string[] = [];
  for (const l of boxed) {
    const [x0, y0, x1, y1] = l.hint.bbox;
    const list = owners[l.n] ?? [];
    const first = list[0] ?? { article: null, role: 'unowned' as const };
    const ids = ownerIds(doc, list);
    rects.push(
      `<rect class="${ownerClass(first)}" x="${x0}" y="${y0}" width="${Math.max(0, x1 - x0)}" height="${Math.max(0, y1 - y0)}" data-l="${l.n}"${ids ? ` data-a="${esc(ids)}"` : ''}>` +
        `<title>L${l.n} ${esc(list.map((o) => ownerWords(doc, o)).join(' · '))}</title></rect>`,
    );
  }
  const outlines: string[] = [];
  doc.articles.forEach((a, i) => {
    if (!a.bbox) return;
    const [x0, y0, x1, y1] = a.bbox;
    outlines.push(
      `<g class="outline ${colourClass(i)}" data-a="${esc(a.id)}"><rect x="${x0}" y="${y0}" width="${x1 - x0}" height="${y1 - y0}"/>` +
        `<text x="${x0 + unit * 0.4}" y="${y0 + unit * 2}" font-size="${unit * 2}">${esc(a.id)}</text></g>`,
    );
  });
  const viewBox = `${-margin} ${-margin} ${width + 2 * margin} ${height + 2 * margin}`;
  return (
    `<section class="pane page" aria-label="page drawing"><h2>Page${geometry ? ` · ${esc(String(geometry.width))}×${esc(String(geometry.height))} ${esc(geometry.unit)}` : ''}</h2>` +
    `<svg viewBox="${viewBox}" role="img" aria-label="line boxes by owner, article outlines" xmlns="http://www.w3.org/2000/svg">` +
    `<defs><pattern id="hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45) scale(${unit / 8})"><rect width="8" height="8" fill="#fff"/><rect width="3" height="8" fill="#888"/></pattern></defs>` +
    `<rect class="sheet" x="0" y="0" width="${width}" height="${height}"/>` +
    `<g class="boxes">${rects.join('')}</g><g class="outlines">${outlines.join('')}</g></svg></section>`
  );
}

/** What a page's header and the batch index say of it, from its document alone. */
export function reviewSummary(doc: NewsDocument): { articles: number; warnings: number; unassignedChars: number; repairs: number } {
  return {
    articles: doc.articles.length,
    warnings: doc.warnings.filter((w) => w.severity !== 'info').length,
    unassignedChars: doc.unassigned.reduce((n, u) => n + [...u.text].length, 0),
    repairs: doc.repairs.length,
  };
}

function headerOf(doc: NewsDocument, owners: LineOwner[][], options: ReviewOptions): string {
  const path = doc.source.path ?? '<stdin>';
  const { unassignedChars } = reviewSummary(doc);
  const unowned = owners.filter((l) => l[0]?.role === 'unowned').length;
  const facts = [
    `${doc.source.format}`,
    `${doc.source.encoding}`,
    `${doc.source.lines} lines`,
    doc.page.number !== null ? `page ${doc.page.number}` : null,
    `${doc.articles.length} article${doc.articles.length === 1 ? '' : 's'}`,
    `${doc.repairs.length} repairs`,
    `${unassignedChars} unassigned characters`,
    unowned > 0 ? `${unowned} lines owned by nothing` : null,
  ].filter(Boolean);
  const warnings = doc.warnings.map(
    (w) => `<li class="${w.severity === 'info' ? 'muted' : 'bad'}"><code>${esc(w.code)}</code> ${esc(w.message)}${w.lines ? ` <a href="#L${w.lines[0]}">${lineLabel(w.lines)}</a>` : ''}</li>`,
  );
  return (
    `<header class="top"><h1>${esc(path)}</h1><p>${esc(facts.join(' · '))}${options.indexHref ? ` · <a href="${esc(options.indexHref)}">all pages</a>` : ''}</p>` +
    (warnings.length > 0 ? `<ul class="warnings">${warnings.join('')}</ul>` : '') +
    `<p class="legend muted">Each article has a colour; the role is in the line's label and its style: <span class="key c0 r-headline">headline</span> <span class="key c0 r-byline">byline / dateline</span> <span class="key c0 r-body">body</span> <span class="key c0 r-caption">caption</span> <span class="key cx r-furniture">furniture</span> <span class="key cx r-unassigned">unassigned</span> <span class="key fixkey">✎ repair (hover)</span></p></header>`
  );
}

const CSS = `
.cx{--k:#777;--k1:#eeeeee;--k2:#d4d4d4}
main{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:0;height:calc(100vh - var(--head,7rem))}
main.with-page{grid-template-columns:minmax(0,.8fr) minmax(0,1fr) minmax(0,1fr)}
.pane{overflow:auto;padding:.4rem .8rem;border-right:1px solid #ccc}
.pane h2{font-size:.9rem;margin:.2rem 0 .4rem;color:#333}
.lines{font-size:13px;line-height:20px}
.l{display:grid;grid-template-columns:3.2em 8.5em minmax(0,1fr) auto;gap:.4em;border-left:4px solid transparent;padding:0 .3em}
/* Lines and cards off screen are not laid out until they scroll into view: a broadsheet page has hundreds. */
.l{content-visibility:auto;contain-intrinsic-size:auto 20px}
.card{content-visibility:auto;contain-intrinsic-size:auto 12em}
.l .n{color:#555;text-align:right;text-decoration:none;font-variant-numeric:tabular-nums;user-select:none}
.l .o{color:#333;font-size:11px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;user-select:none}
.l .t{white-space:pre-wrap;word-break:break-all}
.l[data-a]{border-left-color:var(--k);background:var(--k1);cursor:pointer}
.l.r-headline,.l.r-kicker,.l.r-subheadline{background:var(--k2);font-weight:700}
.l.r-kicker,.l.r-subheadline{font-weight:600}
.l.r-byline,.l.r-dateline,.l.r-signoff,.l.r-continuation{background:var(--k2);font-style:italic}
.l.r-subheading{font-weight:700}
.l.r-caption{border-left-style:dashed}
.l.r-endmark{font-style:italic}
.l.r-furniture{background:var(--k1);border-left-color:#777;color:#333}
.l.r-unassigned,.l.r-unowned{background:repeating-linear-gradient(135deg,#fff 0 6px,#e4e4e4 6px 9px);border-left:4px dotted #000}
.l.r-unowned .o{color:#a3001b;font-weight:700}
.l.multi .o{font-weight:700}
.l.on{outline:2px solid #000;outline-offset:-2px}
.fixes{display:flex;flex-wrap:wrap;gap:.2em;justify-content:flex-end;align-items:flex-start}
.fix{font-size:11px;border:1px solid #555;border-radius:3px;padding:0 .25em;background:#fff;cursor:help;white-space:nowrap;user-select:none}
.l.repaired .t{text-decoration:underline dotted #555}
.cards{padding:.4rem .8rem}
.card{display:block;border:1px solid var(--k);border-left:8px solid var(--k);border-radius:4px;margin:0 0 .7rem;padding:.35rem .6rem;background:#fff;cursor:pointer}
.card:focus{outline:3px solid #000}
.card.on{box-shadow:0 0 0 3px #000}
.card header{font-size:12px;color:#333}
.card header .id{font-weight:700;background:var(--k2);padding:0 .3em;border-radius:3px}
.card .f{margin:.15rem 0}
.card h3.f{font-size:1.05rem;margin:.2rem 0;background:var(--k2);padding:0 .25em}
.card .r-kicker,.card .r-subheadline{background:var(--k1);padding:0 .25em}
.card .r-byline,.card .r-dateline,.card .r-signoff,.card .r-continuation{font-style:italic}
.card .r-body{background:var(--k1);padding:.1em .25em}
.card .r-subheading{font-weight:700}
.card .r-caption{border:1px dashed var(--k);padding:.1em .25em}
.card .lab{display:inline-block;font-size:11px;font-style:normal;font-weight:400;color:#333;border:1px solid #999;border-radius:3px;padding:0 .3em;margin-right:.35em;background:#fff}
.card .at{font-size:11px;color:#444;margin-right:.35em}
.card ul{margin:.2rem 0;padding-left:1.1rem}
.evidence{font-size:12px;color:#222}
.card.r-unassigned{border-style:dotted;border-color:#000}
details.card summary{font-weight:600}
del{background:#f3d6d6}ins{background:#d6efd6;text-decoration:none}
.page svg{width:100%;height:auto;display:block}
.page .sheet{fill:#fff;stroke:#999;vector-effect:non-scaling-stroke}
.page rect[data-l]{fill:var(--k1);stroke:var(--k);stroke-width:1px;vector-effect:non-scaling-stroke;cursor:pointer}
.page rect.r-headline,.page rect.r-kicker,.page rect.r-subheadline{fill:var(--k)}
.page rect.r-byline,.page rect.r-dateline,.page rect.r-signoff,.page rect.r-continuation{fill:var(--k2)}
.page rect.r-unassigned,.page rect.r-unowned{fill:url(#hatch);stroke:#000}
.page rect.on{stroke:#000;stroke-width:3px}
.outline rect{fill:none;stroke:var(--k);stroke-width:3px;vector-effect:non-scaling-stroke;stroke-dasharray:8 3}
.outline text{fill:#000;stroke:#fff;stroke-width:3px;paint-order:stroke;vector-effect:non-scaling-stroke;font-weight:700}
.warnings{margin:.2rem 0;padding-left:1.2rem;font-size:13px}
.legend{font-size:12px}
.key{display:inline-block;padding:0 .35em;border-left:4px solid var(--k);background:var(--k1)}
.key.r-headline{background:var(--k2);font-weight:700}.key.r-byline{background:var(--k2);font-style:italic}
.key.r-caption{border-left-style:dashed}
.key.r-unassigned{background:repeating-linear-gradient(135deg,#fff 0 6px,#e4e4e4 6px 9px);border-left:4px dotted #000}
.key.fixkey{border:1px solid #555;border-radius:3px;background:#fff}
@media (max-width:900px){main,main.with-page{display:block;height:auto}.pane{overflow:visible}}
@media print{
  main,main.with-page{display:block;height:auto}
  .pane{overflow:visible;border:none;padding:0}
  .page{break-after:page}
  .l{break-inside:avoid}
  .card{break-inside:avoid;cursor:auto}
  .l,.card{content-visibility:visible}
  details.card>*{display:block}
}
`;

/**
 * Clicking a card (or pressing Enter on it) scrolls the source and the page
 * drawing to its first line and outlines all its lines; clicking a line or a
 * box brings its card. A click that ends a text selection does nothing, so
 * text stays selectable. Ids come from data-* attributes, never from the script text.
 */
const SCRIPT = `(function(){
var lit=[];
function clear(){lit.forEach(function(e){e.classList.remove('on')});lit=[]}
function light(id){clear();document.querySelectorAll('[data-a]').forEach(function(e){if(e.getAttribute('data-a').split(' ').indexOf(id)>=0){e.classList.add('on');lit.push(e)}})}
function selecting(){var s=window.getSelection();return s&&!s.isCollapsed}
function openCard(card){var id=card.getAttribute('data-a');light(id);var line=document.getElementById('L'+card.getAttribute('data-first'));if(line)line.scrollIntoView({block:'center'});var box=document.querySelector('.page rect[data-a~="'+CSS.escape(id)+'"]');if(box)box.scrollIntoView({block:'center'})}
document.addEventListener('click',function(ev){if(selecting()||ev.target.closest('a'))return;
var card=ev.target.closest('.card[data-a]');if(card){openCard(card);return}
var el=ev.target.closest('.l[data-a],rect[data-a]');if(el){var id=el.getAttribute('data-a').split(' ')[0];var c=document.getElementById('card-'+id);if(c){light(id);c.scrollIntoView({block:'nearest'})}
if(el.tagName.toLowerCase()==='rect'){var l=document.getElementById('L'+el.getAttribute('data-l'));if(l)l.scrollIntoView({block:'center'})}}});
document.addEventListener('keydown',function(ev){if(ev.key==='Enter'&&ev.target.classList&&ev.target.classList.contains('card')&&ev.target.hasAttribute('data-a'))openCard(ev.target)});
var head=document.querySelector('header.top');if(head)document.documentElement.style.setProperty('--head',head.offsetHeight+'px');
})();`;

/** The review page of `doc`, read from `lines` (as `convertFile` returns them in `PageResult.lines`). */
export function writeHtml(doc: NewsDocument, lines: readonly InputLine[], options: ReviewOptions = {}): string {
  const owners = lineOwners(doc, lines);
  const drawing = pageDrawing(doc, lines, owners, options.geometry ?? doc.source.pageSize);
  const cards = doc.articles.map((a, i) => articleCard(a, i));
  const body =
    headerOf(doc, owners, options) +
    `\n<main class="${drawing ? 'with-page' : ''}">\n${drawing}\n${sourcePane(doc, lines, owners)}\n` +
    `<section class="pane cards" aria-label="articles"><h2>Articles · ${doc.articles.length}</h2>\n${cards.join('\n')}\n${otherCards(doc)}\n</section>\n</main>`;
  return htmlPage(`${doc.source.path ?? '<stdin>'} · news-parse review`, body, CSS, SCRIPT);
}
