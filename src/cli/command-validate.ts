/** `news-parse validate FILE…`: check JSON documents against the NewsDocument schema. */
import { newsDocumentProblems } from '../schema/validate.js';
import { parseJson } from '../io/parse-json.js';
import { readInputBytes } from './input-bytes.js';
import { EXIT, InputError } from './errors.js';
import type { CliIO } from '../ports.js';

export async function commandValidate(files: string[], io: CliIO): Promise<number> {
  let invalid = 0;
  let unreadable = 0;
  for (const file of files) {
    let data: unknown;
    try {
      const bytes = await readInputBytes(file, io);
      data = parseJson(new TextDecoder().decode(bytes).replace(/^\uFEFF/u, ''));
    } catch (err) {
      const reason = err instanceof InputError ? err.reason : `not JSON (${(err as Error).message})`;
      io.stderr.write(`news-parse: ${file}: ${reason}\n`);
      unreadable++;
      continue;
    }
    const problems = newsDocumentProblems(data);
    if (problems.length === 0) {
      io.stdout.write(`${file}: valid\n`);
    } else {
      invalid++;
      for (const p of problems.slice(0, 20)) io.stdout.write(`${file}: ${p.path}: ${p.message}\n`);
    }
  }
  if (unreadable > 0) return EXIT.usage;
  return invalid > 0 ? EXIT.findings : EXIT.ok;
}
