/**
 * Schema validation at the edge: every document is checked against
 * schemas/news-document.schema.json before it is written. The validators are
 * ajv standalone code generated at build time, so no schema is compiled at
 * start-up. One module per schema: a validator's module builds its schema
 * objects when it loads (the issue validator ~1.4 ms), and a one-page run needs
 * only the document's (issue: ./validate-issue.ts, article records:
 * ./validate-article-record.ts).
 */
import validateNewsDocumentFn from './generated/news-document.validate.js';

export interface SchemaProblem {
  path: string;
  message: string;
}

export type GeneratedValidator = typeof validateNewsDocumentFn;

/** The problems a generated validator reports for `data`, in the shape the CLI prints. */
export function schemaProblems(fn: GeneratedValidator, data: unknown): SchemaProblem[] {
  if (fn(data)) return [];
  return (fn.errors ?? []).map((e) => ({ path: e.instancePath || '/', message: e.message ?? 'invalid' }));
}

/** Problems that make `data` not a NewsDocument; empty when it is one. */
export function newsDocumentProblems(data: unknown): SchemaProblem[] {
  return schemaProblems(validateNewsDocumentFn, data);
}
