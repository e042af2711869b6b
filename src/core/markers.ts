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
  /** A byline line's marker character (□ and OCR's 口 for it). */
  bylineMarker: RegExp;
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
    // 新华社北京11月3日电, 中新社…电, 财联社3月17日电
    new RegExp(
      String.raw`^(?:新华社|新華社|中新社|中新网|中新網|人民网|人民網|央视网|央視網|财联社|財聯社|法新社|路透社|美联社|美聯社|共同社|塔斯社)(?:据${H}{2,4}社)?${H}{0,8}?${DATE_MD}(?:专电|專電|电|電|讯|訊)`,
      'u',
    ),
    // 羊城晚报讯, 香港文匯報訊, 广州日报讯
    new RegExp(String.raw`^${H}{1,6}(?:日报|日報|晚报|晚報|时报|時報|早报|早報|商报|商報|文匯報|文汇报|大公報|大公报)(?:讯|訊)`, 'u'),
  ],
  bracketReporter: new RegExp(
    [
      // （记者 张三）, （本报记者 张三 通讯员 李四）
      String.raw`^[（(]\s*(?:(?:本[报報])?(?:[记記]者|通[讯訊][员員])|特[约約][记記]者|全媒[体體][记記]者)[^（）()]{1,30}[）)]`,
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

/** The number of a serial's part, as printed in brackets under its headline: （三）, （12）. */
export const SERIAL_NUMBER = /^[一二三四五六七八九十百〇零0-9]{1,4}$/u;

/**
 * A bracketed pointer to another story (（相關新聞刊A2）, （相关报道见第3版）):
 * part of the text it closes, neither a jump (the story does not continue
 * there) nor a sign-off.
 */
export const CROSS_REFERENCE = /^[（(]\s*(?:相[关關]新[闻聞]|相[关關][报報][导導道]|另[见見]|參見|参见)/u;

const unions = new WeakMap<readonly RegExp[], RegExp | null>();

/**
 * Does any of `patterns` match `text`? Asked of every line for the dateline
 * and furniture lists, where nearly every line matches none: one combined
 * regex then costs one match instead of one per pattern. Patterns with
 * back-references or differing flags are tried one by one (a union would
 * renumber their groups).
 */
export function matchesAny(patterns: readonly RegExp[], text: string): boolean {
  let union = unions.get(patterns);
  if (union === undefined) {
    const flags = patterns[0]?.flags.replace(/[gy]/g, '') ?? '';
    const combinable = patterns.length > 1 && patterns.every((p) => p.flags.replace(/[gy]/g, '') === flags && !/\\(?:[1-9]|k<)/.test(p.source));
    union = combinable ? new RegExp(patterns.map((p) => `(?:${p.source})`).join('|'), flags) : null;
    unions.set(patterns, union);
  }
  if (union) return union.test(text);
  return patterns.some((p) => p.test(text));
}

/**
 * A date line (page furniture): a full date plus at most weekday, lunar date,
 * issue number — nothing that reads as a sentence.
 */
export function isDateLine(text: string): boolean {
  if (/[，。；！？,]/u.test(text)) return false;
  const t = text.trim();
  if (t.length > 40) return false;
  const hasDate =
    /(?:[0-9０-９]{2,4}|[一二三四五六七八九十〇○零]{2,4}|民[国國][0-9一二三四五六七八九十]{1,3})\s*年\s*[0-9０-９一二三四五六七八九十]{1,3}\s*月\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日/u.test(t) ||
    /\b[0-9]{4}[.\-/][0-9]{1,2}[.\-/][0-9]{1,2}\b/u.test(t);
  if (!hasDate) return false;
  // What is left after removing date words must be short furniture vocabulary.
  const rest = t
    .replace(/[0-9０-９一二三四五六七八九十〇○零廿卅]+/gu, '')
    .replace(/中華民國|中华民国|民國|民国|星期|礼拜|禮拜|農曆|农历|週|周|年|月|日|天|第|期|版|总|總|号|號|[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]|正|腊|臘|初|閏|闰/gu, '')
    .replace(/[\s.\-/()（）:：　·]+/gu, '');
  return rest.length <= 6;
}
