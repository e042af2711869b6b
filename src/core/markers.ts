/**
 * Marker patterns: the printed conventions that open, close and label the
 * parts of an article. They are data, not code, so that a newspaper profile can
 * add or replace them; every pattern carries both scripts (simplified and
 * traditional) so matching needs no conversion.
 *
 * Sources: ../shared/docs/research/newspaper-conventions.md §1 (tags there).
 */

import { HAN_CLASS } from './chars.js';

const H = `[${HAN_CLASS}]`;
const NUM = String.raw`[0-9０-９〇零一二三四五六七八九十廿卅两兩]`;
// Extracted text often puts a space at each seam between CJK and ASCII digits (北京 2 月 27 日电).
const SEAM = ' ?';
const DATE_MD = String.raw`(?:${SEAM}${NUM}{1,3}${SEAM}月)?${SEAM}${NUM}{1,3}${SEAM}日`;

/**
 * `(?=)`, an empty lookahead, holds everywhere, so a pattern matches exactly what it matched without
 * it. Written after an optional start (`[（(]?(?:本版)?`) or a choice of words, it makes V8 compile
 * what follows once: its regex compiler emits the rest of a pattern once for each way into it, so
 * creditLabel's two optional starts made four copies of its 23 labels — 8.0 KB of regex bytecode,
 * compiled (and peephole-optimized) on every first page whether or not a line ever matched, against
 * 2.8 KB with the lookahead (bracketReporter 7.0 -> 5.9 KB, parse-byline's LTN 3.3 -> 2.3 KB).
 * Measured: V8 11.3 (Node 20), --print-regexp-bytecode on a two-byte subject.
 */
export const ONE_COPY = '(?=)';

export interface MarkerSet {
  /** Source markers that open an article body at a line start (本报讯, 新华社北京11月3日电, 【明報專訊】). */
  dateline: RegExp[];
  /** A bracketed reporter right after a dateline: （记者 张三）. */
  bracketReporter: RegExp;
  /** Role words of a byline (记者, 通讯员, …); longest alternatives first. */
  bylineRole: RegExp;
  /** What the people did, at the end of a byline (报道, 摄影报道, 摄, …). */
  bylineCredit: RegExp;
  /** Credits that mean a photograph. */
  photoCredit: RegExp;
  /**
   * A photographer's word anywhere in a credit, compound ones included
   * (摄, 報導/攝, 整理/摄): a text so credited is a photo's text.
   */
  photoShot: RegExp;
  /** A credit that makes its story a photo story: the pictures are the story (摄影报道). */
  photoStory: RegExp;
  /** A byline line's marker character (□ and OCR's 口 for it). */
  bylineMarker: RegExp;
  /**
   * A credit line's label and colon at the line's start (撰文：, 攝影：,
   * 本版制图：, （編輯：…）): who wrote, shot, drew or edited a story, printed
   * with it. What follows the colon need not be a name (資料來源：…), so these
   * are credit lines (src/core/credit-line.ts), not bylines.
   */
  creditLabel: RegExp;
  /** Whole-line jump lines: （下转第4版）. */
  jump: RegExp;
  /** Whole-line end marks: （完）. */
  endmark: RegExp;
  /** Whole-line bracketed sign-off: （街道党政办）, （赵磊）, （编辑：陈承功）. */
  signoff: RegExp;
  /** Words that make a bracket a photo credit or a note rather than a sign-off. */
  notSignoff: RegExp;
  /** Caption text starts. */
  caption: RegExp;
  /** Subheadline prefix (dash run; OCR reads ―― as -一). */
  subheadlinePrefix: RegExp;
  /** In-article subheading enumerators at a line start. */
  subheading: RegExp;
  /** Furniture lines recognised anywhere on the page. */
  furniture: { role: 'page-number' | 'edition' | 'date' | 'editor' | 'label'; pattern: RegExp }[];
  /** Section names (版名/栏目): short isolated lines ending in one of these words. */
  section: RegExp;
}

/** A paper's own dateline, 羊城晚报讯: no literal start, so matchesAny tries it in its combined regex. */
const PAPER_DATELINE = new RegExp(String.raw`^${H}{1,6}(?:日报|日報|晚报|晚報|时报|時報|早报|早報|商报|商報|文匯報|文汇报|大公報|大公报)(?:讯|訊)`, 'u');

/**
 * For a default pattern with no literal start, a test every text it matches
 * passes (PAPER_DATELINE ends in 讯 or 訊). When each pattern of a list's
 * combined regex has one, a text failing them all skips that regex, and a
 * page with no such text never compiles it.
 */
const OPEN_PATTERN_NEEDS = new Map<RegExp, (text: string) => boolean>([[PAPER_DATELINE, (t) => t.includes('讯') || t.includes('訊')]]);

export const DEFAULT_MARKERS: MarkerSet = {
  dateline: [
    // 【明報專訊】, 【本報訊】, 【新华社重庆十四日电】
    new RegExp(String.raw`^【[^】]{2,24}?(?:讯|訊|专讯|專訊|电|電|报道|報道|報導|新聞)】`, 'u'),
    // （中央社記者戴雅真台北29日電）: the CNA dateline carries the reporter.
    new RegExp(String.raw`^[（(]中央社[^）)]{0,30}?${NUM}{1,2}${SEAM}日(?:綜合外)?(?:电|電)(?:報導)?[）)]`, 'u'),
    // Any bracketed wire dateline: （重慶廿一日路透電）, （路透社倫敦28日電）.
    new RegExp(String.raw`^[（(][^（）()\s]{2,16}?(?:专电|專電|电|電)[）)]`, 'u'),
    // 本报讯 / 本報訊 / 本报专讯 / 本报综合报道
    new RegExp(String.raw`^本[报報](?:讯|訊|专讯|專訊|综合报道|綜合報導|綜合報道|综合消息)`, 'u'),
    // 本报北京2月14日电, 本报深圳6月2日讯
    new RegExp(String.raw`^本[报報]${H}{1,8}?${DATE_MD}(?:专电|專電|电|電|讯|訊)`, 'u'),
    // 新华社北京11月3日电, 中新社…电, 财联社3月17日电; 据新华社伦敦3月2日电 (a wire report the paper
    // rewrote: 据 "from" before the wire's own dateline; 据新华社报道 with no date and 电 is running text)
    new RegExp(
      String.raw`^[据據]?(?:新华社|新華社|中新社|中新网|中新網|人民网|人民網|央视网|央視網|财联社|財聯社|法新社|路透社|美联社|美聯社|共同社|塔斯社)(?:据${H}{2,4}社)?${H}{0,8}?${DATE_MD}(?:专电|專電|电|電|讯|訊)`,
      'u',
    ),
    // 羊城晚报讯, 香港文匯報訊, 广州日报讯
    PAPER_DATELINE,
  ],
  bracketReporter: new RegExp(
    [
      // （记者 张三）, （本报记者 张三 通讯员 李四）
      // ONE_COPY after the role words: one compiled copy of what follows them.
      String.raw`^[（(]\s*(?:(?:本[报報])?(?:[记記]者|通[讯訊][员員])|特[约約][记記]者|全媒[体體][记記]者)${ONE_COPY}[^（）()]{1,30}[）)]`,
      // 〔記者吳政峰／台北報導〕, 〔地方中心／綜合報導〕 (Liberty Times reporter and desk lines)
      String.raw`^[〔［\[（(]\s*[^〔〕［］\[\]（）()]{2,24}?[／/][^〔〕［］\[\]（）()]{0,8}?(?:報導|报道|報道|报导)[〕］\]）)]`,
    ].join('|'),
    'u',
  ),
  bylineRole: new RegExp(
    // Any short outlet or rank before 记者 (本报记者, 明報記者, 中央社記者, 特派記者, 驻京记者).
    String.raw`${H}{0,4}?(?:[记記]者|[摄攝]影[记記]者)|通[讯訊][员員]|[实實][习習]生|特[约約][摄攝]影`,
    'u',
  ),
  bylineCredit: /(?:(?:整理|摄影|攝影|综合|綜合)?(?:报道|報導|報道|报导)|采写|採寫|摄影|攝影|摄|攝|编译|編譯|整理|供图|供圖)$/u,
  photoCredit: /^(?:摄影报道|攝影報導|攝影報道|摄影|攝影|摄|攝|供图|供圖)$/u,
  photoShot: /摄|攝/u,
  photoStory: /摄影报道|攝影報導|攝影報道/u,
  // (?=) after the optional start: see ONE_COPY.
  creditLabel: /^[（(]?(?:本版)?(?=)(?:撰文|採訪|采访|文|圖|图|攝影|摄影|製圖|制图|版式|統籌|统筹|資料來源|资料来源|場地|场地|編輯|编辑|譯者|译者|核稿)\s*[：:]\s*\S/u,
  bylineMarker: /^[□■◎●○◆◇▲△☆★☉](?=\s*\S)|^口(?=\s*(?:本[报報]|特[约約]|[记記]者|通[讯訊]|[见見][习習]|[实實][习習]|首席|特派))/u,
  // Bare (unbracketed) only with a lead that cannot start a sentence (下转, 上接, 转): 接1版 and
  // 见第3版 alone are running text. Each run of spaces can be taken by one part only (the note after
  // the page starts with a non-space): with adjacent \s* around an optional 第 or 版, a line of
  // 下转 1, 20,000 spaces and （ took 78 s.
  // Numbered jumps (（下转第4版）, （續見A6版）, 上接第1版) and the unnumbered 接上版 kind, which points at the page before.
  jump: /^(?:(?:[（(]\s*(?:下转|下轉|上接|紧接|緊接|转|轉|接|续|續|续见|續見|转见|轉見|承|见|見|详见|詳見)|下转|下轉|上接|转|轉)(?:\s*(?:第|至))?\s*[0-9０-９一二三四五六七八九十A-Z]{1,4}(?:\s*(?:版|页|頁|面))?\s*(?:[^（）()\s][^（）()]{0,19})?[）)]?|[（(]\s*(?:接上版|接上页|接上頁|承上版|接前版|上接前版)\s*[）)])$/u,
  endmark: /^[（(](?:完|全文完|未完|未完待续|未完待續|待续|待續|续完|續完)[）)]$/u,
  // OCR often reads the round brackets of a sign-off as 〈 or 《 (〈城东区园林所), 《街道党政办)).
  // The sign-off starts with a non-space, so the spaces after the bracket go to \s* alone: a bracket and
  // 20,000 spaces took 39 s when both could take them.
  signoff: /^(?![《〈][^》〉]*[》〉]$)[（(〈《]\s*([^（）()〈〉《》\s][^（）()〈〉《》]{0,29}?)\s*[）)〉》]$/u,
  notSignoff: /摄|攝|供图|供圖|提供|下转|下轉|上接|转第|轉第|接第|完|待续|待續|图|圖|据|據|按：|注：|注:|。|，/u,
  caption: /^(?:图为|圖為|图：|圖：|上图|下图|左图|右图|上圖|下圖|左圖|右圖|图[①-⑩1-9]|圖[①-⑩1-9])/u,
  subheadlinePrefix: /^(?:[—―─－]{2,}|-{2,}|[-－—―─]一|一[-—―─])\s*/u,
  subheading: /^(?:[一二三四五六七八九十]{1,3}(?:要|是|、|．|\.|，)|[（(][一二三四五六七八九十]{1,3}[）)]|[0-9０-９]{1,2}[、．.](?![0-9])|第[一二三四五六七八九十]{1,3}[，、,]?(?=\S)|[■▲◆●])/u,
  furniture: [
    { role: 'page-number', pattern: /^(?:第\s*[0-9０-９]{1,3}\s*版|[0-9０-９]{1,3}|[A-Z][0-9]{1,2}(?:版)?|第[一二三四五六七八九十]{1,3}版)$/u },
    {
      role: 'edition',
      pattern: /^(?:第\s*)?[0-9０-９一二三四五六七八九十]{1,3}\s*版\s*[:：(（\s]\s*\S{0,12}[)）]?(?:\s+\S.{0,30})?$/u,
    },
    { role: 'edition', pattern: /^(?:第|总第|總第)\s*[0-9０-９]+\s*期$/u },
    {
      role: 'editor',
      pattern: /^(?:本版)?(?:责编|責編|责任编辑|責任編輯|编辑|編輯|美编|美編|美术编辑|美術編輯|版式设计|版式設計|校对|校對|审读|審讀|组版|組版|值班编辑|值班編輯|版面设计|版面設計)\s*[：:]/u,
    },
    { role: 'label', pattern: /^[A-Z][A-Z &'\-]{2,}$/u },
  ],
  section: /^.{0,4}(?:要闻|要聞|要电|要電|快讯|快訊|新闻|新聞|综合|綜合|评论|評論|副刊|国际|國際|财经|財經|体育|體育|文化|民生|社区|社區|本埠|港聞|港闻|兩岸|两岸|焦點|焦点|地方|生活|专版|專版|专题|專題|视点|視點|时评|時評|广告|廣告|时政|時政|经济|經濟|城事|教育|健康|娱乐|娛樂)$/u,
};

/** A caption's words anywhere in a text (…赛场上。图为参赛队员…): the text is a photo's, and a photo credit under it is its. */
export const CAPTION_IN_TEXT = /图为|圖為|图：|圖：/u;

/** The number of a serial's part, as printed in brackets under its headline: （三）, （12）. */
export const SERIAL_NUMBER = /^[一二三四五六七八九十百〇零0-9]{1,4}$/u;

/**
 * A bracketed pointer to another story (（相關新聞刊A2）, （相关报道见第3版）):
 * part of the text it closes, neither a jump (the story does not continue
 * there) nor a sign-off.
 */
export const CROSS_REFERENCE = /^[（(]\s*(?:相[关關]新[闻聞]|相[关關][报報][导導道]|另[见見]|參見|参见)/u;

/**
 * The standing label of a box inside a story (核心阅读 over the summary a
 * People's Daily story opens with, 编者的话, 开栏的话, 延伸阅读), alone on its
 * line: the story's subheading, never a headline of its own. Not 编者按: an
 * editor's note is often a boxed item of its own, headed by that word.
 * 记者手记 (often after a square, ■记者手记) heads the reporter's afterword at
 * the foot of an interview: the same story, not a byline (it names no one).
 */
export const BOX_LABEL = /^[■□●◆▲]?(?:核心[阅閱][读讀]|[编編]者的[话話]|[开開][栏欄]的[话話]|延伸[阅閱][读讀]|相[关關][链鏈]接|[记記]者手[记記])[：:]?$/u;

/** BOX_LABEL's words are four characters, a mark before and a colon after: 4 to 6 code units. */
const BOX_LABEL_LENGTH = [4, 6] as const;

/** The last character of each of BOX_LABEL's words (阅读, 的话, 链接, 手记). */
const BOX_LABEL_ENDS = '读讀话話接记記';

/**
 * BOX_LABEL.test, tried only on a line of its length whose last character
 * before a colon ends one of its words: few lines on a page are, and a pattern
 * never tried is never compiled (0.2 ms for both of V8's tiers).
 */
export function isBoxLabel(text: string): boolean {
  if (text.length < BOX_LABEL_LENGTH[0] || text.length > BOX_LABEL_LENGTH[1]) return false;
  const last = text[text.length - 1] === '：' || text[text.length - 1] === ':' ? text.length - 2 : text.length - 1;
  return BOX_LABEL_ENDS.includes(text[last]!) && BOX_LABEL.test(text);
}

/**
 * A dash and a name alone on a line (——王大明, ——编 者, ——李 华): the
 * attribution of the words above it, a quote set as a story's epigraph or an
 * editor's note, printed as their last line. Two to five characters, spaces
 * between them allowed (编 者 is letter-spaced); a longer dash-led line is a
 * subheadline (——市长出席会议并讲话) or a list item.
 */
export const ATTRIBUTION = new RegExp(String.raw`^——[\s\u3000]*(?:[${HAN_CLASS}·][\s\u3000]*){2,5}$`, 'u');

/** The box label of a reporter's afterword (记者手记): it stands at a story's foot, never under its headline. */
export const AFTERWORD_LABEL = /[记記]者手[记記]/u;

/** The characters that are syntax in a regular expression's source (the rest stand for themselves). */
const SYNTAX = new Set('^$\\.*+?()[]{}|/');

/** More literal starts than this for one pattern, and the list stops growing (it stays a true one, only shorter). */
const MAX_PREFIXES = 64;

/** Whether `source` has a `|` outside every group and class (`^a|b`: the `^` then holds for one side only). */
function hasTopLevelBar(source: string): boolean {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') {
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

/** `\\xHH`, `\\uHHHH` or (with the u flag) `\\u{H…}` at `i` as the code unit or code point it stands for, with where it ends. */
function escapedCode(source: string, i: number, unicode: boolean): { code: number; end: number } | null {
  const hex = (from: number, to: number) => (/^[0-9a-fA-F]+$/u.test(source.slice(from, to)) ? parseInt(source.slice(from, to), 16) : NaN);
  const kind = source[i + 1];
  let code = NaN;
  let end = i;
  if (kind === 'x') [code, end] = [hex(i + 2, i + 4), i + 4];
  else if (kind === 'u' && source[i + 2] === '{' && unicode) {
    const close = source.indexOf('}', i + 3);
    if (close > 0) [code, end] = [hex(i + 3, close), close + 1];
  } else if (kind === 'u') [code, end] = [hex(i + 2, i + 6), i + 6];
  return Number.isNaN(code) || code > 0x10ffff ? null : { code, end };
}

/**
 * The literal character at `i` (itself, a syntax character escaped, or a `\\x`/`\\u` escape: the CLI's
 * bundle writes non-ASCII characters of regex literals so), with where it ends; null for anything else.
 */
function literalChar(source: string, i: number, unicode: boolean): { text: string; end: number } | null {
  const c = source.charCodeAt(i);
  if (Number.isNaN(c)) return null;
  if (source[i] === '\\') {
    if (SYNTAX.has(source[i + 1] ?? '')) return { text: source[i + 1]!, end: i + 2 };
    const e = escapedCode(source, i, unicode);
    if (!e || (e.code >= 0xd800 && e.code <= 0xdfff)) {
      // With the u flag a pair of escaped surrogates is one character; anything else half of one is refused.
      const low = e && unicode && e.code <= 0xdbff && source[e.end] === '\\' ? escapedCode(source, e.end, unicode) : null;
      return e && low && low.code >= 0xdc00 && low.code <= 0xdfff ? { text: String.fromCharCode(e.code, low.code), end: low.end } : null;
    }
    return { text: String.fromCodePoint(e.code), end: e.end };
  }
  if (SYNTAX.has(source[i]!)) return null;
  // Half a surrogate pair is a character of its own without the u flag, so a pair is one only with it.
  if (c >= 0xd800 && c <= 0xdfff) {
    const low = source.charCodeAt(i + 1);
    return unicode && c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? { text: source.slice(i, i + 2), end: i + 2 } : null;
  }
  return { text: source[i]!, end: i + 1 };
}

/** The same inside a `[…]` list, where only `\\`, `]` and `-` are syntax (a `-` is refused: it may be a range). */
function classChar(source: string, i: number, unicode: boolean): { text: string; end: number } | null {
  const c = source[i];
  if (c === undefined || c === ']' || c === '-') return null;
  if (c === '\\') return literalChar(source, i, unicode);
  return SYNTAX.has(c) ? { text: c, end: i + 1 } : literalChar(source, i, unicode);
}

/**
 * The part of `source` at `i` as the texts it can match, when it is literal: a character, a `[…]`
 * list of single characters (no ranges, no negation), or a group — `(?:…)` or capturing — of
 * alternatives that are each literal characters. Null for any other part.
 */
function literalPart(source: string, i: number, unicode: boolean): { options: string[]; end: number } | null {
  if (source[i] === '[') {
    if (source[i + 1] === '^') return null;
    const options: string[] = [];
    let j = i + 1;
    while (source[j] !== ']') {
      const ch = classChar(source, j, unicode);
      if (!ch) return null;
      options.push(ch.text);
      j = ch.end;
    }
    return options.length > 0 ? { options, end: j + 1 } : null;
  }
  if (source[i] === '(') {
    let j = source.startsWith('(?:', i) ? i + 3 : source[i + 1] === '?' ? -1 : i + 1;
    if (j < 0) return null; // a lookaround or a named group
    const options: string[] = [];
    let text = '';
    for (;;) {
      if (source[j] === '|' || source[j] === ')') {
        if (text === '') return null;
        options.push(text);
        text = '';
        if (source[j++] === ')') return { options, end: j };
        continue;
      }
      const ch = literalChar(source, j, unicode);
      if (!ch) return null;
      text += ch.text;
      j = ch.end;
    }
  }
  const ch = literalChar(source, i, unicode);
  return ch ? { options: [ch.text], end: ch.end } : null;
}

/**
 * Literal text that every match of `re` starts with — one of these strings
 * (`^本[报報]…` → 本报, 本報) — or null when the source shows none: no `^`
 * first, a `|` outside every group, flags under which a literal is not
 * itself or `^` is not the text's start (i, m, v) or that carry state
 * between matches (g, y), or a first part that is not literal text.
 * Read left to right: literal parts (see literalPart), each optionally
 * followed by `?`; the list ends at the first part of any other kind or
 * one under another quantifier.
 */
export function literalPrefixes(re: RegExp): readonly string[] | null {
  const source = re.source;
  if (/[imvgy]/u.test(re.flags) || source[0] !== '^' || hasTopLevelBar(source)) return null;
  const unicode = re.flags.includes('u');
  let prefixes = [''];
  let i = 1;
  while (i < source.length) {
    const part = literalPart(source, i, unicode);
    if (!part) break;
    let { options, end } = part;
    const q = source[end];
    if (q === '*' || q === '+' || q === '{') break;
    if (q === '?') {
      options = [...options, ''];
      end += source[end + 1] === '?' ? 2 : 1;
    }
    if (prefixes.length * options.length > MAX_PREFIXES) break;
    prefixes = prefixes.flatMap((p) => options.map((o) => p + o));
    i = end;
  }
  return prefixes.includes('') ? null : prefixes;
}

/** How `matchesAny` and `possibleMatches` test one list of patterns, built once per list. */
interface ListMatcher {
  /** Each pattern's literal starts (literalPrefixes), or null. */
  prefixes: (readonly string[] | null)[];
  /** The first code unit of every literal start: a line starting with none of them is matched by the others alone. */
  firstUnits: Set<number>;
  /** The patterns with no literal start, in order. */
  open: RegExp[];
  /** Those patterns as one regex (see matchesAny), or null when they cannot be combined. */
  union: RegExp | null;
  /** Each open pattern's OPEN_PATTERN_NEEDS test, or null when one of them has none. */
  unionNeeds: ((text: string) => boolean)[] | null;
  /** Each pattern without the g and y flags (a test that leaves no state behind), for those tried alone. */
  stateless: RegExp[];
}

const matchers = new WeakMap<readonly RegExp[], ListMatcher>();

function matcherOf(patterns: readonly RegExp[]): ListMatcher {
  let m = matchers.get(patterns);
  if (m) return m;
  const flags = patterns[0]?.flags.replace(/[gy]/g, '') ?? '';
  const combinable = patterns.length > 1 && patterns.every((p) => p.flags.replace(/[gy]/g, '') === flags && !/\\(?:[1-9]|k<)/.test(p.source));
  // Outside a combinable list nothing is left out by its literal start: such a list is tried pattern by pattern, as given.
  const prefixes = patterns.map((p) => (combinable ? literalPrefixes(p) : null));
  const open = patterns.filter((_, k) => prefixes[k] === null);
  m = {
    prefixes,
    firstUnits: new Set(prefixes.flatMap((list) => (list ?? []).map((p) => p.charCodeAt(0)))),
    open,
    union: combinable && open.length > 0 ? new RegExp(open.map((p) => `(?:${p.source})`).join('|'), flags) : null,
    unionNeeds: open.every((p) => OPEN_PATTERN_NEEDS.has(p)) ? open.map((p) => OPEN_PATTERN_NEEDS.get(p)!) : null,
    stateless: patterns.map((p) => (/[gy]/u.test(p.flags) ? new RegExp(p.source, p.flags.replace(/[gy]/g, '')) : p)),
  };
  matchers.set(patterns, m);
  return m;
}

/** Whether `text` starts with one of `prefixes` (null: no literal start to rule it out). */
function mayStart(prefixes: readonly string[] | null, text: string): boolean {
  if (prefixes === null) return true;
  for (const p of prefixes) if (text.startsWith(p)) return true;
  return false;
}

/**
 * Does any of `patterns` match `text`? Asked of every line for the dateline
 * and furniture lists, where nearly every line matches none: the patterns
 * whose every match starts with literal text (literalPrefixes) are tried only
 * on a line that starts so, and the others as one combined regex, which costs
 * one match instead of one per pattern. The combined regex is compiled on the
 * first page, so leaving the literal-start patterns out of it also spares that
 * page compiling them: the two dateline patterns with a date (本报…日电,
 * 新华社…日电) were 41 of the 53 KB of bytecode of the seven together.
 * Patterns with back-references or differing flags are tried one by one (a
 * union would renumber their groups).
 */
export function matchesAny(patterns: readonly RegExp[], text: string): boolean {
  const m = matcherOf(patterns);
  if (!m.union && m.open.length === patterns.length) return patterns.some((p) => p.test(text));
  // The literal starts first: a line one of them matches (本报讯…) does not need the combined regex.
  if (m.firstUnits.has(text.charCodeAt(0))) {
    for (let k = 0; k < patterns.length; k++) if (m.prefixes[k] !== null && mayStart(m.prefixes[k]!, text) && m.stateless[k]!.test(text)) return true;
  }
  if (m.union === null || (m.unionNeeds !== null && !m.unionNeeds.some((needs) => needs(text)))) return false;
  return m.union.test(text);
}

/** Whether `text` holds one of the characters of `chars`. */
function holdsAny(text: string, chars: string): boolean {
  for (let k = 0; k < chars.length; k++) if (text.includes(chars[k]!)) return true;
  return false;
}

/**
 * False when the default jump pattern cannot match `text` (any other pattern, a profile's: true):
 * each of its ways starts with a bracket or with 下转, 下轉, 上接, 转, 轉, and holds a jump word,
 * every one of which has 转, 轉, 接, 续, 續, 承, 见 or 見. Nearly every line fails this, and a
 * pattern never tried is never compiled: the jump pattern is 6.4 KB of regex bytecode.
 */
export function mayBeJump(markers: MarkerSet, text: string): boolean {
  if (markers.jump !== DEFAULT_MARKERS.jump) return true;
  return '（(下上转轉'.includes(text[0] ?? '\n') && holdsAny(text, '转轉接续續承见見');
}

/**
 * False when the default bracketReporter cannot match `text` (a profile's: true): it starts with
 * （ ( 〔 ［ or [ and names a reporter (记者, 記者, 通讯员 … all hold 者, 员 or 員) or a desk
 * (X／台北報導: ／ or /). A sign-off in brackets, the common bracketed line, holds none of them.
 * The pattern is 5.9 KB of regex bytecode, compiled on the first line that gets past this.
 */
export function mayBeBracketReporter(markers: MarkerSet, text: string): boolean {
  if (markers.bracketReporter !== DEFAULT_MARKERS.bracketReporter) return true;
  return '（(〔［['.includes(text[0] ?? '\n') && holdsAny(text, '者员員／/');
}

/**
 * The patterns of `patterns` that can match `text`, in their order: all but
 * those whose literal start `text` lacks (literalPrefixes). For trying each
 * pattern in turn after matchesAny: a pattern left out could not have matched.
 */
export function possibleMatches(patterns: readonly RegExp[], text: string): readonly RegExp[] {
  const m = matcherOf(patterns);
  if (m.open.length === patterns.length) return patterns;
  if (!m.firstUnits.has(text.charCodeAt(0))) return m.open;
  return patterns.filter((_, k) => mayStart(m.prefixes[k]!, text));
}

/**
 * A date line (page furniture): a full date plus at most weekday, lunar date,
 * issue number — nothing that reads as a sentence.
 */
export function isDateLine(text: string): boolean {
  if (/[，。；！？,]/u.test(text)) return false;
  const t = text.trim();
  // Measured without the run of spaces OCR sets between a header strip's items (the date at the left edge,
  // the section at the right: 2017年9月8日 星期五 ⟨40 spaces⟩ 港聞).
  if (t.length > 40 && t.replace(/\s+/gu, ' ').length > 40) return false;
  // Each pattern is tried only on a line holding characters it needs (年, 月 and 日; one of . - /): most
  // lines reach here, nearly none is a date line, and a pattern never tried is never compiled.
  const hasDate =
    (t.includes('年') && t.includes('月') && t.includes('日') && /(?:[0-9０-９]{2,4}|[一二三四五六七八九十〇○零]{2,4}|民[国國][0-9一二三四五六七八九十]{1,3})\s*年\s*[0-9０-９一二三四五六七八九十]{1,3}\s*月\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日/u.test(t)) ||
    ((t.includes('.') || t.includes('-') || t.includes('/')) && /\b[0-9]{4}[.\-/][0-9]{1,2}[.\-/][0-9]{1,2}\b/u.test(t));
  if (!hasDate) return false;
  // What is left after removing date words must be short furniture vocabulary.
  const rest = t
    .replace(/[0-9０-９一二三四五六七八九十〇○零廿卅]+/gu, '')
    .replace(/中華民國|中华民国|民國|民国|星期|礼拜|禮拜|農曆|农历|週|周|年|月|日|天|第|期|版|总|總|号|號|[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]|正|腊|臘|初|閏|闰/gu, '')
    .replace(/[\s.\-/()（）:：　·]+/gu, '');
  return rest.length <= 6;
}
