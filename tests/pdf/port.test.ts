/**
 * The port between pdf.js's halves (src/io/pdfjs-port.ts): pdf.js's own
 * loopback behaviour (messages cloned, in order, after postMessage returns),
 * an operator-list chunk handed over with its two arrays copied, a font
 * message as it is, and the pages read so equal to the pages read with every
 * message cloned, on the committed PDFs.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { SHARED_FOR, TextPort } from '../../src/io/pdfjs-port.js';
import { readPdfPages, type PdfPageFailure, type PdfPageRead } from '../../src/io/read-pdf.js';

const ROOT = join(import.meta.dirname, '..', '..');
/** A drawn broadsheet page of our generator (rules and boxes: transferred path buffers), the fake-bold fixture, three pages. */
const PDFS = [
  join(ROOT, 'corpus', 'generated', 'tune', 'p04-broadsheet-hans.pdf'),
  join(ROOT, 'fixtures', 'pdf-fake-bold-glyphs', 'input.pdf'),
  join(ROOT, 'tests', 'data', 'pdf', 'three-pages.pdf'),
];

async function readAll(path: string, shareWorkerObjects: boolean): Promise<Array<PdfPageRead | PdfPageFailure>> {
  const out: Array<PdfPageRead | PdfPageFailure> = [];
  for await (const page of readPdfPages(new Uint8Array(readFileSync(path)), { shareWorkerObjects })) out.push(page);
  return out;
}

/** Two microtask turns: the port hands messages over on a later one. */
const delivered = async () => {
  await Promise.resolve();
  await Promise.resolve();
};

describe('TextPort', () => {
  it('clones a message when it is posted and delivers it later, in order, until the listener signal aborts', async () => {
    const port = new TextPort(true);
    const seen: unknown[] = [];
    const ac = new AbortController();
    port.addEventListener('message', (e) => seen.push(e.data), { signal: ac.signal });
    const sent = { n: 1, list: [1] };
    port.postMessage(sent);
    sent.n = 2;
    sent.list.push(2);
    port.postMessage({ n: 3 });
    expect(seen).toEqual([]);
    await delivered();
    expect(seen).toEqual([{ n: 1, list: [1] }, { n: 3 }]);
    ac.abort();
    port.postMessage({ n: 4 });
    await delivered();
    expect(seen).toHaveLength(2);
  });

  it('moves transferred buffers as pdf.js\'s LoopbackPort does', async () => {
    const port = new TextPort(true);
    const seen: Array<{ data: Uint8Array }> = [];
    port.addEventListener('message', (e) => seen.push(e.data as { data: Uint8Array }));
    const data = new Uint8Array([1, 2, 3]);
    port.postMessage({ data }, [data.buffer]);
    expect(data.byteLength).toBe(0);
    await delivered();
    expect([...seen[0]!.data]).toEqual([1, 2, 3]);
  });

  it('hands an operator-list chunk over with copies of the two arrays the worker empties, the arguments as they are', async () => {
    for (const share of [true, false]) {
      const port = new TextPort(share);
      const seen: Array<{ chunk: { fnArray: number[]; argsArray: unknown[][]; lastChunk: boolean } }> = [];
      port.addEventListener('message', (e) => seen.push(e.data as (typeof seen)[number]));
      const glyphs = [{ unicode: '社', width: 1000 }];
      const chunk = { fnArray: [44], argsArray: [[glyphs]], lastChunk: true, length: 1 };
      port.postMessage({ sourceName: 'd0_worker', targetName: 'd0', stream: 4, streamId: 1, chunk });
      // What OperatorList.flush does right after sending.
      chunk.fnArray.length = 0;
      chunk.argsArray.length = 0;
      await delivered();
      expect(seen[0]!.chunk.fnArray).toEqual([44]);
      expect(seen[0]!.chunk.argsArray).toEqual([[glyphs]]);
      expect(seen[0]!.chunk.argsArray[0]![0] === glyphs).toBe(share);
    }
  });

  it('hands a font message over as it is (only with sharing), other common objects cloned', async () => {
    for (const share of [true, false]) {
      const port = new TextPort(share);
      const seen: unknown[] = [];
      port.addEventListener('message', (e) => seen.push(e.data));
      const font = { sourceName: 'd0_worker', targetName: 'd0', action: 'commonobj', data: ['g_d0_f1', 'Font', { buffer: new ArrayBuffer(4), charProcOperatorList: {} }] };
      const path = { sourceName: 'd0_worker', targetName: 'd0', action: 'commonobj', data: ['g_d0_p1', 'FontPath', [1, 2]] };
      port.postMessage(font, [(font.data[2] as { buffer: ArrayBuffer }).buffer]);
      port.postMessage(path);
      await delivered();
      expect(seen[0] === font).toBe(share);
      expect(seen[0]).toEqual(font);
      expect(seen[1]).not.toBe(path);
      expect(seen[1]).toEqual(path);
    }
  });
});

describe('pdf.js joined by a TextPort (pdfjs-dist: PDFWorker on a port, WorkerMessageHandler.initializeFromPort)', () => {
  it(`shares operator lists only with pdfjs-dist ${SHARED_FOR}, the version read for it (another one: read pdf.worker.mjs again, then move SHARED_FOR)`, () => {
    const installed = (JSON.parse(readFileSync(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'), 'utf8')) as { version: string }).version;
    expect(installed).toBe(SHARED_FOR);
  });

  it('reads the same pages with shared operator lists as with every message cloned', async () => {
    // Fails when pdf.js no longer takes the port (the reader then falls back to pdf.js's own fake worker).
    const posted = vi.spyOn(TextPort.prototype, 'postMessage');
    for (const path of PDFS) {
      posted.mockClear();
      const shared = await readAll(path, true);
      expect(posted.mock.calls.some(([m]) => Array.isArray((m as { chunk?: { fnArray?: unknown } }).chunk?.fnArray)), path).toBe(true);
      expect(shared.length, path).toBeGreaterThan(0);
      expect(shared.some((p) => 'layout' in p && p.glyphs > 0), path).toBe(true);
      expect(shared, path).toEqual(await readAll(path, false));
    }
    posted.mockRestore();
  });
});
