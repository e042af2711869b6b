// Writes the positioned fixtures (hOCR) from a compact description of each page:
// blocks of text with the box they are set in and their type size. Our own text;
// the boxes are what a typesetter would produce (CJK glyphs one em wide, body
// leading 1.45 em, paragraphs indented two em). Run: node scripts/make-layout-fixtures.mjs
// The gold (expected.json) beside each input is written by hand, not by this script.
import { writeFileSync } from 'node:fs';
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

writeFileSync(join(root, 'fixtures/hocr-broadsheet-spans-and-flow/input.hocr'), spansAndFlow());
console.log('wrote fixtures/hocr-broadsheet-spans-and-flow/input.hocr');
