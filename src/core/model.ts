/**
 * The typed document model shared by every stage. The output types mirror
 * `schemas/news-document.schema.json` field for field; `tests/schema.test.ts`
 * keeps the two in step by validating real output against the schema.
 *
 * Conventions: line numbers are 1-based and refer to the decoded input;
 * a `LineRange` is inclusive on both ends.
 */

import type { DiagnosticCode, EvidenceCode } from './messages.js';

export type LineRange = [first: number, last: number];

export type Script = 'hans' | 'hant' | 'mixed' | 'unknown';

export type RepairKind =
  | 'doubled-line'
  | 'doubled-glyphs'
  | 'doubled-punctuation'
  | 'cjk-spacing'
  | 'dash-run'
  | 'fullwidth-alnum'
  | 'cjk-punctuation-width'
  | 'ocr-dash'
  | 'control-chars'
  | 'unicode-nfc'
  | 'marker-brackets'
  | 'subheadline-dashes'
  | 'overprint'
  | 'fake-bold'
  | 'cjk-radical'
  | 'cjk-lookalike'
  | 'script-conversion'
  | 'invalid-bytes';

/** A recorded change: what the text was and what it became, on which lines. */
export interface Repair {
  kind: RepairKind;
  lines: LineRange;
  before: string;
  after: string;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  lines?: LineRange;
  article?: string;
  args?: Record<string, unknown>;
}

export type FurnitureRole = 'page-number' | 'masthead' | 'section' | 'label' | 'date' | 'edition' | 'editor' | 'other';

export interface Furniture {
  role: FurnitureRole;
  text: string;
  lines: LineRange;
}

export interface Byline {
  text: string;
  role: string | null;
  names: string[];
  credit: string | null;
  /** The byline was read from inside the dateline (中央社記者X台北29日電): its text is part of the dateline's. */
  inDateline?: true;
}

export type ParagraphType = 'paragraph' | 'subheading' | 'caption' | 'endmark';

export interface Paragraph {
  type: ParagraphType;
  text: string;
  lines: LineRange;
}

/** One boundary or pairing decision, with the lines it rests on. */
export interface Evidence {
  code: EvidenceCode;
  lines: LineRange;
  score?: number;
  detail?: string;
}

export type ArticleField = 'kicker' | 'headline' | 'subheadline' | 'byline' | 'dateline' | 'signoff' | 'continuation' | 'jumpFrom';

export interface Article {
  id: string;
  kind: 'article' | 'photo';
  /** First and last input line of any of the article's parts; may enclose another article when the reading order is scrambled. */
  lines: LineRange;
  /** The article's own line runs, in order: never nest with another article's (see build-articles.ts). */
  ranges?: LineRange[];
  script?: Script;
  kicker: string | null;
  headline: string | null;
  subheadline: string | null;
  byline: Byline | null;
  dateline: string | null;
  paragraphs: Paragraph[];
  signoff: string | null;
  /** Jump line the article continues ON another page with, without brackets (下转第4版). */
  continuation: string | null;
  /** Jump line saying the article is continued FROM another page, without brackets (上接第1版, 接上版). */
  jumpFrom?: string | null;
  /** Issue mode: id of the article part this one continues on / from (link-continuations.ts). */
  continuedOn?: string | null;
  continuedFrom?: string | null;
  sources: Partial<Record<ArticleField, LineRange>>;
  evidence: Evidence[];
  blocks?: string[];
  bbox?: [number, number, number, number];
}

export interface Unassigned {
  text: string;
  lines: LineRange;
  reason: string;
}

export type InputFormat = 'text' | 'alto' | 'hocr' | 'pdf';

export interface SourceInfo {
  path: string | null;
  sha256: string;
  encoding: string;
  encodingDetected?: boolean;
  format: InputFormat;
  bytes: number;
  lines: number;
  lineEnding?: 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';
  lineIds?: (string | null)[];
  /** PDF: 1-based index of the page this document is, and the number of pages in the file. */
  pageIndex?: number;
  pageCount?: number;
  /** Size of the page the boxes are measured on (PDF: points, after /Rotate). */
  pageSize?: PageGeometry;
}

/** The page's printed date and what it reads as (null when it cannot be trusted; see normalize-date.ts). */
export interface PageDate {
  printed: string;
  iso: string | null;
  lines: LineRange;
}

/** Which issue a page belongs to: from the options and profile, the date inferred from the page when not given. */
export interface IssueIdentity {
  paper: string | null;
  /** YYYY-MM-DD. */
  date: string | null;
  edition: string | null;
  /** `{paper}-{date}-{edition}`, null unless paper and date are known. */
  id: string | null;
}

export interface PageInfo {
  /** As printed: 02, A10, 第8版. */
  number: string | null;
  /** The printed number as a sortable value (see page-number.ts): 02 → {section: null, value: 2}, A10 → {A, 10}. */
  numberValue?: { section: string | null; value: number } | null;
  date?: PageDate | null;
  /** `{paper}-{date}-{edition}-p{page}` when all parts are known. */
  id?: string | null;
  issue?: IssueIdentity | null;
  furniture: Furniture[];
}

export interface NewsDocument {
  schemaVersion: 1;
  /** `build`: which build of this version wrote it (src/build-id.ts); outputs of older builds have none. */
  tool: { name: 'news-parse'; version: string; build?: string; options?: Record<string, unknown> };
  source: SourceInfo;
  script?: Script;
  conversion?: { mode: 't2s' | 's2t' | 's2tw' | 's2hk' } | null;
  page: PageInfo;
  articles: Article[];
  unassigned: Unassigned[];
  repairs: Repair[];
  warnings: Diagnostic[];
}

/**
 * A line as the readers hand it to the core. Text readers give only `n` and
 * `text`; layout readers (ALTO, hOCR) may add what geometry tells them.
 */
export interface InputLine {
  n: number;
  text: string;
  /** Layout hints from XML readers; the text pipeline never sets them. */
  hint?: LineHint;
}

export interface LineHint {
  /** Source id of the line (ALTO TextLine@ID, hOCR span id). */
  id?: string;
  /** Id of the text block the line belongs to. */
  block?: string;
  /** Line box [left, top, right, bottom]. */
  bbox?: [number, number, number, number];
  /** The line is set noticeably larger than body text (headline evidence). */
  large?: boolean;
  /** The reader saw a block start or an indent here (paragraph-start evidence). */
  blockStart?: boolean;
  /** Local column width in display units, when geometry gives it. */
  columnWidth?: number;
  /**
   * Type size in page units: the font size for PDF glyphs, the line height for
   * ALTO/hOCR boxes (which is what an OCR engine can tell of the size).
   */
  size?: number;
  /** The font is bold (PDF font name, ALTO STYLE); absent when the input cannot say. */
  bold?: boolean;
  /** 1-based page index inside a multi-page input (PDF). */
  page?: number;
  /** OCR: the engine's highest word confidence on the line, 0–1 (hOCR x_wconf, ALTO WC); absent when the file gives none. */
  confidence?: number;
  /**
   * Set by the core's layout stages, never by a reader: the role geometry
   * gave the line (furniture strip, headline stack, body).
   */
  display?: 'furniture' | 'label' | 'kicker' | 'headline' | 'subheadline' | 'intertitle' | 'body';
  /** Set by the core's layout stages: the line stops at least an em short of its block's right edge. */
  endsShort?: boolean;
}

/**
 * The page a positioned reader saw: its size in the units of the line boxes.
 * Plain text has none; the core then takes its text-only road.
 */
export interface PageGeometry {
  width: number;
  height: number;
  /** `pt` for PDF, `px` for hOCR, ALTO's MeasurementUnit (`pixel`, `mm10`, `inch1200`), `char` for -layout text. */
  unit: string;
}
