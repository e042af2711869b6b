/** The main command: parse each input page and print or write its document. */
import { writeFile } from 'node:fs/promises';
import { UnusableInputError } from '../index.js';
import { readDocument } from '../io/convert-file.js';
import type { NewsDocument } from '../core/model.js';
import { newsDocumentProblems } from '../schema/validate.js';
import { readInputBytes, fsReason } from '../io/read-input.js';
import { EXIT, InputError, UserError } from './errors.js';
import type { CliIO } from './io.js';

export interface ParseCommandOptions {
  format?: 'json' | 'text' | 'tei' | 'mets';
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

type LoadedProfile = import('../profile/types.js').Profile;
const profiles = new Map<string, Promise<LoadedProfile>>();

/** The --profile, loaded once per run (and only imported when asked); a bad profile is a UserError (exit 2). */
export async function profileFor(nameOrPath: string, cwd: string): Promise<LoadedProfile> {
  const key = `${cwd}\0${nameOrPath}`;
  let p = profiles.get(key);
  if (!p) {
    p = import('../profile/load-profile.js').then(({ loadProfile }) => loadProfile(nameOrPath, cwd));
    profiles.set(key, p);
    p.catch(() => profiles.delete(key));
  }
  try {
    return await p;
  } catch (err) {
    if (err instanceof Error && err.name === 'ProfileError') throw new UserError(err.message);
    throw err;
  }
}

/** Parse one input into a schema-checked document; throws InputError for unusable input. */
export async function convertOne(path: string, opts: ParseCommandOptions, io: CliIO): Promise<NewsDocument> {
  const profile = opts.profile ? await profileFor(opts.profile, io.cwd) : null;
  const bytes = await readInputBytes(path, io);
  let doc: NewsDocument;
  try {
    if (opts.maxXmlMb !== undefined && !(opts.maxXmlMb > 0)) throw new UserError('--max-xml-mb must be a positive number');
    doc = await readDocument(path, bytes, {
      sourcePath: path === '-' ? null : path,
      ...(opts.encoding ? { encoding: opts.encoding } : {}),
      keepSpacing: Boolean(opts.keepSpacing),
      inputFormat: opts.inputFormat ?? 'auto',
      ...(opts.maxXmlMb !== undefined ? { maxXmlMb: opts.maxXmlMb } : {}),
      ...(profile ? { markers: profile.markers } : {}),
    });
  } catch (err) {
    if (err instanceof UnusableInputError) throw new InputError(path === '-' ? '<stdin>' : path, err.reason);
    throw err;
  }
  if (profile) doc = { ...doc, tool: { ...doc.tool, options: { ...(doc.tool.options ?? {}), profile: profile.name } } };
  if (opts.convert && opts.convert !== 'none') {
    // Loaded only when asked: a run without --convert never imports opencc-js.
    const { convertDocument } = await import('../io/convert-script.js');
    doc = await convertDocument(doc, opts.convert);
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
  // A bad profile fails the run before any input is read.
  if (opts.profile) await profileFor(opts.profile, io.cwd);
  const format = opts.json ? 'json' : (opts.format ?? (opts.output || !io.stdout.isTTY ? 'json' : 'text'));
  const chunks: string[] = [];
  let failures = 0;
  let render: ((doc: NewsDocument) => string) | undefined;
  if (format === 'text') {
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
