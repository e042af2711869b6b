/**
 * `--articles jsonl|csv`: article records (article-records.ts) as text,
 * each record checked against schemas/article-record.schema.json first. A
 * writer keeps the CSV header to the first chunk, so pages can be written
 * one at a time (batch, issue) and the file still has one header.
 */
import { articleRecordProblems } from '../schema/validate-article-record.js';
import { CSV_COLUMNS, csvCells, csvRow, UTF8_BOM, type ArticleRecord } from './article-records.js';

export type ArticlesFormat = 'jsonl' | 'csv';

/** A record that fails its own schema is our bug; the caller reports it (exit 3). */
export class RecordSchemaError extends Error {
  constructor(readonly id: string, readonly problem: string) {
    super(`internal error: article record ${id} does not match schemas/article-record.schema.json (${problem}); please report this`);
    this.name = 'RecordSchemaError';
  }
}

export class ArticlesWriter {
  private started = false;
  constructor(private readonly format: ArticlesFormat, private readonly bom = false) {}

  /** The text for `records`: JSON Lines, or CSV rows (after the BOM and header, the first time). */
  chunk(records: readonly ArticleRecord[]): string {
    let out = '';
    if (!this.started && this.format === 'csv') out += (this.bom ? UTF8_BOM : '') + csvRow(CSV_COLUMNS);
    this.started = true;
    for (const r of records) {
      const problems = articleRecordProblems(r);
      if (problems.length > 0) throw new RecordSchemaError(r.id, `${problems[0]!.path} ${problems[0]!.message}`);
      out += this.format === 'jsonl' ? JSON.stringify(r) + '\n' : csvRow(csvCells(r));
    }
    return out;
  }
}
