// Writes the positioned fixtures (hOCR) from a compact description of each page:
// blocks of text with the box they are set in and their type size. Our own text;
// the boxes are what a typesetter would produce (CJK glyphs one em wide, body
// leading 1.45 em, paragraphs indented two em). Run: node scripts/make-layout-fixtures.mjs
// The gold (expected.json) beside each input is written by hand, not by this script.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Lays `paragraphs` into lines of a column `x0..x1` from `y`, size `size`; returns lines and the next y. */
function setText(paragraphs, { x0, x1, y, size, leading = 1.45, indent = 2 }) {
  const perLine = Math.floor((x1 - x0) / size);
  const lines = [];
  for (const p of paragraphs) {
    const chars = [...p];
    let first = true;
    while (chars.length > 0) {
      const lead = first && indent ? indent : 0;
      let take = chars.splice(0, perLine - lead).join('');
      // A typesetter never starts a line with a closing mark: it hangs at the end of the line before.
      while (chars.length > 0 && '，。、；：！？）”」'.includes(chars[0])) take += chars.shift();
      const left = x0 + lead * size;
      lines.push({ text: take, box: [left, Math.round(y), left + [...take].length * size, Math.round(y + size)] });
      y += size * leading;
      first = false;
    }
  }
  return { lines, y };
}

function hocr(blocks, width, height) {
  let n = 0;
  const out = [`<!DOCTYPE html>`, `<html><head><meta charset="utf-8"/><meta name="ocr-system" content="news-parse fixture generator"/></head><body>`, `<div class="ocr_page" id="page_1" title="bbox 0 0 ${width} ${height}">`];
  blocks.forEach((lines, b) => {
    out.push(`<div class="ocr_carea" id="block_${b + 1}"><p class="ocr_par" id="par_${b + 1}">`);
    for (const l of lines) {
      n++;
      out.push(`<span class="ocr_line" id="line_${n}" title="bbox ${l.box.join(' ')}"><span class="ocrx_word" id="word_${n}" title="bbox ${l.box.join(' ')}">${esc(l.text)}</span></span>`);
    }
    out.push(`</p></div>`);
  });
  out.push(`</div></body></html>`, '');
  return out.join('\n');
}

// Four columns 800 wide with 100 gutters; body type 40.
const col = (i) => ({ x0: 100 + i * 900, x1: 900 + i * 900 });
const B = 40;

function spansAndFlow() {
  const blocks = [];
  // Furniture strip.
  blocks.push([{ text: '03', box: [100, 60, 140, 100] }]);
  blocks.push([{ text: '城东社区报', box: [1700, 60, 1900, 100] }]);
  blocks.push([{ text: '2026年11月20日 星期五', box: [3180, 60, 3600, 100] }]);
  // Lead headline across columns 1–2.
  blocks.push([{ text: '城东新建两座社区图书馆', box: [100, 160, 1640, 300] }]);
  blocks.push([{ text: '本报记者 林晓', box: [180, 340, 460, 380] }]);
  const lead1 = setText(['本报讯 城东区今年新建的两座社区图书馆昨天同时开放，两馆共有藏书四万余册，周一至周日都对居民开放。', '新馆设在幸福路和河畔路，步行十分钟就能到达。馆内设有儿童阅读区、老年阅览室和自习区，自习区每天晚上九点闭馆。'], { ...col(0), y: 400, size: B });
  blocks.push(lead1.lines);
  const lead2 = setText(['区文化馆负责人介绍，两馆的图书每月更新一次，居民也可以在网上预约借书，到馆自取。', '开馆当天，不少居民带着孩子前来办证。家住河畔路的李阿姨说，以前借书要坐公交去区图书馆，现在下楼就能借到。'], { ...col(1), y: 340, size: B });
  blocks.push(lead2.lines);
  // Second story under a headline across columns 1–2, a second part with its own byline.
  const yB = Math.max(lead1.y, lead2.y) + 80;
  blocks.push([{ text: '社区义诊进楼门 居民看病少跑腿', box: [100, Math.round(yB), 1600, Math.round(yB + 100)] }]);
  const b1 = setText(['本报讯 上周六，社区卫生服务中心的八名医生走进幸福路小区，为居民测血压、查血糖，解答用药问题。'], { ...col(0), y: yB + 150, size: B });
  blocks.push(b1.lines);
  blocks.push([{ text: '通讯员 王丽', box: [180, Math.round(b1.y + 10), 420, Math.round(b1.y + 50)] }]);
  const b2 = setText(['义诊持续了一个上午，共接待居民一百二十多人次。中心表示，今后每月安排一次进小区义诊。'], { ...col(0), y: b1.y + 70, size: B });
  blocks.push(b2.lines);
  const b3 = setText(['不少老人拿着体检单请医生解读。医生们还发放了健康手册，提醒居民冬季注意保暖。'], { ...col(1), y: yB + 150, size: B });
  blocks.push(b3.lines);
  // Column 3: a column label and a kicker over a two-line headline, a subheadline in
  // medium type, a body-type intertitle; the story runs on at the top of column 4.
  blocks.push([{ text: '（社区观察）', box: [1900, 180, 2140, 220] }]);
  blocks.push([{ text: '旧楼改造又有新进展——', box: [1900, 250, 2340, 290] }]);
  blocks.push([{ text: '六个老旧小区', box: [1900, 320, 2320, 390] }, { text: '年内加装电梯', box: [1900, 410, 2320, 480] }]);
  blocks.push([{ text: '首批三部电梯已投入使用', box: [1900, 510, 2450, 560] }]);
  const c1 = setText(['记者从区住建局获悉，今年城东区六个老旧小区将加装电梯四十二部，首批三部已在幸福路小区投入使用。', '加装电梯的费用由政府补贴和居民分摊，每户每月缴纳少量维护费。'], { ...col(2), y: 600, size: B });
  blocks.push(c1.lines);
  blocks.push([{ text: '居民意见先行', box: [1900, Math.round(c1.y + 10), 2140, Math.round(c1.y + 50)] }]);
  const c2 = setText(['每部电梯开工前，社区都要征求整栋楼居民的意见，同意的住户超过三分之二才能动工。'], { ...col(2), y: c1.y + 70, size: B });
  blocks.push(c2.lines);
  const c3 = setText(['住在六楼的张大爷说，以前上下楼要歇好几次，现在一按按钮就到家门口了。（城东区住建局供稿）'], { ...col(3), y: 180, size: B, indent: 0 });
  blocks.push(c3.lines);
  // Column 4, lower down: a story of its own.
  const yD = c3.y + 100;
  blocks.push([{ text: '冬季供暖今起试运行', box: [2800, Math.round(yD), 3430, Math.round(yD + 70)] }]);
  const d1 = setText(['本报讯 城东区供热公司今天起对辖区管网进行试运行，请居民家中留人，发现漏水及时报修。'], { ...col(3), y: yD + 110, size: B });
  blocks.push(d1.lines);
  return hocr(blocks, 3700, Math.round(Math.max(d1.y, b3.y, b2.y) + 100));
}

/**
 * hOCR as Tesseract writes it: a word per glyph, each with the box of its ink
 * (a comma or stop a third of a cell), the line's box the union of its words;
 * and a line may hold words of two columns (read straight across a narrow
 * gutter). `blocks` are lists of lines; a line is a list of runs {text, box}
 * set in one size, each run split into one word per character.
 */
function hocrWords(blocks, width, height, { conf = false } = {}) {
  let n = 0;
  let w = 0;
  const out = [`<!DOCTYPE html>`, `<html><head><meta charset="utf-8"/><meta name="ocr-system" content="news-parse fixture generator"/></head><body>`, `<div class="ocr_page" id="page_1" title="bbox 0 0 ${width} ${height}">`];
  blocks.forEach((lines, b) => {
    out.push(`<div class="ocr_carea" id="block_${b + 1}"><p class="ocr_par" id="par_${b + 1}">`);
    for (const runs of lines) {
      n++;
      const words = [];
      const inks = [];
      for (const r of runs) {
        const chars = [...r.text];
        const cw = (r.box[2] - r.box[0]) / chars.length;
        chars.forEach((ch, i) => {
          w++;
          const x0 = Math.round(r.box[0] + i * cw);
          const x1 = Math.round(x0 + ('，。、；：'.includes(ch) ? 0.3 * cw : cw - 3));
          inks.push([x0, r.box[1], x1, r.box[3]]);
          // With `conf`, the engine's confidence as Tesseract writes it (x_wconf 0–100; a run may state its own).
          const wconf = conf ? `; x_wconf ${r.conf ?? 96}` : '';
          words.push(`<span class="ocrx_word" id="word_${w}" title="bbox ${x0} ${r.box[1]} ${x1} ${r.box[3]}${wconf}">${esc(ch)}</span>`);
        });
      }
      const box = [Math.min(...inks.map((q) => q[0])), Math.min(...inks.map((q) => q[1])), Math.max(...inks.map((q) => q[2])), Math.max(...inks.map((q) => q[3]))];
      out.push(`<span class="ocr_line" id="line_${n}" title="bbox ${box.join(' ')}">${words.join('')}</span>`);
    }
    out.push(`</p></div>`);
  });
  out.push(`</div></body></html>`, '');
  return out.join('\n');
}

/**
 * Two stories side by side, each headline over two of four narrow columns, the
 * gutter between columns 2 and 3 only 1.4 em wide: Tesseract reads two rows of
 * columns 2 and 3 as one line each. And OCR noise in a headline: the tops of
 * two glyphs read again as a small line inside the headline's box.
 */
/**
 * Four narrow columns (10 characters a line: two joined rows are a small share of them) with gutters of
 * 2.5 em, 1.4 em (narrow) and 2.5 em, and a furniture strip of word-level lines.
 */
function narrowColumnsPage(blocks, number, masthead, date) {
  const W = 10 * B;
  const gutters = [100, 56, 100];
  const xs = [100];
  for (const g of gutters) xs.push(xs[xs.length - 1] + W + g);
  blocks.push([[{ text: number, box: [100, 60, 140, 100] }]]);
  blocks.push([[{ text: masthead, box: [800, 60, 1000, 100] }]]);
  blocks.push([[{ text: date, box: [1500, 60, 1900, 100] }]]);
  return { W, xs, column: (i) => ({ x0: xs[i], x1: xs[i] + W }) };
}

function narrowGutterAndSecondRead() {
  const blocks = [];
  const { W, xs, column } = narrowColumnsPage(blocks, '05', '河西社区报', '2026年11月27日星期五');
  // Story A: headline over columns 1–2 with a second read inside its box.
  blocks.push([[{ text: '河西公园湖边步道全线贯通', box: [100, 160, 820, 220] }]]);
  blocks.push([[{ text: '工土', box: [340, 162, 380, 177] }]]);
  // Story B: headline over columns 3–4.
  blocks.push([[{ text: '社区食堂推出老人午餐', box: [xs[2], 160, xs[2] + 600, 220] }]]);
  const y0 = 280;
  const a1 = setText(['本报讯 河西公园湖边步道昨天全线贯通，步道全长三公里，沿途新设了六处休息亭和两座公共厕所。', '步道路面铺设了透水材料，雨后不积水。沿湖一侧装了护栏，夜间有路灯照明，晚上十点关灯。', '管理处提醒游客，步道上不能骑电动车，遛狗要牵绳，垃圾请带走或者扔进沿途的分类垃圾桶。', '步道贯通后，公园的早市也搬到了东门广场，每天清晨六点到八点，卖菜的摊位有二十多个。', '附近学校的学生也常来这里上体育课，老师说，湖边空气好，孩子们跑步的兴致也高了。'], { ...column(0), y: y0, size: B });
  const a2 = setText(['公园管理处负责人介绍，步道分三期建设，前两期去年已经开放，这次贯通的是最后一段一公里。', '每天早晚来散步的居民很多。家住湖滨小区的赵大爷说，以前走到一半就得折回去，现在能绕湖走一整圈，正好锻炼身体。', '下一步，公园还将在北门增设一个停车场，方便开车来的市民。', '管理处还在征集步道的名字，居民可以到公园服务中心填写建议表，也可以在社区群里留言。', '征名活动持续到下个月底，入选的名字将刻在步道入口的石碑上。'], { ...column(1), y: y0, size: B });
  const b1 = setText(['本报讯 河西社区食堂本周起推出老人午餐，六十岁以上的居民凭卡就餐，每份十二元，两荤一素一汤。', '食堂每天中午十一点开饭，一点结束。行动不便的老人可以打电话预约，志愿者会把饭菜送到家里。', '食堂由社区和一家餐饮企业合办，场地由社区提供，企业负责采购和烹饪，卫生部门每月检查一次。', '为了方便老人，食堂门口加装了扶手和坡道，餐桌之间留出了轮椅通过的空间。', '就餐卡可以在社区服务站办理，带上身份证就行，当天就能领到。'], { ...column(2), y: y0, size: B });
  const b2 = setText(['社区主任介绍，午餐的菜单每周更换一次，饭菜少油少盐，也照顾到了牙口不好的老人。', '开餐第一天，食堂接待了八十多位老人。住在三号楼的孙奶奶说，饭菜热乎，价钱也实在，以后中午就不用自己做饭了。', '社区还打算在周末开放晚餐，具体时间另行通知。', '不少年轻人也来问能不能一起吃，社区表示，等老人用餐稳定下来，再考虑向其他居民开放。', '食堂的意见簿放在取餐窗口旁边，每周整理一次，大家提的建议会尽快改进。'], { ...column(3), y: y0, size: B });
  // Rows 4 and 5 of columns 2 and 3 come out as one line each (a narrow gutter).
  const joinedRows = new Set([3, 4]);
  const lines = (set, skip) => set.lines.filter((_, i) => !skip || !joinedRows.has(i)).map((l) => [l]);
  blocks.push(lines(a1, false));
  blocks.push(lines(a2, true));
  blocks.push([...joinedRows].map((i) => [a2.lines[i], b1.lines[i]]));
  blocks.push(lines(b1, true));
  blocks.push(lines(b2, false));
  const bottom = Math.max(a1.y, a2.y, b1.y, b2.y);
  return hocrWords(blocks, xs[3] + W + 100, Math.round(bottom + 100));
}

/**
 * Two stories side by side over two of four narrow columns each, the gutter
 * between columns 2 and 3 only 1.4 em: Tesseract reads every row of those two
 * columns as one line across it, so the line boxes fill the gutter and only
 * the words show it; in one row a speck in the gutter is read as a mark the
 * engine is unsure of (x_wconf 37), closing the word gap there.
 */
function gutterRowsReadAcross() {
  const blocks = [];
  const { W, xs, column } = narrowColumnsPage(blocks, '06', '北岸社区报', '2026年12月2日星期三');
  blocks.push([[{ text: '北街夜市下月开张', box: [100, 160, 100 + 8 * 60, 220] }]]);
  blocks.push([[{ text: '育才小学建成风雨操场', box: [xs[2], 160, xs[2] + 10 * 60, 220] }]]);
  const y0 = 280;
  const a1 = setText(['本报讯 北街夜市下月初开张，每晚六点到十一点营业，摊位沿北街两侧摆放，共有八十个。', '夜市分小吃、杂货和农产品三个区，摊主都要持证经营，每个摊位配一个垃圾桶。', '街道办说，夜市期间北街禁止机动车通行，附近居民的车辆可以停到菜场后面的停车场。'], { ...column(0), y: y0, size: B });
  const a2 = setText(['招募摊主的报名本周五截止，已有一百三十多户报名，街道将抽签确定摊位。', '住在北街的居民担心噪音。街道办表示，夜市十一点准时收摊，音箱一律不准使用，每晚有人巡查。', '夜市开张后，街道还将根据居民意见调整营业时间。'], { ...column(1), y: y0, size: B });
  const b1 = setText(['本报讯 育才小学的风雨操场上周建成，操场上方加了钢结构顶棚，下雨天学生也能上体育课。', '操场面积一千二百平方米，可以同时容纳四个班上课，四周还装了照明灯和通风扇。', '学校说，周末操场向附近居民开放，居民刷身份证就能进。'], { ...column(2), y: y0, size: B });
  const b2 = setText(['体育老师介绍，以前一到雨季，体育课只能改在教室里上，学生活动不开。', '现在有了顶棚，跳绳、篮球和乒乓球都能照常进行，学校还打算开设羽毛球兴趣班。', '家长们也很满意。一位家长说，孩子放学后常在操场上打球，回家胃口都变好了。', '学校提醒，开放时间为周六周日上午八点到十一点。'], { ...column(3), y: y0, size: B });
  const rows = Math.min(a2.lines.length, b1.lines.length);
  blocks.push(a1.lines.map((l) => [l]));
  // Every row of columns 2 and 3 is one line; row 2 has a speck read as 、 in the gutter between them.
  blocks.push(
    Array.from({ length: rows }, (_, i) => {
      const left = a2.lines[i];
      const right = b1.lines[i];
      const speck = { text: '、', box: [xs[1] + W + 20, left.box[1] + 10, xs[1] + W + 36, left.box[3] - 10], conf: 37 };
      return i === 1 ? [left, speck, right] : [left, right];
    }),
  );
  blocks.push(a2.lines.slice(rows).map((l) => [l]));
  blocks.push(b1.lines.slice(rows).map((l) => [l]));
  blocks.push(b2.lines.map((l) => [l]));
  const bottom = Math.max(a1.y, a2.y, b1.y, b2.y);
  return hocrWords(
    blocks.filter((b) => b.length > 0),
    xs[3] + W + 100,
    Math.round(bottom + 100),
    { conf: true },
  );
}

/**
 * Two stories over two columns each, OCR-sized (line boxes only, as Tesseract
 * gives). Story A's headline is broken over two lines of one size, the second
 * holding a speaker's `：` (two phrases by shape); story B's 引题 is set
 * smaller than its two-phrase headline. Only B has a kicker.
 */
function headlineLinesOfOneSize() {
  const blocks = [];
  const cols = [{ x0: 100, x1: 900 }, { x0: 1000, x1: 1800 }, { x0: 1900, x1: 2700 }, { x0: 2800, x1: 3600 }];
  blocks.push([{ text: '07', box: [100, 60, 140, 100] }]);
  blocks.push([{ text: '河畔社区报', box: [1700, 60, 1900, 100] }]);
  blocks.push([{ text: '2026年12月1日 星期二', box: [3200, 60, 3600, 100] }]);
  // Story A over columns 1–2: one headline in one size, broken over two lines.
  blocks.push([
    { text: '社区手机课堂开班三月七十岁', box: [100, 160, 1010, 230] },
    { text: '学员王大妈：我会视频通话了', box: [100, 250, 1010, 320] },
  ]);
  const a1 = setText(['本报讯 河畔社区的手机课堂开班三个月，已有一百二十多位老人来上课。课堂每周二、周四下午开课，教老人用手机挂号、缴费和视频通话。', '授课的是社区里的退休教师和大学生志愿者，一个老师带五六个学员，手把手地教。'], { ...cols[0], y: 370, size: B });
  const a2 = setText(['七十岁的王大妈是第一批学员。她说，孙子在外地上学，以前只能打电话，现在每个周末都能和孙子视频，看着他说话心里踏实。', '社区打算明年把课堂开到周边三个小区。'], { ...cols[1], y: 370, size: B });
  blocks.push(a1.lines);
  blocks.push(a2.lines);
  // Story B over columns 3–4: a kicker in smaller display type over a two-phrase headline.
  blocks.push([
    { text: '河畔公园改造完工', box: [1900, 160, 2340, 215] },
    { text: '湖边步道 今起开放', box: [1900, 240, 2575, 315] },
  ]);
  const b1 = setText(['本报讯 河畔公园改造工程昨天完工，湖边新修的步道今天起对市民开放，步道全长两公里，沿途设有六处座椅。', '公园管理处提醒，步道上不能骑车，遛狗要牵绳。'], { ...cols[2], y: 370, size: B });
  const b2 = setText(['改造期间，公园还更换了路灯，新种了三百多棵树。附近居民说，以后晚饭后又多了一个散步的好去处。'], { ...cols[3], y: 370, size: B });
  blocks.push(b1.lines);
  blocks.push(b2.lines);
  return hocr(blocks, 3700, Math.round(Math.max(a1.y, a2.y, b1.y, b2.y) + 100));
}

/** ALTO v4 with line-level Strings and, when `order` is given, a ReadingOrder of the block ids. */
function alto(blocks, width, height, order) {
  let n = 0;
  const out = [`<?xml version="1.0" encoding="UTF-8"?>`, `<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#">`, `<Description><MeasurementUnit>pixel</MeasurementUnit></Description>`];
  if (order) out.push(`<ReadingOrder><OrderedGroup ID="ro_1">${order.map((id, i) => `<ElementRef ID="ro_1_${i + 1}" REF="${id}"/>`).join('')}</OrderedGroup></ReadingOrder>`);
  out.push(`<Layout><Page ID="page_1" WIDTH="${width}" HEIGHT="${height}" PHYSICAL_IMG_NR="1"><PrintSpace HPOS="0" VPOS="0" WIDTH="${width}" HEIGHT="${height}">`);
  const pos = (b) => `HPOS="${b[0]}" VPOS="${b[1]}" WIDTH="${b[2] - b[0]}" HEIGHT="${b[3] - b[1]}"`;
  for (const { id, lines } of blocks) {
    const box = [Math.min(...lines.map((l) => l.box[0])), Math.min(...lines.map((l) => l.box[1])), Math.max(...lines.map((l) => l.box[2])), Math.max(...lines.map((l) => l.box[3]))];
    out.push(`<TextBlock ID="${id}" ${pos(box)}>`);
    for (const l of lines) {
      n++;
      out.push(`<TextLine ID="line_${n}" ${pos(l.box)}><String ID="string_${n}" ${pos(l.box)} CONTENT="${esc(l.text)}"/></TextLine>`);
    }
    out.push(`</TextBlock>`);
  }
  out.push(`</PrintSpace></Page></Layout></alto>`, '');
  return out.join('\n');
}

/**
 * A story that skips a column: story A runs down column 1 and goes on at the
 * top of column 3, past story B, which fills column 2 under its own headline.
 * Geometry alone would give the top of column 3 to B (the story open at the
 * foot of the column before); the file's ReadingOrder says it is A's.
 */
function statedOrderSkipsColumn() {
  const cols = [{ x0: 100, x1: 900 }, { x0: 1000, x1: 1800 }, { x0: 1900, x1: 2700 }];
  const blocks = [];
  blocks.push({ id: 'tb_a_head', lines: [{ text: '城西夜市今晚重新开张', box: [100, 160, 800, 230] }] });
  const a1 = setText(['本报讯 停业半年的城西夜市今晚重新开张。改造后的夜市有摊位一百二十个，比原来多了三十个，每天傍晚六点到夜里十一点营业。', '夜市管理处介绍，新摊位按小吃、日用品和手工艺品分成三个区，每个区都设了洗手池和垃圾分类点，摊主晚上收摊时要把'], { ...cols[0], y: 280, size: B });
  blocks.push({ id: 'tb_a_1', lines: a1.lines });
  blocks.push({ id: 'tb_b_head', lines: [{ text: '社区图书角添新书', box: [1000, 160, 1560, 230] }] });
  const b1 = setText(['本报讯 河畔社区图书角本周新到图书三百册，其中儿童绘本一百多册。图书角每天上午九点开门，居民凭社区卡可以借书回家，一次最多借三本。', '社区还请来志愿者，每周六下午给孩子们读绘本。'], { ...cols[1], y: 280, size: B });
  blocks.push({ id: 'tb_b_1', lines: b1.lines });
  const a2 = setText(['摊位打扫干净。开张当晚，不少居民带着家人来逛。住在附近的刘先生说，夜市离家近，吃完晚饭走过来正好。'], { ...cols[2], y: 160, size: B, indent: 0 });
  blocks.push({ id: 'tb_a_2', lines: a2.lines });
  const height = Math.round(Math.max(a1.y, b1.y, a2.y) + 100);
  return { blocks, width: 2800, height };
}

/**
 * A centred lead over three columns as OCR boxes give it: the headline covers
 * the middle column only; its kicker stands top left, and its subheadline and
 * byline, set left in column 1 right under the headline at about body size,
 * run into the story's text (one block by OCR sizes); the text of all three
 * columns starts on one level.
 */
function centredLeadStackInBodyType() {
  const cols = [{ x0: 100, x1: 900 }, { x0: 1000, x1: 1800 }, { x0: 1900, x1: 2700 }];
  const blocks = [];
  blocks.push([{ text: '09', box: [100, 60, 140, 100] }]);
  blocks.push([{ text: '河畔社区报', box: [1250, 60, 1450, 100] }]);
  blocks.push([{ text: '2026年12月1日 星期二', box: [2300, 60, 2700, 100] }]);
  blocks.push([{ text: '关注民生实事', box: [100, 160, 364, 204] }]);
  blocks.push([{ text: '社区食堂开到家门口', box: [950, 240, 1850, 340] }, { text: '老人午餐有了着落', box: [1000, 370, 1800, 470] }]);
  const sub = [{ text: '——区民政局召开工作推进会', box: [100, 520, 610, 563] }, { text: '本报记者 林晓', box: [100, 590, 380, 626] }];
  const c1 = setText(['本报讯 河畔社区食堂昨天开门迎客，六十岁以上的老人凭卡就餐，每份午餐十二元，两荤一素一汤。', '食堂每天中午十一点开饭，行动不便的老人可以打电话预约，志愿者把饭菜送到家里。'], { ...cols[0], y: 660, size: B });
  blocks.push([...sub, ...c1.lines]);
  const c2 = setText(['食堂由社区和一家餐饮企业合办，社区提供场地，企业负责采购和烹饪，卫生部门每月检查一次。', '开餐第一天，食堂接待了八十多位老人。住在三号楼的孙奶奶说，饭菜'], { ...cols[1], y: 660, size: B });
  blocks.push(c2.lines);
  const c3a = setText(['热乎，价钱也实在，以后中午不用自己做饭了。'], { ...cols[2], y: 660, size: B, indent: 0 });
  const c3 = setText(['社区打算年底前在周末也开放晚餐。'], { ...cols[2], y: c3a.y, size: B });
  blocks.push([...c3a.lines, ...c3.lines]);
  return hocr(blocks, 2800, Math.round(Math.max(c1.y, c2.y, c3.y) + 100));
}

/**
 * One-column headlines set only a little larger than the body, as Tesseract
 * boxes them: 1.25× the body (under the 1.3× display ratio), over a byline and
 * text 0.8 em below. Beside them, a story whose first paragraph is set in a
 * larger body type (1.2×, body leading): many such lines run on together, so
 * they stay text.
 */
function smallHeadlinesByContrast() {
  const cols = [{ x0: 100, x1: 900 }, { x0: 1000, x1: 1800 }, { x0: 1900, x1: 2700 }];
  const H = 50;
  const blocks = [];
  furnitureStrip(blocks, '05', '河畔社区报', '2026年12月4日 星期五', 2800);
  // Column 1: a headline wrapped in two lines at 1.25×, byline, text.
  blocks.push([{ text: '河畔菜场改造完工', box: [100, 180, 100 + 8 * H, 180 + H] }, { text: '早市延长一小时', box: [100, 250, 100 + 7 * H, 250 + H] }]);
  blocks.push([{ text: '本报记者 王芳', box: [100, 332, 380, 372] }]);
  const a = setText(['本报讯 河畔菜场改造昨天完工，六十个摊位重新排过，过道加宽到两米，地面换成了防滑砖。', '菜场早市提前到早上六点开门，比原来多了一个小时，方便上班的居民买菜。'], { ...cols[0], y: 410, size: B });
  blocks.push(a.lines);
  // Column 2: a one-line headline at 1.25× straight over its text.
  blocks.push([{ text: '四点半课堂开课', box: [1000, 180, 1000 + 7 * H, 180 + H] }]);
  const b = setText(['本报讯 社区四点半课堂本周一开课，放学后没有家长接的孩子可以在这里写作业、读书。', '课堂由退休教师和大学生志愿者轮流值守，每天开到晚上六点。'], { ...cols[1], y: 262, size: B });
  blocks.push(b.lines);
  // Column 3: a display headline, then a first paragraph in a larger body type (48 = 1.2×), then body text.
  blocks.push([{ text: '公园夜跑道亮灯', box: [1900, 180, 1900 + 7 * 60, 240] }]);
  const c1 = setText(['今晚起，滨河公园的夜跑道每天亮灯到十点，全长三公里，沿途新装了一百二十盏路灯。'], { ...cols[2], y: 290, size: 48, indent: 0 });
  const c2 = setText(['公园管理处说，跑道两侧还加装了十个呼叫按钮，夜跑的市民遇到不适可以随时求助。', '管理处提醒市民结伴夜跑，注意安全。'], { ...cols[2], y: c1.y, size: B });
  blocks.push([...c1.lines, ...c2.lines]);
  return hocr(blocks, 2800, Math.round(Math.max(a.y, b.y, c2.y) + 100));
}

/**
 * One-column headlines as Tesseract boxes them, under the 1.3× display ratio:
 * in column 1 a headline wrapped so its second line holds four glyphs, boxed
 * smaller (1.22×) than its first (1.28×), over a dash subheadline (1.07×)
 * and the text; in column 2 a one-line headline over its byline and text.
 */
function smallHeadlineOverSubheadline() {
  const cols = [{ x0: 100, x1: 900 }, { x0: 1000, x1: 1800 }];
  const blocks = [];
  furnitureStrip(blocks, '09', '南湖社区报', '2026年12月9日 星期三', 1900);
  blocks.push([{ text: '南湖社区老粮站改成', box: [100, 180, 100 + 9 * 51, 231] }, { text: '邻里书房', box: [100, 250, 100 + 4 * 49, 299] }]);
  blocks.push([{ text: '——街道办召开居民议事会', box: [100, 330, 100 + 12 * 43, 373] }]);
  const a = setText(['本报讯 南湖社区的老粮站空置多年，上月改成了邻里书房，书架上摆着居民捐出的三千多本书。', '书房每天上午九点开门，晚上八点关门，居民凭社区卡借阅，一次可借三本。', '街道办昨天召开居民议事会，请大家给书房的活动出主意，有人建议周末办读书会。'], { ...cols[0], y: 410, size: B });
  blocks.push(a.lines);
  blocks.push([{ text: '河堤步道装上路灯', box: [1000, 180, 1000 + 8 * 50, 230] }]);
  blocks.push([{ text: '本报记者 陈静', box: [1000, 262, 1280, 302] }]);
  const b = setText(['本报讯 南湖河堤步道上周装好了六十盏路灯，晚上散步的居民不用再摸黑走路。', '路灯每晚六点亮起，十一点熄灭，灯杆上还装了求助按钮。', '住在河边的王大爷说，以前天一黑就不敢出门，现在吃完晚饭就来走一圈。'], { ...cols[1], y: 340, size: B });
  blocks.push(b.lines);
  return hocr(blocks, 1900, Math.round(Math.max(a.y, b.y) + 100));
}

/**
 * A lead headline across columns 1–3 that OCR cut in two at a glyph, the
 * pieces 0.15 of their height apart and covering different columns; under
 * the lead, two one-column headlines side by side a gutter apart, two stories.
 */
function headlineCutAcrossColumns() {
  const cols = [col(0), col(1), col(2)];
  const blocks = [];
  furnitureStrip(blocks, '11', '城南晨报', '2026年12月11日 星期五', 2800);
  blocks.push([{ text: '城南老街改造完工', box: [250, 160, 1050, 260] }]);
  blocks.push([{ text: '重现旧时风貌', box: [1065, 160, 1665, 260] }]);
  const lead = ['本报讯 城南老街改造工程昨天完工，一公里长的街面重新铺上了青石板，两旁的老房子修旧如旧。', '改造保留了街口的老井和三棵百年槐树，沿街的店铺招牌统一换成了木质牌匾。', '街道办介绍，老街白天步行，晚上十点以后才允许送货车辆进入。'];
  const tops = lead.map((p, i) => setText([p], { ...cols[i], y: 310, size: B }));
  for (const t of tops) blocks.push(t.lines);
  const y = Math.round(Math.max(...tops.map((t) => t.y)) + 80);
  // Each fills its column: the two stand one gutter (1.0 of their height) apart.
  blocks.push([{ text: '社区食堂本周开门', box: [100, y, 900, y + 100] }]);
  blocks.push([{ text: '小区装上充电桩', box: [1000, y, 1700, y + 100] }]);
  const a = setText(['本报讯 城南社区食堂本周一开门，早中晚三餐都有，老人凭卡就餐打八折。'], { ...cols[0], y: y + 150, size: B });
  const b = setText(['本报讯 城南小区新装的四十个充电桩昨天投用，居民扫码就能给电动车充电。'], { ...cols[1], y: y + 150, size: B });
  blocks.push(a.lines, b.lines);
  return hocr(blocks, 2800, Math.round(Math.max(a.y, b.y) + 100));
}

/**
 * A one-column headline set a little larger than the body (1.27× as OCR
 * boxes it) in two phrases, the first one glyph too long for the column: its
 * last glyph 一 stands alone on the second line, and its box hugs the
 * stroke (8 units high), then the second phrase; a byline and text under it.
 * Beside it a one-line headline at the same size over its text; a story
 * across the top above both.
 */
function headlineGlyphRowOfItsOwn() {
  const cols = [{ x0: 100, x1: 900 }, { x0: 1000, x1: 1800 }];
  const H = 51;
  const blocks = [];
  furnitureStrip(blocks, '12', '城西社区报', '2026年12月12日 星期六', 1900);
  const y = topStory(blocks, cols, '城西菜场周末延时', ['本报讯 城西菜场从本周起周末延时营业，晚上八点关门，比平时晚两个小时。', '菜场管理处说，延时期间蔬菜摊位全部开放，熟食区也照常营业。']);
  blocks.push([
    { text: '城西社区长跑赛上七旬老将又夺第', box: [100, y, 100 + 15 * H, y + H] },
    { text: '一', box: [102, y + 92, 100 + H - 4, y + 100] },
    { text: '连跑三年风雨无阻', box: [100, y + 140, 100 + 8 * H, y + 140 + H] },
  ]);
  blocks.push([{ text: '本报记者 周明', box: [100, y + 222, 380, y + 262] }]);
  const a = setText(['本报讯 城西社区长跑赛上周日开跑，七十一岁的刘大爷跑完五公里，连续三年拿到老年组第一。', '刘大爷说，他每天早上五点起床，沿河跑两圈，下雨天就在楼道里爬楼梯。'], { ...cols[0], y: y + 300, size: B });
  blocks.push(a.lines);
  blocks.push([{ text: '河边新添健身角', box: [1000, y, 1000 + 7 * H, y + H] }]);
  const b = setText(['本报讯 城西河边的健身角本周建成，装了十二件健身器材和一块乒乓球台，全天开放。', '社区提醒居民，使用器材前先看说明，老人和孩子要有人陪同。'], { ...cols[1], y: y + 82, size: B });
  blocks.push(b.lines);
  return hocr(blocks, 1900, Math.round(Math.max(a.y, b.y) + 100));
}

/**
 * A lead over columns 1–3 under a column label and a kicker, with a
 * one-column headline beside the stack at the top of column 4 and a lower
 * headline over columns 3–4, so every column boundary is crossed by some
 * headline (the order cuts above the topmost spanning one): the label and
 * kicker sit above the lead's top, beside column 4's headline.
 */
function kickerOverStaggeredLead() {
  const blocks = [];
  furnitureStrip(blocks, '07', '城东社区报', '2026年12月8日 星期二', 3700);
  // Column 4: a one-column headline at the top, its text under it.
  blocks.push([{ text: '东门夜市今晚开张', box: [2800, 180, 2800 + 8 * 60, 240] }]);
  const d = setText(['本报讯 东门夜市今晚六点开张，八十个摊位卖小吃、日用品和旧书，开到晚上十一点。', '夜市管理处说，摊位每周检查一次卫生，垃圾当晚清运。'], { ...col(3), y: 290, size: B });
  blocks.push(d.lines);
  // Column 1: a column label and a kicker over the lead across columns 1–3.
  blocks.push([{ text: '要闻', box: [100, 180, 180, 220] }]);
  blocks.push([{ text: '关注老街改造', box: [100, 250, 364, 294] }]);
  blocks.push([{ text: '城东三条老街完成改造', box: [100, 330, 100 + 10 * 90, 420] }]);
  const a1 = setText(['本报讯 城东区三条老街的改造昨天全部完工，路面重新铺过，沿街店铺换上了统一的招牌，电线都埋进了地下。', '改造从今年三月开始，施工期间老街没有停业，每段路封闭不超过两周。'], { ...col(0), y: 470, size: B });
  blocks.push(a1.lines);
  const a2 = setText(['区住建局介绍，三条老街共修补房屋外墙一万多平方米，新装路灯九十盏，还在街口建了两个停车场。', '住在老街的居民说，路宽了，晚上也亮了，出门买菜方便多了。'], { ...col(1), y: 470, size: B });
  blocks.push(a2.lines);
  const a3 = setText(['下一步，区里还将改造另外两条老街，明年年底前完工。'], { ...col(2), y: 470, size: B });
  blocks.push(a3.lines);
  // A headline over columns 3–4 lower down, its text in both.
  const yB = Math.round(Math.max(a2.y, d.y) + 80);
  blocks.push([{ text: '社区义诊进楼门 居民看病少跑腿', box: [1900, yB, 1900 + 15 * 70, yB + 70] }]);
  const b1 = setText(['本报讯 上周六，社区卫生服务中心的八名医生走进幸福路小区，为居民测血压、查血糖。'], { ...col(2), y: yB + 120, size: B });
  blocks.push(b1.lines);
  const b2 = setText(['义诊持续了一个上午，共接待居民一百二十多人次。'], { ...col(3), y: yB + 120, size: B });
  blocks.push(b2.lines);
  return hocr(blocks, 3700, Math.round(Math.max(b1.y, b2.y) + 100));
}

/** The furniture strip of a page `width` wide: page number left, masthead centred, date right-aligned. */
function furnitureStrip(blocks, number, masthead, date, width) {
  blocks.push([{ text: number, box: [100, 60, 140, 100] }]);
  blocks.push([{ text: masthead, box: [width / 2 - 150, 60, width / 2 + 50, 100] }]);
  blocks.push([{ text: date, box: [width - 100 - 20 * [...date].length, 60, width - 100, 100] }]);
}

/**
 * A story across the top of a page, headline over two columns of text, so
 * what is drawn under it stands mid-page, not in the furniture strip; returns
 * the y where the next row starts.
 */
function topStory(blocks, cols, headline, [left, right]) {
  blocks.push([{ text: headline, box: [100, 180, 100 + [...headline].length * 80, 260] }]);
  const t1 = setText([left], { ...cols[0], y: 310, size: B });
  blocks.push(t1.lines);
  const t2 = setText([right], { ...cols[1], y: 310, size: B });
  blocks.push(t2.lines);
  return Math.round(Math.max(t1.y, t2.y) + 80);
}

/**
 * Column labels set in a box over headline stacks, as Tesseract reads them:
 * in column 1 the label's frame makes its box tall (two glyphs at 1.4× the
 * body by height), over a kicker in body type equally far from it and from
 * the headline; in column 2 a label read with its box's right rule as `|`,
 * alone over a headline.
 */
function columnLabelsOverStacks() {
  const cols = [{ x0: 100, x1: 900 }, { x0: 1000, x1: 1800 }];
  const blocks = [];
  furnitureStrip(blocks, '06', '河畔社区报', '2026年12月9日 星期三', 1900);
  const y0 = topStory(blocks, cols, '河畔公园下月完成改造', ['本报讯 河畔公园改造进入最后阶段，新修的环湖步道已经铺完，儿童游乐区正在安装设施。', '公园管理处说，改造完成后公园每天早上五点开门，晚上十点关门。']);
  blocks.push([{ text: '文化', box: [100, y0, 230, y0 + 56] }]);
  blocks.push([{ text: '守护老街记忆', box: [100, y0 + 92, 364, y0 + 136] }]);
  blocks.push([{ text: '老街博物馆开门迎客', box: [100, y0 + 172, 100 + 9 * 70, y0 + 242] }]);
  const a = setText(['本报讯 河畔老街博物馆昨天开馆，馆里陈列着居民捐出的老照片、旧家具和老街的门牌，共八百多件。', '博物馆每周二到周日开放，不收门票。'], { ...cols[0], y: y0 + 290, size: B });
  blocks.push(a.lines);
  blocks.push([{ text: '要闻|', box: [1030, y0, 1130, y0 + 40] }]);
  blocks.push([{ text: '社区图书角添新书', box: [1000, y0 + 80, 1000 + 8 * 70, y0 + 150] }]);
  const b = setText(['本报讯 社区图书角本月新添图书六百册，其中一半是儿童读物，居民凭借书卡每次可借三本。', '图书角每天上午九点到晚上八点开放。'], { ...cols[1], y: y0 + 198, size: B });
  blocks.push(b.lines);
  return hocr(blocks, 1900, Math.round(Math.max(a.y, b.y) + 100));
}

/**
 * A headline over a three-column story, set left and shorter than the story
 * (its box reaches a little into column 2), with Tesseract's second read of
 * its glyph tops as Latin capitals (`TPR`, 0.64 of its size) inside its box
 * at column 2's edge: the second read is left unassigned, so the strip beside
 * the headline is empty and the headline owns the three columns.
 */
function latinSecondReadInHeadline() {
  const cols = [{ x0: 100, x1: 900 }, { x0: 1000, x1: 1800 }, { x0: 1900, x1: 2700 }];
  const blocks = [];
  furnitureStrip(blocks, '08', '河畔社区报', '2026年12月10日 星期四', 2800);
  const y0 = topStory(blocks, cols, '河畔小学新操场启用', ['本报讯 河畔小学的新操场本周启用，塑胶跑道长三百米，放学后和周末对附近居民开放。', '学校说，操场开放时间为下午五点到晚上八点，进校要登记。']);
  blocks.push([{ text: '河畔村垃圾分类迎来新变化', box: [100, y0, 100 + 12 * 78, y0 + 78] }]);
  blocks.push([{ text: 'TPR', box: [984, y0 - 2, 1030, y0 + 48] }]);
  const a = setText(['本报讯 河畔村的垃圾分类从本月起有了新办法，每户发两个分类桶，厨余垃圾每天早上由保洁员上门收走。'], { ...cols[0], y: y0 + 120, size: B });
  blocks.push(a.lines);
  const b = setText(['村委会在村口设了两个回收点，旧衣服、旧电器和废纸都可以送来，按斤换积分，积分能换生活用品。'], { ...cols[1], y: y0 + 120, size: B });
  blocks.push(b.lines);
  const c = setText(['一个月下来，村里的垃圾少了三成。村民说，分类没有想的那么难，习惯了就好。'], { ...cols[2], y: y0 + 120, size: B });
  blocks.push(c.lines);
  return hocr(blocks, 2800, Math.round(Math.max(a.y, b.y, c.y) + 100));
}

/**
 * A headline OCR did not read at all: in column 1, under the first story, a
 * kicker line and then a void of its headline's height (3.2 em) over the
 * next story's text, which runs on at the top of column 2.
 */
function headlineLostByOcr() {
  const cols = [{ x0: 100, x1: 900 }, { x0: 1000, x1: 1800 }];
  const blocks = [];
  furnitureStrip(blocks, '09', '河畔社区报', '2026年12月11日 星期五', 1900);
  blocks.push([{ text: '河畔路口新装红绿灯', box: [100, 180, 100 + 9 * 70, 250] }]);
  const a = setText(['本报讯 河畔路和新华街路口本周装上了红绿灯，早晚高峰有交通协管员在路口值守。', '附近居民说，以前过马路要等很久，现在安全多了。'], { ...cols[0], y: 300, size: B });
  blocks.push(a.lines);
  const yk = Math.round(a.y + 40);
  blocks.push([{ text: '关注社区养老', box: [100, yk, 340, yk + 44] }]);
  const b1 = setText(['本报讯 河畔社区日间照料中心本月开门，六十五岁以上的老人白天可以在这里吃饭、午休、下棋，每天收费十元。', '中心有四名护理员，'], { ...cols[0], y: yk + 44 + 128, size: B });
  blocks.push(b1.lines);
  const b2 = setText(['还请来社区医生每周坐诊一次。'], { ...cols[1], y: 180, size: B, indent: 0 });
  const b3 = setText(['中心负责人说，下个月起还将开设书法班和合唱班。'], { ...cols[1], y: b2.y, size: B });
  blocks.push([...b2.lines, ...b3.lines]);
  return hocr(blocks, 1900, Math.round(Math.max(b1.y, b3.y) + 100));
}

/**
 * An ad beside a story, as Tesseract boxes it: in column 2 the ad's name in
 * large type, its slogan a little larger than the body with its top one unit
 * above the first line of the story beside it, a phone and an address; in
 * column 1 a headline (1.27x, told by contrast) over its text in two blocks.
 */
function adBesideStory() {
  const cols = [{ x0: 100, x1: 900 }, { x0: 1000, x1: 1800 }];
  const blocks = [];
  furnitureStrip(blocks, '07', '春晖社区报', '2026年12月14日 星期一', 1900);
  blocks.push([{ text: '春晖村河道整治受到欢迎', box: [100, 180, 100 + 11 * 51, 231] }]);
  const a = setText(['本报讯 春晖村的河道整治上周完工，两公里长的河道清了淤泥，岸边种上了柳树和月季。', '村里的老人说，以前河水发黑，夏天蚊子多，现在傍晚都愿意到河边走一走。'], { ...cols[0], y: 268, size: B });
  blocks.push(a.lines);
  const b = setText(['村委会介绍，河道每周有专人巡查，岸边还装了六块提示牌，提醒村民不要往河里倒垃圾。', '下一步，村里打算沿河修一条步道，连起村东的小广场和村西的文化站。'], { ...cols[0], y: a.y + 60, size: B });
  blocks.push(b.lines);
  blocks.push([{ text: '新天地家电', box: [1212, 205, 1212 + 5 * 75, 280] }]);
  blocks.push([{ text: '品质生活从这里开始', box: [1162, 267, 1162 + 9 * 53, 320] }]);
  blocks.push([{ text: '电话：29374458', box: [1250, 352, 1250 + 8 * 37, 389] }, { text: '地址：枫桥路18号', box: [1240, 418, 1240 + 9 * 37, 455] }]);
  return hocr(blocks, 1900, Math.round(b.y + 100));
}

writeFileSync(join(root, 'fixtures/hocr-broadsheet-spans-and-flow/input.hocr'), spansAndFlow());
console.log('wrote fixtures/hocr-broadsheet-spans-and-flow/input.hocr');
mkdirSync(join(root, 'fixtures/hocr-narrow-gutter-second-read'), { recursive: true });
writeFileSync(join(root, 'fixtures/hocr-narrow-gutter-second-read/input.hocr'), narrowGutterAndSecondRead());
console.log('wrote fixtures/hocr-narrow-gutter-second-read/input.hocr');
/** Writes fixtures/NAME/input.hocr. */
function writeHocrFixture(name, text) {
  mkdirSync(join(root, 'fixtures', name), { recursive: true });
  writeFileSync(join(root, 'fixtures', name, 'input.hocr'), text);
  console.log(`wrote fixtures/${name}/input.hocr`);
}
writeHocrFixture('hocr-small-headline-over-subheadline', smallHeadlineOverSubheadline());
writeHocrFixture('hocr-gutter-rows-read-across', gutterRowsReadAcross());
writeHocrFixture('hocr-headline-cut-across-columns', headlineCutAcrossColumns());
writeHocrFixture('hocr-headline-glyph-row-of-its-own', headlineGlyphRowOfItsOwn());
writeHocrFixture('hocr-ad-slogan-beside-story', adBesideStory());
mkdirSync(join(root, 'fixtures/hocr-headline-lines-of-one-size'), { recursive: true });
writeFileSync(join(root, 'fixtures/hocr-headline-lines-of-one-size/input.hocr'), headlineLinesOfOneSize());
console.log('wrote fixtures/hocr-headline-lines-of-one-size/input.hocr');
{
  const page = statedOrderSkipsColumn();
  mkdirSync(join(root, 'fixtures/alto-stated-order-skips-column'), { recursive: true });
  writeFileSync(join(root, 'fixtures/alto-stated-order-skips-column/input.xml'), alto(page.blocks, page.width, page.height, ['tb_a_head', 'tb_a_1', 'tb_a_2', 'tb_b_head', 'tb_b_1']));
  console.log('wrote fixtures/alto-stated-order-skips-column/input.xml');
}
mkdirSync(join(root, 'fixtures/hocr-centred-lead-stack-in-body-type'), { recursive: true });
writeFileSync(join(root, 'fixtures/hocr-centred-lead-stack-in-body-type/input.hocr'), centredLeadStackInBodyType());
console.log('wrote fixtures/hocr-centred-lead-stack-in-body-type/input.hocr');
mkdirSync(join(root, 'fixtures/hocr-small-headlines-by-contrast'), { recursive: true });
writeFileSync(join(root, 'fixtures/hocr-small-headlines-by-contrast/input.hocr'), smallHeadlinesByContrast());
console.log('wrote fixtures/hocr-small-headlines-by-contrast/input.hocr');
mkdirSync(join(root, 'fixtures/hocr-kicker-over-staggered-lead'), { recursive: true });
writeFileSync(join(root, 'fixtures/hocr-kicker-over-staggered-lead/input.hocr'), kickerOverStaggeredLead());
console.log('wrote fixtures/hocr-kicker-over-staggered-lead/input.hocr');
mkdirSync(join(root, 'fixtures/hocr-column-labels-over-stacks'), { recursive: true });
writeFileSync(join(root, 'fixtures/hocr-column-labels-over-stacks/input.hocr'), columnLabelsOverStacks());
console.log('wrote fixtures/hocr-column-labels-over-stacks/input.hocr');
mkdirSync(join(root, 'fixtures/hocr-latin-second-read-in-headline'), { recursive: true });
writeFileSync(join(root, 'fixtures/hocr-latin-second-read-in-headline/input.hocr'), latinSecondReadInHeadline());
console.log('wrote fixtures/hocr-latin-second-read-in-headline/input.hocr');
mkdirSync(join(root, 'fixtures/hocr-headline-lost-by-ocr'), { recursive: true });
writeFileSync(join(root, 'fixtures/hocr-headline-lost-by-ocr/input.hocr'), headlineLostByOcr());
console.log('wrote fixtures/hocr-headline-lost-by-ocr/input.hocr');
