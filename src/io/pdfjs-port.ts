/**
 * The port between pdf.js's two halves when both run in this thread: pdf.js's
 * own LoopbackPort (its "fake worker"), except that a page's operator list
 * and its fonts are handed over without structuredClone.
 *
 * Why: in Node pdf.js runs its worker in the main thread and passes every
 * message through a LoopbackPort that copies it with structuredClone, as a
 * real worker's postMessage would. A broadsheet page's operator list is
 * ~24,000 operations whose showText arguments are glyph objects, and a
 * Chromium page has a font message for each of its 232 Type 3 fonts;
 * cloning them, and collecting the clones, was ~10 % of reading the page.
 *
 * Why it is safe: the worker sends an operator-list chunk (OperatorList.flush)
 * and at once empties its two arrays, fnArray and argsArray, to fill them
 * again — so those two are copied here. The argument objects in them are
 * not touched again by the worker: each operation's arguments are a new
 * array, the glyph objects and glyph arrays are a font's cache, built once
 * and only read. A font message (TranslatedFont.send) is built for the send
 * (a new array, a new exportData object with a new buffer) and kept by the
 * worker only in its charProcOperatorList, which is complete before it is
 * set. The main half only reads all of these (pdf.js pushes the operations
 * into the page's list, pdf-glyphs.ts reads that; a FontFaceObject keeps
 * the font's data). This was read in the source of pdfjs-dist SHARED_FOR;
 * with another version every message is cloned, as pdf.js does, and
 * tests/pdf/port.test.ts fails until someone reads it again.
 *
 * Everything else — requests, replies, text content, errors, images — is
 * cloned as LoopbackPort clones it (transferred buffers moved).
 *
 * It is wired with pdf.js's public API (a PDFWorker made on a port, the
 * worker module's WorkerMessageHandler.initializeFromPort); when either is
 * missing read-pdf.ts lets pdf.js make its own fake worker.
 */

/** The pdfjs-dist version whose worker was read for what it does with an operator-list chunk and a font once sent. */
export const SHARED_FOR = '5.6.205';

/** A `message` listener as pdf.js's MessageHandler adds it. */
type Listener = (this: TextPort, event: { data: unknown }) => void;

interface OperatorListChunk {
  fnArray: unknown[];
  argsArray: unknown[];
}

/** A stream message carrying a chunk of an operator list (the only messages with both arrays). */
function operatorListChunk(message: unknown): OperatorListChunk | undefined {
  const chunk = (message as { chunk?: Partial<OperatorListChunk> } | null)?.chunk;
  return chunk && Array.isArray(chunk.fnArray) && Array.isArray(chunk.argsArray) ? (chunk as OperatorListChunk) : undefined;
}

/** A font the worker sends to the main half's common objects: `commonobj` [id, "Font", exportData]. */
function isFontMessage(message: unknown): boolean {
  const m = message as { action?: unknown; data?: unknown } | null;
  return m?.action === 'commonobj' && Array.isArray(m.data) && m.data[1] === 'Font';
}

/**
 * pdf.js's LoopbackPort (pdf.mjs, pdfjs-dist 5.6): each message is copied
 * when it is posted and handed to the listeners on a later microtask, in
 * order; with `shareWorkerObjects`, an operator-list chunk's arrays are
 * copied and the arguments in them handed over as they are, and a font
 * message is handed over as it is.
 */
export class TextPort {
  readonly #listeners = new Map<Listener, (() => void) | null>();
  readonly #deferred = Promise.resolve();
  readonly #share: boolean;

  constructor(shareWorkerObjects: boolean) {
    this.#share = shareWorkerObjects;
  }

  postMessage(message: unknown, transfer?: unknown[]): void {
    const chunk = this.#share ? operatorListChunk(message) : undefined;
    const data = chunk
      ? { ...(message as object), chunk: { ...chunk, fnArray: chunk.fnArray.slice(), argsArray: chunk.argsArray.slice() } }
      : this.#share && isFontMessage(message)
        ? message
        : structuredClone(message, transfer ? { transfer: transfer as never } : undefined);
    const event = { data };
    void this.#deferred.then(() => {
      for (const [listener] of this.#listeners) listener.call(this, event);
    });
  }

  addEventListener(name: string, listener: Listener, options: { signal?: AbortSignal } | null = null): void {
    let unhook: (() => void) | null = null;
    const signal = options?.signal;
    if (signal instanceof AbortSignal) {
      if (signal.aborted) return;
      const onAbort = () => this.removeEventListener(name, listener);
      unhook = () => signal.removeEventListener('abort', onAbort);
      signal.addEventListener('abort', onAbort);
    }
    this.#listeners.set(listener, unhook);
  }

  removeEventListener(_name: string, listener: Listener): void {
    this.#listeners.get(listener)?.();
    this.#listeners.delete(listener);
  }

  terminate(): void {
    for (const [, unhook] of this.#listeners) unhook?.();
    this.#listeners.clear();
  }
}
