/**
 * Which reader a file needs, from its first 64 KiB: ALTO, hOCR or plain text.
 * Kept apart from the layout readers so that a text run loads none of them.
 */
import type { InputFormat } from '../core/model.js';

/** Which format bytes hold, from their first 64 KiB: `<alto` → ALTO, `ocr_page`/`ocrx_word` → hOCR, else text. */
export function sniffFormat(bytes: Uint8Array): InputFormat {
  // The markers are ASCII: latin1 maps bytes one to one and is the cheapest decoding.
  let head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 65536)).toString('latin1');
  if (head.includes('\u0000')) head = head.replace(/\u0000/gu, ''); // UTF-16
  if (/<(?:[\w-]+:)?alto[\s>]/u.test(head)) return 'alto';
  if (/ocr_page|ocrx_word|ocr_line/u.test(head)) return 'hocr';
  return 'text';
}
