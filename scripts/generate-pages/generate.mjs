#!/usr/bin/env node
/**
 * Generate newspaper pages of our own, with gold, deterministic from a seed.
 *
 *   node scripts/generate-pages/generate.mjs --seed 1101 --pages 24 --ocr 4 --keep-pdf 8 --out corpus/generated/tune
 *
 * Families (stories.mjs): broadsheet with a lead headline across 6–8 columns,
 * tabloid (3–4 columns), a community paper like fixtures/seed-community-p02
 * (□特约记者 bylines, 本报讯, sign-offs), and a snaking flow where stories run
 * down a column and on at the top of the next; boxed sidebars, photo + caption
 * and an ad block on some pages; kickers, ——subheadlines, column labels,
 * bylines, datelines, sign-offs; narrow (1.4 em) and normal (2.6 em) gutters;
 * simplified and traditional script. All text is generated (content.mjs).
 *
 * Per page NAME, the renderings and their gold (named as ../shared/data/dev-pages
 * names them, so `news-parse eval DIR` pairs them by itself):
 *   NAME.pdf            Chromium print-to-PDF          NAME.gold.json   (first --keep-pdf pages: ~0.6 MB each)
 *   NAME-pdf.txt        pdftotext                      NAME-pdf.gold.json
 *   NAME-layout.txt     pdftotext -layout              NAME-layout.gold.json
 *   NAME-text.txt       plain hard-wrapped text        NAME-text.gold.json
 *   NAME-ocr.txt/.hocr  Tesseract text, hOCR (--ocr)   NAME-ocr.gold.json
 *   NAME-ocr.alto.xml   Tesseract ALTO                 NAME-ocr.alto.gold.json
 * plus index.json (input, gold, page, family, script, variant, columns, gutterEm, seed).
 *
 * Tools: chromium, pdftotext/pdfinfo/pdftoppm (poppler-utils), tesseract with
 * chi_sim/chi_tra, fonts-noto-cjk. OCR runs with OMP_THREAD_LIMIT=1.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM, headlessFlags } from '../chromium.mjs';
import { convertPage, goldOf, makePage } from './stories.mjs';
import { pageHtml, pageText } from './render.mjs';

function args() {
  const out = { seed: 1, pages: 24, ocr: 0, 'keep-pdf': Infinity, out: null };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) {
    const k = argv[i].replace(/^--/, '');
    if (!(k in out)) throw new Error(`unknown option ${argv[i]}`);
    out[k] = k === 'out' ? argv[i + 1] : Number(argv[i + 1]);
  }
  if (!out.out) throw new Error('--out DIR is required');
  return out;
}

/** Which family and script each page gets: every family in both scripts, in a seeded order. */
function plan(n, seed) {
  const kinds = [
    ['broadsheet', 'hans'],
    ['tabloid', 'hans'],
    ['community', 'hans'],
    ['snake', 'hans'],
    ['broadsheet', 'hant'],
    ['tabloid', 'hant'],
    ['snake', 'hant'],
    ['community', 'hans'],
  ];
  return Array.from({ length: n }, (_, i) => kinds[(i + seed) % kinds.length]);
}

/** A page that does not fit one sheet is made again with shorter bodies, by this factor each time. */
const SHRINK = 0.82;
const MAX_TRIES = 8;

function printPdf(html, dir) {
  const htmlPath = join(dir, 'page.html');
  const pdfPath = join(dir, 'page.pdf');
  writeFileSync(htmlPath, html);
  const profile = mkdtempSync(join(tmpdir(), 'gen-chromium-'));
  try {
    execFileSync(
      CHROMIUM,
      [
        ...headlessFlags(profile),
        '--no-pdf-header-footer',
        '--print-to-pdf-no-header',
        `--print-to-pdf=${pdfPath}`,
        pathToFileURL(htmlPath).href,
      ],
      { stdio: ['ignore', 'ignore', 'ignore'] },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
  return { pdfPath, pages: Number(/^Pages:\s+(\d+)/m.exec(info)[1]) };
}

function ocr(pdfPath, dir, script) {
  execFileSync('pdftoppm', ['-r', '300', '-png', '-singlefile', pdfPath, join(dir, 'pg-1')]);
  const base = join(dir, 'ocr');
  execFileSync('tesseract', [join(dir, 'pg-1.png'), base, '-l', script === 'hant' ? 'chi_tra' : 'chi_sim', '--psm', '1', 'txt', 'hocr', 'alto'], {
    stdio: ['ignore', 'ignore', 'ignore'],
    env: { ...process.env, OMP_THREAD_LIMIT: '1' },
  });
  // The image path is the temporary folder's: reduce it to the file name, so outputs do not depend on where they were made.
  const clean = (s) => s.split(join(dir, 'pg-1.png')).join('pg-1.png');
  return { txt: readFileSync(`${base}.txt`, 'utf8'), hocr: clean(readFileSync(`${base}.hocr`, 'utf8')), alto: clean(readFileSync(`${base}.xml`, 'utf8')) };
}

async function main() {
  const opts = args();
  const outDir = resolve(opts.out);
  mkdirSync(outDir, { recursive: true });
  const { Converter } = await import('opencc-js/cn2t');
  const toTraditional = Converter({ from: 'cn', to: 'tw' });
  const index = [];
  const pages = plan(opts.pages, opts.seed);
  // OCR the smaller sheets (tabloid, community, snake: A3) — a broadsheet at 300 dpi costs Tesseract minutes.
  const ocrPages = new Set(
    pages
      .map(([family], i) => (family === 'broadsheet' ? -1 : i))
      .filter((i) => i >= 0)
      .slice(0, opts.ocr),
  );
  for (let i = 0; i < pages.length; i++) {
    const [family, script] = pages[i];
    const seed = opts.seed * 1000 + i;
    const name = `p${String(i + 1).padStart(2, '0')}-${family}-${script}`;
    const dir = mkdtempSync(join(tmpdir(), 'gen-page-'));
    try {
      let page;
      let printed;
      let scale = 1;
      for (let tries = 0; ; tries++) {
        page = makePage(seed, family, script, scale);
        if (script === 'hant') page = convertPage(page, toTraditional);
        printed = printPdf(pageHtml(page), dir);
        if (printed.pages === 1) break;
        if (tries + 1 >= MAX_TRIES) throw new Error(`${name}: still ${printed.pages} sheets after ${MAX_TRIES} tries`);
        scale *= SHRINK;
      }
      const gold = JSON.stringify(goldOf(page), null, 1) + '\n';
      const meta = { page: name, family, script, columns: page.columns, gutterEm: page.gutterEm, seed, scale: Number(scale.toFixed(3)) };
      const put = (file, text) => writeFileSync(join(outDir, file), text);
      // Chromium embeds the CJK faces as Type 3 glyph programs (~0.6 MB a page): keep the PDF of the first pages only.
      if (i < opts['keep-pdf']) {
        copyFileSync(printed.pdfPath, join(outDir, `${name}.pdf`));
        put(`${name}.gold.json`, gold);
        index.push({ input: `${name}.pdf`, gold: `${name}.gold.json`, variant: 'pdf-file', tool: 'chromium print-to-pdf', ...meta });
      }
      put(`${name}-pdf.txt`, execFileSync('pdftotext', ['-enc', 'UTF-8', printed.pdfPath, '-'], { encoding: 'utf8' }));
      put(`${name}-pdf.gold.json`, gold);
      index.push({ input: `${name}-pdf.txt`, gold: `${name}-pdf.gold.json`, variant: 'pdf', tool: 'pdftotext', ...meta });
      put(`${name}-layout.txt`, execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', printed.pdfPath, '-'], { encoding: 'utf8' }));
      put(`${name}-layout.gold.json`, gold);
      index.push({ input: `${name}-layout.txt`, gold: `${name}-layout.gold.json`, variant: 'layout', tool: 'pdftotext -layout', ...meta });
      put(`${name}-text.txt`, pageText(page));
      put(`${name}-text.gold.json`, gold);
      index.push({ input: `${name}-text.txt`, gold: `${name}-text.gold.json`, variant: 'text', tool: 'plain hard-wrapped text', width: page.textWidth, ...meta });
      if (ocrPages.has(i)) {
        const o = ocr(printed.pdfPath, dir, script);
        put(`${name}-ocr.txt`, o.txt);
        put(`${name}-ocr.hocr`, o.hocr);
        put(`${name}-ocr.alto.xml`, o.alto);
        put(`${name}-ocr.gold.json`, gold);
        put(`${name}-ocr.alto.gold.json`, gold);
        const tool = `tesseract -l ${script === 'hant' ? 'chi_tra' : 'chi_sim'} --psm 1 (300 dpi)`;
        index.push({ input: `${name}-ocr.txt`, gold: `${name}-ocr.gold.json`, variant: 'ocr', tool, ...meta });
        index.push({ input: `${name}-ocr.hocr`, gold: `${name}-ocr.gold.json`, variant: 'ocr-hocr', tool, ...meta });
        index.push({ input: `${name}-ocr.alto.xml`, gold: `${name}-ocr.alto.gold.json`, variant: 'ocr-alto', tool, ...meta });
      }
      process.stderr.write(`${name}: ${goldOf(page).articles.length} articles, ${page.columns} columns, gutter ${page.gutterEm} em, scale ${scale.toFixed(2)}${ocrPages.has(i) ? ', OCR' : ''}\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  writeFileSync(join(outDir, 'index.json'), JSON.stringify(index, null, 1) + '\n');
}

main().catch((err) => {
  process.stderr.write(`generate-pages: ${err.message}\n`);
  process.exit(1);
});
