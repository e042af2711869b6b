/** NewsIssue validation (`--issue`), apart from ./validate.ts so that a one-page run never loads it. */
import validateNewsIssueFn from './generated/news-issue.validate.js';
import { schemaProblems, type SchemaProblem } from './validate.js';

/** Problems that make `data` not a NewsIssue (schemas/news-issue.schema.json). */
export function newsIssueProblems(data: unknown): SchemaProblem[] {
  return schemaProblems(validateNewsIssueFn, data);
}
