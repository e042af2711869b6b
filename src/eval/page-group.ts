/**
 * Grouping pages for per-group totals (`eval --group-by`): one page of a
 * corpus usually comes in several renderings (plain text, pdftotext,
 * pdftotext -layout, OCR text/hOCR/ALTO), and a total over all of them hides
 * that one rendering reads well and another badly. Pure: the command reads any
 * index file and hands its entries in.
 */

/**
 * The rendering of a page from its file name, in the naming of the dev-pages
 * corpus and of scripts/generate-pages: `NAME-text.txt`, `NAME-pdf.txt`
 * (pdftotext), `NAME-layout.txt` (pdftotext -layout), `NAME-ocr.txt`,
 * `NAME-ocr.hocr`, `NAME-ocr.alto.xml`, `NAME.pdf`. The names are those of
 * dev-pages' index.json `variant`.
 */
const RENDERINGS: readonly [RegExp, string][] = [
  [/-text\.txt$/i, 'text'],
  [/-pdf\.txt$/i, 'pdf'],
  [/-layout\.txt$/i, 'layout'],
  [/-ocr\.txt$/i, 'ocr'],
  [/\.hocr(?:\.html?)?$/i, 'ocr-hocr'],
  [/\.alto\.xml$/i, 'ocr-alto'],
  [/\.pdf$/i, 'pdf-file'],
];

/** Pages whose name says nothing about their rendering. */
export const OTHER_GROUP = 'other';

export function renderingOf(path: string): string {
  for (const [pattern, name] of RENDERINGS) if (pattern.test(path)) return name;
  return OTHER_GROUP;
}

/** How pages are grouped: by the built-in rendering names, by an index file's `variant`, or by a pattern. */
export type GroupBy = { kind: 'rendering' } | { kind: 'index' } | { kind: 'pattern'; pattern: RegExp };

/**
 * Read a `--group-by` value: `rendering`, `index`, or a regular expression
 * whose first capture group (else its whole match) names the group.
 *
 * @throws RangeError with a message for the user when the pattern is not a regular expression.
 */
export function parseGroupBy(spec: string): GroupBy {
  if (spec === 'rendering') return { kind: 'rendering' };
  if (spec === 'index') return { kind: 'index' };
  try {
    return { kind: 'pattern', pattern: new RegExp(spec, 'u') };
  } catch (err) {
    throw new RangeError(`--group-by: '${spec}' is neither 'rendering', 'index' nor a regular expression (${(err as Error).message})`);
  }
}

/**
 * The group of one page.
 *
 * @param path the input path (relative to the gold root, '/'-separated).
 * @param variant the page's `variant` from an index file beside it, if any.
 */
export function groupOf(by: GroupBy, path: string, variant: string | undefined): string {
  if (by.kind === 'rendering') return renderingOf(path);
  if (by.kind === 'index') return variant ?? renderingOf(path);
  const m = by.pattern.exec(path);
  if (!m) return OTHER_GROUP;
  return m[1] ?? m[0];
}
