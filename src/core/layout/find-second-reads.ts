/**
 * Layout stage — OCR second reads. Tesseract often reads part of a large
 * display line a second time, as a small "line" lying inside the first one's
 * box: the top strokes of a headline's glyphs come out as a line of one to
 * four small "characters" (two Han characters, two Latin letters, a stray
 * bracket). Two printed lines cannot occupy the same ink, so a line inside a
 * display line's box, in much smaller type, is the same ink read again. Joined
 * to the headline (as the fragment rule of build-blocks would do) it corrupts
 * it; it is taken out of the stories and left unassigned (`ocr-second-read`),
 * so nothing is lost. Only lines without a reader's type size (OCR): a PDF draws
 * each glyph once, where the page puts it. Pure.
 */
import { LAYOUT_TUNING as T } from './tuning.js';
import { partitionPoint } from '../arrays.js';
import { holdsHan } from '../chars.js';
import type { PlacedLine } from './geometry.js';
import { isBodyType } from './find-columns.js';
import type { TypeMeasure } from './measure-type.js';

/**
 * The lines of `lines` that are second reads of a display line. Runs before
 * the furniture strip is looked for: a second read in the first headline's
 * row would make that row look like a strip of short pieces in small type.
 */
export function findSecondReads(lines: PlacedLine[], type: TypeMeasure): Set<PlacedLine> {
  const out = new Set<PlacedLine>();
  const display = lines.filter((l) => !isBodyType(l, type)).sort((a, b) => a.box[1] - b.box[1]);
  let tallest = 0;
  for (const d of display) tallest = Math.max(tallest, d.box[3] - d.box[1]);
  for (const l of lines) {
    if (l.line.hint?.size !== undefined || !isBodyType(l, type)) continue;
    // Display lines whose top is within one display height above this line's top, or a slack below it.
    const lo = partitionPoint(display, (d) => d.box[1] >= l.box[1] - tallest);
    for (let i = lo; i < display.length && display[i]!.box[1] <= l.box[1] + T.secondReadSlack * tallest; i++) {
      const d = display[i]!;
      // Han strokes read as Latin letters make a taller box than re-read Han tops: capitals stand 0.6-0.75 of the glyph.
      const share = holdsHan(l.line.text) ? T.secondReadShare : T.secondReadLatinShare;
      if (l.size > share * d.size) continue;
      const tol = T.secondReadSlack * d.size;
      const inside = l.box[0] >= d.box[0] - tol && l.box[2] <= d.box[2] + tol && l.box[1] >= d.box[1] - tol && l.box[3] <= d.box[3] + tol;
      if (inside) {
        out.add(l);
        break;
      }
    }
  }
  return out;
}
