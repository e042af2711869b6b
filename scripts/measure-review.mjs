#!/usr/bin/env node
/**
 * Size and render time of review pages: `node scripts/measure-review.mjs PAGE…`
 * (after `npm run build`). For each page it writes the review HTML to a
 * temporary folder (never into the repository: pages measured here may be
 * copyrighted), prints its size, and loads it in headless Chromium five
 * times with a probe that forces style and layout and reads
 * performance.now() — the time from navigation start to a laid-out page.
 * Prints the median and range, beside the same figure for an empty page
 * (what any page costs on this machine). Needs /usr/bin/chromium (or $CHROMIUM).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM, headlessFlags } from './chromium.mjs';

const RUNS = 5;
const { convertPage } = await import('../dist/convert/convert-page.js');
const { defaultSettings } = await import('../dist/convert/settings.js');
const { writeHtml } = await import('../dist/report/write-html.js');

async function review(path) {
  const bytes = readFileSync(path);
  const result = await convertPage({ path, bytes }, defaultSettings(process.cwd()));
  if (!result.document) throw new Error(`${path}: ${result.failure.reason}`);
  return { document: result.document, html: writeHtml(result.document, result.lines) };
}

const PROBE = `document.body.getBoundingClientRect();document.querySelectorAll('.l').length;var t=performance.now();var p=document.createElement('pre');p.id='took';p.textContent=String(t);document.body.appendChild(p);`;
const hash = createHash('sha256').update(PROBE).digest('base64');

/** Median and range of the probe's time over RUNS loads of `html`. */
function layoutTimes(dir, html) {
  const file = join(dir, 'page.html');
  writeFileSync(file, html.replace('script-src ', `script-src &#39;sha256-${hash}&#39; `).replace('</body>', `<script>${PROBE}</script>\n</body>`));
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const out = execFileSync(
      CHROMIUM,
      [...headlessFlags(join(dir, `profile${i}`)), '--window-size=1400,900', '--dump-dom', pathToFileURL(file).href],
      { maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] },
    ).toString();
    const m = /<pre id="took">([\d.]+)<\/pre>/.exec(out);
    if (m) times.push(Number(m[1]));
  }
  times.sort((a, b) => a - b);
  return `${times[Math.floor(times.length / 2)]?.toFixed(0)} ms median (${times[0]?.toFixed(0)}–${times.at(-1)?.toFixed(0)}, ${times.length} runs)`;
}

const dir = mkdtempSync(join(tmpdir(), 'news-parse-measure-'));
try {
  const empty = `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="script-src 'none'"></head><body></body></html>`;
  console.log(`empty page: laid out in Chromium ${layoutTimes(dir, empty)}`);
  for (const path of process.argv.slice(2)) {
    const t0 = performance.now();
    const { document, html } = await review(path);
    const writeMs = performance.now() - t0;
    const boxes = (html.match(/data-l="/g) ?? []).length;
    console.log(
      `${path}: ${document.source.lines} lines, ${boxes} boxes, ${document.articles.length} articles; HTML ${(Buffer.byteLength(html) / 1024).toFixed(0)} KiB ` +
        `(converted and written in ${writeMs.toFixed(0)} ms); laid out in Chromium ${layoutTimes(dir, html)}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
