/**
 * A document's JSON text in pieces, for writing without ever holding the
 * whole text: the pieces joined are exactly `JSON.stringify(value, null,
 * indent)` (tests/report/json-pieces.test.ts checks this on every fixture).
 *
 * Why: a 50 MB page's indented JSON is ~180 million characters — a 360 MB
 * string (CJK text makes it two bytes a character), and as much again as the
 * UTF-8 buffer written from it; that was most of a single-page run's peak
 * memory. Pieces of 32K characters keep it at a few MB.
 *
 * The outer containers (the document, its arrays, each article, an article's
 * arrays) are written here member by member; a member deeper than that is
 * small (a paragraph, a repair, a range) and goes to JSON.stringify whole.
 */

/** Containers at this depth or less are written member by member (document 0, articles 1, article 2, paragraphs 3). */
const SPLIT_DEPTH = 3;

/**
 * Pieces are gathered up to about this many characters before they are handed
 * on: fewer, larger writes, but each under V8's large-object size (128 KiB; a
 * CJK string takes two bytes a character). A larger string is allocated in the
 * old generation and freed only by a full collection: pieces of a megabyte
 * grew a 50 MB page's run by ~460 MB of dead pieces while it was written.
 */
const PIECE_CHARS = 1 << 15;

/** What JSON.stringify does with a value inside an object (skips it: undefined) or an array (null). */
function skipped(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/** The text of `value`, indented as if it stood at `pad`. */
function whole(value: unknown, gap: string, pad: string): string {
  const s = JSON.stringify(value, null, gap);
  // JSON escapes a newline inside a string, so every raw newline is layout.
  return pad === '' || !s.includes('\n') ? s : s.replaceAll('\n', `\n${pad}`);
}

function* members(value: unknown, depth: number, gap: string, pad: string): Generator<string> {
  const splittable =
    depth <= SPLIT_DEPTH && value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
  if (!splittable) {
    yield whole(value, gap, pad);
    return;
  }
  const inner = pad + gap;
  const open = gap === '' ? '' : `\n${inner}`;
  const comma = gap === '' ? ',' : `,\n${inner}`;
  const close = gap === '' ? '' : `\n${pad}`;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    yield `[${open}`;
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield comma;
      const v: unknown = value[i];
      if (skipped(v)) yield 'null';
      else yield* members(v, depth + 1, gap, inner);
    }
    yield `${close}]`;
    return;
  }
  const colon = gap === '' ? ':' : ': ';
  let first = true;
  for (const key of Object.keys(value)) {
    const v: unknown = (value as Record<string, unknown>)[key];
    if (skipped(v)) continue;
    yield `${first ? `{${open}` : comma}${JSON.stringify(key)}${colon}`;
    first = false;
    yield* members(v, depth + 1, gap, inner);
  }
  yield first ? '{}' : `${close}}`;
}

/** `JSON.stringify(value, null, indent)` as pieces of about PIECE_CHARS characters (for a plain JSON value, such as a NewsDocument). */
export function* jsonPieces(value: unknown, indent?: number): Generator<string> {
  const gap = indent === undefined ? '' : ' '.repeat(Math.min(10, Math.max(0, Math.floor(indent))));
  let buffer: string[] = [];
  let size = 0;
  for (const piece of members(value, 0, gap, '')) {
    buffer.push(piece);
    size += piece.length;
    if (size >= PIECE_CHARS) {
      yield buffer.join('');
      buffer = [];
      size = 0;
    }
  }
  if (size > 0) yield buffer.join('');
}

/**
 * From this input size on, a document's JSON is written in pieces. Below it the JSON is a few MB at
 * most, and one JSON.stringify costs less: the piece writer is a generator that a one-page run
 * executes cold, ~3 ms of the seed page's ~50 ms over bare Node.
 */
export const PIECES_FROM_BYTES = 1 << 20;

/**
 * A document's JSON and a newline, for a writer that takes pieces: one string for a page of ordinary
 * size, pieces for a large one (`source.bytes` over PIECES_FROM_BYTES), never the whole text at once.
 */
export function documentJson(doc: { source: { bytes: number } }, indent?: number): string | Iterable<string> {
  if (doc.source.bytes <= PIECES_FROM_BYTES) return JSON.stringify(doc, null, indent) + '\n';
  return (function* () {
    yield* jsonPieces(doc, indent);
    yield '\n';
  })();
}
