/**
 * The reader table: which input formats news-parse reads, how a file is
 * recognised as one of them, and the reader that turns its bytes into
 * documents. ADDING A FORMAT IS ONE ROW HERE (plus its name in
 * `InputFormat`, src/core/model.ts); parse, batch, `--stdin-jsonl` and eval
 * all reach readers through src/convert/convert-page.ts, never directly.
 *
 * The contract of a row:
 *   - `format`: the `source.format` its documents record and the
 *     `--input-format` value that forces it.
 *   - `extensions`: file-name endings (lower case, with the dot) that a
 *     directory walk takes as pages of this format (batch inputs, eval cases);
 *     a file named on the command line is read whatever its name.
 *   - `sniff(head)`: true when the file's first 64 KiB (`head`, decoded as
 *     latin1 with NULs removed, so ASCII markers of UTF-16 files show) are
 *     this format. Rows are tried in table order; the last row (text) takes
 *     whatever no other row claims.
 *   - `load()`: imports the reader with `import()`, so that a run loads only
 *     the readers (and their libraries: fast-xml-parser, pdf.js) its inputs
 *     need. It resolves to a `Reader`.
 *
 * A `Reader(bytes, ctx)` returns (or resolves to) either
 *   - one `PageRead` `{ document, lines }` — a one-page format (text, ALTO,
 *     hOCR); `lines` are the numbered input lines the core read (with their
 *     layout hints), which the review page shows beside the articles; or
 *   - one `PendingRead` `{ run }` — the same, its bytes decoded and the core
 *     not yet run: `run()` gives the `PageRead`. The road lets go of the
 *     bytes before it calls `run()` (src/convert/convert-page.ts), so they are
 *     not held through the parse (a 50 MB text page's bytes are 50 MB at the
 *     parse's peak); the text reader answers so; or
 *   - an `AsyncIterable<ReadPage>` — a format whose file holds several pages
 *     (PDF): one `{ page, document, lines }` per page, in page order, produced
 *     one at a time so that memory stays bounded by one page; a page that
 *     cannot be read is `{ page, failure }` and the iteration may go on.
 *     `page` is the 1-based page index in the file.
 * Input that cannot be used at all (binary, undecodable, hostile XML, not a
 * PDF after all) is an `UnusableInputError` (src/index.ts) thrown by the
 * reader, with a reason in words for the user. Readers run the core
 * themselves (`parseTextLines`, `documentFromLayout`; a pending read in its
 * `run()`) with `ctx.parse`; the road does everything after: profile name in
 * `tool.options`, `--convert`, the schema check. `ctx.settings` holds every
 * conversion option (add a field to `ConvertSettings` for a format-specific
 * option such as PDF `--pages`).
 */
import { parseTextLines, readTextLines, type TextLines } from '../index.js';
import { diagnostic } from '../core/messages.js';
import type { InputFormat, InputLine, NewsDocument } from '../core/model.js';
import type { ParseOptions } from '../core/options.js';
import { binaryHead } from '../core/decode.js';
import type { ConvertSettings } from './settings.js';

export interface ReadContext {
  /** What the core needs: source path, keepSpacing, the profile's markers. */
  parse: ParseOptions;
  /** Every conversion option, as the run was given them. */
  settings: ConvertSettings;
}

/** A page as read: its document, and the numbered input lines it was made from. */
export interface PageRead {
  document: NewsDocument;
  lines: InputLine[];
}

/** One page of a multi-page file: its document and lines, or why it could not be read. */
export type ReadPage = ({ page: number } & PageRead) | { page: number; failure: string };

/** A one-page read whose core has not run yet (see the module comment): the bytes are decoded and no longer needed. */
export interface PendingRead {
  run: () => PageRead;
}

export type ReaderOutput = PageRead | PendingRead | AsyncIterable<ReadPage>;

export type Reader = (bytes: Uint8Array, ctx: ReadContext) => ReaderOutput | Promise<ReaderOutput>;

export interface ReaderRow {
  format: InputFormat;
  extensions: readonly string[];
  sniff: (head: string) => boolean;
  load: () => Promise<Reader>;
}

/** The XML readers' size limit, only when the run set one (the readers have their default). */
function xmlLimits(settings: ConvertSettings): { maxXmlMb?: number } {
  return settings.maxXmlMb !== null ? { maxXmlMb: settings.maxXmlMb } : {};
}

const encodingOf = (settings: ConvertSettings): string | undefined => settings.encoding ?? undefined;

export const READERS: readonly ReaderRow[] = [
  {
    // First: a PDF's binary body may hold any ASCII. The header may follow up to 1 KiB of junk (PDF 32000-1, 7.5.2).
    format: 'pdf',
    extensions: ['.pdf'],
    sniff: (head) => head.slice(0, 1024).includes('%PDF-'),
    load: async () => {
      const { readPdf } = await import('../io/read-pdf.js');
      return (bytes, ctx) => readPdf(bytes, ctx.parse, ctx.settings.pages);
    },
  },
  {
    format: 'alto',
    extensions: ['.xml'],
    sniff: (head) => /<(?:[\w-]+:)?alto[\s>]/u.test(head),
    load: async () => {
      const [{ readAlto }, { documentFromLayout }] = await Promise.all([import('../io/read-alto.js'), import('../io/layout-document.js')]);
      return (bytes, ctx) => {
        const read = readAlto(bytes, xmlLimits(ctx.settings), encodingOf(ctx.settings));
        return { document: documentFromLayout(read, bytes, 'alto', ctx.parse), lines: read.lines };
      };
    },
  },
  {
    format: 'hocr',
    extensions: ['.hocr', '.hocr.html', '.hocr.htm'],
    sniff: (head) => /ocr_page|ocrx_word|ocr_line/u.test(head),
    load: async () => {
      const [{ readHocr }, { documentFromLayout }] = await Promise.all([import('../io/read-hocr.js'), import('../io/layout-document.js')]);
      return (bytes, ctx) => {
        const read = readHocr(bytes, xmlLimits(ctx.settings), encodingOf(ctx.settings));
        return { document: documentFromLayout(read, bytes, 'hocr', ctx.parse), lines: read.lines };
      };
    },
  },
  {
    // Last: plain text takes whatever no other row claims.
    format: 'text',
    extensions: ['.txt'],
    sniff: () => true,
    load: async () => {
      const { readLayoutText } = await import('../io/read-layout-text.js');
      // Decoded here, parsed by run(): the bytes are let go of before the core runs (PendingRead).
      return (bytes, ctx): PendingRead => {
        const read = readTextLines(bytes, { path: ctx.parse.path ?? null, ...(ctx.settings.encoding ? { encoding: ctx.settings.encoding } : {}) });
        return { run: () => textPage(read, ctx, readLayoutText) };
      };
    },
  },
];

/** A decoded text page through the core: on the text road, or (pdftotext -layout text) as positioned pieces. */
function textPage(read: TextLines, ctx: ReadContext, readLayoutText: typeof import('../io/read-layout-text.js').readLayoutText): PageRead {
  // pdftotext -layout text (columns side by side, padded with spaces) is read as positioned pieces,
  // unless --input-format text asks for the text road.
  const placed = ctx.settings.inputFormat === 'auto' ? readLayoutText(read.lines, ctx.parse.markers) : null;
  if (!placed) return { document: parseTextLines(read, ctx.parse), lines: read.lines };
  // The decoding's repairs name input lines; the core numbers the pieces (their rows' first to last piece).
  const pieces = new Map<number, [number, number]>();
  placed.rows.forEach((row, i) => {
    const range = pieces.get(row);
    pieces.set(row, range ? [range[0], i + 1] : [i + 1, i + 1]);
  });
  const repairs = read.repairs.map((r) => ({ ...r, lines: [pieces.get(r.lines[0])?.[0] ?? 1, pieces.get(r.lines[1])?.[1] ?? placed.lines.length] as [number, number] }));
  const source = { ...read.source, lines: placed.lines.length, lineIds: placed.lineIds };
  const document = parseTextLines({ lines: placed.lines, source, repairs, warnings: read.warnings }, { ...ctx.parse, format: 'text' });
  document.warnings.push(diagnostic('LAYOUT_TEXT_PLACED', { detail: placed.detail }));
  return { document, lines: placed.lines };
}

/** How much of a file's start the sniffers look at (after an XML prolog). */
export const SNIFF_WINDOW = 65536;

/**
 * How far into a file the sniffer looks for the root element past an XML
 * prolog — the declaration, processing instructions, comments, the DOCTYPE:
 * a producer's licence or provenance comment can run to tens of KiB (a 70 KiB
 * comment hid a valid ALTO page from a 64 KiB window); 1 MiB is far more than
 * any prolog, and bounds the work for a file that is one endless comment.
 */
export const MAX_XML_PROLOG = 1 << 20;

/** Where the root element starts after an XML prolog in `s`: its index; 0 when `s` is not XML; -1 when the prolog does not end within `s`. */
export function prologEnd(s: string): number {
  let i = 0;
  if (s.startsWith('\u00ef\u00bb\u00bf')) i = 3; // UTF-8 BOM as latin1
  else if (s.charCodeAt(0) === 0xfeff || s.charCodeAt(0) === 0xfffe || s.startsWith('\u00ff\u00fe') || s.startsWith('\u00fe\u00ff')) i = s.charCodeAt(0) > 0xff ? 1 : 2;
  const skipSpace = () => {
    while (i < s.length && (s[i] === ' ' || s[i] === '\n' || s[i] === '\r' || s[i] === '\t')) i++;
  };
  skipSpace();
  if (s[i] !== '<') return 0;
  for (;;) {
    skipSpace();
    if (i >= s.length) return -1;
    // Each step finds where its part ends (past it), or -1 when that is beyond `s`.
    const past = (at: number, marker: string) => (at === -1 ? -1 : ((k) => (k === -1 ? -1 : k + marker.length))(s.indexOf(marker, at)));
    let end: number;
    if (s.startsWith('<?', i)) end = past(i + 2, '?>');
    else if (s.startsWith('<!--', i)) end = past(i + 4, '-->');
    else if (s.startsWith('<!DOCTYPE', i) || s.startsWith('<!doctype', i)) {
      const subset = s.indexOf('[', i);
      const close = s.indexOf('>', i);
      end = subset !== -1 && (close === -1 || subset < close) ? past(past(subset, ']'), '>') : past(i, '>');
    } else return s[i] === '<' ? i : 0;
    if (end === -1) return -1; // the prolog runs on past `s`
    i = end;
  }
}

/**
 * The part of a file the sniffers read: its first SNIFF_WINDOW bytes as
 * latin1 (the markers are ASCII; latin1 maps bytes one to one and is the
 * cheapest decoding; NULs dropped, so the markers of UTF-16 show), or, for
 * XML, the SNIFF_WINDOW from its root element on, past a prolog of up to
 * MAX_XML_PROLOG.
 */
export function sniffHead(bytes: Uint8Array): string {
  const latin1 = (n: number) => {
    const s = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, n)).toString('latin1');
    return s.includes('\u0000') ? s.replace(/\u0000/gu, '') : s; // UTF-16
  };
  let head = latin1(SNIFF_WINDOW);
  let start = prologEnd(head);
  if (start === -1 && bytes.length > SNIFF_WINDOW) {
    head = latin1(MAX_XML_PROLOG + SNIFF_WINDOW);
    start = prologEnd(head);
  }
  return start > 0 ? head.slice(start, start + SNIFF_WINDOW) : head.slice(0, SNIFF_WINDOW);
}

/** The format of `bytes`, from their head (`sniffHead`: the first row whose `sniff` takes it). */
export function sniffFormat(bytes: Uint8Array, readers: readonly ReaderRow[] = READERS): InputFormat {
  const head = sniffHead(bytes);
  for (const row of readers) if (row.sniff(head)) return row.format;
  return 'text';
}

/**
 * The format of a named file: its content decides, except that a name ending
 * in `.pdf` is taken at its word — reading a damaged or mislabelled PDF as
 * text would bury the mistake in a document of binary noise.
 */
export function formatOf(bytes: Uint8Array, path: string | null, readers: readonly ReaderRow[] = READERS): InputFormat {
  if (path !== null && path.toLowerCase().endsWith('.pdf') && readers.some((r) => r.format === 'pdf')) return 'pdf';
  return sniffFormat(bytes, readers);
}

/**
 * Names of the files that sit beside pages in an archive or a download and
 * are never pages: read-me, licence and provenance notes (`SOURCE.txt`).
 */
const NOT_PAGE_NAMES = new Set(['readme', 'license', 'licence', 'copying', 'copyright', 'notice', 'authors', 'changes', 'changelog', 'contributing', 'source', 'sources']);

/**
 * Why a file that a folder walk or a glob found is not a page, or null when
 * it may be one: such files are skipped with this reason (said in the batch
 * summary) instead of "converted" into a document of 0 articles. Files named
 * on the command line are never asked: they are read whatever they hold.
 * `head` is the file's start (at least SNIFF_WINDOW bytes, or
 * MAX_XML_PROLOG + SNIFF_WINDOW to see past an XML prolog).
 */
export function notAPage(head: Uint8Array, name: string): string | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.pdf')) return null; // the PDF reader says what is wrong with a bad one
  if (NOT_PAGE_NAMES.has(stripPageExtension(lower))) return 'a read-me, licence or source note (by its name), not a page';
  const binary = binaryHead(head);
  if (binary) return `${binary}, not a page`;
  const text = sniffHead(head);
  if (formatOfHead(text) !== 'text') return null;
  const root = xmlRootName(text);
  if (root !== null) {
    if (/^(?:[\w.-]+:)?mets$/iu.test(root)) return 'a METS file (the structure of an issue, not a page; give the ALTO pages it points to)';
    return `XML, but neither ALTO nor hOCR (its root element is <${root}>), not a page`;
  }
  if (/^\s*(?:\{\s*(?:"|\})|\[\s*(?:[-\d"{[\]]|true|false|null))/u.test(text)) return 'JSON (data, or a document news-parse wrote), not a page';
  return null;
}

/** The name of the root element `head` (from sniffHead) starts with, or null when it does not start with an element. */
function xmlRootName(head: string): string | null {
  const m = /^\s*(?:\u00ef\u00bb\u00bf|\u00ff\u00fe|\u00fe\u00ff)?\s*<([A-Za-z_][\w.:-]*)/u.exec(head);
  return m ? m[1]! : null;
}

function formatOfHead(head: string): InputFormat {
  for (const row of READERS) if (row.sniff(head)) return row.format;
  return 'text';
}

/** The row of a format. */
export function readerRow(format: InputFormat, readers: readonly ReaderRow[] = READERS): ReaderRow {
  const row = readers.find((r) => r.format === format);
  if (!row) throw new Error(`no reader for input format ${format}`);
  return row;
}

/**
 * Whether a directory walk (batch inputs, eval cases) takes a file of this
 * name as a page: its name ends in one of a reader's extensions. A plain
 * `.html` is not taken (most are not pages); hOCR saved as HTML is `x.hocr.html`.
 */
export function isPageFile(name: string): boolean {
  const lower = name.toLowerCase();
  return READERS.some((row) => row.extensions.some((ext) => lower.endsWith(ext)));
}

/** The name of a page file without its page extension (`p.hocr.html` → `p`); the name itself when it has none. */
export function stripPageExtension(name: string): string {
  const lower = name.toLowerCase();
  let longest = 0;
  for (const row of READERS) for (const ext of row.extensions) if (lower.endsWith(ext) && ext.length > longest) longest = ext.length;
  return name.slice(0, name.length - longest);
}
