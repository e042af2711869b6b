// npm run bench:scale — a benchmark, not a test: does parsing stay linear in the page's size?
//  1. CPU per page-equivalent for the sample page repeated 1, 4, 16, 64, 256 times (one page of text),
//     as a ratio to the single page (target ≤ 1.5× at 256 copies: every stage O(n log n) or better);
//  2. a 50 MB page of repeated articles (the sample page's articles, repeated): wall time and peak RSS
//     in a fresh process (targets: < 30 s, peak RSS ≤ 6× the page's size).
// Options: --copies 1,4,16,64,256   --mb 50   --skip-big   --page FILE
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
  const doc = parseBytes(bytes);
  const json = JSON.stringify(doc);
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(JSON.stringify({ wall, maxRssMB: process.resourceUsage().maxRSS / 1024, articles: doc.articles.length, jsonMB: json.length / 1e6 }));
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

if (!process.argv.includes('--skip-big')) {
  const mb = Number(arg('mb', '50'));
  const dir = mkdtempSync(join(tmpdir(), 'np-scale-'));
  const file = join(dir, 'big.txt');
  // Repeated articles: the page body without its masthead lines, so the big page is one page of many stories.
  const n = Math.ceil((mb * 1e6) / Buffer.byteLength(page));
  writeFileSync(file, Array.from({ length: n }, () => page).join('\n'));
  const bytes = readFileSync(file).length;
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child-big', file], { encoding: 'utf8', maxBuffer: 1e6 });
  rmSync(dir, { recursive: true, force: true });
  if (r.status !== 0) {
    console.log(`${mb} MB page: child failed (${r.status ?? r.signal}): ${r.stderr.split('\n').slice(0, 3).join(' ')}`);
  } else {
    const out = JSON.parse(r.stdout);
    console.log(
      `${(bytes / 1e6).toFixed(1)} MB page (${n} copies): ${out.wall.toFixed(1)} s wall (target < 30 s), peak RSS ${out.maxRssMB.toFixed(0)} MB = ${(out.maxRssMB / (bytes / 1e6)).toFixed(1)}× the page (target ≤ 6×), ${out.articles} articles`,
    );
  }
}
