/**
 * Stories and pages as data: what is printed (in order, with the printed
 * conventions of the family and script) and the gold that says what it is.
 * Pure: no files, no tools. Strings are made in simplified script and
 * converted to traditional (opencc-js, Taiwan forms) as a whole for hant
 * pages, so gold and print always agree.
 */
import { makeWriter, rng } from './content.mjs';

/** How big the type is, how many columns, how the page is cut: one entry per family. */
export const FAMILIES = {
  broadsheet: { page: [390, 545], columns: [6, 8], body: 8.5, lead: true, rows: [2, 2], share: 0.55 },
  tabloid: { page: [297, 420], columns: [3, 4], body: 10, lead: true, rows: [1, 2], share: 0.55 },
  community: { page: [297, 420], columns: [4, 4], body: 10.5, lead: false, rows: [2, 2], share: 0.55 },
  snake: { page: [297, 420], columns: [4, 5], body: 9.5, lead: false, rows: [1, 1], share: 0.66 },
};

const MASTHEADS = ['青河日报', '滨江晚报', '天河社区报', '长宁时报', '明珠都市报', '云台晨报'];
const SECTIONS = ['要闻', '城市', '社区', '民生', '综合新闻'];
const WEEKDAYS = ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'];

/** A split of n columns into spans of 1..max (a row of boxes). */
function partition(r, n, max) {
  const out = [];
  let left = n;
  while (left > 0) {
    const s = Math.min(left, r.int(1, Math.min(max, left)));
    out.push(s);
    left -= s;
  }
  return out;
}

/**
 * Printed credit conventions: what goes before the first paragraph (prefix),
 * on its own line under the headline (bylineLine), and the gold fields they mean.
 */
function credits(r, w, t, family, script) {
  const reporter = w.name();
  const out = { prefix: '', bylineLine: null, gold: { byline: null, dateline: null } };
  const roll = r.next();
  if (script === 'hant') {
    if (roll < 0.4) {
      out.prefix = `（中央社记者${reporter}${t.city}${t.when.d}日电）`;
      out.gold.dateline = out.prefix;
      out.gold.byline = { role: '记者', names: [reporter] };
    } else if (roll < 0.8) {
      out.bylineLine = `〔记者${reporter}／${t.city}报导〕`;
      out.gold.byline = { text: out.bylineLine, role: '记者', names: [reporter], credit: '报导' };
    }
    return out;
  }
  if (family === 'community') {
    if (roll < 0.45) {
      out.bylineLine = r.chance(0.5) ? `□特约记者 ${reporter} 整理报道` : `□记者 ${reporter}`;
      const special = out.bylineLine.startsWith('□特约');
      out.gold.byline = { text: out.bylineLine, role: special ? '特约记者' : '记者', names: [reporter], credit: special ? '整理报道' : null };
    }
    if (r.chance(0.55)) {
      out.prefix = '本报讯 ';
      out.gold.dateline = '本报讯';
    }
    return out;
  }
  if (roll < 0.3) {
    out.prefix = `本报${t.city}${t.when.m}月${t.when.d}日电（记者 ${reporter}）`;
    out.gold.dateline = `本报${t.city}${t.when.m}月${t.when.d}日电`;
    out.gold.byline = { role: '记者', names: [reporter] };
  } else if (roll < 0.45) {
    out.prefix = `新华社${t.city}${t.when.m}月${t.when.d}日电（记者 ${reporter}）`;
    out.gold.dateline = `新华社${t.city}${t.when.m}月${t.when.d}日电`;
    out.gold.byline = { role: '记者', names: [reporter] };
  } else if (roll < 0.7) {
    out.bylineLine = `本报记者 ${reporter}`;
    out.gold.byline = { text: out.bylineLine, role: '本报记者', names: [reporter], credit: null };
    if (r.chance(0.5)) {
      out.prefix = '本报讯 ';
      out.gold.dateline = '本报讯';
    }
  } else if (roll < 0.85) {
    out.prefix = '本报讯 ';
    out.gold.dateline = '本报讯';
  }
  return out;
}

function story(r, w, family, script, chars, { lead = false, sidebar = false } = {}) {
  const t = w.topic();
  const c = credits(r, w, t, family, script);
  const headline = w.headline(t);
  const kicker = r.chance(lead ? 0.6 : 0.25) ? w.kicker() : null;
  const subheadline = r.chance(lead ? 0.6 : 0.2) ? w.subheadline(t) : null;
  const label = !lead && r.chance(family === 'community' ? 0.45 : 0.2) ? w.label() : null;
  const paragraphs = w.body(t, chars, { subheadings: chars > 900 && r.chance(0.6) });
  let signoff = null;
  if (family === 'community' ? r.chance(0.6) : r.chance(0.25)) signoff = r.chance(0.7) ? w.signoffOrg(t) : `编辑：${w.name()}`;
  return {
    type: 'story',
    lead,
    sidebar,
    label,
    kicker,
    headline,
    subheadline,
    bylineLine: c.bylineLine,
    prefix: c.prefix,
    paragraphs,
    signoff,
    gold: {
      kind: 'article',
      kicker,
      headline: headline.join(' '),
      subheadline,
      byline: c.gold.byline,
      dateline: c.gold.dateline,
      paragraphs: paragraphs.map((p) => ({ type: p.type, text: p.text })),
      signoff,
      continuation: null,
    },
  };
}

function photo(r, w) {
  const t = w.topic();
  const photographer = w.name();
  const title = w.photoTitle(t);
  const caption = w.caption(t);
  const credit = `本报记者 ${photographer} 摄`;
  return {
    type: 'photo',
    title,
    caption,
    credit,
    gold: {
      kind: 'photo',
      kicker: null,
      headline: title,
      subheadline: null,
      byline: { text: credit, role: '本报记者', names: [photographer], credit: '摄' },
      dateline: null,
      paragraphs: [{ type: 'caption', text: caption }],
      signoff: null,
      continuation: null,
    },
  };
}

function ad(w) {
  const a = w.adBlock();
  return { type: 'ad', lines: [a.shop, a.slogan, `电话：${a.phone}`, `地址：${a.address}`], gold: null };
}

/**
 * One page: furniture, rows of boxes (span in columns + item), and the
 * reading order (row by row, left to right) that the gold lists.
 *
 * @param scale shrinks every body when a page overflowed its sheet.
 */
export function makePage(seed, family, script, scale = 1) {
  const r = rng(seed);
  const w = makeWriter(r, script);
  const f = FAMILIES[family];
  const columns = r.int(f.columns[0], f.columns[1]);
  const gutterEm = r.chance(0.35) ? 1.4 : 2.6;
  const [width, height] = f.page;
  // Characters the body type holds on the sheet (mm² over the area of one character and its leading),
  // times the share of the sheet left for body text after headlines, gaps and pictures.
  const charMm = (f.body * 25.4) / 72;
  const capacity = (((width - 24) * (height - 40)) / (charMm * charMm * 1.45)) * f.share * scale;
  const rows = [];
  if (f.lead) rows.push({ boxes: [{ span: columns, item: null, lead: true }] });
  const nRows = r.int(f.rows[0], f.rows[1]);
  for (let i = 0; i < nRows; i++) {
    const spans = family === 'snake' ? [columns] : partition(r, columns, 3);
    rows.push({ boxes: spans.map((span) => ({ span, item: null })) });
  }
  // What goes in each box: stories mostly; one photo, sidebar and ad on some pages.
  const boxes = rows.flatMap((row) => row.boxes);
  const small = boxes.filter((b) => !b.lead);
  const withPhoto = family !== 'snake' && small.length > 2 && r.chance(0.7) ? r.pick(small) : null;
  const free = small.filter((b) => b !== withPhoto);
  const withAd = family !== 'snake' && free.length > 2 && r.chance(0.5) ? r.pick(free) : null;
  const withSidebar = free.length > 3 && r.chance(0.5) ? r.pick(free.filter((b) => b !== withAd)) : null;
  const totalSpan = boxes.reduce((n, b) => n + b.span * (b.lead ? 1.6 : 1), 0);
  for (const b of boxes) {
    if (b === withPhoto) b.item = photo(r, w);
    else if (b === withAd) b.item = ad(w);
    else {
      // Every row takes the height of its tallest box, so bodies are sized by span: a row's boxes end near one line.
      const chars = Math.max(Math.round(160 * scale), Math.round((capacity * b.span * (b.lead ? 1.6 : 1)) / totalSpan));
      if (family === 'snake') {
        // One flow through all columns: several stories one after another, each starting where the last ended.
        const n = r.int(4, 6);
        b.items = Array.from({ length: n }, () => story(r, w, family, script, Math.round(chars / n)));
      } else b.item = story(r, w, family, script, chars, { lead: Boolean(b.lead), sidebar: b === withSidebar });
    }
  }
  const when = { y: r.int(2021, 2026), m: r.int(1, 12), d: r.int(1, 28) };
  const furniture = {
    number: family === 'broadsheet' ? `0${r.int(1, 9)}` : `${r.pick(['A', 'B'])}${r.int(1, 12)}`,
    masthead: r.pick(MASTHEADS),
    date: `${when.y}年${when.m}月${when.d}日 ${r.pick(WEEKDAYS)}`,
    section: r.pick(SECTIONS),
  };
  const items = boxes.flatMap((b) => b.items ?? [b.item]);
  return { seed, family, script, columns, gutterEm, width, height, body: f.body, furniture, rows, items, textWidth: r.int(12, 24) };
}

/** The gold document of a page (schemas/gold.schema.json), in reading order; ads are not articles. */
export function goldOf(page) {
  return { page: { number: page.furniture.number }, articles: page.items.filter((i) => i.gold).map((i) => i.gold) };
}

/** Every string of a page converted (for traditional pages), gold included. */
export function convertPage(page, convert) {
  const walk = (x) => {
    if (typeof x === 'string') return convert(x);
    if (Array.isArray(x)) return x.map(walk);
    if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, k === 'family' || k === 'script' ? v : walk(v)]));
    return x;
  };
  const out = walk(page);
  // The boxes hold the same items as `items`: rebuild the links after the deep copy.
  let k = 0;
  for (const row of out.rows) for (const b of row.boxes) {
    if (b.items) b.items = b.items.map(() => out.items[k++]);
    else b.item = out.items[k++];
  }
  return out;
}
