/**
 * The codes a document carries, one table each, one row per code:
 *   - diagnostics (`warnings[]`): code, severity and prose. Stages report codes
 *     with arguments; the words are made here, once, so tests can assert codes
 *     and the wording can change freely.
 *   - evidence (`articles[].evidence[]`): code and what the decision was.
 * `DiagnosticCode` and `EvidenceCode` are string-literal unions exported by the
 * library (src/index.ts), so a consumer can switch on them; a code is never
 * built from pieces at run time. To add a code, add its row.
 */
import type { Diagnostic, LineRange, Severity } from './model.js';

const MESSAGES = {
  LINE_TOO_LONG: { severity: 'warning', text: (a: { chars: number }) => `line of ${a.chars} characters is longer than any newspaper line; left unassigned` },
  NO_ARTICLE_MARKERS: { severity: 'warning', text: (_: Record<string, never>) => 'no headline, byline, dateline or sign-off found on the page; its text is left unassigned' },
  INVALID_BYTES_REPLACED: {
    severity: 'warning',
    text: (a: { runs: number; bytes: number; offsets: string }) =>
      `${a.bytes} byte${a.bytes === 1 ? ' is' : 's are'} not UTF-8 (${a.runs} run${a.runs === 1 ? '' : 's'}, at byte offset${a.runs === 1 ? '' : 's'} ${a.offsets}); each run is replaced by U+FFFD and recorded as an invalid-bytes repair`,
  },
  EMPTY_INPUT: { severity: 'warning', text: (_: Record<string, never>) => 'the input has no text' },
  ARTICLE_WITHOUT_HEADLINE: { severity: 'info', text: (_: Record<string, never>) => 'no headline found for this text' },
  HEADLINE_WITHOUT_BODY: { severity: 'warning', text: (_: Record<string, never>) => 'no text found for this headline' },
  COLUMNS_SIDE_BY_SIDE: { severity: 'info', text: (a: { columns: number; at: string }) => `${a.columns} columns set side by side (starting at characters ${a.at}) read one after another` },
  COLUMNS_JOINED_SPLIT: { severity: 'info', text: (a: { lines: number; stretches: number }) => `${a.lines} lines held two neighbouring columns' text (${a.stretches} stretch${a.stretches === 1 ? '' : 'es'} read across a narrow gutter); read left column, then right` },
  COLUMNS_WOVEN_SET_ASIDE: {
    severity: 'warning',
    text: (a: { lines: number; first: number; stretches: number }) =>
      `${a.lines} line${a.lines === 1 ? '' : 's'} (first: line ${a.first}, ${a.stretches} stretch${a.stretches === 1 ? '' : 'es'}) read row by row across several columns by the extractor (beside a large headline) left unassigned, so that the stories around them are read whole; \`pdftotext -layout\`, the PDF itself or ALTO/hOCR input reads this page correctly`,
  },
  HEADLINE_JOINED_TO_COLUMN: {
    severity: 'warning',
    text: (a: { lines: number; first: number }) =>
      `${a.lines} line${a.lines === 1 ? '' : 's'} (first: line ${a.first}) held a headline's phrase and a line of the column beside it, joined by the extractor across a narrow gutter: the phrase is read as a headline line and the column's line left unassigned (where it goes on is not in the text); \`pdftotext -layout\`, the PDF itself or ALTO/hOCR input reads this page correctly`,
  },
  COLUMN_PIECES_RETHREADED: {
    severity: 'info',
    text: (a: { pieces: number; first: number }) =>
      `${a.pieces} block${a.pieces === 1 ? '' : 's'} of text (first: line ${a.first}) that the extractor put away from the column text they go on (a sentence cut mid-word before a blank line, the word's other half starting the block) were read right after that text`,
  },
  COLUMNS_WOVEN_DEALT: {
    severity: 'info',
    text: (a: { lines: number; first: number }) =>
      `${a.lines} lines (first: line ${a.first}) read row by row across two neighbouring columns by the extractor were dealt back into their columns by their text (each lone piece to the column whose sentence it goes on); read left column, then right`,
  },
  COLUMNS_JOINED_ON_LINES: {
    severity: 'warning',
    text: (a: { lines: number; first: number }) =>
      `${a.lines} line${a.lines === 1 ? '' : 's'} (first: line ${a.first}) hold${a.lines === 1 ? 's' : ''} the text of two neighbouring columns, joined by the extractor across a narrow gutter; \`pdftotext -layout\`, the PDF itself or ALTO/hOCR input reads this page correctly`,
  },
  DISPLAY_WITHOUT_STORY: { severity: 'info', text: (_: Record<string, never>) => 'display type over a few lines that never end a sentence (an advertisement, a box of figures): left unassigned, not an article' },
  LAYOUT_TEXT_PLACED: { severity: 'info', text: (a: { detail: string }) => `text read as positioned pieces: ${a.detail}` },
  LAYOUT_BY_GEOMETRY: {
    severity: 'info',
    text: (a: { columns: number; body: number; stories: number; statedOrder?: 'followed' | 'rejected' }) =>
      `read by geometry: ${a.columns} columns, body type ${a.body}, ${a.stories} stories under headlines` +
      (a.statedOrder === 'followed' ? '; in the reading order the file states' : a.statedOrder === 'rejected' ? "; the file's stated reading order set aside (it reads text before its headline or scatters blocks)" : ''),
  },
  PAIRED_FAR_FROM_BODY: { severity: 'info', text: (a: { score: number }) => `headline paired with text elsewhere on the page by content (score ${a.score})` },
  DATE_UNREADABLE: { severity: 'warning', text: (a: { printed: string; problem: string }) => `page date "${a.printed}" not read as a date (${a.problem}); page.date.iso is null` },
  ISSUE_DATE_DIFFERS: { severity: 'warning', text: (a: { given: string; printed: string }) => `the page is dated ${a.printed} but --date gives ${a.given}; the ids use ${a.given}` },
  JUMP_UNMATCHED: { severity: 'warning', text: (a: { jump: string; reason: string }) => `jump "${a.jump}" not linked: ${a.reason}` },
  JUMP_AMBIGUOUS: { severity: 'warning', text: (a: { jump: string; candidates: string }) => `jump "${a.jump}" not linked: several continued parts match (${a.candidates})` },
  ISSUE_PAGES_DISAGREE: { severity: 'warning', text: (a: { field: string; values: string }) => `the pages of the issue give different ${a.field}s (${a.values}); the issue's ${a.field} is left null` },
  PDF_UNMAPPED_GLYPHS: { severity: 'warning', text: (a: { count: number }) => `${a.count} glyph${a.count === 1 ? '' : 's'} on this PDF page ha${a.count === 1 ? 's' : 've'} no Unicode mapping or a private-use code point; their text is missing or unreadable` },
  PDF_VERTICAL_TEXT_NOT_READ: { severity: 'warning', text: (a: { count: number }) => `${a.count} glyphs of vertical writing on this PDF page are not read (vertical text is not supported yet)` },
  PDF_VERTICAL_TEXT: { severity: 'warning', text: (a: { count: number; columns: number }) => `${a.count} glyphs on this PDF page are set top to bottom (vertical writing): read as ${a.columns} column line${a.columns === 1 ? '' : 's'}, right to left, by the text rules only (the layout analysis reads horizontal text); check its articles` },
  PDF_PAGE_WITHOUT_TEXT: { severity: 'warning', text: (_: Record<string, never>) => 'this PDF page has no text layer (an image only?)' },
} as const satisfies Record<string, { severity: Severity; text: (a: never) => string }>;

export type DiagnosticCode = keyof typeof MESSAGES;

/** A diagnostic of `code`, its words made from `args`. */
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

/** Every diagnostic code, in table order. */
export const DIAGNOSTIC_CODES = Object.keys(MESSAGES) as DiagnosticCode[];

const EVIDENCE = {
  HEADLINE_BLOCK: 'the headline is the title block above (or beside) the text; detail names the rules that claimed its lines',
  HEADLINE_FROM_DISPLAY_LINE: 'the headline is a display line (a doubled fake-bold line) inside the text',
  OPENED_BY_BYLINE: 'the text opens with a byline',
  OPENED_BY_DATELINE: 'the text opens with a dateline (本报讯, 新华社…电)',
  OPENED_BY_TEXT: 'the text opens with a paragraph after a headline or the end of another text',
  OPENED_BY_CLOSER: 'the text is only a closer (sign-off, jump line or end mark) with nothing before it',
  OPENED_BY_JUMP_FROM: 'the text opens with a jump-from line (上接第1版)',
  OPENED_BY_CONTENT_SPLIT: 'the text is the second part of a body cut where it ran on into another story (split-bodies)',
  CLOSED_BY_SIGNOFF: 'the text ends at its sign-off',
  CLOSED_BY_JUMP: 'the text ends at a jump line (下转第4版)',
  CLOSED_BY_ENDMARK: 'the text ends at an end mark (（完）)',
  CLOSED_BY_CONTENT_SPLIT: 'the text ends where its body ran on into another story (split-bodies)',
  TEXT_PARTS_JOINED: 'the lines given read as a story of their own (an intertitle or deck over text, or text under the page’s one headline) and are a part of this text, joined on by the stage in detail',
  TAIL_UNDER_STORY: 'short lines set apart under the text (a credit, a signature), which no story on the page was found for as a headline, are the text’s last paragraph (keep-story-tails)',
  PAIRED_BY_CONTENT: 'headline and text paired by content alone (score: the headline bigram recall in the text)',
  PAIRED_BY_POSITION: 'headline and text paired because one sits directly next to the other',
  PAIRED_BY_POSITION_AND_CONTENT: 'headline and text paired by position, and the content agrees',
  GEOMETRY_STORY: 'layout input: a story found by geometry under its headline; detail gives the zone',
  GEOMETRY_HEADLESS_STORY: 'layout input: a story found by geometry with no headline of its own; detail gives the zone',
} as const satisfies Record<string, string>;

export type EvidenceCode = keyof typeof EVIDENCE;

/** Every evidence code, in table order, and what each means. */
export const EVIDENCE_CODES = Object.keys(EVIDENCE) as EvidenceCode[];
export const EVIDENCE_MEANING: Readonly<Record<EvidenceCode, string>> = EVIDENCE;

/** What may open a body unit (src/core/group-blocks.ts, split-bodies.ts), each with its evidence code. */
const OPENED_BY = {
  byline: 'OPENED_BY_BYLINE',
  dateline: 'OPENED_BY_DATELINE',
  text: 'OPENED_BY_TEXT',
  closer: 'OPENED_BY_CLOSER',
  'jump-from': 'OPENED_BY_JUMP_FROM',
  'content-split': 'OPENED_BY_CONTENT_SPLIT',
} as const satisfies Record<string, EvidenceCode>;

/** What may close a body unit, each with its evidence code. */
const CLOSED_BY = {
  signoff: 'CLOSED_BY_SIGNOFF',
  jump: 'CLOSED_BY_JUMP',
  endmark: 'CLOSED_BY_ENDMARK',
  'content-split': 'CLOSED_BY_CONTENT_SPLIT',
} as const satisfies Record<string, EvidenceCode>;

export type UnitOpener = keyof typeof OPENED_BY;
export type UnitCloser = keyof typeof CLOSED_BY;

/** The evidence code of what opened a body unit. */
export function openedByEvidence(by: UnitOpener): EvidenceCode {
  return OPENED_BY[by];
}

/** The evidence code of what closed a body unit. */
export function closedByEvidence(by: UnitCloser): EvidenceCode {
  return CLOSED_BY[by];
}
