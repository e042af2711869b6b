/**
 * The CLI as a function: `run(argv, io)` builds the commander program, runs it
 * and returns the exit code, so tests run the whole CLI in-process. Each
 * subcommand lives in its own file and is imported only when it runs, which
 * keeps start-up to what the run needs.
 */
// commander is bundled into dist/bundle/run.js (scripts/bundle-cli.mjs), so its code is in the bundle's V8 code cache.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { processIO, type CliIO } from '../ports.js';
import { VERSION } from '../version.js';
import { EXIT, UserError } from './errors.js';

export async function run(argv: string[], io: CliIO = processIO()): Promise<number> {
  const program = new Command('news-parse');
  let exitCode: number = EXIT.ok;
  const setExit = (code: number) => {
    exitCode = Math.max(exitCode, code);
  };
  program
    .description('Turn extracted newspaper page text into structured articles (JSON validated against schemas/).')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(s.replace(/^error: /, 'news-parse: ')),
    })
    .showSuggestionAfterError(true)
    // Options after a subcommand name belong to the subcommand (`eval … --format github`), not to the page parser.
    .enablePositionalOptions()
    .argument('[inputs...]', 'page files, or - for standard input')
    .addOption(
      new Option('-f, --format <format>', 'output format (default: text on a terminal, json otherwise; mets needs ALTO input; html is the review page)').choices(['json', 'text', 'tei', 'mets', 'html']),
    )
    .option('--json', 'short for --format json')
    .option('-o, --output <file>', 'write the output to a file instead of standard output')
    .option('--encoding <name>', 'decode input with this encoding instead of detecting it (utf-8, utf-16le, utf-16be, gb18030, big5)')
    .option('--keep-spacing', 'keep the spaces extraction put between CJK and Latin/digits')
    .option('--profile <name|file.json>', 'newspaper profile: mainland-community, mainland-central, hk-tw, or a profile JSON file (docs/script-profiles.md)')
    .addOption(new Option('--convert <mode>', 'convert the output text after parsing: t2s (traditional→simplified), s2t, s2tw (Taiwan), s2hk (Hong Kong), none').choices(['t2s', 's2t', 's2tw', 's2hk', 'none']))
    .addOption(new Option('--input-format <format>', 'input format (auto sniffs the content: %PDF- or a .pdf name → PDF, <alto → ALTO, ocr_page → hOCR)').choices(['auto', 'text', 'alto', 'hocr', 'pdf']).default('auto'))
    .option('--pages <list>', 'PDF: the pages to read, e.g. 1-3,7 (default: all; one document per page)')
    .option('--max-xml-mb <n>', 'refuse ALTO/hOCR input larger than N MiB (default 64)', (v) => Number(v))
    .option('--out-dir <dir>', 'batch: write each page to DIR/<relative path>.json, with DIR/manifest.json')
    .option('--jsonl <file>', 'batch: write one document per line to FILE (- for standard output), in input order')
    .option('-j, --jobs <n>', 'batch: worker threads (default: one per 1,200 pages, at most the CPUs; more than the CPUs is capped)')
    .option('-q, --quiet', 'batch: no progress bar and no summary line')
    .option('--force', 'batch: convert every page, even when its output is up to date')
    .option('--paper <code>', 'paper code for stable ids ({paper}-{date}-{edition}-p{page}-a{n}); lower-case letters and digits')
    .option('--date <YYYY-MM-DD>', 'issue date for the ids (default: the date printed on the page)')
    .option('--edition <code>', 'edition code for the ids (default: a, the main edition)')
    .option('--issue', 'the inputs (a folder, files, or a multi-page file) are the pages of one issue: order them, link continuations, write the issue document')
    .addOption(new Option('--articles <format>', 'write one record per article instead of documents (a story joined across pages is one record in --issue mode)').choices(['jsonl', 'csv']))
    .option('--bom', '--articles csv: start with a UTF-8 byte-order mark (for spreadsheet programs)')
    .option('--stdin-jsonl', 'read {"id","text"} or {"id","path"} records from standard input; write {"id","document"} lines')
    .option('--review-dir <dir>', 'write a review page (HTML) per page to DIR/<relative path>.html, and DIR/index.html')
    .action(async (inputs: string[], opts) => {
      if (opts.reviewDir !== undefined) {
        const { commandReview } = await import('./command-review.js');
        setExit(await commandReview(inputs, opts, io));
        return;
      }
      if (opts.issue) {
        const { commandIssue } = await import('./command-issue.js');
        setExit(await commandIssue(inputs, opts, io));
        return;
      }
      const { isBatchRun } = await import('../batch/route.js');
      if (isBatchRun(inputs, opts)) {
        const { commandBatch } = await import('./command-batch.js');
        setExit(await commandBatch(inputs, opts, io));
        return;
      }
      const { commandParse } = await import('./command-parse.js');
      setExit(await commandParse(inputs, opts, io));
    });

  program
    .command('validate')
    .description('check JSON documents against the NewsDocument schema')
    .argument('<files...>', 'JSON files (- for standard input)')
    .action(async (files: string[]) => {
      const { commandValidate } = await import('./command-validate.js');
      setExit(await commandValidate(files, io));
    });

  program
    .command('eval')
    .description('score parsed pages against gold documents; exit 1 when the quality gate fails (see docs/eval.md)')
    .argument('<inputs...>', 'page files or folders (searched recursively for input.* / NAME.txt with gold beside)')
    .option('--gold <path>', 'gold folder (same layout as the inputs) or one gold file; default: beside each input')
    .addOption(new Option('-f, --format <format>', 'report format (html needs --out DIR)').choices(['text', 'json', 'github', 'html']).default('text'))
    .option('--out <dir>', '--format html: write DIR/index.html (the totals) and a page per input')
    .option('--min <metric=value,...>', 'fail when a metric over all pages is below the value, e.g. articleF1=0.95,paragraphF1=0.9')
    .option('--max <metric=value,...>', 'fail when a lower-is-better metric (bodyCER, splits, merges) is above the value')
    .option('--baseline <file>', 'fail when any metric is worse than recorded in FILE')
    .option('--update-baseline', 'rewrite the --baseline file with this run (refused when CI is set)')
    .option('--match <similarity>', 'least body similarity (2·LCS/(|a|+|b|)) for a predicted and a gold article to pair', '0.5')
    .option('--summary', 'text report: totals, groups and the gate only (no row per page)')
    .option('--group-by <rendering|index|regex>', "totals per group: 'rendering' from file names (-text/-pdf/-layout/-ocr.txt, .hocr, .alto.xml), 'index' from index.json's variant, or a regex on the page path (first group)")
    .action(async (inputs: string[], opts) => {
      const { commandEval } = await import('./command-eval.js');
      setExit(await commandEval(inputs, opts, io));
    });

  // `news-parse help [command]` is help, as in git and npm (commander would take `help` for a page file),
  // unless a file of that name is there to be parsed.
  if (argv[0] === 'help' && !existsSync(join(io.cwd, 'help'))) argv = argv[1] ? [argv[1], '--help'] : ['--help'];
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') {
        return EXIT.ok;
      }
      return EXIT.usage;
    }
    if (err instanceof UserError) {
      io.stderr.write(`news-parse: ${err.message}\n`);
      return err.exitCode;
    }
    throw err;
  }
  return exitCode;
}
