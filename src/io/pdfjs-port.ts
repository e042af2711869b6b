/**
 * The port between pdf.js's two halves when both run in this thread: pdf.js's
 * own LoopbackPort (its "fake worker"), except that the chunks of a page's
 * operator list are handed over without structuredClone.
 *
 * Why: in Node pdf.js runs its worker in the main thread and passes every
 * message through a LoopbackPort that copies it with structuredClone, as a
 * real worker's postMessage would. A broadsheet page's operator list is
 * ~24,000 operations whose showText arguments are glyph objects; copying
 * them, and collecting the copies, was ~10 % of reading the page
 * (readPdfPages CPU, paired in one process: 0.91×).
 *
 * Why it is safe: the worker sends a chunk (OperatorList.flush) and at once
 * empties its two arrays, fnArray and argsArray, to fill them again — so
 * those two are copied here. The argument objects in them are not touched
 * again by the worker: each operation's arguments are a new array, the glyph
 * objects and glyph arrays are a font's cache, built once and only read. The
 * main half only reads them too (pdf.js pushes them into the page's list,
 * pdf-glyphs.ts reads that). This was read in the source of pdfjs-dist
 * SHARED_FOR; with another version every message is cloned, as pdf.js does,
 * and tests/pdf/port.test.ts fails until someone reads it again.
 *
 * Everything else — requests, fonts, text content, errors — is cloned as
 * LoopbackPort clones it (transferred buffers moved), so a worker's own
 * objects never leak into the main half.
 *
 * It is wired with pdf.js's public API (a PDFWorker made on a port, the
 * worker module's WorkerMessageHandler.initializeFromPort); when either is
 * missing read-pdf.ts lets pdf.js make its own fake worker.
 */

/** The pdfjs-dist version whose worker was read for what it does with an operator-list chunk once sent. */
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

/**
 * pdf.js's LoopbackPort (pdf.mjs, pdfjs-dist 5.6): each message is copied
 * when it is posted and handed to the listeners on a later microtask, in
 * order; with `shareOperatorLists`, an operator-list chunk's arrays are
 * copied and the arguments in them handed over as they are.
 */
export class TextPort {
  readonly #listeners = new Map<Listener, (() => void) | null>();
  readonly #deferred = Promise.resolve();
  readonly #share: boolean;

  constructor(shareOperatorLists: boolean) {
    this.#share = shareOperatorLists;
  }

  postMessage(message: unknown, transfer?: unknown[]): void {
    const chunk = this.#share ? operatorListChunk(message) : undefined;
    const data = chunk
      ? { ...(message as object), chunk: { ...chunk, fnArray: chunk.fnArray.slice(), argsArray: chunk.argsArray.slice() } }
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
