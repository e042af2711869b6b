/**
 * `news-parse --stdin-jsonl`: a filter for map steps (GNU parallel --pipe,
 * Hadoop Streaming, Spark RDD.pipe). Reads records, one JSON object a line:
 *
 *   {"id": …, "text": "page text"}      or      {"id": …, "path": "page.txt"}
 *
 * and writes one line per record, in input order:
 *
 *   {"id": …, "document": {…}}          or      {"id": …, "error": "reason"}
 *
 * (a multi-page input, such as a PDF of several pages: {"id": …, "documents": [{…}, …]})
 *
 * `id` is copied as it came: the JSON text of its value, byte for byte (a
 * number such as 1e400 or 12345678901234567890 is not re-serialised). Every
 * input line gets an output line, a blank one too (`error`), so line n of the
 * output answers line n of the input. Bad records are answered in-band with
 * an error line, so a map task does not fail because of one page; only a
 * broken stdin/stdout ends the run.
 *
 * Lines are UTF-8. A line with a few stray bytes that are not UTF-8 (the rule
 * and threshold of src/core/decode.ts) is read with each run replaced: in a
 * text record as U+FFFD with an `invalid-bytes` repair and a warning giving
 * the runs' byte offsets in standard input; in a path the file is opened by
 * its exact bytes. A line with more is answered with an error.
 */
import { lenientUtf8, MAX_TEXT_BYTES, notUtf8, scanUtf8, tooLargeForText, tooManyInvalid, type InvalidRun } from '../core/decode.js';
import type { Task, TaskResult } from './task.js';

/** One input line: its text (UTF-8 decoded), its number, and any runs of invalid bytes in it. */
export interface InputRecordLine {
  text: string;
  /** 1-based line number in the input. */
  line: number;
  /**
   * Runs of invalid bytes: `at` indexes `text`, where `marker` stands for
   * each (a noncharacter the line does not otherwise hold), `byte` is the
   * offset in the whole input.
   */
  invalid?: { runs: InvalidRun[]; marker: string; tooMany: string | null };
  /** The line is longer than one string can hold (its bytes were not kept; `text` is empty): why. */
  tooLong?: string;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * A noncharacter (U+FDD0–U+FDEF: no text means one) that `line` holds
 * neither as itself nor as a JSON escape: it marks the invalid runs through
 * JSON.parse, so that they can be found in the parsed strings.
 */
function markerFor(line: string): string {
  for (let c = 0xfdd0; c <= 0xfdef; c++) {
    const ch = String.fromCharCode(c);
    if (!line.includes(ch) && !line.toLowerCase().includes(`\\u${c.toString(16)}`)) return ch;
  }
  return '\uFFFD';
}

function decodeLine(bytes: Uint8Array, line: number, offset: number): InputRecordLine {
  let end = bytes.length;
  if (end > 0 && bytes[end - 1] === 0x0d) end--;
  const body = bytes.subarray(0, end);
  try {
    return { text: strictUtf8.decode(body), line };
  } catch {
    // Every run is marked: a path's bytes are whatever its file system holds, while a text record's
    // are held to the rule of src/core/decode.ts (readRecords).
    const probe = lenientUtf8(body, 'any');
    const marker = markerFor('tooMany' in probe ? '' : probe.text);
    const read = lenientUtf8(body, 'any', marker, offset);
    if ('tooMany' in read) throw new Error('unreachable: every run was taken');
    const bad = tooManyInvalid(scanUtf8(body), body.length, true);
    return { text: read.text, line, invalid: { runs: read.invalid, marker, tooMany: bad ? notUtf8('UTF-8', { ...bad, first: offset + bad.first }) : null } };
  }
}

/**
 * Splits a byte stream into lines (without the `\n`, and without a `\r` before it), decoded as UTF-8.
 * A line longer than `maxLine` bytes (one string's most; tests give less) comes out as `tooLong`.
 */
export async function* readLines(stream: AsyncIterable<Uint8Array | string>, maxLine = MAX_TEXT_BYTES): AsyncGenerator<InputRecordLine> {
  const encoder = new TextEncoder();
  let parts: Uint8Array[] = [];
  let held = 0; // bytes of the current line in `parts`
  // A line longer than one string can hold is answered with an error, its bytes counted but not kept.
  let dropped = 0;
  let offset = 0; // of the current line's first byte in the input
  let n = 0;
  const take = (piece: Uint8Array, copy: boolean) => {
    if (dropped > 0 || held + piece.length > maxLine) {
      dropped += held + piece.length;
      parts = [];
      held = 0;
    } else {
      parts.push(copy ? Uint8Array.from(piece) : piece);
      held += piece.length;
    }
  };
  const lineOf = (): InputRecordLine => {
    const line = ++n;
    if (dropped > 0) return { text: '', line, tooLong: tooLargeForText(dropped, maxLine)! };
    return decodeLine(parts.length === 1 ? parts[0]! : Buffer.concat(parts), line, offset);
  };
  const next = () => {
    offset += dropped + held + 1;
    parts = [];
    held = 0;
    dropped = 0;
  };
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let start = 0;
    for (let i = buf.indexOf(0x0a); i !== -1; i = buf.indexOf(0x0a, start)) {
      take(bytes.subarray(start, i), false);
      yield lineOf();
      next();
      start = i + 1;
    }
    // Copied: a stream may reuse its chunk's memory after the next read.
    if (start < bytes.length) take(bytes.subarray(start), true);
  }
  if (held > 0 || dropped > 0) yield lineOf();
}

export interface StdinRecord {
  /** The record's id as JSON text, copied from the input (`null` when there was none). */
  idJson: string;
  /** 1-based line number in the input. */
  line: number;
  task: Task | null;
  /** Why the record cannot be run (bad JSON, no text or path). */
  error?: string;
}

/** Where each member of a JSON object's text starts and ends (its value, after the colon), for text JSON.parse took. */
export function memberSpans(json: string): Map<string, { start: number; end: number }> {
  const spans = new Map<string, { start: number; end: number }>();
  let i = 0;
  const ws = () => {
    while (i < json.length && ' \t\r\n'.includes(json[i]!)) i++;
  };
  const string = () => {
    const from = i++;
    while (json[i] !== '"') i += json[i] === '\\' ? 2 : 1;
    i++;
    return json.slice(from, i);
  };
  const value = () => {
    let depth = 0;
    while (i < json.length) {
      const c = json[i]!;
      if (c === '"') {
        string();
        if (depth === 0) return;
        continue;
      }
      if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        if (depth === 0) return; // the end of the enclosing object
        if (--depth === 0) {
          i++;
          return;
        }
      } else if (depth === 0 && (c === ',' || ' \t\r\n'.includes(c))) return;
      i++;
    }
  };
  ws();
  i++; // {
  for (;;) {
    ws();
    if (json[i] !== '"') break;
    const key = JSON.parse(string()) as string;
    ws();
    i++; // :
    ws();
    const start = i;
    value();
    spans.set(key, { start, end: i }); // the last of duplicate keys, as JSON.parse keeps
    ws();
    if (json[i] !== ',') break;
    i++;
  }
  return spans;
}

/** The runs inside `span` of the line, placed at their markers in the parsed string `value` (the markers become U+FFFD). */
function runsIn(value: string, span: { start: number; end: number }, invalid: NonNullable<InputRecordLine['invalid']>): { text: string; runs: InvalidRun[] } {
  const inside = invalid.runs.filter((r) => r.at >= span.start && r.at < span.end);
  const runs: InvalidRun[] = [];
  let k = 0;
  for (let at = value.indexOf(invalid.marker); at !== -1 && k < inside.length; at = value.indexOf(invalid.marker, at + 1)) {
    runs.push({ ...inside[k++]!, at });
  }
  return { text: value.split(invalid.marker).join('\uFFFD'), runs };
}

/** The exact bytes of a path whose runs of invalid bytes were marked: the file is opened by these. */
function pathBytes(value: string, marker: string, runs: InvalidRun[]): Uint8Array {
  const encoder = new TextEncoder();
  const pieces = value.split(marker);
  const out: number[] = [];
  pieces.forEach((piece, k) => {
    out.push(...encoder.encode(piece));
    if (k < pieces.length - 1) out.push(...(runs[k]?.bytes ?? [0xef, 0xbf, 0xbd]));
  });
  return Uint8Array.from(out);
}

/** Turns each line's record into a task (or an error); every line, blank or not, gives one record. */
export async function* readRecords(lines: AsyncIterable<InputRecordLine>): AsyncGenerator<StdinRecord> {
  for await (const input of lines) {
    const n = input.line;
    const raw = input.text;
    if (input.tooLong) {
      yield { idJson: 'null', line: n, task: null, error: `line ${n}: ${input.tooLong}` };
      continue;
    }
    if (raw.trim() === '') {
      yield { idJson: 'null', line: n, task: null, error: `line ${n}: blank line (no record)` };
      continue;
    }
    let rec: unknown;
    try {
      rec = JSON.parse(raw);
    } catch {
      yield { idJson: 'null', line: n, task: null, error: `line ${n}: not valid JSON` };
      continue;
    }
    if (!rec || typeof rec !== 'object' || Array.isArray(rec)) {
      yield { idJson: 'null', line: n, task: null, error: `line ${n}: expected a JSON object with "id" and "text" or "path"` };
      continue;
    }
    const r = rec as { id?: unknown; text?: unknown; path?: unknown };
    const spans = memberSpans(raw);
    const idSpan = spans.get('id');
    let idJson = r.id === undefined || !idSpan ? 'null' : raw.slice(idSpan.start, idSpan.end);
    if (input.invalid) idJson = idJson.split(input.invalid.marker).join('\uFFFD');
    if (typeof r.text === 'string') {
      const span = spans.get('text');
      if (input.invalid?.tooMany) {
        yield { idJson, line: n, task: null, error: `line ${n}: ${input.invalid.tooMany}` };
      } else if (input.invalid && span) {
        const { text, runs } = runsIn(r.text, span, input.invalid);
        yield { idJson, line: n, task: { kind: 'text', seq: 0, text, ...(runs.length > 0 ? { invalid: runs } : {}) } };
      } else {
        yield { idJson, line: n, task: { kind: 'text', seq: 0, text: r.text } };
      }
    } else if (typeof r.path === 'string' && r.path !== '') {
      const span = spans.get('path');
      let path = r.path;
      let bytes: Uint8Array | undefined;
      if (input.invalid && span && r.path.includes(input.invalid.marker)) {
        const inside = input.invalid.runs.filter((x) => x.at >= span.start && x.at < span.end);
        bytes = pathBytes(r.path, input.invalid.marker, inside);
        path = r.path.split(input.invalid.marker).join('\uFFFD');
      }
      yield { idJson, line: n, task: { kind: 'file', seq: 0, path, ...(bytes ? { pathBytes: bytes } : {}), out: null, force: true, prev: null } };
    } else yield { idJson, line: n, task: null, error: `line ${n}: a record needs a string "text" or "path"` };
  }
}

/** The output line for a record and its result. */
export function answerLine(rec: StdinRecord, result: TaskResult | null): string {
  if (!result) return `{"id":${rec.idJson},"error":${JSON.stringify(rec.error ?? 'unusable record')}}\n`;
  if (result.status === 'failed') {
    const where = rec.task?.kind === 'file' ? `${rec.task.path}: ` : '';
    return `{"id":${rec.idJson},"error":${JSON.stringify(where + result.reason)}}\n`;
  }
  if (result.status === 'converted' && result.json !== undefined) {
    // JSON.stringify never writes a raw newline, so one in `json` separates the documents of a
    // multi-page input (a PDF): they are answered together, keeping one line per record.
    if (result.json.includes('\n')) return `{"id":${rec.idJson},"documents":[${result.json.split('\n').join(',')}]}\n`;
    return `{"id":${rec.idJson},"document":${result.json}}\n`;
  }
  return `{"id":${rec.idJson},"error":"internal error: no document; please report this"}\n`;
}
