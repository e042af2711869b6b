/**
 * Byline grammar: [marker] (role names…)+ [credit], or a bare photo credit
 * (杜华举摄). Runs on the line as printed, before any spacing repair, because
 * the spaces are field separators (□特约记者 姚志康 整理报道) and a space
 * inside a two-character name is padding (吴 凯 is one person).
 */
import { HAN_CLASS, holdsHan, isHanCodePoint } from './chars.js';
import type { Byline } from './model.js';
import { DEFAULT_MARKERS, ONE_COPY, type MarkerSet } from './markers.js';

const WRAPPED = /^[（(〔［\[【]\s*(.*?)\s*[）)〕］\]】]$/u;
const H = `[${HAN_CLASS}]`;

/**
 * A person's name: Chinese names are 2–4 Han characters; transliterated names join 2–4 parts of
 * 1–6 with ·. What /^(?:H{2,4}|H{1,6}(?:·H{1,6}){1,3})$/u tests (H: HAN_CLASS), as a loop: that
 * regex was 7.3 KB of regex bytecode, compiled on the first page with a byline.
 */
export function isPersonName(text: string): boolean {
  let parts = 0;
  let run = 0;
  for (const ch of text) {
    if (ch === '·') {
      if (run === 0) return false;
      parts++;
      run = 0;
    } else if (!isHanCodePoint(ch.codePointAt(0)!) || ++run > 6) return false;
  }
  if (run === 0) return false;
  parts++;
  return parts === 1 ? run >= 2 && run <= 4 : parts <= 4;
}
// ONE_COPY (markers.ts) after the optional 综合: one compiled copy of the report words, not two.
const LTN = new RegExp(String.raw`^(.*?)\s*[／/]\s*(${H}{0,6}?)((?:综合|綜合)?${ONE_COPY}(?:報導|报道|報道|报导)|攝影|摄影)$`, 'u');
// A desk line names a newsroom desk, not a person: 〔地方中心／綜合報導〕.
const DESK = new RegExp(`^(?:${H}{2,4}中心|即時新聞|即时新闻|國際中心|国际中心|綜合外電|综合外电)$`, 'u');
/**
 * A credit in lenticular brackets with no report word, as Taiwan papers print
 * it on its own line under a headline: a writer and a slash (【■王曉晴／】),
 * a writer and a column name (【林志遠／新聞透視】), or the paper's own desk
 * (【時報】). Only 【】 lines: a （…／…） line is more often a caption's source.
 */
const SLASH_CREDIT = new RegExp(String.raw`^(${H}{2,4}(?:、${H}{2,4})*)\s*[／/]\s*(${H}{0,6})$`, 'u');
const PAPER_DESK = new RegExp(`^${H}{1,2}[報报]$`, 'u');
const LENTICULAR = /^【[^【】]+】$/u;
const WEN_TU = /^(文|图|圖|文[·・/／]图|文[·・/／]圖|图[/／]文|圖[/／]文)\s*[/／:：]\s*(.+)$/u;
/**
 * Where a photograph came from, in brackets after its credit: 张华摄（本报）,
 * 記者張華攝（本報）, 李明 摄（新华社）. Short — a paper or an agency, not a
 * sentence — and taken off only after a photo credit (it names no person).
 */
const PHOTO_SOURCE = /\s*[（(][^（）()\s]{1,8}[）)]$/u;

/** `inner` without the bracketed source after its photo credit, if it has one. */
function withoutPhotoSource(inner: string, markers: MarkerSet): string {
  const source = PHOTO_SOURCE.exec(inner);
  if (!source) return inner;
  const before = inner.slice(0, source.index);
  const credit = markers.bylineCredit.exec(before);
  return credit && markers.photoCredit.test(credit[0]) ? before : inner;
}

/** Split a run of names; single characters separated by padding are one name. */
export function splitNames(text: string): string[] | null {
  const tokens = text.split(/[\s\u3000、]+/u).filter(Boolean);
  const names: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.length === 1 && holdsHan(t) && i + 1 < tokens.length && tokens[i + 1]!.length === 1) {
      names.push(t + tokens[i + 1]!);
      i++;
      continue;
    }
    names.push(t);
  }
  if (names.length === 0 || !names.every(isPersonName)) return null;
  return names;
}

/**
 * A cheap first look: every byline the grammar accepts names a role or a
 * credit with one of these (者 摄 报 实习生 通讯员 编译 整理 供图 采写 文/ 图/, both scripts).
 */
const MAY_BE_BYLINE = /[者摄攝报報]|[习習]生|[讯訊][员員]|编译|編譯|整理|供[图圖]|采写|採寫|[文图圖]\s*[/／:：]/u;

/**
 * The first look for `markers`: the built-in words, and a profile's own role
 * and credit patterns when it has them — its 撰稿人 or 特派员 must not be
 * ruled out before its pattern is tried.
 */
function mayBeByline(text: string, markers: MarkerSet): boolean {
  if (MAY_BE_BYLINE.test(text)) return true;
  if (markers.bylineRole === DEFAULT_MARKERS.bylineRole && markers.bylineCredit === DEFAULT_MARKERS.bylineCredit) return false;
  return markers.bylineRole.test(text) || markers.bylineCredit.test(text);
}

const globalRoles = new WeakMap<MarkerSet, RegExp>();

/** The role-word pattern with the g flag, for walking a line; compiled once per marker set. */
function globalRole(markers: MarkerSet): RegExp {
  let re = globalRoles.get(markers);
  if (!re) globalRoles.set(markers, (re = new RegExp(markers.bylineRole.source, 'gu')));
  return re;
}

export function parseByline(line: string, markers: MarkerSet): Byline | null {
  const text = line.trim();
  if (text.length < 3 || text.length > 48) return null;
  const lenticular = LENTICULAR.test(text);
  if (!lenticular && !mayBeByline(text, markers)) return null;
  // A line ending in a pause mark is running text that continues (友名記者某公、軺乘過此、).
  if (/[、，。；：,;:]$/u.test(text)) return null;
  let inner = text;
  const wrapped = WRAPPED.exec(inner);
  if (wrapped) inner = wrapped[1]!;
  inner = withoutPhotoSource(inner.replace(markers.bylineMarker, '').replace(/^口(?=\S)/u, '').trim(), markers);
  if (inner.length < 2) return null;

  const wenTu = WEN_TU.exec(inner);
  if (wenTu) {
    const names = splitNames(wenTu[2]!.replace(/\s*(?:文|图|圖)\s*[/／:：]\s*/gu, ' '));
    return names ? { text, role: wenTu[1]!, names, credit: null } : null;
  }

  if (lenticular && PAPER_DESK.test(inner)) return { text, role: null, names: [], credit: null };
  const slash = lenticular && !LTN.test(inner) ? SLASH_CREDIT.exec(inner) : null;
  if (slash) return { text, role: null, names: slash[1]!.split('、'), credit: slash[2] || null };

  let credit: string | null = null;
  let body = inner;
  const ltn = LTN.exec(inner);
  if (ltn) {
    body = ltn[1]!;
    credit = ltn[3]!;
    if (DESK.test(body.trim())) return { text, role: null, names: [], credit };
  } else {
    const c = markers.bylineCredit.exec(inner);
    if (c) {
      credit = c[0];
      body = inner.slice(0, c.index).trim();
    }
  }

  // Walk role words; the text between them is names.
  const roleRe = globalRole(markers);
  roleRe.lastIndex = 0;
  const roles: string[] = [];
  const names: string[] = [];
  let cursor = 0;
  let pendingRole: string | null = null;
  let match: RegExpExecArray | null;
  const flush = (segment: string): boolean => {
    const seg = segment.trim();
    if (pendingRole === null) return seg === '';
    if (seg === '') return false;
    const found = splitNames(seg);
    if (!found) return false;
    if (!roles.includes(pendingRole)) roles.push(pendingRole);
    names.push(...found.filter((n) => !names.includes(n)));
    return true;
  };
  while ((match = roleRe.exec(body)) !== null) {
    if (match[0] === '') {
      roleRe.lastIndex++;
      continue;
    }
    if (!flush(body.slice(cursor, match.index))) {
      // Text before the first role: only a bare photo credit may lack a role.
      return null;
    }
    pendingRole = match[0];
    cursor = match.index + match[0].length;
  }
  if (pendingRole === null) {
    // No role word: accept "姓名 摄" photo credits only.
    if (!credit || !markers.photoCredit.test(credit)) return null;
    const found = splitNames(body);
    return found ? { text, role: null, names: found, credit } : null;
  }
  if (!flush(body.slice(cursor))) return null;
  return { text, role: roles.join('/'), names, credit };
}

/**
 * Places a wire dateline names after its reporter (中央社記者戴雅真台北29日電).
 * Name and place run together with no separator, so the place is found by
 * name: a dateline whose place is not here gives no byline rather than a
 * guessed split (戴雅真台北 could be 戴雅 + 真台北 to a program that does not know 台北).
 */
const DATELINE_PLACES = [
  '台北', '臺北', '新北', '桃園', '新竹', '苗栗', '台中', '臺中', '彰化', '南投', '雲林', '嘉義縣', '嘉義', '台南', '臺南', '高雄',
  '屏東', '宜蘭', '花蓮', '台東', '臺東', '澎湖', '金門', '馬祖', '基隆', '連江', '香港', '澳門', '北京', '上海', '廣州', '深圳',
  '東京', '大阪', '首爾', '華盛頓', '紐約', '舊金山', '洛杉磯', '倫敦', '巴黎', '柏林', '布魯塞爾', '日內瓦', '莫斯科', '雪梨',
  '新加坡', '曼谷', '河內', '吉隆坡', '雅加達', '馬尼拉', '新德里', '開羅', '耶路撒冷', '多倫多', '溫哥華', '芝加哥', '休士頓',
  '台湾', '台灣', '广州', '东京', '华盛顿', '纽约', '伦敦', '首尔', '旧金山', '洛杉矶',
].sort((a, b) => b.length - a.length); // longest first: 嘉義縣 before 嘉義

const DATELINE_REPORTER = new RegExp(
  String.raw`^[（(]?\s*(?:中央社|${H}{0,4}?社)?((?:特派|駐${H}{1,3}特派|實習|实习)?[記记]者)(${H}[${HAN_CLASS}、]{1,30}?)\s?(?:[0-9０-９]{1,2}|[一二三四五六七八九十廿卅]{1,3})\s?日(?:綜合外|综合外|專|专)?[電电]`,
  'u',
);

/**
 * The reporter a wire dateline names (（中央社記者戴雅真台北29日電） → 記者 戴雅真;
 * （中央社記者郭建伸、王揚宇台北29日電） → both). The byline's text is the
 * reporter as printed inside the dateline, which stays whole; `inDateline`
 * tells the nothing-lost accounting not to count those characters twice.
 */
export function reporterInDateline(marker: string): Byline | null {
  // The pattern needs 記者 or 记者: a marker without 者 (本报讯, nearly every one) is let go before it, which is
  // then never compiled on such a page (23 KB of regex bytecode, ~0.8 ms of a one-page run).
  if (!marker.includes('者')) return null;
  const m = DATELINE_REPORTER.exec(marker);
  if (!m) return null;
  const run = m[2]!;
  const place = DATELINE_PLACES.find((p) => run.endsWith(p) && run.length > p.length);
  if (!place) return null;
  const names = splitNames(run.slice(0, run.length - place.length));
  if (!names) return null;
  return { text: m[1]! + run.slice(0, run.length - place.length), role: m[1]!, names, credit: null, inDateline: true };
}
