/**
 * Stage 0 — bytes to text. Its own stage because everything after it works on
 * code points, and because a wrong guess here (GB18030 read as Big5) poisons
 * every later rule. Pure: uses only the WHATWG TextDecoder.
 *
 * Detection order: a BOM decides; otherwise valid UTF-8 wins (a GB or Big5
 * file is almost never valid UTF-8); otherwise GB18030 and Big5 are both tried
 * and the one whose text is made of common Chinese characters wins.
 */

import { CODE_SETS, codeSet } from './chars.js';
import { diagnostic } from './messages.js';
import type { Diagnostic, Repair } from './model.js';

/**
 * A run of bytes that is not UTF-8 in an otherwise UTF-8 text (a maximal
 * invalid subpart, as the WHATWG decoder defines it): one U+FFFD stands for
 * it at `at`, the code-unit index in `text`.
 */
export interface InvalidRun {
  /** Offset of the run's first byte in the input. */
  byte: number;
  /** The run's bytes, 1 to 3. */
  bytes: number[];
  at: number;
}

export type DecodeResult =
  | {
      ok: true;
      text: string;
      encoding: string;
      detected: boolean;
      bom: boolean;
      /** UTF-8 read leniently: the runs replaced by U+FFFD (absent when the bytes were valid). */
      invalid?: InvalidRun[];
    }
  | { ok: false; reason: string };

/**
 * The most invalid bytes a UTF-8 text may hold, as a share of its non-ASCII
 * bytes, and still be read as UTF-8 (each run becoming U+FFFD, recorded):
 * a stray byte from a bad copy or a cut is one in thousands, while GB18030
 * and Big5 text read as UTF-8 leaves most of its non-ASCII bytes invalid
 * (69 % and 76 % on the gb18030 and big5 fixtures) and binary data nearly all.
 */
export const MAX_INVALID_UTF8_SHARE = 0.01;

/**
 * A share needs a long text to allow one stray byte (a 30-character line has
 * 90 non-ASCII bytes, 0.9 of a byte at 1 %): a text with this many valid
 * multi-byte UTF-8 characters may hold one invalid run whatever its length.
 * GB18030 or Big5 text forms a valid UTF-8 pair only by accident, and then
 * with invalid runs all around it.
 */
export const MIN_UTF8_CHARS_FOR_ONE_STRAY = 8;

/**
 * For text that is nearly all ASCII (few non-ASCII bytes to take a share
 * of) and is not GB18030 or Big5 either: the most invalid bytes per byte of
 * the file that are still read as UTF-8 (a stray Latin-1 byte in an ASCII
 * page), one in a thousand.
 */
export const MAX_INVALID_UTF8_PER_BYTE = 0.001;

export const SUPPORTED_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'gbk', 'big5'] as const;

/**
 * The 200 commonest characters of running Chinese text, in both scripts where
 * they differ. A wrong legacy decoding turns text into rare characters, so the
 * share of these is a good vote between GB18030 and Big5.
 */
const COMMON =
  '的一是不了在人有我他这這个個们們中来來上大为為和国國地到以说說时時要就出会會可也你对對生能而子那得于於着著下自之年过過发發后後作里裡用道行所然家种種事成方多经經么麼去法学學如都同现現当當没沒动動面起看定天分还還进進好小部其些主样樣理心她本前开開但因只从從想实實日军軍者意无無力它与與长長把机機十民第公此已工使情明性知全三又关關点點正业業外将將两兩高间間由问問很最重并並物手应應战戰向头頭文体體政美相见見被利什二等产產或新己制身果加西斯月话話合回特代内內信表化老给給世位次度门門任常先海通教儿兒原东東声聲提立及比员員解水名真论論处處走义義各入几幾口认認条條平系气氣题題活尔爾更别別打女变變四神总總何电電数數安少报報才结結反受目太量再感建务務做接必场場件计計管期市直德资資命山金指克许許统統区區保至队隊形社便空决決治展马馬科司五基眼书書非则則听聽白却界达達光放强強即像难難且权權思王象完设設式色路记記南品住告类類求据據程北边邊死张張该該交规規万萬取拉格望觉覺术術领領共确確传傳师師观觀清今切院让讓识識候带帶导導争爭运運笑飞飛风風步改收根干造言联聯持组組每济濟车車亲親极極林服快办辦议議往元英士证證近失转轉夫令准布始怎呢存未远遠叫台单單影具罗羅字爱愛击擊流备備兵连連调調深商算质質团團集百需价價花党黨华華城石级級整府离離况況亚亞请請技际際约約示复複病息究线線似官火断斷精满滿支视視消越器容照须須九增研写寫称稱企八功吗嗎包片史委乎查轻輕易早曾除农農找装裝广廣显顯吧阿李标標谈談吃图圖念六引历歷首医醫局突专專费費号號尽盡另周较較注语語仅僅考落青随隨选選列武红紅响響虽雖推势勢参參希古众眾构構房半节節土投某案黑维維革划劃敌敵致陈陳律足态態护護七兴興派孩验驗责責营營星够夠章音跟志底站严嚴巴例防族供效续續施留讲講型料终終答紧緊黄黃绝絕奇察母京段依批群项項故按河米围圍江织織害斗双雙境客纪紀采举舉杀殺攻父苏蘇密低朝友诉訴止细細愿千值仍男钱錢破网網热熱助倒育属屬坐帝限船脸臉职職速刻乐樂否刚剛威毛状狀率甚独獨球般普怕弹彈校苦创創假久错錯承印晚兰蘭试試股拿脑腦预預谁誰益阳陽若哪微尼继繼送急血惊驚伤傷素药藥适適波夜省初喜卫衛源食险險待述陆陸习習置居劳勞财財环環排福纳納欢歡雷警获獲模充负負云停木游龙龍树樹疑层層冷洲冲射略范竟句室异激汉漢村哈策演简簡卡罪判担擔州静靜退既衣您宗积積余痛检檢差富灵靈协協角占配征修皮挥揮胜勝降阶階审審沉坚堅善妈媽刘劉读讀啊超免压壓银銀买買皇养養伊怀懷执執副乱亂抗犯追帮幫宣佛岁歲航优優怪香著田铁鐵控税稅左右份穿艺藝背阵陣草脚腳概恶惡块塊顿頓敢守酒岛島托央户戶烈洋哥索胡款靠评評版宝寶座释釋景顾顧弟登货貨互付伯慢欧歐换換闻聞危忙核暗姐介坏壞讨討丽麗良序升监監临臨亮露永呼味野架域沙掉括舰艦鱼魚杂雜误誤湾灣吉减減编編楚肯测測败敗屋跑梦夢散温溫困剑劍渐漸封救贵貴枪槍缺楼樓县縣尚毫移娘朋画畫班智亦耳恩短掌恐遗遺固席松秘谢謝鲁魯遇康虑慮幸均销銷钟鐘诗詩藏赶趕剧劇票损損忽巨炮旧舊端探湖录錄叶葉春乡鄉附吸予礼禮港雨呀板庭妇婦归歸睛饭飯额額含顺順输輸摇搖招婚脱脫补補谓謂督毒油疗療旅泽澤材灭滅逐莫笔筆亡鲜鮮词詞圣聖择擇寻尋厂廠睡博勒烟煙授诺諾伦倫岸奥奧唐卖賣俄炸载載洛健堂旁宫宮喝借君禁阴陰园園谋謀宋避抓荣榮姑孙孫逃牙束跳顶頂玉镇鎮雪午练練迫爷爺篇肉嘴馆館遍凡础礎洞卷坦牛宁寧纸紙诸諸训訓私庄莊祖丝絲翻暴森塔默握戏戲隐隱熟骨访訪弱蒙歌店鬼软軟典欲萨薩伙遭盘盤爸扩擴盖蓋弄雄稳穩忘亿億刺拥擁徒姆杨楊齐齊赛賽趣曲刀床迎冰虚虛玩析窗醒妻透购購替塞努休虎扬揚途侵刑绿綠兄迅套贸貿毕畢唯谷轮輪库庫迹跡尤竞競街促延震弃棄甲伟偉麻川申缓緩潜潛闪閃售灯燈针針哲络絡抵朱埃抱鼓植纯純夏忍页頁杰筑築折郑鄭贝貝尊吴吳秀混臣雅振染盛怒舞圆圓搞狂措姓残殘秋培迷诚誠宽寬宇猛摆擺梅毁毀伸摩盟末乃悲拍丁赵趙，。、：；“”（）「」';
const IS_COMMON = codeSet(COMMON);

/** Share of the non-ASCII characters of `text` that are common (a surrogate pair counts once, as not common). */
function commonShare(text: string): number {
  let common = 0;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 || (c >= 0xdc00 && c <= 0xdfff && i > 0 && isHighSurrogate(text.charCodeAt(i - 1)))) continue;
    total++;
    if ((CODE_SETS[c]! & IS_COMMON) !== 0) common++;
  }
  return total === 0 ? 0 : common / total;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

// A decoder used without { stream } keeps no state between calls, so one per encoding serves every page.
const decoders = new Map<string, InstanceType<typeof TextDecoder>>();

function tryDecode(bytes: Uint8Array, encoding: string): string | null {
  let decoder = decoders.get(encoding);
  if (!decoder) decoders.set(encoding, (decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: false })));
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-16 without a BOM shows as NUL bytes in every other position of ASCII text. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.3 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.3 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * Files people give by mistake, by their first bytes, named with what to do
 * instead: "bytes are not valid UTF-8…" says nothing to someone who gave a
 * Word document.
 */
const FORMATS: { magic: number[]; what: string }[] = [
  { magic: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (a .docx, .odt or .epub document is one): save the text as a .txt file first, or give hOCR/ALTO' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0], what: 'an OLE document (.doc, .xls): save the text as a .txt file first, or give hOCR/ALTO' },
  { magic: [0x25, 0x50, 0x44, 0x46], what: 'a PDF where text was expected: give it as FILE.pdf (or --input-format pdf)' },
  { magic: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image: OCR it first (hOCR or ALTO output can be read)' },
  { magic: [0xff, 0xd8, 0xff], what: 'a JPEG image: OCR it first (hOCR or ALTO output can be read)' },
  { magic: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image: OCR it first (hOCR or ALTO output can be read)' },
  { magic: [0x49, 0x49, 0x2a, 0x00], what: 'a TIFF image: OCR it first (hOCR or ALTO output can be read)' },
  { magic: [0x4d, 0x4d, 0x00, 0x2a], what: 'a TIFF image: OCR it first (hOCR or ALTO output can be read)' },
  { magic: [0x1f, 0x8b], what: 'gzip-compressed data: decompress it first' },
];

/** The name of a known non-text format `bytes` start with, and what to do, or null. */
export function knownBinaryFormat(bytes: Uint8Array): string | null {
  for (const f of FORMATS) if (f.magic.every((b, i) => bytes[i] === b)) return f.what;
  return null;
}

/** What a UTF-8 reading of some bytes found. */
export interface Utf8Scan {
  /** Invalid runs, as byte ranges. */
  runs: { start: number; end: number }[];
  /** Bytes ≥ 0x80. */
  nonAscii: number;
  /** Valid multi-byte characters. */
  valid: number;
}

/** The invalid runs of `bytes` read as UTF-8 (WHATWG decoder semantics: each run is one U+FFFD), and its non-ASCII byte count. */
export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  const runs: { start: number; end: number }[] = [];
  let nonAscii = 0;
  let valid = 0;
  let needed = 0;
  let seen = 0;
  let lower = 0x80;
  let upper = 0xbf;
  let lead = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b >= 0x80) nonAscii++;
    if (needed === 0) {
      if (b <= 0x7f) continue;
      lead = i;
      if (b >= 0xc2 && b <= 0xdf) needed = 1;
      else if (b >= 0xe0 && b <= 0xef) {
        if (b === 0xe0) lower = 0xa0;
        if (b === 0xed) upper = 0x9f;
        needed = 2;
      } else if (b >= 0xf0 && b <= 0xf4) {
        if (b === 0xf0) lower = 0x90;
        if (b === 0xf4) upper = 0x8f;
        needed = 3;
      } else runs.push({ start: i, end: i + 1 });
      continue;
    }
    if (b < lower || b > upper) {
      // The sequence so far is one invalid run; this byte starts afresh.
      runs.push({ start: lead, end: i });
      needed = seen = 0;
      lower = 0x80;
      upper = 0xbf;
      i--;
      if (b >= 0x80) nonAscii--;
      continue;
    }
    lower = 0x80;
    upper = 0xbf;
    if (++seen === needed) {
      needed = seen = 0;
      valid++;
    }
  }
  if (needed > 0) runs.push({ start: lead, end: bytes.length });
  return { runs, nonAscii, valid };
}

const utf8Segment = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The rule of MAX_INVALID_UTF8_SHARE and MAX_INVALID_UTF8_PER_BYTE over a scan's runs: null when they are few enough. */
export function tooManyInvalid({ runs, nonAscii, valid }: Utf8Scan, length: number, perByte: boolean): NotUtf8 | null {
  let invalidBytes = 0;
  for (const r of runs) invalidBytes += r.end - r.start;
  const few =
    invalidBytes <= nonAscii * MAX_INVALID_UTF8_SHARE ||
    (runs.length === 1 && valid >= MIN_UTF8_CHARS_FOR_ONE_STRAY) ||
    (perByte && invalidBytes <= length * MAX_INVALID_UTF8_PER_BYTE);
  return few ? null : { tooMany: invalidBytes, first: runs[0]?.start ?? 0 };
}

/** Too many invalid bytes to read as UTF-8: how many, and the first one's offset. */
export interface NotUtf8 {
  tooMany: number;
  first: number;
}

/**
 * `bytes` read as UTF-8 with each invalid run replaced by `replacement`
 * (U+FFFD), when the runs are few enough (MAX_INVALID_UTF8_SHARE; with
 * `perByte` also MAX_INVALID_UTF8_PER_BYTE, for nearly-ASCII text; `any`
 * takes every run); the count and first offset of the invalid bytes otherwise. `base` is added to
 * every recorded offset (a line's place in a stream).
 */
export function lenientUtf8(bytes: Uint8Array, perByte: boolean | 'any', replacement = '\uFFFD', base = 0): { text: string; bom: boolean; invalid: InvalidRun[] } | NotUtf8 {
  const scan = scanUtf8(bytes);
  const { runs } = scan;
  if (perByte !== 'any') {
    const bad = tooManyInvalid(scan, bytes.length, perByte);
    if (bad) return { tooMany: bad.tooMany, first: base + bad.first };
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let text = '';
  let from = bom ? 3 : 0;
  const invalid: InvalidRun[] = [];
  for (const r of runs) {
    if (r.start > from) text += utf8Segment.decode(bytes.subarray(from, r.start));
    invalid.push({ byte: base + r.start, bytes: Array.from(bytes.subarray(r.start, r.end)), at: text.length });
    text += replacement;
    from = r.end;
  }
  if (from < bytes.length) text += utf8Segment.decode(bytes.subarray(from));
  return { text, bom, invalid };
}

/** How `\xNN` escapes write an invalid run: the bytes' text before the U+FFFD repair (repairs[].before). */
export function invalidBytesText(bytes: readonly number[]): string {
  let s = '';
  for (const b of bytes) s += `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`;
  return s;
}

/**
 * The decoded text as the nothing-lost accounting counts it: each U+FFFD that
 * stands for invalid bytes written back as the bytes' `\xNN` escapes, the
 * `before` side of its `invalid-bytes` repair.
 */
export function textBeforeRepairs(decoded: { text: string; invalid?: InvalidRun[] }): string {
  if (!decoded.invalid || decoded.invalid.length === 0) return decoded.text;
  let s = '';
  let from = 0;
  for (const r of decoded.invalid) {
    s += decoded.text.slice(from, r.at) + invalidBytesText(r.bytes);
    from = r.at + 1;
  }
  return s + decoded.text.slice(from);
}

/** Offsets a warning lists before it says "and N more". */
const OFFSETS_LISTED = 10;

/**
 * The record of a lenient decoding: an `invalid-bytes` repair per run (on the
 * line, as splitLines numbers them, that holds its U+FFFD; `before` the bytes
 * as `\\xNN`, `after` U+FFFD) and one warning with the byte offsets.
 */
export function invalidBytesRecord(decoded: { text: string; invalid?: InvalidRun[] }): { repairs: Repair[]; warnings: Diagnostic[] } {
  const runs = decoded.invalid ?? [];
  if (runs.length === 0) return { repairs: [], warnings: [] };
  const { text } = decoded;
  const repairs: Repair[] = [];
  let line = 1;
  let i = 0;
  for (const r of runs) {
    for (; i < r.at; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) line++;
    }
    repairs.push({ kind: 'invalid-bytes', lines: [line, line], before: invalidBytesText(r.bytes), after: '\uFFFD' });
  }
  const listed = runs.slice(0, OFFSETS_LISTED).map((r) => r.byte).join(', ');
  const more = runs.length > OFFSETS_LISTED ? ` and ${runs.length - OFFSETS_LISTED} more` : '';
  const bytes = runs.reduce((n, r) => n + r.bytes.length, 0);
  const warning = diagnostic(
    'INVALID_BYTES_REPLACED',
    { runs: runs.length, bytes, offsets: listed + more },
    { lines: [repairs[0]!.lines[0], repairs[repairs.length - 1]!.lines[0]] },
  );
  return { repairs, warnings: [warning] };
}

export function notUtf8(label: string, bad: NotUtf8): string {
  return `bytes are not valid ${label} (${bad.tooMany} invalid bytes, the first at byte ${bad.first}: too many to be stray bytes in ${label} text)`;
}

/**
 * What a file's first bytes show it to be when that is not text: a known
 * format (the FORMATS table, e.g. "a PNG image: …") or "binary data" for NUL
 * bytes that are not UTF-16; null otherwise. For a folder walk, which skips
 * such files rather than fail them.
 */
export function binaryHead(head: Uint8Array): string | null {
  const known = knownBinaryFormat(head);
  if (known) return known.split(':')[0]!;
  if (!head.subarray(0, 4096).includes(0)) return null;
  const bom = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  return bom || sniffUtf16(head) ? null : 'binary data (NUL bytes)';
}

/**
 * The most bytes of text one page can be: V8's longest string (String::kMaxLength
 * on 64-bit, 2^29 − 24 UTF-16 code units). Every supported encoding gives at
 * most one code unit per byte, so text of at most this many bytes always fits
 * in one string; past it TextDecoder throws ("Cannot create a string longer
 * than 0x1fffffe8 characters", which came out as an internal error, exit 3).
 * A larger page is refused whatever it decodes to: at some 21× its size in
 * memory (README, Limits) it would need over 10 GB to parse anyway.
 */
export const MAX_TEXT_BYTES = 2 ** 29 - 24;

/** Why text of `bytes` bytes is too large for one page (of at most `max`), or null when it is not. */
export function tooLargeForText(bytes: number, max = MAX_TEXT_BYTES): string | null {
  if (bytes <= max) return null;
  return `${bytes.toLocaleString('en')} bytes: more than the ${max.toLocaleString('en')} one page of text can be (the longest string JavaScript holds); split it`;
}

/**
 * Decode `bytes`. With `forced`, that encoding is used (and must decode
 * cleanly); without it, the encoding is detected as described above.
 */
export function decodeBytes(bytes: Uint8Array, forced?: string): DecodeResult {
  const format = knownBinaryFormat(bytes);
  if (format) return { ok: false, reason: `this is ${format}` };
  const tooLarge = tooLargeForText(bytes.length);
  if (tooLarge) return { ok: false, reason: tooLarge };
  if (forced) {
    const label = forced.toLowerCase();
    let decoder: InstanceType<typeof TextDecoder>;
    try {
      decoder = new TextDecoder(label, { fatal: true });
    } catch {
      return { ok: false, reason: `unknown encoding "${forced}" (supported: ${SUPPORTED_ENCODINGS.join(', ')})` };
    }
    try {
      const text = decoder.decode(bytes);
      return { ok: true, text, encoding: decoder.encoding, detected: false, bom: false };
    } catch {
      if (decoder.encoding !== 'utf-8') return { ok: false, reason: `bytes are not valid ${decoder.encoding}` };
      // --encoding utf-8 follows the same rule as detection: stray bytes are replaced and recorded.
      const lenient = lenientUtf8(bytes, true);
      if ('tooMany' in lenient) return { ok: false, reason: notUtf8('utf-8', lenient) };
      return { ok: true, text: lenient.text, encoding: 'utf-8', detected: false, bom: false, invalid: lenient.invalid };
    }
  }
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = tryDecode(bytes, 'utf-8');
    if (text !== null) return { ok: true, text, encoding: 'utf-8', detected: true, bom: true };
    const lenient = lenientUtf8(bytes, true);
    if ('tooMany' in lenient) return { ok: false, reason: `UTF-8 byte-order mark followed by invalid UTF-8 (${lenient.tooMany} invalid bytes, the first at byte ${lenient.first})` };
    return { ok: true, text: lenient.text, encoding: 'utf-8', detected: true, bom: true, invalid: lenient.invalid };
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const text = tryDecode(bytes, encoding);
    return text === null
      ? { ok: false, reason: `${encoding} byte-order mark followed by invalid ${encoding}` }
      : { ok: true, text, encoding, detected: true, bom: true };
  }
  const utf16 = sniffUtf16(bytes);
  if (utf16) {
    const text = tryDecode(bytes, utf16);
    if (text !== null) return { ok: true, text, encoding: utf16, detected: true, bom: false };
  }
  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== null) return { ok: true, text: utf8, encoding: 'utf-8', detected: true, bom: false };
  // UTF-8 with a few stray bytes is UTF-8 (before GB18030 and Big5, which would take many byte pairs).
  const stray = lenientUtf8(bytes, false);
  if (!('tooMany' in stray)) return { ok: true, text: stray.text, encoding: 'utf-8', detected: true, bom: false, invalid: stray.invalid };

  const candidates: { encoding: string; text: string; share: number }[] = [];
  for (const encoding of ['gb18030', 'big5']) {
    const text = tryDecode(bytes, encoding);
    if (text !== null) candidates.push({ encoding, text, share: commonShare(text) });
  }
  if (candidates.length === 0) {
    // Nearly all ASCII with a stray byte or two: still text.
    const ascii = lenientUtf8(bytes, true);
    if (!('tooMany' in ascii)) return { ok: true, text: ascii.text, encoding: 'utf-8', detected: true, bom: false, invalid: ascii.invalid };
    return { ok: false, reason: `bytes are not valid UTF-8, UTF-16, GB18030 or Big5 (${ascii.tooMany} bytes are not UTF-8, the first at byte ${ascii.first}; name the encoding with --encoding)` };
  }
  candidates.sort((a, b) => b.share - a.share);
  const best = candidates[0]!;
  return { ok: true, text: best.text, encoding: best.encoding, detected: true, bom: false };
}

/**
 * Text that is really binary data: NUL characters or many control characters.
 * Returns a reason, or null for text.
 */
export function binaryReason(text: string): string | null {
  if (text.includes('\u0000')) return 'binary data (NUL bytes), not text';
  let controls = 0;
  const n = Math.min(text.length, 65536);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || (c >= 0x7f && c < 0xa0)) controls++;
  }
  return controls > n * 0.02 + 2 ? 'binary data (control characters), not text' : null;
}
