/**
 * `news-parse eval INPUT… --gold DIR|FILE`: parse each page, score it against
 * its gold document, print a report and apply the quality gate.
 *
 * Pairing an input with its gold file:
 *   - fixtures layout: a folder per case with `input.*` and `expected.json`;
 *   - name layout: `NAME.txt` (or any page extension: .xml, .hocr, .hocr.html…) with `NAME.gold.json`.
 * The gold file is looked for under the gold folder at the same relative path
 * as the input, then under the gold folder by case-folder name, then beside
 * the input. Directories are searched for pages as a batch finds them
 * (src/convert/find-pages.ts); there, a `NAME.txt` without a gold file is skipped,
 * but an `input.*` without one is an error. Each page is converted on the
 * same road as `news-parse FILE` (src/convert/convert-page.ts).
 *
 * Exit: 0 gate passed, 1 gate failed, 2 unusable input (missing or bad gold
 * file, unreadable page, bad option).
 */
import { stat } from 'node:fs/promises';
import { writeOutputFile } from '../batch/write-atomic.js';
import { parseJson } from '../io/parse-json.js';
import { notRegularForWriting, readRegularFile, readRegularText } from '../io/read-regular.js';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { convertPage } from '../convert/convert-page.js';
import { stripPageExtension } from '../convert/readers.js';
import { defaultSettings } from '../convert/settings.js';
import { decodeBytes, textBeforeRepairs } from '../core/decode.js';
import type { InputLine, NewsDocument } from '../core/model.js';
import { findPages } from '../convert/find-pages.js';
import { fsReason } from '../io/fs-reason.js';
import { compareBaseline, makeBaseline, readBaseline, type Baseline } from '../eval/baseline.js';
import { parseThresholds, type Threshold } from '../eval/gate.js';
import { goldProblems, type GoldDocument } from '../eval/gold.js';
import { buildReport, type ScoredPage } from '../eval/report.js';
import { scorePage, type ScoreOptions } from '../eval/score-page.js';
import { MATCH_THRESHOLD, STRICT_MATCH_THRESHOLD } from '../eval/match-articles.js';
import { groupOf, parseGroupBy, type GroupBy } from '../eval/page-group.js';
import type { EvalPageDocuments } from '../report/eval-html.js';
import { metricsOf, sumCounts } from '../eval/aggregate.js';
import { VERSION } from '../version.js';
import { failureError } from './command-parse.js';
import { EXIT, InputError, UserError } from './errors.js';
import type { CliIO } from '../ports.js';

export interface EvalCommandOptions {
  gold?: string;
  format?: 'text' | 'json' | 'github' | 'html';
  /** --format html: the folder the pages go to. */
  out?: string;
  min?: string;
  max?: string;
  baseline?: string;
  updateBaseline?: boolean;
  match?: string;
  groupBy?: string;
  summary?: boolean;
}

interface EvalCase {
  /** Absolute paths, for reading. */
  inputPath: string;
  goldPath: string;
  /** Paths relative to the working directory, for reports and the baseline. */
  input: string;
  gold: string;
  /** The baseline key: the input's path relative to the gold root (see pageKey). */
  key: string;
}

function display(cwd: string, path: string): string {
  const rel = relative(cwd, path) || '.';
  return sep === '/' ? rel : rel.split(sep).join('/');
}

async function kindOf(path: string): Promise<'file' | 'dir' | null> {
  try {
    const s = await stat(path);
    // A FIFO or device counts as a file here: reading it (src/io/read-regular.ts) says what it is, without blocking.
    return s.isDirectory() ? 'dir' : 'file';
  } catch {
    return null;
  }
}

/** The name of `name` without its page extension (or, for any other file, its last extension). */
function stem(name: string): string {
  const base = stripPageExtension(name);
  return base !== name ? base : name.replace(/\.[^.]*$/u, '');
}

/**
 * The page's key in the baseline, independent of the working directory: the
 * input's path relative to the --gold folder when it lies inside it (the
 * fixtures layout), else relative to the folder it was found in (the path
 * that also finds its gold under a parallel --gold tree), '/'-separated.
 */
function pageKey(inputPath: string, root: string, goldDir: string | null): string {
  const inside = goldDir !== null && !relative(goldDir, inputPath).startsWith('..');
  return display(inside ? goldDir! : root, inputPath);
}

/** Where the gold file of `inputPath` may be, best first. */
function goldCandidates(inputPath: string, root: string, goldDir: string | null): string[] {
  const name = stem(basename(inputPath));
  const isCase = name.toLowerCase() === 'input';
  const goldName = isCase ? 'expected.json' : name + '.gold.json';
  const rel = relative(root, dirname(inputPath));
  const out: string[] = [];
  if (goldDir) {
    out.push(join(goldDir, rel, goldName));
    if (isCase) out.push(join(goldDir, basename(dirname(inputPath)), goldName));
  }
  out.push(join(dirname(inputPath), goldName));
  return [...new Set(out)];
}

async function firstFile(paths: string[]): Promise<string | null> {
  for (const p of paths) if ((await kindOf(p)) === 'file') return p;
  return null;
}

/** The cases to score, in input order, each input once. */
async function collectCases(inputs: string[], goldArg: string | undefined, cwd: string): Promise<EvalCase[]> {
  let goldDir: string | null = null;
  let goldFile: string | null = null;
  if (goldArg !== undefined) {
    const abs = resolve(cwd, goldArg);
    const kind = await kindOf(abs);
    if (kind === null) throw new InputError(goldArg, 'no such file or directory (--gold)');
    if (kind === 'dir') goldDir = abs;
    else goldFile = abs;
  }
  const cases: EvalCase[] = [];
  const seen = new Set<string>();
  const add = (inputPath: string, goldPath: string, root: string) => {
    if (seen.has(inputPath)) return;
    seen.add(inputPath);
    cases.push({ inputPath, goldPath, input: display(cwd, inputPath), gold: display(cwd, goldPath), key: pageKey(inputPath, root, goldDir) });
  };
  for (const arg of inputs) {
    const abs = resolve(cwd, arg);
    const kind = await kindOf(abs);
    if (kind === null) throw new InputError(arg, 'no such file or directory');
    if (kind === 'file') {
      if (goldFile) {
        add(abs, goldFile, dirname(goldFile));
        continue;
      }
      const candidates = goldCandidates(abs, dirname(abs), goldDir);
      const gold = await firstFile(candidates);
      if (!gold) throw new InputError(arg, `no gold file (looked for ${candidates.map((c) => display(cwd, c)).join(', ')})`);
      add(abs, gold, dirname(abs));
      continue;
    }
    if (goldFile) throw new UserError(`--gold ${goldArg} is a file; it can only pair with one input file, not the folder ${arg}`);
    const onError = (path: string, err: unknown) => {
      throw new InputError(display(cwd, path), fsReason(err));
    };
    for await (const rel of findPages(abs, onError)) {
      const file = join(abs, rel);
      const isCase = stem(basename(file)).toLowerCase() === 'input';
      const candidates = goldCandidates(file, abs, goldDir);
      const gold = await firstFile(candidates);
      if (gold) add(file, gold, abs);
      else if (isCase) throw new InputError(display(cwd, file), `no gold file (looked for ${candidates.map((c) => display(cwd, c)).join(', ')})`);
    }
  }
  if (goldFile && cases.length > 1) throw new UserError(`--gold ${goldArg} is a file; give exactly one input with it`);
  return cases;
}

async function readGold(c: EvalCase): Promise<GoldDocument> {
  let data: unknown;
  try {
    data = parseJson(await readRegularText(c.goldPath));
  } catch (err) {
    const reason = err instanceof SyntaxError ? `not JSON (${err.message})` : fsReason(err);
    throw new InputError(c.gold, `bad gold file: ${reason}`);
  }
  const problems = goldProblems(data);
  if (problems.length > 0) {
    // The deepest path is the most specific complaint (oneOf reports its branches first).
    const worst = [...problems].sort((a, b) => b.path.length - a.path.length)[0]!;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new InputError(c.gold, `bad gold file: ${worst.path} ${worst.message}${more}`);
  }
  return data as GoldDocument;
}

/** The page eval scores: `news-parse FILE`'s document (and the lines read), on the same road with the default settings. */
export async function evalPage(input: string, bytes: Uint8Array, cwd: string): Promise<{ document: NewsDocument; lines: InputLine[] }> {
  const result = await convertPage({ path: input, bytes }, defaultSettings(cwd));
  if (!result.document) throw failureError(input, result);
  return { document: result.document, lines: result.lines };
}

/** The document of `evalPage`. */
export async function evalDocument(input: string, bytes: Uint8Array, cwd: string): Promise<NewsDocument> {
  return (await evalPage(input, bytes, cwd)).document;
}

/** The `variant` of each input named in an `index.json` beside it (the dev-pages and generated corpora have one). */
async function indexVariants(dir: string, cache: Map<string, Map<string, string>>): Promise<Map<string, string>> {
  let variants = cache.get(dir);
  if (variants) return variants;
  variants = new Map();
  cache.set(dir, variants);
  let data: unknown;
  try {
    data = parseJson(await readRegularText(join(dir, 'index.json')));
  } catch {
    return variants; // no index (or not JSON): the file names decide
  }
  if (Array.isArray(data)) {
    for (const e of data as { input?: unknown; variant?: unknown }[]) {
      if (e && typeof e.input === 'string' && typeof e.variant === 'string') variants.set(e.input, e.variant);
    }
  }
  return variants;
}

function matchOf(opts: EvalCommandOptions): number {
  if (opts.match === undefined) return MATCH_THRESHOLD;
  const v = Number(opts.match);
  if (opts.match.trim() === '' || !Number.isFinite(v) || v <= 0 || v > 1) {
    throw new UserError(`--match: expected a body similarity in (0, 1], got '${opts.match}'`);
  }
  return v;
}

function groupByOf(opts: EvalCommandOptions): GroupBy | null {
  if (opts.groupBy === undefined) return null;
  try {
    return parseGroupBy(opts.groupBy);
  } catch (err) {
    if (err instanceof RangeError) throw new UserError(err.message);
    throw err;
  }
}

/** A scored page, with the documents the HTML report shows beside the scores. */
type ScoredCase = ScoredPage & { documents: EvalPageDocuments };

async function scoreCase(c: EvalCase, cwd: string, score: ScoreOptions, group: string | null): Promise<ScoredCase> {
  const gold = await readGold(c);
  let bytes: Uint8Array;
  try {
    bytes = await readRegularFile(c.inputPath);
  } catch (err) {
    throw new InputError(c.input, fsReason(err));
  }
  const { document: doc, lines } = await evalPage(c.input, bytes, cwd);
  let text: string | null = null;
  if (doc.source.format === 'text') {
    const decoded = decodeBytes(bytes);
    // Stray bytes replaced by U+FFFD are counted as the bytes' escapes, the before side of their repairs.
    if (decoded.ok) text = textBeforeRepairs(decoded);
  }
  return { id: c.input, key: c.key, group, input: c.input, gold: c.gold, score: scorePage(doc, gold, text, score), documents: { gold, predicted: doc, lines } };
}

function thresholdsOf(opts: EvalCommandOptions): Threshold[] {
  try {
    return [...(opts.min !== undefined ? parseThresholds(opts.min, 'min') : []), ...(opts.max !== undefined ? parseThresholds(opts.max, 'max') : [])];
  } catch (err) {
    if (err instanceof RangeError) throw new UserError(err.message);
    throw err;
  }
}

function inCI(env: CliIO['env']): boolean {
  const v = env.CI;
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
}

export async function commandEval(inputs: string[], opts: EvalCommandOptions, io: CliIO): Promise<number> {
  const thresholds = thresholdsOf(opts);
  const match = matchOf(opts);
  const groupBy = groupByOf(opts);
  if (opts.format === 'html' && !opts.out) throw new UserError('--format html needs --out DIR (a page per input and DIR/index.html)');
  if (opts.out && opts.format !== 'html') throw new UserError('--out DIR is for --format html');
  if (opts.updateBaseline && !opts.baseline) throw new UserError('--update-baseline needs --baseline FILE');
  if (opts.updateBaseline && inCI(io.env)) {
    throw new UserError('refusing to rewrite the baseline when CI is set; run --update-baseline locally and commit the file');
  }
  const baselinePath = opts.baseline ? resolve(io.cwd, opts.baseline) : null;
  let recorded: Baseline | null = null;
  if (baselinePath && !opts.updateBaseline) {
    let data: unknown;
    try {
      data = parseJson(await readRegularText(baselinePath));
    } catch (err) {
      const reason = err instanceof SyntaxError ? `not JSON (${err.message})` : fsReason(err);
      throw new InputError(opts.baseline!, `${reason} (record a baseline with --update-baseline)`);
    }
    const baseline = readBaseline(data);
    if (typeof baseline === 'string') throw new InputError(opts.baseline!, baseline);
    recorded = baseline;
  }

  const cases = await collectCases(inputs, opts.gold, io.cwd);
  if (cases.length === 0) throw new UserError(`no pages with gold files found in ${inputs.join(', ')}`);
  if (baselinePath) {
    const byKey = new Map<string, string>();
    for (const c of cases) {
      const other = byKey.get(c.key);
      if (other !== undefined) throw new UserError(`${other} and ${c.input} would share the baseline key '${c.key}'; give the folder that holds them (or --gold DIR)`);
      byKey.set(c.key, c.input);
    }
  }
  const scoreOptions: ScoreOptions = { match, strictMatch: STRICT_MATCH_THRESHOLD };
  const variantCache = new Map<string, Map<string, string>>();
  const scored: ScoredCase[] = [];
  for (const c of cases) {
    let group: string | null = null;
    if (groupBy) {
      const variant = groupBy.kind === 'index' ? (await indexVariants(dirname(c.inputPath), variantCache)).get(basename(c.inputPath)) : undefined;
      group = groupOf(groupBy, c.key, variant);
    }
    scored.push(await scoreCase(c, io.cwd, scoreOptions, group));
  }

  const pageMetrics = scored.map((s) => ({ id: s.id, key: s.key, metrics: metricsOf(s.score.counts) }));
  const totals = metricsOf(sumCounts(scored.map((s) => s.score.counts)));
  const comparison = recorded ? compareBaseline(recorded, totals, pageMetrics) : null;
  const report = buildReport(
    VERSION,
    scored,
    thresholds,
    baselinePath ? { path: display(io.cwd, baselinePath), updated: Boolean(opts.updateBaseline), comparison } : null,
    scoreOptions as Required<ScoreOptions>,
  );

  if (opts.updateBaseline && baselinePath) {
    const baseline = makeBaseline(totals, pageMetrics);
    const special = notRegularForWriting(baselinePath);
    if (special) throw new UserError(`${opts.baseline}: cannot write: ${special}`);
    try {
      // Temporary + rename: a full disk or a kill never leaves half a baseline where the gate reads it.
      await writeOutputFile(baselinePath, JSON.stringify(baseline, null, 2) + '\n');
    } catch (err) {
      throw new UserError(`${opts.baseline}: cannot write: ${fsReason(err)}`);
    }
    io.stderr.write(`news-parse: baseline written to ${display(io.cwd, baselinePath)} (${scored.length} pages)\n`);
  }

  const format = opts.format ?? 'text';
  if (format === 'json') {
    const { formatEvalJson } = await import('../report/eval-json.js');
    io.stdout.write(formatEvalJson(report));
  } else if (format === 'github') {
    const { formatEvalGithub } = await import('../report/eval-github.js');
    io.stdout.write(formatEvalGithub(report));
  } else if (format === 'html') {
    const { writeEvalPages } = await import('./write-eval-pages.js');
    await writeEvalPages(opts.out!, report, new Map(scored.map((s) => [s.id, s.documents])));
  } else {
    const { formatEvalText, colorLevel } = await import('../report/eval-text.js');
    io.stdout.write(formatEvalText(report, colorLevel(io), Boolean(opts.summary)));
  }
  return report.gate.passed ? EXIT.ok : EXIT.findings;
}
