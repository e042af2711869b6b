/** ArticleRecord validation (`--articles`), apart from ./validate.ts so that a one-page run never loads it. */
import validateArticleRecordFn from './generated/article-record.validate.js';
import { schemaProblems, type SchemaProblem } from './validate.js';

/** Problems that make `data` not an ArticleRecord (schemas/article-record.schema.json). */
export function articleRecordProblems(data: unknown): SchemaProblem[] {
  return schemaProblems(validateArticleRecordFn, data);
}
