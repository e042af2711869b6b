/** `news-parse eval --format json`: the report as JSON (schemas/eval-report.schema.json). */
import type { EvalReport } from '../eval/report.js';

export function formatEvalJson(report: EvalReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}
