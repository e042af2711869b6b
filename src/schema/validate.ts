/**
 * Schema validation at the edge: every document is checked against
 * schemas/news-document.schema.json before it is written. The validators are
 * ajv standalone code generated at build time, so no schema is compiled at
 * start-up.
 */
import validateNewsDocumentFn from './generated/news-document.validate.js';
import validateNewsIssueFn from './generated/news-issue.validate.js';
import validateArticleRecordFn from './generated/article-record.validate.js';

export interface SchemaProblem {
  path: string;
  message: string;
}

type GeneratedValidator = typeof validateNewsDocumentFn;

function check(fn: GeneratedValidator, data: unknown): SchemaProblem[] {
  if (fn(data)) return [];
  return (fn.errors ?? []).map((e) => ({ path: e.instancePath || '/', message: e.message ?? 'invalid' }));
}

/** Problems that make `data` not a NewsDocument; empty when it is one. */
export function newsDocumentProblems(data: unknown): SchemaProblem[] {
  return check(validateNewsDocumentFn, data);
}

/** Problems that make `data` not a NewsIssue (schemas/news-issue.schema.json). */
export function newsIssueProblems(data: unknown): SchemaProblem[] {
  return check(validateNewsIssueFn, data);
}

/** Problems that make `data` not an ArticleRecord (schemas/article-record.schema.json). */
export function articleRecordProblems(data: unknown): SchemaProblem[] {
  return check(validateArticleRecordFn, data);
}
