/**
 * pdf.js's worker module as news-parse runs it: pdfjs-dist's own
 * legacy/build/pdf.worker.mjs with one loop cut — the glyph programs of Type 3
 * fonts are not parsed.
 *
 * Why: a Type 3 font draws each glyph with a content stream of its own, and
 * pdf.js reads every one of them (inflates it, parses it into an operator
 * list, sends that list across its port) when the font is first used, to
 * paint the glyph later. news-parse never paints: it takes a glyph's code,
 * Unicode, width and position from the page's own operator list, and of the
 * font only its name and matrix. Chromium writes its PDFs' text in Type 3
 * fonts (167 on a dev-pages broadsheet page), and their glyph programs were
 * ~40 % of the page's time (450 → 270 ms of CPU for pdf.js's operator list,
 * same documents on all dev-pages and fixture PDFs).
 *
 * The cut: the loop over a font's CharProcs runs over no keys. CharProcs is
 * still read, so a font without one fails as before. The module is pdf.js's
 * file imported from a data: URL (its only use of its own URL is the wasm
 * decoders' directory, which news-parse never loads: images are not decoded).
 * When pdfjs-dist changes that line, the file is imported unchanged — slower,
 * never wrong — and tests/pdf/text-worker.test.ts fails so someone looks.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** TranslatedFont.loadType3Data's loop over the font's glyph programs (pdfjs-dist 5.6). */
export const GLYPH_PROGRAM_LOOP = 'for (const key of charProcs.getKeys()) {';
// getKeys() is still called (a font without CharProcs fails as before); the loop then runs over no keys.
const NO_GLYPH_PROGRAMS = 'for (const key of (charProcs.getKeys(), [])) {';

/** The worker module's source with the cut made, or null when pdfjs-dist no longer has that loop once. */
export function textWorkerSource(): string | null {
  const source = readFileSync(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs'), 'utf8');
  const at = source.indexOf(GLYPH_PROGRAM_LOOP);
  if (at < 0 || source.indexOf(GLYPH_PROGRAM_LOOP, at + 1) >= 0) return null;
  return source.slice(0, at) + NO_GLYPH_PROGRAMS + source.slice(at + GLYPH_PROGRAM_LOOP.length);
}

/** The worker module to hand to pdf.js (globalThis.pdfjsWorker). */
export async function importTextWorker(): Promise<unknown> {
  const source = textWorkerSource();
  if (source === null) return import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  return import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);
}
