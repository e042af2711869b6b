/**
 * `news-parse validate FILE|DIR|-…`: check documents against their schema.
 *
 * A file is one JSON document, or JSON Lines (`.jsonl`/`.ndjson`, or any file
 * that is not one JSON value but whose lines are): every line is checked and
 * named by its number. A directory is walked (sorted, hidden entries skipped)
 * for `.json`, `.jsonl` and `.ndjson`. What each value is decides its schema:
 * a NewsDocument by default, a NewsIssue (`"kind": "issue"`), an article
 * record (`sources` and `bylineRole`, no `schemaVersion`), the answer lines
 * of `--stdin-jsonl` (`{"id", "document"|"documents"|"error"}`: the documents
 * are checked, an error line is a finding); a batch manifest is named and
 * not checked. A problem is `FILE[:LINE]: /json/pointer: what is wrong`, the
 * pointer naming the property itself. Exit 1 when anything is invalid, 2 when
 * an input cannot be read or is not JSON at all.
 */
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fsReason } from '../io/fs-reason.js';
import { JsonSyntaxError, parseJson } from '../io/parse-json.js';
import type { CliIO } from '../ports.js';
import { newsDocumentProblems, type SchemaProblem } from '../schema/validate.js';
import { EXIT, InputError } from './errors.js';
import { readInputBytes } from './input-bytes.js';

/** Problems printed per document: past these, one line says how many more. */
const MAX_PROBLEMS_SHOWN = 20;

const JSON_LINES = /\.(?:jsonl|ndjson)$/iu;
const WALKED = /\.(?:json|jsonl|ndjson)$/iu;

interface Tally {
  invalid: number;
  unreadable: number;
}

type Checker = (data: unknown) => SchemaProblem[];

/** The schemas other than the document's, loaded only when such a value comes. */
async function checkerFor(data: unknown): Promise<{ what: string; check: Checker } | { skip: string }> {
  const o = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  if (o && 'manifestVersion' in o) return { skip: 'a batch manifest (OUT/manifest.json), not a document: not checked' };
  if (o && o['kind'] === 'issue') return { what: 'issue', check: (await import('../schema/validate-issue.js')).newsIssueProblems };
  if (o && !('schemaVersion' in o) && 'sources' in o && 'bylineRole' in o) {
    return { what: 'article record', check: (await import('../schema/validate-article-record.js')).articleRecordProblems };
  }
  return { what: 'document', check: newsDocumentProblems };
}

/** A `--stdin-jsonl` answer line: its documents, or the error it carries. */
function unwrapAnswer(data: unknown): { documents: unknown[] } | { error: string } | null {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return null;
  const o = data as Record<string, unknown>;
  if (!('id' in o) || 'schemaVersion' in o) return null;
  if ('document' in o) return { documents: [o['document']] };
  if (Array.isArray(o['documents'])) return { documents: o['documents'] };
  if (typeof o['error'] === 'string') return { error: o['error'] };
  return null;
}

/** Checks one JSON value; prints its problems under `where`; returns whether it is valid. */
async function checkValue(data: unknown, where: string, io: CliIO): Promise<boolean> {
  const answer = unwrapAnswer(data);
  if (answer && 'error' in answer) {
    io.stdout.write(`${where}: id ${JSON.stringify((data as { id: unknown }).id)}: an error line, no document: ${answer.error}\n`);
    return false;
  }
  const values = answer ? answer.documents : [data];
  let valid = true;
  for (const [i, value] of values.entries()) {
    const prefix = answer && values.length > 1 ? `${where}: documents/${i}` : where;
    const checker = await checkerFor(value);
    if ('skip' in checker) {
      io.stdout.write(`${prefix}: ${checker.skip}\n`);
      continue;
    }
    const problems = checker.check(value);
    if (problems.length === 0) continue;
    valid = false;
    for (const p of problems.slice(0, MAX_PROBLEMS_SHOWN)) io.stdout.write(`${prefix}: ${p.path}: ${p.message}\n`);
    if (problems.length > MAX_PROBLEMS_SHOWN) io.stdout.write(`${prefix}: … and ${problems.length - MAX_PROBLEMS_SHOWN} more problems\n`);
  }
  return valid;
}

/** Why text is not JSON, in one line: `line L, column C: reason` (parseJson), or just the column for one line of JSON Lines. */
function jsonError(err: unknown, ofLine: boolean): string {
  if (err instanceof JsonSyntaxError) return ofLine ? `column ${err.column}: ${err.reason}` : err.message;
  return (err instanceof Error ? err.message : String(err)).replace(/\s+/gu, ' ');
}

/** Checks each line of JSON Lines; blank lines are skipped. */
async function checkLines(lines: AsyncIterable<string>, file: string, io: CliIO, tally: Tally): Promise<void> {
  let n = 0;
  let checked = 0;
  let bad = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    checked++;
    let data: unknown;
    try {
      data = parseJson(line);
    } catch (err) {
      io.stdout.write(`${file}:${n}: not JSON (${jsonError(err, true)})\n`);
      bad++;
      continue;
    }
    if (!(await checkValue(data, `${file}:${n}`, io))) bad++;
  }
  if (bad > 0) tally.invalid++;
  else io.stdout.write(`${file}: valid (${checked} line${checked === 1 ? '' : 's'})\n`);
}

async function* linesOfText(text: string): AsyncGenerator<string> {
  for (const line of text.split(/\r?\n/u)) yield line;
}

/** Whether text that is not one JSON value reads as JSON Lines (its first non-blank line is JSON). */
function looksLikeJsonLines(text: string): boolean {
  const lines = text.split(/\r?\n/u).filter((l) => l.trim() !== '');
  if (lines.length < 2) return false;
  try {
    JSON.parse(lines[0]!);
    return true;
  } catch {
    return false;
  }
}

async function checkFile(file: string, io: CliIO, tally: Tally): Promise<void> {
  if (file !== '-' && JSON_LINES.test(file) && statSync(file).isFile()) {
    // Streamed: a batch's JSON Lines may be far larger than memory wants to hold.
    await checkLines(createInterface({ input: createReadStream(file), crlfDelay: Infinity }), file, io, tally);
    return;
  }
  const text = new TextDecoder().decode(await readInputBytes(file, io)).replace(/^\uFEFF/u, '');
  let data: unknown;
  try {
    data = parseJson(text);
  } catch (err) {
    if (looksLikeJsonLines(text)) {
      await checkLines(linesOfText(text), file, io, tally);
      return;
    }
    throw new InputError(file, `not JSON (${jsonError(err, false)})`);
  }
  if (await checkValue(data, file, io)) {
    if (unwrapAnswer(data) === null && !(await checkerFor(data).then((c) => 'skip' in c))) io.stdout.write(`${file}: valid\n`);
  } else tally.invalid++;
}

/** The files to check under a directory: sorted, hidden entries skipped, only regular files. */
function walk(dir: string): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(path));
    else if (e.isFile() && WALKED.test(e.name)) out.push(path);
  }
  return out;
}

/** An argument as the files it stands for: itself, or a directory's JSON files. */
function filesOf(arg: string): string[] {
  if (arg === '-') return [arg];
  const info = statSync(arg, { throwIfNoEntry: false });
  if (!info) throw new InputError(arg, 'no such file');
  if (info.isDirectory()) {
    const files = walk(arg);
    if (files.length === 0) throw new InputError(arg, 'holds no .json, .jsonl or .ndjson files');
    return files;
  }
  // Anything else (a FIFO, a device) is refused by readInputBytes, without blocking, in its own words.
  return [arg];
}

export async function commandValidate(args: string[], io: CliIO): Promise<number> {
  const tally: Tally = { invalid: 0, unreadable: 0 };
  for (const arg of args) {
    let files: string[];
    try {
      files = filesOf(arg);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      io.stderr.write(`news-parse: ${err.message}\n`);
      tally.unreadable++;
      continue;
    }
    for (const file of files) {
      try {
        await checkFile(file, io, tally);
      } catch (err) {
        const message = err instanceof InputError ? err.message : `${file}: ${fsReason(err)}`;
        io.stderr.write(`news-parse: ${message}\n`);
        tally.unreadable++;
      }
    }
  }
  if (tally.unreadable > 0) return EXIT.usage;
  return tally.invalid > 0 ? EXIT.findings : EXIT.ok;
}
