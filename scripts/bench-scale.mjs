// npm run bench:scale — a benchmark, not a test: does parsing stay linear in the page's size?
//  1. CPU per page-equivalent for the sample page repeated 1, 4, 16, 64, 256 times (one page of text),
//     as a ratio to the single page (target ≤ 1.5× at 256 copies: every stage O(n log n) or better);
//  1b. peak RSS through the CLI on the sample page repeated 1, 16 and 256 times, each in a fresh process;
//  2. a 50 MB page of repeated articles (the sample page's articles, repeated): wall time and peak RSS
//     in a fresh process (targets: < 30 s, peak RSS ≤ 6× the page's size), through the library and
//     through the CLI (indented JSON written to a file);
//  3. hOCR and ALTO pages of very many paragraphs or lines, through the CLI: CPU, peak RSS, and CPU
//     per element against a page a quarter the size (linear ≈ 1).
// Options: --copies 1,4,16,64,256   --rss-copies 1,16,256   --mb 50   --skip-rss   --skip-big   --skip-xml   --page FILE
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const pagePath = arg('page', join(root, 'fixtures/seed-community-p02/input.txt'));
const page = readFileSync(pagePath, 'utf8');

if (process.argv[2] === '--child-big') {
  // Child: parse one big file as the CLI would (bytes → document → JSON), report wall and peak RSS.
  const { parseBytes } = await import('../dist/index.js');
  const bytes = readFileSync(process.argv[3]);
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  const doc = parseBytes(bytes);
  const json = JSON.stringify(doc);
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  console.log(JSON.stringify({ wall, cpu: (c.user + c.system) / 1e6, maxRssMB: process.resourceUsage().maxRSS / 1024, articles: doc.articles.length, jsonMB: json.length / 1e6 }));
  process.exit(0);
}

const { parse } = await import('../dist/index.js');
const cpu = (f) => {
  const c0 = process.cpuUsage();
  f();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// Warm up on the single page so the ratio compares compiled code with compiled code.
for (let i = 0; i < 300; i++) parse(page);
console.log(`sample page: ${(page.length / 1000).toFixed(1)}k characters; each ratio is the median over rounds of (CPU of k copies as one page) / (CPU of k single-page parses), the two measured back to back so that the shared machine's noise hits both`);
const copies = arg('copies', '1,4,16,64,256').split(',').map(Number);
for (const k of copies) {
  const text = Array.from({ length: k }, () => page).join('\n');
  // Each k-copy page is warmed up too: a larger page takes other paths through the code at first.
  for (let i = 0; i < Math.max(3, 64 / k); i++) parse(text);
  const rounds = k >= 64 ? 7 : 15;
  const ratios = [];
  const big = [];
  for (let r = 0; r < rounds; r++) {
    const singles = cpu(() => {
      for (let i = 0; i < k; i++) parse(page);
    });
    const one = cpu(() => parse(text));
    ratios.push(one / singles);
    big.push(one);
  }
  const ms = median(big);
  console.log(`${String(k).padStart(4)} copies: ${ms.toFixed(0).padStart(6)} ms CPU, ${(ms / k).toFixed(2)} ms per page-equivalent = ${median(ratios).toFixed(2)}× a single page (range ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}; target ≤ 1.5×)`);
}

/** Runs the CLI on `file` in a fresh process; its CPU, wall time and peak RSS (scripts/rss-at-exit.cjs). */
function cliRun(file, extra = []) {
  const out = `${file}.out.json`;
  const r = spawnSync(process.execPath, ['--require', join(root, 'scripts/rss-at-exit.cjs'), join(root, 'bin/news-parse.js'), file, '--json', '-o', out, ...extra], { encoding: 'utf8', maxBuffer: 1e6 });
  const line = r.stderr.split('\n').find((l) => l.startsWith('BENCH '));
  if (r.status !== 0 || !line) return { failed: `${r.status ?? r.signal}: ${r.stderr.split('\n').slice(0, 3).join(' ')}` };
  return JSON.parse(line.slice(6));
}

const dir = mkdtempSync(join(tmpdir(), 'np-scale-'));
try {
  if (!process.argv.includes('--skip-rss')) {
    // Peak RSS of the CLI on the k-copy page, each in a fresh process: what a page costs in memory
    // beyond Node itself (the 1-copy run is almost all Node: its multiple of a 12 KB page means little).
    writeFileSync(join(dir, 'floor.txt'), '本报讯 一行。\n');
    const floor = cliRun(join(dir, 'floor.txt'));
    const rows = [];
    for (const k of arg('rss-copies', '1,16,256').split(',').map(Number)) {
      const file = join(dir, `copies-${k}.txt`);
      writeFileSync(file, Array.from({ length: k }, () => page).join('\n'));
      const size = readFileSync(file).length / 1e6;
      const r = cliRun(file);
      rows.push(r.failed ? `${k}: failed (${r.failed})` : `${k} copies (${size.toFixed(2)} MB) ${r.maxRssMB.toFixed(0)} MB = ${(r.maxRssMB / size).toFixed(1)}×, ${((r.maxRssMB - floor.maxRssMB) / size).toFixed(1)}× over the floor`);
    }
    console.log(`peak RSS through the CLI (news-parse FILE -o OUT; the floor, a one-line page, ${floor.maxRssMB?.toFixed(0)} MB): ${rows.join('; ')}`);
  }
  if (!process.argv.includes('--skip-big')) {
    const mb = Number(arg('mb', '50'));
    const file = join(dir, 'big.txt');
    // Repeated articles: the sample page repeated as one page of many stories.
    const n = Math.ceil((mb * 1e6) / Buffer.byteLength(page));
    writeFileSync(file, Array.from({ length: n }, () => page).join('\n'));
    const bytes = readFileSync(file).length;
    const size = bytes / 1e6;
    // The library road (parseBytes + compact JSON.stringify in one process) and the CLI writing indented JSON to a file.
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child-big', file], { encoding: 'utf8', maxBuffer: 1e6 });
    if (r.status !== 0) {
      console.log(`${mb} MB page: child failed (${r.status ?? r.signal}): ${r.stderr.split('\n').slice(0, 3).join(' ')}`);
    } else {
      const lib = JSON.parse(r.stdout);
      console.log(`${size.toFixed(1)} MB page (${n} copies), parseBytes + JSON.stringify: ${lib.wall.toFixed(1)} s wall (target < 30 s), ${lib.cpu.toFixed(1)} s CPU, peak RSS ${lib.maxRssMB.toFixed(0)} MB = ${(lib.maxRssMB / size).toFixed(1)}× the page (target ≤ 6×), ${lib.articles} articles`);
    }
    const cli = cliRun(file);
    if (cli.failed) console.log(`${mb} MB page, CLI: failed (${cli.failed})`);
    else console.log(`${size.toFixed(1)} MB page, news-parse FILE -o OUT: ${cli.wall.toFixed(1)} s wall, ${cli.cpu.toFixed(1)} s CPU, peak RSS ${cli.maxRssMB.toFixed(0)} MB = ${(cli.maxRssMB / size).toFixed(1)}× the page`);
  }
  if (!process.argv.includes('--skip-xml')) {
    // Positioned pages with very many elements (issue 14 items 11, 12), each at a quarter and at the full
    // count: CPU per element at the full count over CPU per element at the quarter (linear: ~1; start-up
    // makes the small run dearer per element, so a value under 1 is usual).
    const hocr = (count) => {
      const pars = Array.from({ length: count }, (_, i) => {
        const box = `bbox 100 ${100 + i * 50} 700 ${140 + i * 50}`;
        return `<p class='ocr_par' id='p${i}' title="${box}"><span class='ocr_line' title="${box}">居民踊跃参与垃圾分类。</span></p>`;
      });
      return `<html><body><div class='ocr_page' title='bbox 0 0 800 ${200 + count * 50}'><div class='ocr_carea'>${pars.join('')}</div></div></body></html>\n`;
    };
    const alto = (lines) => `<?xml version="1.0" encoding="UTF-8"?>\n<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#"><Description><MeasurementUnit>pixel</MeasurementUnit></Description><Layout><Page ID="p1" WIDTH="2000" HEIGHT="3000"><PrintSpace><TextBlock ID="b1" HPOS="100" VPOS="100" WIDTH="800" HEIGHT="2000">${lines.join('')}</TextBlock></PrintSpace></Page></Layout></alto>\n`;
    const altoLine = (i, row, text) => {
      const attrs = `HPOS="100" VPOS="${100 + row * 50}" WIDTH="600" HEIGHT="40"`;
      return `<TextLine ID="l${i}" ${attrs}><String ${attrs} CONTENT="${text}"/></TextLine>`;
    };
    const cases = [
      ['hOCR page of N ocr_par, one line each', 150_000, 'hocr', hocr],
      ['ALTO page of N lines, each printed twice on top of itself', 130_000, 'xml', (count) => alto(Array.from({ length: count }, (_, i) => altoLine(i, i >> 1, '居民踊跃参与')))],
      ['ALTO TextBlock of N distinct lines', 100_000, 'xml', (count) => alto(Array.from({ length: count }, (_, i) => altoLine(i, i, `居民踊跃参与垃圾分类第${i}次。`)))],
    ];
    for (const [what, count, ext, make] of cases) {
      const runs = [count / 4, count].map((k) => {
        const file = join(dir, `case.${ext}`);
        writeFileSync(file, make(k));
        const size = readFileSync(file).length / 1e6;
        return { k, size, ...cliRun(file, ['--max-xml-mb', '1000']) };
      });
      const [small, full] = runs;
      if (small.failed || full.failed) {
        console.log(`${what}: failed (${small.failed ?? full.failed})`);
        continue;
      }
      console.log(
        `${what.replace('N', count.toLocaleString('en'))}: ${full.size.toFixed(1)} MB, ${full.cpu.toFixed(1)} s CPU (${full.wall.toFixed(1)} s wall), peak RSS ${full.maxRssMB.toFixed(0)} MB = ${(full.maxRssMB / full.size).toFixed(1)}× the file; CPU per element ${(full.cpu / full.k / (small.cpu / small.k)).toFixed(2)}× that of ${small.k.toLocaleString('en')}`,
      );
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
