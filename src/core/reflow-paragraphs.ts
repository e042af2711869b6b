/**
 * Stage 7 — rebuild paragraphs from hard-wrapped lines (research §2.3).
 * Runs per body unit after classification, on text whose spacing has been
 * repaired line by line.
 *
 * A line continues the paragraph unless the line before it ended a sentence
 * and something says a new paragraph starts: the line before was short (the
 * paragraph's last line), or this line is indented or shorter than the column
 * (its two-em indent was lost). A line starting with a character a typesetter
 * never puts at a line start (，。、” …) always continues. Blank lines are
 * ignored: in extracted text they are column breaks as often as paragraph
 * breaks. Caption text (图为…) is split off into its own paragraph.
 */
import { endsSentence, startsWithNoLineStart } from './chars.js';
import type { ClassifiedLine } from './classify-lines.js';
import { CLASSIFY_TUNING as T } from './classify-tuning.js';
import type { LineRange, Paragraph, ParagraphType } from './model.js';
import type { MarkerSet } from './markers.js';

export interface Piece {
  n: number;
  text: string;
  line: ClassifiedLine;
}

interface Draft {
  type: ParagraphType;
  pieces: Piece[];
  /** The pieces joined, once computed. */
  text?: string;
}

function isLatinLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Lines joined with nothing between them, except a space between two Latin words. */
function joinPieces(pieces: Piece[]): string {
  let out = '';
  // Looked at by code unit: a regex on the growing string would rescan it for every line.
  let lastLetter = false;
  for (const p of pieces) {
    if (p.text === '') continue;
    if (lastLetter && isLatinLetter(p.text.charCodeAt(0))) out += ' ';
    out += p.text;
    lastLetter = isLatinLetter(p.text.charCodeAt(p.text.length - 1));
  }
  return out;
}

function range(pieces: Piece[]): LineRange {
  return [pieces[0]!.n, pieces[pieces.length - 1]!.n];
}

function startsParagraph(prev: Piece, cur: Piece, pauseEnds: boolean): boolean {
  if (startsWithNoLineStart(cur.text)) return false;
  // Positioned lines say where they end and start: a paragraph starts at an indent, or after a line
  // that stops short once a sentence has ended.
  const before = prev.line.hint;
  if (before?.endsShort !== undefined && cur.line.hint?.display === 'body') {
    if (cur.line.hint.blockStart) return endsSentence(prev.text, pauseEnds) || before.endsShort;
    return endsSentence(prev.text, pauseEnds) && before.endsShort;
  }
  if (!endsSentence(prev.text, pauseEnds)) return false;
  if (cur.line.indent || cur.line.hint?.blockStart) return true;
  const column = cur.line.column;
  // The line before was a paragraph's short last line…
  const prevShort = prev.line.width < column - T.shortOfColumnEm;
  // …or this line lost its two-em indent: about two em short, not a short last line itself.
  const indentLost = cur.line.width < column - T.shortOfColumnEm && cur.line.width >= column - T.indentSlack;
  return prevShort || indentLost;
}

const captionStarts = new WeakMap<MarkerSet, RegExp>();

/** The caption marker at a paragraph start or right after a sentence end; compiled once per marker set. */
function captionStart(markers: MarkerSet): RegExp {
  let re = captionStarts.get(markers);
  if (!re) {
    re = new RegExp(`(?:^|(?<=[。！？”」]))(?:${markers.caption.source.replace(/^\^/, '')})`, 'u');
    captionStarts.set(markers, re);
  }
  return re;
}

/** Split "…课程。图为一期…" so the caption is its own paragraph. */
function splitCaptions(draft: Draft, markers: MarkerSet): Draft[] {
  if (draft.type !== 'paragraph') return [draft];
  const text = joinPieces(draft.pieces);
  const m = captionStart(markers).exec(text);
  if (!m) {
    draft.text = text;
    return [draft];
  }
  if (m.index === 0) return [{ type: 'caption', pieces: draft.pieces }];
  // Cut the pieces at the caption's offset.
  const before: Piece[] = [];
  const after: Piece[] = [];
  let offset = 0;
  for (const p of draft.pieces) {
    const end = offset + p.text.length;
    if (end <= m.index) before.push(p);
    else if (offset >= m.index) after.push(p);
    else {
      const cut = m.index - offset;
      before.push({ ...p, text: p.text.slice(0, cut) });
      after.push({ ...p, text: p.text.slice(cut) });
    }
    offset = end;
  }
  return [{ type: 'paragraph', pieces: before }, { type: 'caption', pieces: after }];
}

export function reflowParagraphs(pieces: Piece[], markers: MarkerSet, pauseEnds = false): Paragraph[] {
  const drafts: Draft[] = [];
  let cur: Draft | null = null;
  let prev: Piece | null = null;
  for (const piece of pieces) {
    if (piece.text === '') continue;
    const isSub = piece.line.role === 'subheading';
    const isEnd = piece.line.role === 'endmark';
    let start: boolean;
    if (cur === null || prev === null) start = true;
    // A box label (核心阅读, ■记者手记) is whole on its line: a subheading under it is one of its own;
    // so is each line of a section's stack (a label over the section's line: 杭州 ⏎ 灯谜挂满街).
    else if (isSub) start = cur.type !== 'subheading' || prev.line.rule === 'box-label' || piece.line.standalone === true;
    // A part's dateline (join-story-units, join-summary-decks) is printed where its report starts: a paragraph start
    // even after text that ends no sentence (a deck).
    else if (cur.type === 'subheading' || cur.type === 'endmark' || isEnd || piece.line.standalone || prev.line.standalone || piece.line.rule === 'story-part-dateline') start = true;
    else start = startsParagraph(prev, piece, pauseEnds);
    if (start) {
      cur = { type: isSub ? 'subheading' : isEnd ? 'endmark' : 'paragraph', pieces: [] };
      drafts.push(cur);
    }
    cur!.pieces.push(piece);
    prev = piece;
  }
  const paragraphs: Paragraph[] = [];
  for (const draft of drafts) {
    for (const d of splitCaptions(draft, markers)) {
      if (d.pieces.length > 0) paragraphs.push({ type: d.type, text: d.text ?? joinPieces(d.pieces), lines: range(d.pieces) });
    }
  }
  return paragraphs;
}
