/**
 * pdf.js's worker module as news-parse runs it: pdfjs-dist's own
 * legacy/build/pdf.worker.mjs with two edits, each made only where the text
 * it replaces is found exactly once (otherwise that one is left out: slower,
 * never wrong), and tests/pdf/text-worker.test.ts fails so someone looks.
 *
 * 1. The glyph programs of Type 3 fonts are not parsed. A Type 3 font draws
 *    each glyph with a content stream of its own, and pdf.js reads every one
 *    of them (inflates it, parses it into an operator list, sends that list
 *    across its port) when the font is first used, to paint the glyph later.
 *    news-parse never paints: it takes a glyph's code, Unicode, width and
 *    position from the page's own operator list, and of the font only its
 *    name and matrix. Chromium writes its PDFs' text in Type 3 fonts (232 on
 *    a dev-pages broadsheet page), and their glyph programs were ~40 % of the
 *    page's time (450 → 270 ms of CPU for pdf.js's operator list, same
 *    documents on all dev-pages and fixture PDFs). The loop over a font's
 *    CharProcs runs over no keys; CharProcs is still read, so a font without
 *    one fails as before.
 *
 * 2. Short names are looked up by their bytes. Those Type 3 fonts each have
 *    an /Encoding /Differences array of up to 256 glyph names (/g0 /g1A …):
 *    ~57,000 names on that page, and pdf.js's Lexer.getName built each one
 *    character by character in an array, joined it, and hashed the new
 *    string to find its Name — a fifth of pdf.js's time on the page. A name
 *    of at most 6 bytes without `#` escapes is now found in a map keyed by
 *    its bytes (the Name pdf.js's own Name.get gave for it, checked against
 *    pdf.js's name cache, which pdf.js may empty); longer names and escapes
 *    take pdf.js's loop, with the bytes already read put in first.
 *
 * 3. No font hash for Type 3 fonts. pdf.js hashes each font's encoding,
 *    ToUnicode bytes and widths to find fonts of one FontDescriptor with the
 *    same contents and translate them once. Chromium's ~230 Type 3 fonts a
 *    page share three descriptors and differ in contents, so the hashes of a
 *    page (~0.5 MB of strings and bytes through a JavaScript MurmurHash) found
 *    nothing. A Type 3 font is now its own, as one without a descriptor
 *    always was: a PDF that repeats one costs a second translation, never a
 *    different glyph.
 *
 * 4. Character codes by number. _simpleFontToUnicode (each simple font's
 *    fallback Unicode) and extractWidths (is the font monospaced?) walked
 *    their arrays of up to 256 codes with for-in, which makes each index a
 *    string and looks the entry up by it — for each font of the page. The
 *    same walks now run over the indices as numbers, holes skipped as for-in
 *    skipped them; a longer or sparse array keeps its string keys.
 *
 * Measured together (3 and 4, appledaily-01, instructions of all threads,
 * cachegrind, which the machine's load does not move): a read of the page
 * 1,732 → 1,675 million (−3 %; reads 3–5 of one process), the first read
 * 5,722 → 5,455 million; documents byte-identical on all 55 PDF pages of
 * dev-pages, corpus/generated/tune, fixtures and tests.
 *
 * The module is pdf.js's file imported from a data: URL (its only use of its
 * own URL is the wasm decoders' directory, which news-parse never loads:
 * images are not decoded).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * One edit of the worker's source: `original` must occur exactly once, and each of `relies` (what the
 * replacement uses from elsewhere in the file) at least once, or the edit is left out.
 */
export interface WorkerEdit {
  name: string;
  original: string;
  replacement: string;
  relies?: readonly string[];
}

/** TranslatedFont.loadType3Data's loop over the font's glyph programs (pdfjs-dist 5.6). */
export const GLYPH_PROGRAM_LOOP = 'for (const key of charProcs.getKeys()) {';

/** Lexer.getName's opening, up to its loop over the name's characters (pdfjs-dist 5.6). */
export const GET_NAME_OPENING = `  getName() {
    let ch, previousCh;
    const strBuf = this.strBuf;
    strBuf.length = 0;
    while ((ch = this.nextChar()) >= 0 && !specialChars[ch]) {
`;

/** Names this long or shorter are looked up by their bytes (6 bytes and a 3-bit length stay an exact integer). */
const SHORT_NAME = 6;

/*
 * The loop over the rest of the name is pdf.js's own loop body as a for loop:
 * `continue` then reads the next character, as pdf.js's while condition did.
 * `bytes` holds the name's bytes read so far, big-endian; the key adds their
 * count, so "g" and "\0g" differ.
 */
const GET_NAME_BY_BYTES = `  getName() {
    let ch = this.nextChar(), previousCh;
    let bytes = 0, count = 0;
    while (ch >= 0 && !specialChars[ch] && ch !== 0x23 && count < ${SHORT_NAME}) {
      bytes = bytes * 256 + ch;
      count++;
      ch = this.nextChar();
    }
    const byBytes = Lexer.namesByBytes ||= new Map();
    if (ch < 0 || specialChars[ch]) {
      const key = bytes * 8 + count;
      let name = byBytes.get(key);
      if (name === undefined || NameCache[name.name] !== name) {
        if (name !== undefined) byBytes.clear();
        let text = "";
        for (let i = count - 1; i >= 0; i--) text += String.fromCharCode(Math.floor(bytes / 256 ** i) % 256);
        name = Name.get(text);
        byBytes.set(key, name);
      }
      return name;
    }
    const strBuf = this.strBuf;
    strBuf.length = 0;
    for (let i = count - 1; i >= 0; i--) strBuf.push(String.fromCharCode(Math.floor(bytes / 256 ** i) % 256));
    for (; ch >= 0 && !specialChars[ch]; ch = this.nextChar()) {
`;

/** PartialEvaluator.preEvaluateFont's opening of the font hash (pdfjs-dist 5.6). */
export const FONT_HASH_OPENING = `    if (descriptor) {
      hash = new MurmurHash3_64();`;

/** PartialEvaluator._simpleFontToUnicode's two loops over character codes, up to the second one's first test (pdfjs-dist 5.6). */
export const SIMPLE_FONT_CODE_LOOPS = `    for (const charcode in differences) {
      const glyphName = differences[charcode];
      if (glyphName === ".notdef") {
        continue;
      }
      encoding[charcode] = glyphName;
    }
    const glyphsUnicodeMap = getGlyphsUnicode();
    for (const charcode in encoding) {
      let glyphName = encoding[charcode];
      if (glyphName === "") {`;

/** Simple fonts have one-byte codes: up to this many entries an array's codes are walked by number. */
const SIMPLE_FONT_CODES = 256;

/*
 * The same loops over the codes as numbers. for-in made each index of the
 * 256-entry encoding a string and looked it up by that string, for each font
 * of the page. An array's keys() also visits its holes, which for-in skipped:
 * both arrays hold only strings, so undefined is a hole and is skipped too. A
 * longer (sparse) array, from a damaged /Differences, keeps for-in's keys.
 */
const SIMPLE_FONT_CODE_LOOPS_BY_NUMBER = `    const codesOf = (a) => a.length <= ${SIMPLE_FONT_CODES} ? a.keys() : Object.keys(a);
    for (const charcode of codesOf(differences)) {
      const glyphName = differences[charcode];
      if (glyphName === undefined || glyphName === ".notdef") {
        continue;
      }
      encoding[charcode] = glyphName;
    }
    const glyphsUnicodeMap = getGlyphsUnicode();
    for (const charcode of codesOf(encoding)) {
      let glyphName = encoding[charcode];
      if (glyphName === undefined || glyphName === "") {`;

/** PartialEvaluator.extractWidths' loop over the widths to see whether the font is monospaced (pdfjs-dist 5.6). */
export const WIDTHS_LOOP = '    for (const glyph in glyphsWidths) {';

/*
 * The same walk by number over an array of up to 256 widths (holes are undefined, which the loop skips as it
 * skips a width of 0); other widths (a composite font's, an object from the standard metrics) keep their keys.
 */
const WIDTHS_LOOP_BY_NUMBER = `    for (const glyph of Array.isArray(glyphsWidths) && glyphsWidths.length <= ${SIMPLE_FONT_CODES} ? glyphsWidths.keys() : Object.keys(glyphsWidths)) {`;

export const WORKER_EDITS: readonly WorkerEdit[] = [
  // getKeys() is still called (a font without CharProcs fails as before); the loop then runs over no keys.
  { name: 'no Type 3 glyph programs', original: GLYPH_PROGRAM_LOOP, replacement: 'for (const key of (charProcs.getKeys(), [])) {' },
  {
    name: 'short names by their bytes',
    original: GET_NAME_OPENING,
    replacement: GET_NAME_BY_BYTES,
    // The replacement checks a cached Name against pdf.js's name cache and makes new ones with Name.get: a
    // pdf.js that renames or reshapes either would throw on every name, so then the edit is not made.
    relies: ['let NameCache = Object.create(null);', 'return NameCache[name] ||= new Name(name);', '\nclass Lexer {', '\nconst specialChars = ['],
  },
  {
    name: 'no font hash for Type 3 fonts',
    original: FONT_HASH_OPENING,
    replacement: `    if (descriptor && type.name !== "Type3") {
      hash = new MurmurHash3_64();`,
    // The hash only finds fonts of one FontDescriptor with the same contents, to translate them once (loadFont's
    // fontAliases); without it each Type 3 font is its own, as when it has no descriptor.
    relies: ['if (hash && descriptor instanceof Dict) {'],
  },
  { name: 'simple font codes by number', original: SIMPLE_FONT_CODE_LOOPS, replacement: SIMPLE_FONT_CODE_LOOPS_BY_NUMBER },
  { name: 'widths by number', original: WIDTHS_LOOP, replacement: WIDTHS_LOOP_BY_NUMBER },
];

/** pdf.js's worker module source. */
export function originalWorkerSource(): string {
  return readFileSync(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs'), 'utf8');
}

/** The worker's source with each edit whose original text occurs exactly once, and the names of those made. */
export function textWorkerSource(original = originalWorkerSource()): { source: string; made: string[] } {
  let source = original;
  const made: string[] = [];
  for (const edit of WORKER_EDITS) {
    const at = source.indexOf(edit.original);
    if (at < 0 || source.indexOf(edit.original, at + 1) >= 0) continue;
    if (edit.relies?.some((text) => !source.includes(text))) continue;
    source = source.slice(0, at) + edit.replacement + source.slice(at + edit.original.length);
    made.push(edit.name);
  }
  return { source, made };
}

/** The worker module to hand to pdf.js (globalThis.pdfjsWorker). */
export async function importTextWorker(): Promise<unknown> {
  const { source, made } = textWorkerSource();
  if (made.length === 0) return import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  try {
    return await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);
  } catch {
    // An edited module that does not load (a pdf.js this file was not read against) costs speed, never a page.
    return import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  }
}
