/** The main command: parse each input page and print or write its document. */
import { convertFile, loadProfileOnce, type PageResult } from '../convert/convert-page.js';
import type { ConvertSettings } from '../convert/settings.js';
import type { InputLine, NewsDocument } from '../core/model.js';
import { fsReason } from '../io/fs-reason.js';
import { documentJson } from '../report/json-pieces.js';
import { readInputBytes } from './input-bytes.js';
import { EXIT, InputError, UserError } from './errors.js';
import { normalizeDate } from '../core/normalize-date.js';
import type { CliIO } from '../ports.js';

export interface ParseCommandOptions {
  format?: 'json' | 'text' | 'tei' | 'mets' | 'html';
  inputFormat?: 'auto' | 'text' | 'alto' | 'hocr' | 'pdf';
  /** --pages: PDF pages to read, `1-3,7`. */
  pages?: string;
  maxXmlMb?: number;
  json?: boolean;
  output?: string;
  encoding?: string;
  keepSpacing?: boolean;
  /** --profile: a built-in profile name or a profile JSON file. */
  profile?: string;
  /** --convert: script conversion of the output text. */
  convert?: 't2s' | 's2t' | 's2tw' | 's2hk' | 'none';
  /** --paper, --date, --edition: the issue the pages belong to (stable ids). */
  paper?: string;
  date?: string;
  edition?: string;
  /** --issue: the inputs are the pages of one issue. */
  issue?: boolean;
  /** --articles: write one record per article instead of documents. */
  articles?: 'jsonl' | 'csv';
  /** --bom: start --articles csv with a UTF-8 byte-order mark. */
  bom?: boolean;
}

/** --paper, --date, --edition checked: codes that make ids safe to split and to use as XML ids. */
export function issueSettings(opts: ParseCommandOptions): ConvertSettings['issue'] {
  if (opts.paper !== undefined && !/^[a-z][a-z0-9]{0,15}$/u.test(opts.paper)) {
    throw new UserError(`--paper must be a lower-case code of letters and digits starting with a letter, at most 16 (got "${opts.paper}")`);
  }
  if (opts.edition !== undefined && !/^[a-z0-9]{1,8}$/u.test(opts.edition)) {
    throw new UserError(`--edition must be lower-case letters and digits, at most 8 (got "${opts.edition}")`);
  }
  if (opts.date !== undefined && (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/u.test(opts.date) || normalizeDate(opts.date).iso !== opts.date)) {
    throw new UserError(`--date must be a calendar date written YYYY-MM-DD (got "${opts.date}")`);
  }
  const issue = {
    ...(opts.paper !== undefined ? { paper: opts.paper } : {}),
    ...(opts.date !== undefined ? { date: opts.date } : {}),
    ...(opts.edition !== undefined ? { edition: opts.edition } : {}),
  };
  return Object.keys(issue).length > 0 ? issue : null;
}

/**
 * The conversion settings of the main command's options (parse and batch
 * alike); a bad --max-xml-mb or --profile fails here, before any input is read.
 */
export async function convertSettings(opts: ParseCommandOptions, cwd: string): Promise<ConvertSettings> {
  if (opts.maxXmlMb !== undefined && !(opts.maxXmlMb > 0)) throw new UserError('--max-xml-mb must be a positive number');
  if (opts.profile) {
    try {
      await loadProfileOnce(opts.profile, cwd);
    } catch (err) {
      if (err instanceof Error && err.name === 'ProfileError') throw new UserError(err.message);
      throw err;
    }
  }
  return {
    encoding: opts.encoding ?? null,
    keepSpacing: Boolean(opts.keepSpacing),
    inputFormat: opts.inputFormat ?? 'auto',
    maxXmlMb: opts.maxXmlMb ?? null,
    profile: opts.profile ?? null,
    convert: opts.convert && opts.convert !== 'none' ? opts.convert : null,
    cwd,
    issue: issueSettings(opts),
    pages: opts.pages ?? null,
  };
}

/** A failed page as the CLI reports it: InputError (exit 2), or UserError exit 3 for our own bug. */
export function failureError(file: string, result: PageResult): UserError {
  const { failure } = result;
  if (!failure) throw new Error('failureError called on a converted page');
  const where = result.page !== null ? `${file} page ${result.page}` : file;
  return failure.code === 'schema-mismatch' ? new UserError(`${where}: ${failure.reason}`, EXIT.internal) : new InputError(where, failure.reason);
}

/** A converted page: its document and the lines read (which only the review page needs). */
export interface ConvertedPage {
  document: NewsDocument;
  lines: InputLine[];
}

/** The pages of one input; throws InputError for unusable input (the first failed page). */
export async function convertInput(path: string, settings: ConvertSettings, io: CliIO): Promise<ConvertedPage[]> {
  const pages: ConvertedPage[] = [];
  // The bytes go to the road with no name here, which lets go of them once decoded (see convertFile).
  for await (const result of convertFile({ path: path === '-' ? null : path, bytes: await readInputBytes(path, io) }, settings)) {
    if (!result.document) throw failureError(path === '-' ? '<stdin>' : path, result);
    pages.push({ document: result.document, lines: result.lines });
  }
  return pages;
}

/** --articles: each page's documents as article records (JSON Lines or CSV with one header). */
export async function articlesRenderer(format: 'jsonl' | 'csv', bom: boolean): Promise<(doc: NewsDocument) => string> {
  if (format !== 'jsonl' && format !== 'csv') throw new UserError(`--articles must be jsonl or csv (got "${String(format)}")`);
  const [{ ArticlesWriter, RecordSchemaError }, { pageRecords }] = await Promise.all([import('../report/write-articles.js'), import('../report/article-records.js')]);
  const writer = new ArticlesWriter(format, bom);
  return (doc) => {
    try {
      return writer.chunk(pageRecords(doc));
    } catch (err) {
      if (err instanceof RecordSchemaError) throw new UserError(`${doc.source.path ?? '<stdin>'}: ${err.message}`, EXIT.internal);
      throw err;
    }
  };
}

function* outputPieces(chunks: (string | Iterable<string>)[]): Generator<string> {
  for (const chunk of chunks) {
    if (typeof chunk === 'string') yield chunk;
    else yield* chunk;
  }
}

export async function commandParse(inputs: string[], opts: ParseCommandOptions, io: CliIO): Promise<number> {
  if (inputs.length === 0) {
    // `news-parse < page.txt`: standard input is the page. On a terminal there is nothing to read.
    if (io.stdinIsTTY && !io.stdinIsTTY()) inputs = ['-'];
    else throw new UserError('no input given: name a page file (news-parse page.txt), give - to read standard input, or see news-parse --help');
  }
  const settings = await convertSettings(opts, io.cwd);
  const format = opts.json ? 'json' : (opts.format ?? (opts.output || !io.stdout.isTTY ? 'json' : 'text'));
  const chunks: (string | Iterable<string>)[] = [];
  let failures = 0;
  let render: ((doc: NewsDocument, lines: InputLine[]) => string) | undefined;
  if (opts.articles) {
    render = await articlesRenderer(opts.articles, Boolean(opts.bom));
  } else if (format === 'html') {
    // A review page is one whole HTML file: several pages go to --review-dir.
    if (inputs.length > 1) throw new UserError('--format html writes one page; for several, use --review-dir DIR');
    const { writeHtml } = await import('../report/write-html.js');
    render = (doc, lines) => writeHtml(doc, lines);
  } else if (format === 'text') {
    const { formatDocumentText, colorLevel } = await import('../report/format-text.js');
    const level = opts.output ? 0 : colorLevel(io);
    render = (doc) => formatDocumentText(doc, level);
  } else if (format === 'tei') {
    const { writeTei } = await import('../report/write-tei.js');
    render = writeTei;
  } else if (format === 'mets') {
    const { writeMets } = await import('../report/write-mets.js');
    render = (doc) => {
      if (doc.source.format !== 'alto') throw new UserError(`${doc.source.path ?? '<stdin>'}: --format mets needs ALTO input (this is ${doc.source.format})`);
      return writeMets(doc);
    };
  }
  for (const input of inputs) {
    let docs: ConvertedPage[];
    try {
      docs = await convertInput(input, settings, io);
    } catch (err) {
      if (!(err instanceof InputError) || inputs.length === 1) throw err;
      io.stderr.write(`news-parse: ${err.message}\n`);
      failures++;
      continue;
    }
    // One document is indented JSON; several (inputs, or the pages of one input) are JSON Lines.
    const indent = inputs.length === 1 && docs.length === 1 ? 2 : undefined;
    if (format === 'html' && docs.length > 1) throw new UserError(`${input}: holds ${docs.length} pages; --format html writes one, use --review-dir DIR`);
    for (const { document: doc, lines } of docs) {
      if (render) chunks.push(render(doc, lines));
      // The one input's JSON is written in pieces when it is large, never held whole (a 50 MB page's is ~360 MB
      // as a string); several inputs are JSON Lines, each line held whole.
      else chunks.push(inputs.length === 1 ? documentJson(doc, indent) : JSON.stringify(doc, null, indent) + '\n');
    }
  }
  const out = outputPieces(chunks);
  if (opts.output) {
    try {
      // Imported here: write-atomic brings node:fs/promises, which a run printing to standard output never needs.
      const { writeOutputFile } = await import('../batch/write-atomic.js');
      await writeOutputFile(opts.output, out);
    } catch (err) {
      throw new UserError(`${opts.output}: cannot write: ${fsReason(err)}`);
    }
  } else {
    for (const piece of out) io.stdout.write(piece);
  }
  if (failures === 0) return EXIT.ok;
  return failures === inputs.length ? EXIT.usage : EXIT.findings;
}
