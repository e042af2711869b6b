/**
 * Layout input (ALTO, hOCR) to a NewsDocument: the reader's lines, with the
 * reader's own repairs (overprinted copies it dropped), go through the core
 * (`parseLines`), whose layout stages order them and give articles their
 * blocks and boxes.
 */
import { createHash } from 'node:crypto';
import { parseLines } from '../index.js';
import type { InputFormat, InputLine, NewsDocument, Repair, SourceInfo } from '../core/model.js';
import type { ParseOptions } from '../core/options.js';

/** What a layout reader hands back. */
export interface LayoutRead {
  lines: InputLine[];
  lineIds: (string | null)[];
  /** Repairs the reader made before the core saw the text (kind 'overprint'). */
  repairs: Repair[];
  encoding: string;
  encodingDetected: boolean;
  /** Printed page number the file states (ALTO Page@PRINTED_IMG_NR), if any. */
  printedPage: string | null;
  /** The lines come in the reading order the file states (ALTO ReadingOrder or IDNEXT). */
  statedOrder?: boolean;
}

/** Runs the core on a layout reader's lines and completes the document. */
export function documentFromLayout(
  read: LayoutRead,
  bytes: Uint8Array,
  format: InputFormat,
  options: ParseOptions = {},
  /** Source fields the reader knows (PDF: the page index and size; a hash computed once for all pages). */
  more: Partial<SourceInfo> = {},
): NewsDocument {
  const source: SourceInfo = {
    path: options.path ?? null,
    sha256: more.sha256 ?? createHash('sha256').update(bytes).digest('hex'),
    encoding: read.encoding,
    encodingDetected: read.encodingDetected,
    format,
    bytes: bytes.length,
    lines: read.lines.length,
    // A reader without line ids (PDF) gives none: an array of nulls would say nothing.
    ...(read.lineIds.some((id) => id !== null) ? { lineIds: read.lineIds } : {}),
    ...more,
  };
  return parseLines(read.lines, source, { ...options, format, ...(read.statedOrder ? { statedReadingOrder: true } : {}) }, read.repairs);
}

