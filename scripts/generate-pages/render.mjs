/**
 * Two typefaces only (serif regular for text, sans bold for display): Chromium
 * embeds every face as Type 3 glyph programs, so each face more costs the
 * PDF about as much again.
 *
 * A page as HTML for Chromium to print (one PDF sheet), and as plain
 * hard-wrapped text (what a text extractor hands back from a clean single
 * stream). Pure.
 */

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function fonts(script) {
  const region = script === 'hant' ? 'TC' : 'SC';
  return { serif: `"Noto Serif CJK ${region}"`, sans: `"Noto Sans CJK ${region}"` };
}

function storyHead(s, span, family) {
  const size = s.lead ? (family === 'broadsheet' ? 34 : 26) : 12 + 2.5 * Math.min(span, 3);
  const out = [];
  if (s.label) out.push(`<div class="label">${esc(s.label)}</div>`);
  if (s.kicker) out.push(`<div class="kicker">${esc(s.kicker)}</div>`);
  out.push(`<div class="headline" style="font-size:${size}pt">${s.headline.map(esc).join('<br>')}</div>`);
  if (s.subheadline) out.push(`<div class="sub">——${esc(s.subheadline)}</div>`);
  if (s.bylineLine) out.push(`<div class="byline">${esc(s.bylineLine)}</div>`);
  return out.join('\n');
}

function storyBody(s) {
  const out = [];
  s.paragraphs.forEach((p, i) => {
    const text = i === 0 && s.prefix ? `${s.prefix}${p.text}` : p.text;
    out.push(`<p class="${p.type}">${esc(text)}</p>`);
  });
  if (s.signoff) out.push(`<p class="signoff">（${esc(s.signoff)}）</p>`);
  return out.join('\n');
}

function boxHtml(box, family) {
  if (box.items) {
    // The snake: stories one after another through all the columns of the box.
    const inner = box.items.map((s) => `<div class="flowstory">${storyHead(s, 1, family)}\n${storyBody(s)}</div>`).join('\n');
    return `<div class="box" style="grid-column:span ${box.span}"><div class="cols" style="column-count:${box.span}">${inner}</div></div>`;
  }
  const item = box.item;
  const style = `grid-column:span ${box.span}`;
  if (item.type === 'photo') {
    const h = 32 + 10 * box.span;
    return `<div class="box photo" style="${style}"><div class="headline" style="font-size:${12 + 2 * box.span}pt">${esc(item.title)}</div><div class="pic" style="height:${h}mm"></div><p class="caption">${esc(item.caption)}</p><div class="byline">${esc(item.credit)}</div></div>`;
  }
  if (item.type === 'ad') {
    return `<div class="box ad" style="${style}"><div class="shop">${esc(item.lines[0])}</div><div class="slogan">${esc(item.lines[1])}</div>${item.lines
      .slice(2)
      .map((l) => `<div>${esc(l)}</div>`)
      .join('')}</div>`;
  }
  const cls = ['box', item.lead ? 'lead' : '', item.sidebar ? 'sidebar' : ''].filter(Boolean).join(' ');
  return `<div class="${cls}" style="${style}">${storyHead(item, box.span, family)}<div class="cols" style="column-count:${box.span}">${storyBody(item)}</div></div>`;
}

export function pageHtml(page) {
  const { serif, sans } = fonts(page.script);
  const gutter = `${page.gutterEm}em`;
  const f = page.furniture;
  const rows = page.rows
    .map((row) => `<div class="row" style="grid-template-columns:repeat(${page.columns},minmax(0,1fr))">${row.boxes.map((b) => boxHtml(b, page.family)).join('\n')}</div>`)
    .join('\n');
  return `<!doctype html>
<html lang="${page.script === 'hant' ? 'zh-Hant' : 'zh-Hans'}"><head><meta charset="utf-8"><style>
@page { size: ${page.width}mm ${page.height}mm; margin: 10mm 12mm; }
html, body { margin: 0; }
body { font-family: ${serif}; font-size: ${page.body}pt; line-height: 1.45; color: #000; }
.furniture { display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 3px double #000; padding-bottom: 2mm; margin-bottom: 3mm; font-family: ${sans}; font-weight: bold; }
.furniture .masthead { font-size: ${page.family === 'broadsheet' ? 40 : 28}pt; font-weight: bold; }
.row { display: grid; column-gap: ${gutter}; margin-bottom: 3mm; border-bottom: 1px solid #000; padding-bottom: 3mm; align-items: start; }
.box { min-width: 0; }
.cols { column-gap: ${gutter}; column-fill: balance; orphans: 1; widows: 1; }
p { margin: 0; text-indent: 2em; text-align: justify; }
p.subheading { text-indent: 0; font-family: ${sans}; font-weight: bold; margin: 0.3em 0; }
.headline { font-family: ${sans}; font-weight: bold; line-height: 1.25; margin: 0.1em 0 0.25em; }
.lead .headline { text-align: center; }
.kicker, .sub { font-family: ${sans}; font-weight: bold; font-size: 1.15em; margin: 0.1em 0; }
.byline { font-size: 0.95em; margin: 0.2em 0; }
.signoff { text-align: right; text-indent: 0; }
.label { display: inline-block; border: 1.5px solid #000; padding: 0 0.5em; font-family: ${sans}; font-weight: bold; margin-bottom: 0.3em; }
.sidebar { border: 1.5px solid #000; padding: 2mm; background: #eee; }
.flowstory { margin-bottom: 0.8em; }
.pic { background: #9a9a9a; margin: 0.3em 0; }
.caption { font-size: 0.9em; text-indent: 0; }
.ad { border: 3px solid #000; padding: 3mm; text-align: center; font-family: ${sans}; font-weight: bold; }
.ad .shop { font-size: 2em; font-weight: bold; }
.ad .slogan { font-size: 1.4em; }
</style></head><body>
<div class="furniture"><span>${esc(f.number)}</span><span class="masthead">${esc(f.masthead)}</span><span>${esc(f.date)}</span><span>${esc(f.section)}</span></div>
${rows}
</body></html>
`;
}

/** Punctuation a typesetter never puts at the start of a line (kinsoku): it stays at the end of the line before. */
const NO_LINE_START = new Set([...'，。、；：！？”’）》」』】〕']);

/** Hard-wrap a paragraph at `width` characters (code points), keeping closing punctuation off line starts. */
function wrap(text, width) {
  const chars = [...text];
  const out = [];
  let i = 0;
  while (i < chars.length) {
    let end = Math.min(chars.length, i + width);
    while (end < chars.length && NO_LINE_START.has(chars[end])) end++;
    out.push(chars.slice(i, end).join(''));
    i = end;
  }
  return out;
}

/**
 * The page as plain hard-wrapped text: furniture first, then every item in
 * reading order, blank lines between items, each paragraph starting a new
 * line (like the sample page, fixtures/seed-community-p02).
 */
export function pageText(page) {
  const w = page.textWidth;
  const f = page.furniture;
  const lines = [f.number, f.masthead, f.date, f.section, ''];
  for (const item of page.items) {
    if (item.type === 'ad') lines.push(...item.lines);
    else if (item.type === 'photo') lines.push(item.title, ...wrap(item.caption, w), item.credit);
    else {
      if (item.label) lines.push(item.label);
      if (item.kicker) lines.push(item.kicker);
      lines.push(...item.headline);
      if (item.subheadline) lines.push(`——${item.subheadline}`);
      if (item.bylineLine) lines.push(item.bylineLine);
      item.paragraphs.forEach((p, i) => lines.push(...wrap(i === 0 && item.prefix ? `${item.prefix}${p.text}` : p.text, w)));
      if (item.signoff) lines.push(`（${item.signoff}）`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
