/**
 * Which reader a file needs, from its first 64 KiB: ALTO, hOCR or plain text.
 * Kept apart from the layout readers so that a text run loads none of them.
 */
import type { InputFormat } from '../core/model.js';

/** Which format bytes hold, from their first 64 KiB: `<alto` → ALTO, `ocr_page`/`ocrx_word` → hOCR, else text. */
export function sniffFormat(bytes: Uint8Array): InputFormat {
  let head = new TextDecoder('utf-8').decode(bytes.subarray(0, 65536));
  if (head.includes('\u0000')) head = head.replace(/\u0000/gu, ''); // UTF-16
  if (/<(?:[\w-]+:)?alto[\s>]/u.test(head)) return 'alto';
  if (/ocr_page|ocrx_word|ocr_line/u.test(head)) return 'hocr';
  return 'text';
}
