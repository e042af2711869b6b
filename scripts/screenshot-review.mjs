#!/usr/bin/env node
/**
 * `npm run screenshot:review`: the review page of each sample page, as the
 * CLI writes it (`news-parse FILE --format html`), photographed by headless
 * Chromium into docs/review-<fixture>.png (1280×800, what the README shows).
 * Needs /usr/bin/chromium (or $CHROMIUM). Only fixtures written for this
 * project are photographed: the pictures are committed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHROMIUM, headlessFlags } from './chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PAGES = ['seed-community-p02/input.txt', 'alto-two-columns/input.xml'];

const dir = mkdtempSync(join(tmpdir(), 'news-parse-shots-'));
try {
  for (const page of PAGES) {
    const name = dirname(page);
    const html = join(dir, `${name}.html`);
    execFileSync(process.execPath, [join(root, 'bin', 'news-parse.js'), `fixtures/${page}`, '--format', 'html', '-o', html], { cwd: root, stdio: 'inherit' });
    const png = join(root, 'docs', `review-${name}.png`);
    execFileSync(
      CHROMIUM,
      [...headlessFlags(join(dir, 'profile')), '--hide-scrollbars', '--window-size=1280,800', `--screenshot=${png}`, pathToFileURL(html).href],
      { stdio: ['ignore', 'ignore', 'ignore'] },
    );
    console.log(`docs/review-${name}.png (${Math.round(statSync(png).size / 1024)} KiB)`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
