/**
 * Stage 1 — text to numbered lines. Line numbers assigned here are the ones
 * every later stage and the output refer to; they are never renumbered.
 * Accepts LF, CRLF and lone CR line ends (old Mac and some OCR exports).
 */
import type { InputLine } from './model.js';

export type LineEnding = 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';

export function splitLines(text: string): { lines: InputLine[]; lineEnding: LineEnding } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  const lines: InputLine[] = [];
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 0x0a) {
      lf++;
      lines.push({ n: lines.length + 1, text: body.slice(start, i) });
      start = i + 1;
    } else if (c === 0x0d) {
      if (body.charCodeAt(i + 1) === 0x0a) {
        crlf++;
        lines.push({ n: lines.length + 1, text: body.slice(start, i) });
        i++;
      } else {
        cr++;
        lines.push({ n: lines.length + 1, text: body.slice(start, i) });
      }
      start = i + 1;
    }
  }
  if (start < body.length) lines.push({ n: lines.length + 1, text: body.slice(start) });
  const kinds = [lf && 'lf', crlf && 'crlf', cr && 'cr'].filter(Boolean) as LineEnding[];
  const lineEnding: LineEnding = kinds.length === 0 ? 'none' : kinds.length === 1 ? kinds[0]! : 'mixed';
  return { lines, lineEnding };
}
