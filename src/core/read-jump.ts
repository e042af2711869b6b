/**
 * What a jump line says: which way the story goes and to which page.
 * 下转第4版 / 转第二版 / 續見A6版 / 见第3版 continue the story ON another page;
 * 上接第1版 / 接第1版 / 承第1版 / 接上版 say it is continued FROM one (接上版:
 * the page before, no number). A cross-reference (相關新聞刊A2) is not a jump
 * and never reaches here: the jump marker pattern does not take it. Pure.
 */
import { pageNumberValue, type PageNumberValue } from './page-number.js';

export type JumpDirection = 'on' | 'from';

export interface JumpReading {
  direction: JumpDirection;
  /** The page named, as a value (第4版 → 4, A6 → {A, 6}); null for 接上版. */
  page: PageNumberValue | null;
  /** The jump points at the page before this one, whatever its number (接上版). */
  previousPage: boolean;
}

const FROM = /^(?:上接|紧接|緊接|接|承)/u;
const PREVIOUS = /^(?:接上版|接上页|接上頁|承上版|接前版|上接前版)$/u;
const ON = /^(?:下转|下轉|转|轉|续见|續見|转见|轉見|续|續|详见|詳見|见|見)/u;
const PAGE = /(?:第|至)?\s*([0-9０-９一二三四五六七八九十]{1,4}|[A-Z][0-9０-９]{1,3})\s*(?:版|页|頁|面)?/u;

/** Read a jump line (with or without its brackets); null when it is not one. */
export function readJump(text: string): JumpReading | null {
  const t = text.trim().replace(/^[（(]\s*|\s*[）)]$/gu, '');
  if (PREVIOUS.test(t)) return { direction: 'from', page: null, previousPage: true };
  const from = FROM.exec(t);
  const on = from ? null : ON.exec(t);
  const lead = from ?? on;
  if (!lead) return null;
  const m = PAGE.exec(t.slice(lead[0].length));
  const page = m ? pageNumberValue(m[1]!) : null;
  if (!page) return null;
  return { direction: from ? 'from' : 'on', page, previousPage: false };
}
