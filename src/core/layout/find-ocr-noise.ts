/**
 * Layout stage — OCR noise: lines the engine was sure of nowhere. Tesseract
 * reads a column logo, a photo's texture or a speck as "text" and says so in
 * its word confidences: on the dev pages' hOCR every line whose best word
 * scored under 0.2 was such noise (a logo read as five Latin capitals over a
 * headline, lone glyphs of a picture: 9 lines, none printed text), while a
 * printed line that OCR read badly still has a word it is fairly sure of. Joined to a
 * headline or a body, noise corrupts it; it is kept out of the stories and
 * left unassigned (`ocr-low-confidence`), so nothing is lost. Only lines whose
 * reader states a confidence (hOCR x_wconf, ALTO WC). Pure.
 */
import { LAYOUT_TUNING as T } from './tuning.js';
import type { PlacedLine } from './geometry.js';

export function findOcrNoise(lines: PlacedLine[]): Set<PlacedLine> {
  const out = new Set<PlacedLine>();
  for (const l of lines) {
    const c = l.line.hint?.confidence;
    if (c !== undefined && c < T.noiseConfidence) out.add(l);
  }
  return out;
}
