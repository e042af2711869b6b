/**
 * Byline grammar: [marker] (role names…)+ [credit], or a bare photo credit
 * (杜华举摄). Runs on the line as printed, before any spacing repair, because
 * the spaces are field separators (□特约记者 姚志康 整理报道) and a space
 * inside a two-character name is padding (吴 凯 is one person).
 */
import { HAN, HAN_CLASS } from './chars.js';
import type { Byline } from './model.js';
import { DEFAULT_MARKERS, type MarkerSet } from './markers.js';

const WRAPPED = /^[（(〔［\[【]\s*(.*?)\s*[）)〕］\]】]$/u;
// Chinese names are 2–4 characters; transliterated names join parts with ·.
const H = `[${HAN_CLASS}]`;
const NAME = new RegExp(`^(?:${H}{2,4}|${H}{1,6}(?:·${H}{1,6}){1,3})$`, 'u');
const LTN = new RegExp(String.raw`^(.*?)\s*[／/]\s*(${H}{0,6}?)((?:综合|綜合)?(?:報導|报道|報道|报导)|攝影|摄影)$`, 'u');
// A desk line names a newsroom desk, not a person: 〔地方中心／綜合報導〕.
const DESK = new RegExp(`^(?:${H}{2,4}中心|即時新聞|即时新闻|國際中心|国际中心|綜合外電|综合外电)$`, 'u');
const WEN_TU = /^(文|图|圖|文[·・/／]图|文[·・/／]圖|图[/／]文|圖[/／]文)\s*[/／:：]\s*(.+)$/u;

/** Split a run of names; single characters separated by padding are one name. */
export function splitNames(text: string): string[] | null {
  const tokens = text.split(/[\s\u3000、]+/u).filter(Boolean);
  const names: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.length === 1 && HAN.test(t) && i + 1 < tokens.length && tokens[i + 1]!.length === 1) {
      names.push(t + tokens[i + 1]!);
      i++;
      continue;
    }
    names.push(t);
  }
  if (names.length === 0 || !names.every((n) => NAME.test(n))) return null;
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
  if (text.length < 3 || text.length > 48 || !mayBeByline(text, markers)) return null;
  // A line ending in a pause mark is running text that continues (友名記者某公、軺乘過此、).
  if (/[、，。；：,;:]$/u.test(text)) return null;
  let inner = text;
  const wrapped = WRAPPED.exec(inner);
  if (wrapped) inner = wrapped[1]!;
  inner = inner.replace(markers.bylineMarker, '').replace(/^口(?=\S)/u, '').trim();
  if (inner.length < 2) return null;

  const wenTu = WEN_TU.exec(inner);
  if (wenTu) {
    const names = splitNames(wenTu[2]!.replace(/\s*(?:文|图|圖)\s*[/／:：]\s*/gu, ' '));
    return names ? { text, role: wenTu[1]!, names, credit: null } : null;
  }

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
