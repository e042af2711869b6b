/**
 * Layout stage — small headlines told by contrast (OCR only). A one-column
 * headline is set only a little larger than the body (14.5 over 10.5 pt on
 * community pages), and Tesseract's boxes of a bold headline hug its ink, so
 * such a headline measures 1.23–1.29× the body: under `headlineRatio`, which
 * must stay at 1.3 because a story set in a larger body type measures up to
 * 1.25× as well. What tells the two apart is the text right under the line:
 * a headline of one to three lines stands over smaller type (its byline or
 * its text), a larger body type goes on in lines of its own size. A line in
 * that band, with square glyphs (box height and character advance agree, as
 * they do for Han type and not for a tall box or a line run across a
 * gutter), whose run of such lines is at most `contrastRunLines` long and
 * stands right over body type, is display type (`display` on the line).
 * Lines whose size the reader states (PDF) are measured exactly and never
 * need this. It only sets `display` on the lines it finds, and returns how many.
 */
import { LAYOUT_TUNING as T } from './tuning.js';
import { partitionPoint } from '../arrays.js';
import { displayUnits, xOverlap, type PlacedLine } from './geometry.js';
import type { TypeMeasure } from './measure-type.js';

export function findContrastDisplay(lines: PlacedLine[], type: TypeMeasure): number {
  const byTop = [...lines].sort((a, b) => a.box[1] - b.box[1]);
  const inBand = (l: PlacedLine) =>
    l.line.hint?.size === undefined &&
    l.size >= T.contrastDisplayRatio * type.body &&
    l.size < T.headlineRatio * type.body &&
    squareGlyphs(l);
  let tallest = 0;
  for (const l of lines) tallest = Math.max(tallest, l.box[3] - l.box[1]);
  const below = new Map<PlacedLine, PlacedLine | null>();
  const lineBelow = (l: PlacedLine): PlacedLine | null => {
    let found = below.get(l);
    if (found !== undefined) return found;
    found = null;
    const h = l.box[3] - l.box[1];
    // Lines whose top is under this line's middle, up to the gap a headline leaves over its text.
    const lo = partitionPoint(byTop, (d) => d.box[1] > l.box[1] + 0.5 * h);
    const limit = Math.max(l.box[3], glyphRowBottom(l)) + T.contrastGapEm * type.body;
    for (let i = lo; i < byTop.length && byTop[i]!.box[1] <= limit; i++) {
      const d = byTop[i]!;
      if (!overlaps(l, d) || speck(d)) continue;
      if (!found || d.box[1] < found.box[1]) found = d;
    }
    below.set(l, found);
    return found;
  };
  const last = (run: PlacedLine[]) => run[run.length - 1]!;
  // Nothing close above: the run stands apart (a headline over a picture has nothing under it either).
  const apartAbove = (l: PlacedLine): boolean => {
    const hi = partitionPoint(byTop, (d) => d.box[1] >= l.box[1]);
    for (let i = hi - 1; i >= 0 && byTop[i]!.box[1] >= l.box[1] - tallest - T.blockGapEm * type.body; i--) {
      const d = byTop[i]!;
      if (d.box[3] >= l.box[1] - T.blockGapEm * type.body && d.box[3] <= l.box[1] + 0.5 * (l.box[3] - l.box[1]) && overlaps(l, d)) return false;
    }
    return true;
  };
  const standsOver = (run: PlacedLine[], next: PlacedLine | null): boolean => {
    if (!next) return apartAbove(run[0]!);
    const gap = next.box[1] - last(run).box[3];
    // More of a headline right under it, at a headline's leading: the run is that headline's first lines.
    // (Measured from the glyph row under the run's last line, if any: its one glyph read as marks is a row of the headline.)
    if (next.size >= T.headlineRatio * type.body) return next.box[1] - Math.max(last(run).box[3], glyphRowBottom(last(run))) <= T.headlineGapRatio * next.size;
    // Text under it, in clearly smaller type and set off by more than a body line's leading.
    return gap >= T.contrastGapBelowEm * type.body && fullest(run).size >= T.contrastStep * next.size;
  };
  // The bottom of the specks in the row right under a line, at its left edge (-Infinity: none): a headline's
  // one-glyph line read as marks or boxed round its stroke (build-blocks wrappedGlyph), a row of the headline.
  const glyphRowBottom = (l: PlacedLine): number => {
    const h = l.box[3] - l.box[1];
    let bottom = -Infinity;
    const lo = partitionPoint(byTop, (d) => d.box[1] > l.box[1] + 0.5 * h);
    for (let i = lo; i < byTop.length && byTop[i]!.box[1] <= l.box[3] + h; i++) {
      const d = byTop[i]!;
      if (speck(d) && Math.abs(d.box[0] - l.box[0]) <= 0.5 * h) bottom = Math.max(bottom, d.box[3]);
    }
    return bottom;
  };
  // A glyph or two read as tiny marks (a headline's one-glyph last line read as 一 and AL, 0.56× the body) is no line to stand over.
  const speck = (d: PlacedLine) => d.chars <= T.fragmentChars && d.size < T.contrastSpeckShare * type.body;
  let marked = 0;
  const done = new Set<PlacedLine>();
  for (const l of byTop) {
    if (done.has(l) || !inBand(l)) continue;
    // The run: this line and all the band lines stacked right under it (a larger body type is one long run, never read again from its middle).
    const run = [l];
    let next = lineBelow(l);
    while (next && inBand(next) && !done.has(next)) {
      run.push(next);
      next = lineBelow(next);
    }
    for (const r of run) done.add(r);
    if (run.length > T.contrastRunLines || !standsOver(run, next)) continue;
    for (const r of run) {
      r.display = true;
      marked++;
    }
  }
  return marked;
}

/**
 * The run's line with the most characters: its size is the headline's. A
 * short last line (a few glyphs) measures smaller, its box hugging their ink
 * (1.23× under a first line of 1.30× on a generated page).
 */
function fullest(run: PlacedLine[]): PlacedLine {
  let best = run[0]!;
  for (const r of run) if (r.chars > best.chars) best = r;
  return best;
}

/** One line over the other: they share spanOverlap of the narrower one's width (as a line and its column do). */
function overlaps(a: PlacedLine, b: PlacedLine): boolean {
  return xOverlap(a.box, b.box) >= T.spanOverlap * Math.min(a.box[2] - a.box[0], b.box[2] - b.box[0]);
}

/** Box height and character advance agree: Han glyphs are square, a tall box or a stretched advance is not. */
function squareGlyphs(l: PlacedLine): boolean {
  const h = l.box[3] - l.box[1];
  const advance = (l.box[2] - l.box[0]) / displayUnits(l.line.text);
  return Math.min(h, advance) >= T.squareGlyphShare * Math.max(h, advance);
}
