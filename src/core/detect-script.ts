/**
 * Script detection: is a text simplified ('hans'), traditional ('hant'),
 * both ('mixed') or neither ('unknown')? Pure and cheap: two small lists of
 * common characters that exist in only one script (们/們, 这/這, 发/發, …),
 * counted in one pass. No OpenCC here; conversion lives in src/io/convert-script.ts.
 *
 * The lists hold only characters whose other-script form is a different single
 * character both ways (checked with OpenCC hk and tw when the lists were made);
 * characters that are legitimate in both scripts (后, 里, 台, 干, 着, 余, 征, 范, 斗,
 * 杰, 於/于 as surnames…) are left out, so a traditional text that happens to use
 * 后 or 着 is not counted as simplified. 於 and 後 are kept on the traditional side:
 * a simplified text does not print them.
 *
 * Thresholds (see classifyCounts):
 *   - no listed character at all                       → 'unknown'
 *   - the minority script has ≥ MIXED_MIN_COUNT hits AND
 *     ≥ MIXED_MIN_SHARE of all hits                    → 'mixed'
 *   - otherwise the majority script (a tie is 'mixed')
 * So one stray 門 in a simplified story is 'hans'; a story where a tenth of the
 * evidence is traditional (mixed chi_sim/chi_tra OCR, a reprint inside a page)
 * is 'mixed'.
 */
import type { Article, Script } from './model.js';
import { CODE_SETS, codeSet } from './chars.js';

/** Simplified-only characters (~155, by rough frequency). */
export const HANS_ONLY =
  '们这个来为时会对发过还进没样经国学动实现机关业东两车长门问间题见亲认让记设许论话语读请谁调贵费资赛质购钱银铁错开头书买卖电视听写风飞马鸟鱼龙专务产众传伤体侧儿兴养农决况冻净减则刚创删别办劳势区华协单历县参双变号吗员响团园围图圆圣场坏块坚坛处备复够夺奋妇娱孙宁宝审宪宫宽寻导层岁岛峡师帅带帮广庆库应庙废说卫户温阅报讯将与从当总统济湾线组织结给续';

/** Traditional-only characters (~160; HK and TW variants of 說/衛/閱 both listed). */
export const HANT_ONLY =
  '們這個來為時會對發過還進沒樣經國學動實現機關業東兩車長門問間題見親認讓記設許論話語讀請誰調貴費資賽質購錢銀鐵錯開頭書買賣電視聽寫風飛馬鳥魚龍專務產眾傳傷體側兒興養農決況凍淨減則剛創刪別辦勞勢區華協單歷縣參雙變號嗎員響團園圍圖圓聖場壞塊堅壇處備復夠奪奮婦娛孫寧寶審憲宮寬尋導層歲島峽師帥帶幫廣慶庫應廟廢說説衛衞戶溫閱閲報訊將與從當總統濟灣線組織結給續後於';

// The two lists as sets of chars.ts's table (all listed characters are BMP); a character on both would count as traditional.
const HANS = codeSet(HANS_ONLY);
const HANT = codeSet(HANT_ONLY);

/** The minority script must have at least this many hits to make a text 'mixed'. */
export const MIXED_MIN_COUNT = 2;
/** …and at least this share of all hits. */
export const MIXED_MIN_SHARE = 0.1;

export interface ScriptCounts {
  hans: number;
  hant: number;
}

/** Add the script-only characters of `text` to `counts` (one pass, no allocation). */
export function countScript(text: string, counts: ScriptCounts = { hans: 0, hant: 0 }): ScriptCounts {
  for (let i = 0; i < text.length; i++) {
    const sets = CODE_SETS[text.charCodeAt(i)]!;
    if ((sets & HANT) !== 0) counts.hant++;
    else if ((sets & HANS) !== 0) counts.hans++;
  }
  return counts;
}

export function classifyCounts({ hans, hant }: ScriptCounts): Script {
  const total = hans + hant;
  if (total === 0) return 'unknown';
  const minority = Math.min(hans, hant);
  if (minority >= MIXED_MIN_COUNT && minority / total >= MIXED_MIN_SHARE) return 'mixed';
  if (hans === hant) return 'mixed';
  return hans > hant ? 'hans' : 'hant';
}

export function detectScript(text: string): Script {
  return classifyCounts(countScript(text));
}

/** Every text field of an article, in output order (used for detection and conversion). */
export function articleTexts(a: Article): string[] {
  const out: string[] = [];
  for (const s of [a.kicker, a.headline, a.subheadline, a.byline?.text, a.dateline]) if (s) out.push(s);
  for (const p of a.paragraphs) out.push(p.text);
  for (const s of [a.signoff, a.continuation]) if (s) out.push(s);
  return out;
}

/**
 * Give each article its `script` (in place: build-articles leaves the field
 * ready, right after `lines`) and return the script of the whole page
 * (articles plus `otherText`: furniture and unassigned text).
 */
export function assignScripts(articles: Article[], otherText: Iterable<string>): Script {
  const page: ScriptCounts = { hans: 0, hant: 0 };
  for (const a of articles) {
    const c: ScriptCounts = { hans: 0, hant: 0 };
    for (const t of articleTexts(a)) countScript(t, c);
    page.hans += c.hans;
    page.hant += c.hant;
    a.script = classifyCounts(c);
  }
  for (const t of otherText) countScript(t, page);
  return classifyCounts(page);
}
