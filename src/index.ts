/**
 * The library: `parse(text)` gives the same NewsDocument the CLI prints.
 * This file sits at the edge (it may hash with node:crypto); the stages it
 * calls live in src/core and are pure.
 */
import { nodeCrypto } from './ports.js';
import { sha256Hex } from './core/sha256.js';
import { decodeBytes, binaryReason, invalidBytesRecord } from './core/decode.js';
import { splitLines } from './core/split-lines.js';
import { runPipeline } from './core/pipeline.js';
import type { Diagnostic, InputLine, NewsDocument, Repair, SourceInfo } from './core/model.js';
import type { ParseOptions } from './core/options.js';

export type * from './core/model.js';
export type { ParseOptions } from './core/options.js';
// The codes of warnings[] and evidence[] as string-literal unions, and every code as a list (src/core/messages.ts).
export type { DiagnosticCode, EvidenceCode } from './core/messages.js';
export { DIAGNOSTIC_CODES, EVIDENCE_CODES, EVIDENCE_MEANING } from './core/messages.js';
export { runPipeline } from './core/pipeline.js';
export { decodeBytes } from './core/decode.js';
export { newsDocumentProblems } from './schema/validate.js';
export { VERSION } from './version.js';

/**
 * Inputs up to this many bytes are hashed by src/core/sha256.ts, larger ones by node:crypto. Loading
 * node:crypto costs a one-page run ~6 ms of CPU; hashing a 12 KB page there costs ~0.1 ms. Past a
 * MiB the native hash is the faster by more than its loading (OpenSSL's SHA-256 runs ~5x as fast).
 */
const OWN_HASH_MAX_BYTES = 1024 * 1024;

function sha256(data: string | Uint8Array): string {
  // A string is hashed as its UTF-8, as createHash().update(string) does (a lone surrogate as U+FFFD).
  const bytes = typeof data === 'string' && data.length <= OWN_HASH_MAX_BYTES ? new TextEncoder().encode(data) : data;
  const own = typeof bytes !== 'string' && bytes.length <= OWN_HASH_MAX_BYTES ? sha256Hex(bytes) : null;
  return own ?? nodeCrypto().createHash('sha256').update(bytes).digest('hex');
}

/** A string page (a `--stdin-jsonl` text record) as the numbered lines the core reads and its source record. */
export function readStringLines(text: string, options: { path?: string | null } = {}): { lines: InputLine[]; source: SourceInfo } {
  const { lines, lineEnding } = splitLines(text);
  const source: SourceInfo = {
    path: options.path ?? null,
    sha256: sha256(text),
    encoding: 'utf-16',
    format: 'text',
    bytes: Buffer.byteLength(text, 'utf8'),
    lines: lines.length,
    lineEnding,
  };
  return { lines, source };
}

/** Parse one page of extracted text. */
export function parse(text: string, options: ParseOptions = {}): NewsDocument {
  const { lines, source } = readStringLines(text, options);
  return runPipeline(lines, source, options);
}

/** Why bytes could not be parsed (unknown encoding, binary data). */
export class UnusableInputError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'UnusableInputError';
  }
}

/** Lines read from text, with what decoding did to them: `invalid-bytes` repairs and their warning. */
export interface TextLines {
  lines: InputLine[];
  source: SourceInfo;
  repairs: Repair[];
  warnings: Diagnostic[];
}

/**
 * Decode bytes (detecting UTF-8/16, GB18030, Big5 unless `encoding` is given)
 * into the numbered lines the core reads and the source record of the page.
 * A few stray bytes in UTF-8 text become U+FFFD, recorded (src/core/decode.ts).
 * Throws UnusableInputError for bytes that are not text.
 */
export function readTextLines(bytes: Uint8Array, options: { path?: string | null; encoding?: string } = {}): TextLines {
  const decoded = decodeBytes(bytes, options.encoding);
  if (!decoded.ok) throw new UnusableInputError(decoded.reason);
  const binary = binaryReason(decoded.text);
  if (binary) throw new UnusableInputError(binary);
  const { repairs, warnings } = invalidBytesRecord(decoded);
  const { lines, lineEnding } = splitLines(decoded.text);
  const source: SourceInfo = {
    path: options.path ?? null,
    sha256: sha256(bytes),
    encoding: decoded.encoding,
    encodingDetected: decoded.detected,
    format: 'text',
    bytes: bytes.length,
    lines: lines.length,
    lineEnding,
  };
  return { lines, source, repairs, warnings };
}

/** Runs the core on text lines, with the decoding's repairs and warnings in the document. */
export function parseTextLines(read: TextLines, options: ParseOptions = {}): NewsDocument {
  const doc = runPipeline(read.lines, read.source, options, undefined, read.repairs);
  if (read.warnings.length > 0) doc.warnings.unshift(...read.warnings);
  return doc;
}

/** Decode bytes (detecting UTF-8/16, GB18030, Big5 unless `encoding` is given) and parse them. */
export function parseBytes(bytes: Uint8Array, options: ParseOptions & { encoding?: string } = {}): NewsDocument {
  return parseTextLines(readTextLines(bytes, options), options);
}

/**
 * Parse lines that a layout reader (ALTO, hOCR, PDF) made, with their boxes;
 * the core's layout stages put them in reading order. `source` describes the
 * file they came from; `readerRepairs` are the reader's own repairs, numbered
 * as `lines` are.
 */
export function parseLines(lines: InputLine[], source: SourceInfo, options: ParseOptions = {}, readerRepairs: Repair[] = []): NewsDocument {
  return runPipeline(lines, source, options, undefined, readerRepairs);
}
