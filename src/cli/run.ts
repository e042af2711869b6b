/**
 * The CLI as a function: `run(argv, io)` builds the commander program, runs it
 * and returns the exit code, so tests run the whole CLI in-process. Each
 * subcommand lives in its own file and is imported only when it runs, which
 * keeps start-up to what the run needs.
 */
import { Command, CommanderError, Option } from 'commander';
import { VERSION } from '../version.js';
import { EXIT, UserError } from './errors.js';
import type { CliIO } from './io.js';
import { processIO } from './io.js';

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
    .argument('[inputs...]', 'page files, or - for standard input')
    .addOption(new Option('-f, --format <format>', 'output format (default: text on a terminal, json otherwise)').choices(['json', 'text']))
    .option('--json', 'short for --format json')
    .option('-o, --output <file>', 'write the output to a file instead of standard output')
    .option('--encoding <name>', 'decode input with this encoding instead of detecting it (utf-8, utf-16le, utf-16be, gb18030, big5)')
    .option('--keep-spacing', 'keep the spaces extraction put between CJK and Latin/digits')
    .action(async (inputs: string[], opts) => {
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
