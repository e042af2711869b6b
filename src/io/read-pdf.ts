/**
 * PDF pages in: the text layer read with pdf.js (pdfjs-dist, legacy build,
 * which runs on Node 20), one page at a time, each page its own document.
 * Glyphs come from the page's operator list (src/io/pdf-glyphs.ts: positions,
 * sizes, fonts' real names, fake-bold copies dropped), lines and blocks go
 * through the same layout road as ALTO and hOCR (layoutToLines →
 * documentFromLayout), so layout analysis and article assembly are shared.
 *
 * This module is imported only for PDF input; pdf.js itself loads on the
 * first page read (~100 ms and ~40 MB that a text run never pays).
 */
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import * as zlib from 'node:zlib';
import type { Diagnostic, InputLine, NewsDocument } from '../core/model.js';
import type { ParseOptions } from '../core/options.js';
import { UnusableInputError } from '../index.js';
import { diagnostic } from '../core/messages.js';
import { layoutToLines } from './layout-lines.js';
import { documentFromLayout } from './layout-document.js';
import { glyphsToPage, placeGlyphs, type PdfFont, type PdfLayoutPage, type PdfOps } from './pdf-glyphs.js';
import { importTextWorker } from './pdfjs-text-worker.js';
import { SHARED_FOR, TextPort } from './pdfjs-port.js';

/** What a PDF page read gives: its page model and what the text layer lacked. */
export interface PdfPageRead {
  /** 1-based page index. */
  index: number;
  count: number;
  layout: PdfLayoutPage;
  /** Glyphs drawn with text (before fake-bold copies are dropped). */
  glyphs: number;
  /** Glyphs with no Unicode mapping, or mapped to private-use code points. */
  unmapped: number;
  /** Glyphs of vertical fonts (Identity-V), not read yet (reported, never dropped silently). */
  vertical: number;
}

export interface PdfReadOptions {
  /** Page selection as on the command line: `1-3,7`; all pages when absent. */
  pages?: string;
  /**
   * Hand a page's operator list and fonts from pdf.js's worker half to its main half without cloning them
   * (src/io/pdfjs-port.ts); default: when the installed pdfjs-dist is the version that was read for it.
   */
  shareWorkerObjects?: boolean;
}

/** The reason a file is no PDF pdf.js can read, or undefined. Cheap checks first, before pdf.js loads. */
export function pdfProblem(bytes: Uint8Array): string | undefined {
  // The header may follow up to 1 KiB of junk (PDF 32000-1, 7.5.2 implementation note).
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) return 'not a PDF (no %PDF- header)';
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset + Math.max(0, bytes.length - 2048), Math.min(bytes.length, 2048)).toString('latin1');
  // Writers end the file with %%EOF; a download or copy cut short has none (pdf.js would guess at the rest).
  if (!tail.includes('%%EOF')) return 'truncated PDF (no %%EOF at the end of the file)';
  return undefined;
}

/**
 * `1-3,7` → [1, 2, 3, 7] within 1..count. Throws UnusableInputError for a
 * malformed selection or a page the file does not have.
 */
export function parsePageSelection(spec: string | undefined, count: number): number[] {
  if (spec === undefined || spec.trim() === '') return Array.from({ length: count }, (_, i) => i + 1);
  const out: number[] = [];
  for (const part of spec.split(',')) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d*)\s*)?$/u.exec(part);
    if (!m) throw new UnusableInputError(`bad page selection '${spec}' (expected e.g. 1-3,7)`);
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : m[2] === '' ? count : Number(m[2]);
    if (from < 1 || to < from) throw new UnusableInputError(`bad page range '${part.trim()}' in '${spec}'`);
    if (to > count) throw new UnusableInputError(`page ${to} asked for, but the PDF has ${count} page${count === 1 ? '' : 's'}`);
    for (let p = from; p <= to; p++) if (!out.includes(p)) out.push(p);
  }
  return out;
}

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/** The worker module's entry point, as far as this reader uses it. */
interface WorkerModule {
  WorkerMessageHandler?: { initializeFromPort?: (port: unknown) => void };
}

interface LoadedPdfjs {
  pdfjs: Pdfjs;
  dataDir: string;
  worker: WorkerModule;
}

let loading: Promise<LoadedPdfjs> | undefined;

/**
 * Loads pdf.js once. Its legacy build brings core-js, which replaces
 * Array.prototype.push and JSON.parse/stringify with spec-edge-case polyfills
 * (non-writable length, raw JSON) for the whole process — the parser and the
 * JSON writer pay for every call (push alone was a fifth of a page's time).
 * pdf.js does not rely on those edge cases, so the natives are put back once
 * both the API and the worker module (which would install them again when
 * pdf.js imports it itself) are loaded. Methods core-js adds (Set algebra,
 * Promise.withResolvers, …) are left: nothing else changes by having them.
 */
function loadPdfjs(): Promise<LoadedPdfjs> {
  loading ??= (async () => {
    const natives = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // pdf.js runs its "worker" in this thread in Node; handing it the module avoids a second import by URL
    // (and it is the module without Type 3 glyph programs: src/io/pdfjs-text-worker.ts).
    const worker = (await importTextWorker()) as WorkerModule;
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    Array.prototype.push = natives.push;
    JSON.parse = natives.parse;
    JSON.stringify = natives.stringify;
    const dataDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    return { pdfjs, dataDir, worker };
  })();
  return loading;
}

/**
 * pdf.js 5 inflates every Flate stream through the web DecompressionStream
 * when the global exists. Node's starts a zlib instance and a web stream with
 * its promise hops per call; a Chromium page draws each glyph from its own
 * small Type 3 stream, so a broadsheet page made thousands, and zlib start-up
 * and stream plumbing took about a third of the page's CPU (pdf.js's own
 * JavaScript inflate, its fallback, is slower still on the large content
 * streams). While pdf.js reads a page the global is this stand-in: the same
 * interface, the bytes inflated in one synchronous zlib call. It is put back
 * after each page, so nothing outside a page read sees it.
 */
class SyncDecompressionStream {
  readonly writable: { getWriter(): { ready: Promise<void>; write(chunk: Uint8Array): Promise<void>; close(): Promise<void> } };
  readonly readable: AsyncIterable<Uint8Array>;
  constructor(format: string) {
    let out: Uint8Array | undefined;
    let failure: unknown;
    // Z_SYNC_FLUSH: give what a stream cut short holds, as browsers' decoders do, instead of failing it whole.
    const flush = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
    const inflate = (chunk: Uint8Array): Uint8Array => {
      if (format === 'deflate') return zlib.inflateSync(chunk, flush);
      if (format === 'deflate-raw') return zlib.inflateRawSync(chunk, flush);
      if (format === 'brotli') return zlib.brotliDecompressSync(chunk);
      return zlib.gunzipSync(chunk, flush);
    };
    this.writable = {
      getWriter: () => ({
        ready: Promise.resolve(),
        write: (chunk: Uint8Array) => {
          try {
            out = inflate(chunk);
          } catch (err) {
            failure = err;
          }
          return Promise.resolve();
        },
        close: () => Promise.resolve(),
      }),
    };
    this.readable = {
      // An error here sends pdf.js to its own inflate, which copes with damaged streams its way.
      [Symbol.asyncIterator]: async function* () {
        if (failure !== undefined || out === undefined) throw failure ?? new Error('nothing written');
        yield out;
      },
    };
  }
}

async function withSyncInflate<T>(work: () => Promise<T>): Promise<T> {
  const g = globalThis as { DecompressionStream?: unknown };
  const original = g.DecompressionStream;
  g.DecompressionStream = SyncDecompressionStream;
  try {
    return await work();
  } finally {
    g.DecompressionStream = original;
  }
}

/** One line for the ways pdf.js says a file cannot be read. */
function openFailure(err: unknown): UnusableInputError {
  const e = err as { name?: string; message?: string; code?: number };
  if (e?.name === 'PasswordException') return new UnusableInputError('encrypted PDF (a password is needed); decrypt it first (e.g. qpdf --decrypt)');
  if (e?.name === 'InvalidPDFException') return new UnusableInputError('not a readable PDF (damaged or truncated file structure)');
  const msg = (e?.message ?? String(err)).split('\n')[0]!.slice(0, 200);
  return new UnusableInputError(`PDF could not be read: ${msg}`);
}

/**
 * How often the document's font and object caches are emptied: fonts shared
 * by pages are then loaded again, but a 500-page issue whose pages each bring
 * their own fonts (Chromium writes Type 3 fonts per page) stays in bounded memory.
 */
const CLEANUP_EVERY = 8;

/**
 * pdf.js's two halves joined by a TextPort (src/io/pdfjs-port.ts: pdf.js's
 * own loopback, without the clone of operator lists and fonts), or undefined when the
 * installed pdf.js lacks the public pieces that takes — a PDFWorker made on a
 * port, WorkerMessageHandler.initializeFromPort — and makes its own fake
 * worker instead.
 */
function textWorker(loaded: LoadedPdfjs, share: boolean | undefined): { worker: InstanceType<Pdfjs['PDFWorker']>; port: TextPort } | undefined {
  const initialize = loaded.worker.WorkerMessageHandler?.initializeFromPort;
  if (typeof initialize !== 'function' || typeof loaded.pdfjs.PDFWorker !== 'function') return undefined;
  const port = new TextPort(share ?? loaded.pdfjs.version === SHARED_FOR);
  initialize.call(loaded.worker.WorkerMessageHandler, port);
  // The worker half takes its verbosity from the worker's "configure" message, not from getDocument's.
  return { worker: new loaded.pdfjs.PDFWorker({ port: port as never, verbosity: loaded.pdfjs.VerbosityLevel.ERRORS }), port };
}

/** Reads the selected pages one at a time. Throws UnusableInputError for a file pdf.js cannot open. */
export async function* readPdfPages(bytes: Uint8Array, options: PdfReadOptions = {}): AsyncGenerator<PdfPageRead | PdfPageFailure> {
  const problem = pdfProblem(bytes);
  if (problem) throw new UnusableInputError(problem);
  const loaded = await loadPdfjs();
  const { pdfjs, dataDir } = loaded;
  // One worker per document: pdf.js leaves a worker it was given alive, so it is destroyed with the document.
  const joined = textWorker(loaded, options.shareWorkerObjects);
  const task = pdfjs.getDocument({
    ...(joined ? { worker: joined.worker } : {}),
    // pdf.js takes the buffer over (it is transferred to its worker side): a copy keeps the caller's bytes.
    data: new Uint8Array(bytes),
    cMapUrl: join(dataDir, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(dataDir, 'standard_fonts') + '/',
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    // Images are never looked at: above one pixel pdf.js skips decoding them (a page's photos cost more than its text).
    maxImageSize: 1,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await withSyncInflate(() => task.promise);
  } catch (err) {
    await task.destroy().catch(() => {});
    endWorker(joined);
    throw openFailure(err);
  }
  try {
    const count = doc.numPages;
    const selected = parsePageSelection(options.pages, count);
    const ops = pdfjs.OPS as unknown as PdfOps;
    let sinceCleanup = 0;
    for (const index of selected) {
      let read: PdfPageRead | PdfPageFailure;
      try {
        read = await withSyncInflate(() => readPage(doc, index, count, ops, pdfjs));
      } catch (err) {
        read = { index, failure: openFailure(err).reason };
      }
      if (++sinceCleanup >= CLEANUP_EVERY) {
        sinceCleanup = 0;
        await doc.cleanup();
      }
      yield read;
    }
  } finally {
    await doc.destroy();
    endWorker(joined);
  }
}

function endWorker(joined: ReturnType<typeof textWorker>): void {
  joined?.worker.destroy();
  joined?.port.terminate();
}

/** A page as read: its document and the numbered lines the core read (the road's PageRead). */
export interface PdfPageDocument {
  document: NewsDocument;
  lines: InputLine[];
}

/** One page of the file, in the shape of the conversion road's ReadPage (src/convert/readers.ts). */
export type PdfReadPage = ({ page: number } & PdfPageDocument) | { page: number; failure: string };

/** A page pdf.js could not read (the others are still read). */
export interface PdfPageFailure {
  index: number;
  failure: string;
}

type PdfDoc = Awaited<ReturnType<Pdfjs['getDocument']>['promise']>;

async function readPage(doc: PdfDoc, index: number, count: number, ops: PdfOps, pdfjs: Pdfjs): Promise<PdfPageRead> {
  const page = await doc.getPage(index);
  const viewport = page.getViewport({ scale: 1 });
  // Annotations (form fields, stamps) are not the page's printed text, and their appearance streams bring their own matrices.
  const list = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
  const fonts = new Map<string, PdfFont | undefined>();
  const fontOf = (name: string): PdfFont | undefined => {
    if (!fonts.has(name)) {
      let font: PdfFont | undefined;
      try {
        font = page.commonObjs.has(name) ? (page.commonObjs.get(name) as PdfFont) : undefined;
      } catch {
        font = undefined;
      }
      fonts.set(name, font && { name: font.name, fontMatrix: font.fontMatrix, vertical: font.vertical, isType3Font: font.isType3Font });
    }
    return fonts.get(name);
  };
  const placed = placeGlyphs(list.fnArray, list.argsArray, fontOf, ops, viewport.transform as [number, number, number, number, number, number]);
  const geometry = { width: round2(viewport.width), height: round2(viewport.height), unit: 'pt' };
  const layout = glyphsToPage(placed.glyphs, geometry, index);
  layout.index = index;
  page.cleanup();
  // Vertical glyphs count as text: such a page is no scan, though its columns of text are not read yet.
  return { index, count, layout, glyphs: placed.glyphs.length + placed.vertical, unmapped: placed.unmapped, vertical: placed.vertical };
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

export const NO_TEXT_LAYER = 'no text layer (a scanned page?): run OCR first — hOCR and ALTO input are supported';

/**
 * The reader of the conversion road (src/convert/readers.ts): one document per
 * selected page, in page order. A page without text gives a document with a
 * PDF_PAGE_WITHOUT_TEXT warning, but only once some page of the selection has
 * text: when none has, the file is a scan and UnusableInputError says so.
 */
export async function* readPdf(bytes: Uint8Array, options: ParseOptions = {}, pages: string | null = null): AsyncGenerator<PdfReadPage> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let anyText = false;
  const waiting: PdfReadPage[] = [];
  for await (const page of readPdfPages(bytes, pages === null ? {} : { pages })) {
    if ('failure' in page) {
      yield { page: page.index, failure: page.failure };
      continue;
    }
    const out: PdfReadPage = { page: page.index, ...pageDocument(page, bytes, sha256, options) };
    if (page.glyphs === 0 && !anyText) {
      waiting.push(out);
      continue;
    }
    anyText = true;
    yield* waiting.splice(0);
    yield out;
  }
  if (!anyText) throw new UnusableInputError(NO_TEXT_LAYER);
}

/** The document of one read page. */
export function pageDocument(page: PdfPageRead, bytes: Uint8Array, sha256: string, options: ParseOptions = {}): PdfPageDocument {
  const { lines, repairs } = layoutToLines([page.layout]);
  const warnings: Diagnostic[] = [];
  if (page.unmapped > 0) warnings.push(diagnostic('PDF_UNMAPPED_GLYPHS', { count: page.unmapped }));
  if (page.glyphs === 0) warnings.push(diagnostic('PDF_PAGE_WITHOUT_TEXT', {}));
  if (page.vertical > 0) warnings.push(diagnostic('PDF_VERTICAL_TEXT_NOT_READ', { count: page.vertical }));
  const stacked = page.layout.vertical;
  if (stacked.glyphs > 0) warnings.push(diagnostic('PDF_VERTICAL_TEXT', { count: stacked.glyphs, columns: stacked.columns }));
  const doc = documentFromLayout(
    { lines, lineIds: [], repairs, encoding: 'pdf', encodingDetected: false, printedPage: null },
    bytes,
    'pdf',
    options,
    { sha256, pageIndex: page.index, pageCount: page.count, ...(page.layout.geometry ? { pageSize: page.layout.geometry } : {}) },
  );
  doc.warnings.push(...warnings);
  return { document: doc, lines };
}
