/**
 * Layout stage 1 — the page's body type size: the size most of its
 * characters are set in (a character-weighted median), which every other
 * layout threshold is measured in. Headlines are few characters in large
 * type, so they cannot move it.
 */
import { weightedQuantile, width, type PlacedLine } from './geometry.js';

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

/** Display width in em: CJK and full-width 1, other characters ½. */
export function displayUnits(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x3000 || c === 0x09) continue;
    if (c >= 0xd800 && c <= 0xdbff) {
      w += 1;
      i++;
      continue;
    }
    w += c < 0x1100 || (c >= 0xff61 && c <= 0xffdc) ? 0.5 : 1;
  }
  return Math.max(w, 0.5);
}
