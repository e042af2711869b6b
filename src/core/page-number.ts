/**
 * A printed page number as something to sort by. The rule: take away the
 * wrapping words (第…版, …版, …页/頁/面), read the rest as an optional section
 * letter or two (A, B, AA) followed by a number in Arabic, full-width or
 * Chinese digits; leading zeros do not count. So 02 → 2, A10 → section A,
 * 10, 第8版 → 8, 第十二版 → 12. Anything else (B2-3, 封面, 彩版) is not a
 * number: null, and the printed text is all there is. Pure.
 */
import { readNumber } from './normalize-date.js';

export interface PageNumberValue {
  /** Section letter(s) printed before the number (A10 → A), or null. */
  section: string | null;
  /** The number itself (02 → 2). */
  value: number;
}

const FULLWIDTH_OFFSET = 0xfee0;

function halfWidth(s: string): string {
  return s.replace(/[０-９Ａ-Ｚａ-ｚ]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - FULLWIDTH_OFFSET));
}

const PAGE = /^(?:第\s*)?([A-Za-z]{1,2})?\s*([0-9]{1,4}|[〇○零一二两兩三四五六七八九十廿卅百]{1,5})\s*(?:版|页|頁|面)?$/u;

export function pageNumberValue(printed: string | null): PageNumberValue | null {
  if (printed === null) return null;
  const m = PAGE.exec(halfWidth(printed.trim()));
  if (!m) return null;
  const value = readNumber(m[2]!);
  if (value === null) return null;
  return { section: m[1] ? m[1].toUpperCase() : null, value };
}

/** The page part of an id: section letter and number, no padding (A10 → A10, 02 → 2). */
export function pageKey(v: PageNumberValue): string {
  return `${v.section ?? ''}${v.value}`;
}
