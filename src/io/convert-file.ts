/**
 * One page file to one document, chosen by extension. The batch workers call
 * `readDocument` for every page; it is the one place where a new input format
 * is routed to its reader.
 *
 * Plain text goes through `readTextLines` and the core; ALTO and hOCR through
 * their readers and `documentFromLayout`. `readPage` also hands back the lines
 * the core read (with their layout hints), which the review page shows beside
 * the articles: the document itself holds line numbers only.
 */
import { readTextLines, parseLines } from '../index.js';
import type { InputFormat, InputLine, NewsDocument } from '../core/model.js';
import type { MarkerSet } from '../core/markers.js';
import { sniffFormat } from './sniff-format.js';

export interface ReadDocumentOptions {
  /** Decode with this encoding instead of detecting it. */
  encoding?: string;
  /** Keep the spaces extraction put between CJK and Latin/digits. */
  keepSpacing?: boolean;
  /** Path recorded in `source.path` (default: the path read); null for none. */
  sourcePath?: string | null;
  /** Input format; `auto` (the default) sniffs the content (`<alto`, `ocr_page`/`ocrx_word`). */
  inputFormat?: 'auto' | InputFormat;
  /** Largest XML input in MiB (default 64). */
  maxXmlMb?: number;
  /** Marker patterns of a newspaper profile (default: the built-in markers). */
  markers?: MarkerSet;
}

/** The input format a file name stands for: `.xml` → ALTO, `.hocr`/`.hocr.html` → hOCR, anything else text. */
export function formatForPath(path: string): InputFormat {
  const lower = path.toLowerCase();
  if (lower.endsWith('.xml')) return 'alto';
  if (lower.endsWith('.hocr') || lower.endsWith('.hocr.html') || lower.endsWith('.hocr.htm')) return 'hocr';
  return 'text';
}

/** A page as read: its document, and the numbered input lines it was made from. */
export interface PageRead {
  document: NewsDocument;
  lines: InputLine[];
}

/**
 * Parses the bytes of the page file at `path` into a document, routed by
 * `opts.inputFormat` (default: sniffed from the content). Throws UnusableInputError (from src/index.ts) for input that
 * cannot be decoded or is binary.
 */
export async function readPage(path: string, bytes: Uint8Array, opts: ReadDocumentOptions = {}): Promise<PageRead> {
  const options = {
    path: opts.sourcePath === undefined ? path : opts.sourcePath,
    ...(opts.encoding ? { encoding: opts.encoding } : {}),
    keepSpacing: Boolean(opts.keepSpacing),
    ...(opts.markers ? { markers: opts.markers } : {}),
  };
  const format = !opts.inputFormat || opts.inputFormat === 'auto' ? sniffFormat(bytes) : opts.inputFormat;
  const limits = opts.maxXmlMb !== undefined ? { maxXmlMb: opts.maxXmlMb } : {};
  switch (format) {
    case 'alto': {
      const [{ readAlto }, { documentFromLayout }] = await Promise.all([import('./read-alto.js'), import('./layout-document.js')]);
      const read = readAlto(bytes, limits, opts.encoding);
      return { document: documentFromLayout(read, bytes, 'alto', options), lines: read.lines };
    }
    case 'hocr': {
      const [{ readHocr }, { documentFromLayout }] = await Promise.all([import('./read-hocr.js'), import('./layout-document.js')]);
      const read = readHocr(bytes, limits, opts.encoding);
      return { document: documentFromLayout(read, bytes, 'hocr', options), lines: read.lines };
    }
    case 'text': {
      const { lines, source } = readTextLines(bytes, options);
      return { document: parseLines(lines, source, options), lines };
    }
  }
}

/** `readPage` for callers that need only the document. */
export async function readDocument(path: string, bytes: Uint8Array, opts: ReadDocumentOptions = {}): Promise<NewsDocument> {
  return (await readPage(path, bytes, opts)).document;
}
