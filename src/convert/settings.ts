/**
 * The options of a conversion, as plain data: the same object is built once
 * by the CLI (parse, batch, eval) and posted to every batch worker, so it
 * holds names and numbers only (a profile by its argument, not its RegExps).
 */
import type { InputFormat } from '../core/model.js';
import type { ConvertMode } from '../io/convert-script.js';

export interface ConvertSettings {
  /** --encoding (lower case), or null to detect it. */
  encoding: string | null;
  /** --keep-spacing. */
  keepSpacing: boolean;
  /** --input-format; `auto` sniffs each file (src/convert/readers.ts). */
  inputFormat: 'auto' | InputFormat;
  /** --max-xml-mb, or null for the readers' default. */
  maxXmlMb: number | null;
  /** --profile as given (a built-in name or a file, resolved against `cwd`), or null. */
  profile: string | null;
  /** --convert, or null for none. */
  convert: ConvertMode | null;
  /** The directory a profile file is resolved against. */
  cwd: string;
  /** --paper, --date, --edition (checked); the profile's paper and edition fill what is not given. */
  issue: { paper?: string; date?: string; edition?: string } | null;
  /** --pages: PDF pages to read (`1-3,7`), or null for all. */
  pages: string | null;
}

/** The settings of a run with no options (eval, the library's defaults). */
export function defaultSettings(cwd: string): ConvertSettings {
  return { encoding: null, keepSpacing: false, inputFormat: 'auto', maxXmlMb: null, profile: null, convert: null, cwd, issue: null, pages: null };
}
