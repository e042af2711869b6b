/**
 * Diagnostic codes and their prose. Stages report codes with arguments; the
 * words are made here, once, so tests can assert codes and the wording can
 * change freely.
 */
import type { Diagnostic, LineRange, Severity } from './model.js';

const MESSAGES = {
  LINE_TOO_LONG: { severity: 'warning', text: (a: { chars: number }) => `line of ${a.chars} characters is longer than any newspaper line; left unassigned` },
  NO_ARTICLE_MARKERS: { severity: 'warning', text: (_: Record<string, never>) => 'no headline, byline, dateline or sign-off found on the page; its text is left unassigned' },
  EMPTY_INPUT: { severity: 'warning', text: (_: Record<string, never>) => 'the input has no text' },
  ARTICLE_WITHOUT_HEADLINE: { severity: 'info', text: (_: Record<string, never>) => 'no headline found for this text' },
  HEADLINE_WITHOUT_BODY: { severity: 'warning', text: (_: Record<string, never>) => 'no text found for this headline' },
  COLUMNS_SIDE_BY_SIDE: { severity: 'info', text: (a: { columns: number; at: string }) => `${a.columns} columns set side by side (starting at characters ${a.at}) read one after another` },
  LAYOUT_BY_GEOMETRY: { severity: 'info', text: (a: { columns: number; body: number; stories: number }) => `read by geometry: ${a.columns} columns, body type ${a.body}, ${a.stories} stories under headlines` },
  PAIRED_FAR_FROM_BODY: { severity: 'info', text: (a: { score: number }) => `headline paired with text elsewhere on the page by content (score ${a.score})` },
  DATE_UNREADABLE: { severity: 'warning', text: (a: { printed: string; problem: string }) => `page date "${a.printed}" not read as a date (${a.problem}); page.date.iso is null` },
  ISSUE_DATE_DIFFERS: { severity: 'warning', text: (a: { given: string; printed: string }) => `the page is dated ${a.printed} but --date gives ${a.given}; the ids use ${a.given}` },
  JUMP_UNMATCHED: { severity: 'warning', text: (a: { jump: string; reason: string }) => `jump "${a.jump}" not linked: ${a.reason}` },
  JUMP_AMBIGUOUS: { severity: 'warning', text: (a: { jump: string; candidates: string }) => `jump "${a.jump}" not linked: several continued parts match (${a.candidates})` },
  ISSUE_PAGES_DISAGREE: { severity: 'warning', text: (a: { field: string; values: string }) => `the pages of the issue give different ${a.field}s (${a.values}); the issue's ${a.field} is left null` },
} as const satisfies Record<string, { severity: Severity; text: (a: never) => string }>;

export type DiagnosticCode = keyof typeof MESSAGES;

export function diagnostic<C extends DiagnosticCode>(
  code: C,
  args: Parameters<(typeof MESSAGES)[C]['text']>[0],
  where: { lines?: LineRange; article?: string } = {},
): Diagnostic {
  const m = MESSAGES[code];
  return {
    code,
    severity: m.severity,
    message: (m.text as (a: unknown) => string)(args),
    ...(where.lines ? { lines: where.lines } : {}),
    ...(where.article ? { article: where.article } : {}),
    ...(args && Object.keys(args as object).length ? { args: args as Record<string, unknown> } : {}),
  };
}
