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
 *   - an `AsyncIterable<ReadPage>` — a format whose file holds several pages
 *     (PDF): one `{ page, document, lines }` per page, in page order, produced
 *     one at a time so that memory stays bounded by one page; a page that
 *     cannot be read is `{ page, failure }` and the iteration may go on.
 *     `page` is the 1-based page index in the file.
 * Input that cannot be used at all (binary, undecodable, hostile XML, not a
 * PDF after all) is an `UnusableInputError` (src/index.ts) thrown by the
 * reader, with a reason in words for the user. Readers run the core
 * themselves (`parseTextLines`, `documentFromLayout`) with
 * `ctx.parse`; the road does everything after: profile name in
 * `tool.options`, `--convert`, the schema check. `ctx.settings` holds every
 * conversion option (add a field to `ConvertSettings` for a format-specific
 * option such as PDF `--pages`).
 */
import { parseTextLines, readTextLines } from '../index.js';
import type { InputFormat, InputLine, NewsDocument } from '../core/model.js';
import type { ParseOptions } from '../core/options.js';
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

export type ReaderOutput = PageRead | AsyncIterable<ReadPage>;

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
    load: async () => (bytes, ctx) => {
      const read = readTextLines(bytes, { path: ctx.parse.path ?? null, ...(ctx.settings.encoding ? { encoding: ctx.settings.encoding } : {}) });
      return { document: parseTextLines(read, ctx.parse), lines: read.lines };
    },
  },
];

/** The format of `bytes`, from their first 64 KiB (the first row whose `sniff` takes them). */
export function sniffFormat(bytes: Uint8Array, readers: readonly ReaderRow[] = READERS): InputFormat {
  // The markers are ASCII: latin1 maps bytes one to one and is the cheapest decoding.
  let head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 65536)).toString('latin1');
  if (head.includes('\u0000')) head = head.replace(/\u0000/gu, ''); // UTF-16
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
