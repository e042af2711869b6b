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
 * `id` is copied as given (any JSON value). Blank lines are ignored. Bad
 * records are answered in-band with an error line, so a map task does not fail
 * because of one page; only a broken stdin/stdout ends the run.
 */
import type { Task, TaskResult } from './task.js';

/** Splits a byte stream into lines (without the `\n`, and without a `\r` before it). */
export async function* readLines(stream: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let rest = '';
  for await (const chunk of stream) {
    rest += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let i = rest.indexOf('\n'); i !== -1; i = rest.indexOf('\n', start)) {
      yield trimCr(rest.slice(start, i));
      start = i + 1;
    }
    rest = rest.slice(start);
  }
  rest += decoder.decode();
  if (rest !== '') yield trimCr(rest);
}

function trimCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

export interface StdinRecord {
  /** The record's id as JSON text (`null` when there was none). */
  idJson: string;
  /** 1-based line number in the input. */
  line: number;
  task: Task | null;
  /** Why the record cannot be run (bad JSON, no text or path). */
  error?: string;
}

/** Numbers the non-blank lines' records and turns each into a task (or an error). */
export async function* readRecords(lines: AsyncIterable<string>): AsyncGenerator<StdinRecord> {
  let n = 0;
  for await (const raw of lines) {
    n++;
    if (raw.trim() === '') continue;
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
    const idJson = r.id === undefined ? 'null' : JSON.stringify(r.id);
    if (typeof r.text === 'string') yield { idJson, line: n, task: { kind: 'text', seq: 0, text: r.text } };
    else if (typeof r.path === 'string' && r.path !== '')
      yield { idJson, line: n, task: { kind: 'file', seq: 0, path: r.path, out: null, force: true, prev: null } };
    else yield { idJson, line: n, task: null, error: `line ${n}: a record needs a string "text" or "path"` };
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
