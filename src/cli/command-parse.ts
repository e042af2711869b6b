/** The main command: parse each input page and print or write its document. */
import { writeFile } from 'node:fs/promises';
import { parseBytes, UnusableInputError } from '../index.js';
import type { NewsDocument } from '../core/model.js';
import { newsDocumentProblems } from '../schema/validate.js';
import { readInputBytes, fsReason } from '../io/read-input.js';
import { EXIT, InputError, UserError } from './errors.js';
import type { CliIO } from './io.js';

export interface ParseCommandOptions {
  format?: 'json' | 'text';
  json?: boolean;
  output?: string;
  encoding?: string;
  keepSpacing?: boolean;
}

/** Parse one input into a schema-checked document; throws InputError for unusable input. */
export async function convertOne(path: string, opts: ParseCommandOptions, io: CliIO): Promise<NewsDocument> {
  const bytes = await readInputBytes(path, io);
  let doc: NewsDocument;
  try {
    doc = parseBytes(bytes, {
      path: path === '-' ? null : path,
      ...(opts.encoding ? { encoding: opts.encoding } : {}),
      keepSpacing: Boolean(opts.keepSpacing),
    });
  } catch (err) {
    if (err instanceof UnusableInputError) throw new InputError(path === '-' ? '<stdin>' : path, err.reason);
    throw err;
  }
  const problems = newsDocumentProblems(doc);
  if (problems.length > 0) {
    const first = problems[0]!;
    throw new UserError(
      `${path}: internal error: output does not match the schema (${first.path} ${first.message}); please report this`,
      EXIT.internal,
    );
  }
  return doc;
}

export async function commandParse(inputs: string[], opts: ParseCommandOptions, io: CliIO): Promise<number> {
  if (inputs.length === 0) throw new UserError('no input given (try: news-parse page.txt, or news-parse --help)');
  const format = opts.json ? 'json' : (opts.format ?? (opts.output || !io.stdout.isTTY ? 'json' : 'text'));
  const chunks: string[] = [];
  let failures = 0;
  let render: ((doc: NewsDocument) => string) | undefined;
  if (format === 'text') {
    const { formatDocumentText, colorLevel } = await import('../report/format-text.js');
    const level = opts.output ? 0 : colorLevel(io);
    render = (doc) => formatDocumentText(doc, level);
  }
  for (const input of inputs) {
    let doc: NewsDocument;
    try {
      doc = await convertOne(input, opts, io);
    } catch (err) {
      if (!(err instanceof InputError) || inputs.length === 1) throw err;
      io.stderr.write(`news-parse: ${err.message}\n`);
      failures++;
      continue;
    }
    if (render) chunks.push(render(doc));
    else chunks.push(inputs.length === 1 ? JSON.stringify(doc, null, 2) + '\n' : JSON.stringify(doc) + '\n');
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
