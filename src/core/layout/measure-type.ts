/**
 * Layout stage 1 — the page's body type size: the size most of its
 * characters are set in (a character-weighted median), which every other
 * layout threshold is measured in. Headlines are few characters in large
 * type, so they cannot move it.
 */
import { displayUnits, weightedQuantile, width, type PlacedLine } from './geometry.js';

export interface TypeMeasure {
  /** Body type size in page units. */
  body: number;
  /** Advance of one full-width character of body text, in page units. */
  em: number;
}

export function measureType(lines: PlacedLine[]): TypeMeasure {
  const body = weightedQuantile(
    lines.map((l) => l.size),
    lines.map((l) => l.chars),
    0.5,
  );
  // Character advance from body lines with enough characters to average over.
  const advances: number[] = [];
  const weights: number[] = [];
  for (const l of lines) {
    if (l.chars < 6 || Math.abs(l.size / body - 1) > 0.2) continue;
    advances.push(width(l.box) / displayUnits(l.line.text));
    weights.push(l.chars);
  }
  const em = advances.length > 0 ? weightedQuantile(advances, weights, 0.5) : body;
  return { body, em: em > 0 ? em : body };
}
