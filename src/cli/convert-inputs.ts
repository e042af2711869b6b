/**
 * The pages of a command's inputs (files, folders, globs), each file read and
 * taken through the one road (`convertFile`): what `--issue` and
 * `--review-dir` both walk. An input that cannot be listed, found or read is
 * handed to `onFail` with its reason and skipped; a page the road could not
 * convert comes out as its failure, for the caller to report.
 */
import { collectInputs, type PageInput } from '../batch/collect-inputs.js';
import { convertFile, type PageResult } from '../convert/convert-page.js';
import type { ConvertSettings } from '../convert/settings.js';
import { fsReason } from '../io/fs-reason.js';
import { readRegularFile } from '../io/read-regular.js';

export async function* convertInputs(
  inputs: readonly string[],
  settings: ConvertSettings,
  onFail: (path: string, reason: string) => void,
  /** Files a walk or glob found that are not pages (METS, JSON, …), and globs that match nothing: said, not failed. */
  onSkip: (path: string, reason: string) => void = () => {},
): AsyncGenerator<{ input: PageInput; result: PageResult }> {
  for await (const input of collectInputs(inputs, (path, err) => onFail(path, `cannot list: ${fsReason(err)}`), onSkip)) {
    if ('missing' in input) {
      onFail(input.path, input.missing);
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = await readRegularFile(input.path);
    } catch (err) {
      onFail(input.path, fsReason(err));
      continue;
    }
    for await (const result of convertFile({ path: input.path, bytes }, settings)) yield { input, result };
  }
}
