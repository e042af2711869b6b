/**
 * The page's printed date (masthead or folio furniture) read as an ISO 8601
 * calendar date. Forms read: Gregorian years in Arabic, full-width or Chinese
 * digits (2019年2月7日, ２０１９年２月７日, 二〇一九年二月七日), 民國/中華民國 years
 * (113 → 2024), months and days in Chinese numerals with 廿 (20) and 卅 (30),
 * numeric dates (2019-02-07, 2019.2.7, 2019/02/07), and an optional weekday
 * right after the date (星期四, 禮拜四, 週四, 周四, (四), （星期四）).
 *
 * The rule is "a date or a reason, never a wrong date": an impossible day
 * (2月30日), a weekday that does not fall on the date, a year that could be
 * read two ways (a bare 113年: Gregorian or 民國?) or a two-digit year all give
 * `iso: null` and the reason, and the caller warns. Pure.
 */

export type DateProblem = 'no-date' | 'invalid-date' | 'weekday-mismatch' | 'ambiguous-year';

export interface DateReading {
  /** YYYY-MM-DD, or null when the text gives no date that can be trusted. */
  iso: string | null;
  /** The part of the text the date was read from. */
  matched: string | null;
  /** Why `iso` is null. */
  problem?: DateProblem;
  /** The weekday printed (0 = Sunday … 6), when there is one. */
  weekday?: number;
}

/** The 民國 (Republic of China) calendar counts 1912 as year 1. */
const ROC_EPOCH_OFFSET = 1911;

const DIGIT_VALUE: Record<string, number> = {
  '〇': 0, '○': 0, '零': 0, '一': 1, '二': 2, '两': 2, '兩': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
};

const WEEKDAY_VALUE: Record<string, number> = { '日': 0, '天': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6 };

/** Full-width digits to ASCII, so one pattern reads both. */
function asciiDigits(s: string): string {
  return s.replace(/[０-９]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * A number in Arabic digits, Chinese digits read one by one (二〇一九, 一一三),
 * or positional Chinese (十二, 二十一, 廿一, 卅, 一百一十三). Null when it is none.
 */
export function readNumber(s: string): number | null {
  if (/^[0-9]+$/u.test(s)) return Number(s);
  if (!/^[〇○零一二两兩三四五六七八九十廿卅百]+$/u.test(s)) return null;
  if (!/[十廿卅百]/u.test(s)) {
    let n = 0;
    for (const c of s) n = n * 10 + DIGIT_VALUE[c]!;
    return n;
  }
  let total = 0;
  let digit: number | null = null;
  // Each place is written once, highest first: 廿廿 and 十百 are not numbers.
  let lastUnit = Infinity;
  for (const c of s) {
    if (c === '百' || c === '十') {
      const unit = c === '百' ? 100 : 10;
      if (unit >= lastUnit) return null;
      lastUnit = unit;
      total += (digit ?? 1) * unit;
      digit = null;
    } else if (c === '廿' || c === '卅') {
      if (digit !== null || lastUnit <= 10) return null;
      lastUnit = 10;
      total += c === '廿' ? 20 : 30;
    } else {
      // 一百零五: a 零 holds a place and adds nothing.
      if (digit !== null && digit !== 0) return null;
      digit = DIGIT_VALUE[c]!;
    }
  }
  return total + (digit ?? 0);
}

const NUM = '[0-9〇○零一二两兩三四五六七八九十廿卅百]';
const ERA = '(?:中華民國|中华民国|民國|民国)';
const WEEKDAY_AFTER = String.raw`\s*(?:[（(]\s*)?(?:(?:星期|禮拜|礼拜|週|周)\s*([日天一二三四五六])|(?<=[（(]\s*)([日一二三四五六])(?=\s*[）)]))`;
const CJK_DATE = new RegExp(`(?:(${ERA})\\s*)?(${NUM}{1,5})\\s*年\\s*(${NUM}{1,3})\\s*月\\s*(${NUM}{1,3})\\s*[日号號](?:${WEEKDAY_AFTER})?`, 'u');
const NUMERIC_DATE = new RegExp(String.raw`(?<![0-9])([0-9]{4})([-./])([0-9]{1,2})\2([0-9]{1,2})(?![0-9])(?:${WEEKDAY_AFTER})?`, 'u');

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Gregorian years a newspaper may carry; anything else is a misreading. */
const FIRST_YEAR = 1800;
const LAST_YEAR = 2200;

function judge(matched: string, year: number, month: number, day: number, weekdayChar: string | undefined): DateReading {
  const weekday = weekdayChar === undefined ? undefined : WEEKDAY_VALUE[weekdayChar];
  const base = weekday === undefined ? { matched } : { matched, weekday };
  if (year < FIRST_YEAR || year > LAST_YEAR || !isRealDate(year, month, day)) return { iso: null, ...base, problem: 'invalid-date' };
  if (weekday !== undefined && new Date(Date.UTC(year, month - 1, day)).getUTCDay() !== weekday) {
    return { iso: null, ...base, problem: 'weekday-mismatch' };
  }
  return { iso: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`, ...base };
}

/** Read the first date in `text` (see the file comment for the forms and the refusals). */
export function normalizeDate(text: string): DateReading {
  const t = asciiDigits(text);
  const cjk = CJK_DATE.exec(t);
  if (cjk) {
    const [matched, era, y, m, d, w1, w2] = cjk;
    const yearNumber = readNumber(y!);
    const month = readNumber(m!);
    const day = readNumber(d!);
    if (yearNumber === null || month === null || day === null) return { iso: null, matched, problem: 'invalid-date' };
    let year = yearNumber;
    if (era) year += ROC_EPOCH_OFFSET;
    // Without an era, only a four-digit year is unambiguous: 113年 may be 民國,
    // 19年 may be 2019 or 民國19年 (1930).
    else if (yearNumber < 1000) return { iso: null, matched, problem: 'ambiguous-year' };
    return judge(matched, year, month, day, w1 ?? w2);
  }
  const numeric = NUMERIC_DATE.exec(t);
  if (numeric) {
    const [matched, y, , m, d, w1, w2] = numeric;
    return judge(matched, Number(y), Number(m), Number(d), w1 ?? w2);
  }
  return { iso: null, matched: null, problem: 'no-date' };
}
