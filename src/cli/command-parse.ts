/** The main command: parse each input page and print or write its document. */
import { writeFile } from 'node:fs/promises';
import { convertFile, loadProfileOnce, type PageResult } from '../convert/convert-page.js';
import type { ConvertSettings } from '../convert/settings.js';
import type { InputLine, NewsDocument } from '../core/model.js';
import { fsReason } from '../io/fs-reason.js';
import { readInputBytes } from './input-bytes.js';
import { EXIT, InputError, UserError } from './errors.js';
import type { CliIO } from '../ports.js';

export interface ParseCommandOptions {
  format?: 'json' | 'text' | 'tei' | 'mets' | 'html';
  inputFormat?: 'auto' | 'text' | 'alto' | 'hocr';
  maxXmlMb?: number;
  json?: boolean;
  output?: string;
  encoding?: string;
  keepSpacing?: boolean;
  /** --profile: a built-in profile name or a profile JSON file. */
  profile?: string;
  /** --convert: script conversion of the output text. */
  convert?: 't2s' | 's2t' | 's2tw' | 's2hk' | 'none';
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
  const bytes = await readInputBytes(path, io);
  const pages: ConvertedPage[] = [];
  for await (const result of convertFile({ path: path === '-' ? null : path, bytes }, settings)) {
    if (!result.document) throw failureError(path === '-' ? '<stdin>' : path, result);
    pages.push({ document: result.document, lines: result.lines });
  }
  return pages;
}

export async function commandParse(inputs: string[], opts: ParseCommandOptions, io: CliIO): Promise<number> {
  if (inputs.length === 0) throw new UserError('no input given (try: news-parse page.txt, or news-parse --help)');
  const settings = await convertSettings(opts, io.cwd);
  const format = opts.json ? 'json' : (opts.format ?? (opts.output || !io.stdout.isTTY ? 'json' : 'text'));
  const chunks: string[] = [];
  let failures = 0;
  let render: ((doc: NewsDocument, lines: InputLine[]) => string) | undefined;
  if (format === 'html') {
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
    for (const { document: doc, lines } of docs) chunks.push(render ? render(doc, lines) : JSON.stringify(doc, null, indent) + '\n');
  }
  const out = chunks.join('');
  if (opts.output) {
    try {
      await writeFile(opts.output, out);
    } catch (err) {
      throw new UserError(`${opts.output}: cannot write: ${fsReason(err)}`);
    }
  } else {
    io.stdout.write(out);
  }
  if (failures === 0) return EXIT.ok;
  return failures === inputs.length ? EXIT.usage : EXIT.findings;
}
