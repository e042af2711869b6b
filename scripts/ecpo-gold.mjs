#!/usr/bin/env node
/**
 * Held-out gold from ECPO 晶報 (Jing bao) transcriptions.
 *
 * Data: Early Chinese Periodicals Online (ECPO), Heidelberg University, CC BY 4.0
 * (https://github.com/hcts-hra/ecpo-data). Expected under ../shared/data/ecpo-jingbao/derived/
 * relative to the repo root: per fold NAME.page.txt (page text) and NAME.truth.json (blocks).
 *
 * Usage: node scripts/ecpo-gold.mjs [OUTDIR] [--data DIR]
 *   Writes OUTDIR/NAME.txt (a copy of NAME.page.txt) and OUTDIR/NAME.gold.json per fold,
 *   the side-by-side layout `news-parse eval OUTDIR --gold OUTDIR` reads. OUTDIR defaults to a
 *   new temp dir; the dir is printed on stdout.
 *
 * Gold derivation (see docs/heldout.md): each ECPO `article` block becomes one gold article.
 * ECPO gives paragraphs (lists of printed lines), not our fields, so:
 *   - leading "title-block" paragraphs (≤ 40 characters, no sentence punctuation: title, （author）, serial
 *     number, 著/譯 line) are not body text in our model and are left out of `paragraphs`;
 *   - `headline` is set only when the first paragraph is one short printed line with no brackets
 *     or ideographic spaces and the next paragraph is a bracketed credit/serial line or body text
 *     (so it cannot be a kicker over a multi-column title);
 *   - `dateline` is set only when the first body paragraph opens with a bracketed wire marker
 *     ending in 電 (e.g. （重慶廿一日路透電）), which is cut off the paragraph, as fixtures/README.md
 *     writes bracketed datelines;
 *   - byline, signoff, kicker, subheadline, continuation, kind: absent (not scored).
 * Blocks of other types (margin, advert, head, image, other) are not gold articles (not scored).
 * The function `ecpoGold` is exported for tests.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_DATA = join(repoRoot, '..', 'shared', 'data', 'ecpo-jingbao');

/** Sentence punctuation: a paragraph holding any of these is running text, not a title line. */
const SENTENCE_PUNCT = /[、，。；：！？,.;:!?]/u;
/** Whole-paragraph bracketed credit or serial number: （丹翁）, （一）（〇）（三）, ））杭頭自杭州寄（（. */
const BRACKETED_LINE = /^[（(）)][^、，。]{0,20}[）)（(]$/u;
/** Leading wire dateline of a paragraph: （重慶廿一日路透電）, （北平廿日路透電）. */
const WIRE_DATELINE = /^（[^（）]{2,30}?電）/u;

const squash = (s) => s.replace(/\s+/gu, '');
const joinLines = (lines) => squash(lines.join(''));

function isTitleLike(lines) {
  const text = joinLines(lines);
  return text.length > 0 && text.length <= 40 && !SENTENCE_PUNCT.test(text);
}

/** One ECPO article block → one gold article (or null when it has no text). */
function goldArticle(block) {
  const paras = block.paragraphs.filter((p) => joinLines(p).length > 0);
  if (paras.length === 0) return null;
  // Leading title-block paragraphs, always leaving at least one body paragraph.
  let head = 0;
  while (head < paras.length - 1 && isTitleLike(paras[head])) head++;
  const article = {};
  const first = paras[0];
  const firstText = joinLines(first);
  if (
    head >= 1 &&
    first.length === 1 &&
    firstText.length <= 20 &&
    !/[（）()\u3000]/u.test(first[0]) &&
    (head === 1 || BRACKETED_LINE.test(joinLines(paras[1])))
  ) {
    article.headline = firstText;
  }
  const body = paras.slice(head).map(joinLines);
  const m = WIRE_DATELINE.exec(body[0]);
  if (m && body[0].length > m[0].length) {
    article.dateline = m[0];
    body[0] = body[0].slice(m[0].length);
  }
  article.paragraphs = body.map((text) => ({ type: 'paragraph', text }));
  return article;
}

/** Gold document of one fold from its truth.json data. */
export function ecpoGold(truth) {
  const articles = [];
  for (const b of truth.blocks) {
    if (b.type !== 'article') continue;
    const a = goldArticle(b);
    if (a) articles.push(a);
  }
  return { articles };
}

/** Convert every fold of `dataDir`/derived into `outDir`; returns the fold names. */
export function convertAll(dataDir, outDir) {
  const derived = join(dataDir, 'derived');
  mkdirSync(outDir, { recursive: true });
  const names = readdirSync(derived)
    .filter((f) => f.endsWith('.truth.json'))
    .map((f) => f.slice(0, -'.truth.json'.length))
    .sort();
  for (const name of names) {
    const truth = JSON.parse(readFileSync(join(derived, `${name}.truth.json`), 'utf8'));
    copyFileSync(join(derived, `${name}.page.txt`), join(outDir, `${name}.txt`));
    writeFileSync(join(outDir, `${name}.gold.json`), JSON.stringify(ecpoGold(truth), null, 1) + '\n');
  }
  return names;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  let dataDir = DEFAULT_DATA;
  const i = args.indexOf('--data');
  if (i >= 0) {
    dataDir = resolve(args[i + 1]);
    args.splice(i, 2);
  }
  if (!existsSync(join(dataDir, 'derived'))) {
    process.stderr.write(`ecpo-gold: no ECPO data at ${dataDir}/derived\n`);
    process.exit(2);
  }
  const outDir = args[0] ? resolve(args[0]) : mkdtempSync(join(tmpdir(), 'ecpo-gold-'));
  const names = convertAll(dataDir, outDir);
  process.stderr.write(`ecpo-gold: ${names.length} folds written\n`);
  process.stdout.write(outDir + '\n');
}
