// Writes the hand-laid pdftotext -layout fixtures (fixtures/pdftotext-layout-*/input.txt) from our own
// text. Each page is laid out row by row the way `pdftotext -layout` prints a page, so that one
// phenomenon measured on real -layout output is reproduced exactly: pieces padded with spaces to their
// column's character cell, and the rows of a staircase (the lines of columns whose baselines differ
// get rows of their own, in an order that depends on those baselines). Rendering our own PDFs through
// pdftotext gave the same kind of rows, but not this order (poppler snaps nearby baselines together
// on a small page), so the rows here are written out. Tests never run this: they read the committed
// text. The gold (expected.json) beside each input is written by hand, not by this script.
// Run: node scripts/make-layout-text-fixtures.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The page's header row: its page number, the paper's name and the date, `before` and `after` cells of white between. */
const masthead = (page, date, before, after) => page + ' '.repeat(before) + '桐溪日报' + ' '.repeat(after) + date;

/** Body lines of `perLine` characters, each paragraph's first indented two cells; a closing mark hangs on the line before. */
function wrap(paragraphs, perLine) {
  const out = [];
  for (const p of paragraphs) {
    const chars = [...p];
    let first = true;
    while (chars.length > 0) {
      let line = chars.splice(0, first ? perLine - 2 : perLine).join('');
      while (chars.length > 0 && '，。、；：！？）”」'.includes(chars[0])) line += chars.shift();
      out.push((first ? '  ' : '') + line);
      first = false;
    }
  }
  return out;
}

/** Printed width in em: a Han character or CJK mark one em, an ASCII digit or letter half an em. */
const printed = (text) => [...text].reduce((w, ch) => w + (/[\x20-\x7e]/u.test(ch) ? 0.5 : 1), 0);

/** Lines set to a measure of `em` printed em (digits take half a Han character's width), each paragraph's first indented two em. */
function setToMeasure(paragraphs, em) {
  const out = [];
  for (const p of paragraphs) {
    const chars = [...p];
    let line = '  ';
    let width = 2;
    while (chars.length > 0) {
      // A run of digits and Latin is set whole (a typesetter does not break 2.3 or 8.5%).
      let n = 1;
      while (/[0-9A-Za-z.%]/u.test(chars[0]) && n < chars.length && /[0-9A-Za-z.%]/u.test(chars[n])) n++;
      const piece = chars.slice(0, n).join('');
      const w = printed(piece);
      if (width + w > em && !'，。、；：！？）”」'.includes(chars[0])) {
        out.push(line);
        line = '';
        width = 0;
      }
      line += piece;
      chars.splice(0, n);
      width += w;
    }
    out.push(line);
  }
  return out;
}

/** Each column's lines, handed out one at a time: `line(c)` is column c's next line (undefined when none is left). */
function feeder(text) {
  const next = text.map((lines) => lines[Symbol.iterator]());
  return (c) => next[c].next().value;
}

/** The rows left: each column's remaining lines side by side, one row each, until every column is done. */
function restOfRows(cols, line) {
  const rows = [];
  for (;;) {
    const pieces = piecesOfLine(line, cols.map((_, c) => c));
    if (pieces.length === 0) return rows;
    rows.push(row(cols, pieces));
  }
}

/** The next line of each of columns `cs` that has one (null: the column's white on this row, no piece). */
function piecesOfLine(line, cs) {
  return cs.map((c) => [c, line(c)]).filter(([, t]) => t !== undefined && t !== null);
}

/** A row: each piece padded out to its column's cell (at least two spaces after the piece before it). */
function row(columns, pieces) {
  let s = '';
  for (const [c, text] of pieces) {
    s += s === '' ? ' '.repeat(columns[c]) : ' '.repeat(Math.max(2, columns[c] - [...s].length));
    s += text;
  }
  return s.trimEnd();
}

/**
 * Four one-column stories. The third story's headline is set in large type over two lines, the
 * second a tail of two characters. Between the headline's two lines the first and second columns
 * print three lines on rows of their own (a staircase), so that the chain of rows the reader folds
 * puts the tail three rows under the line it ends, one row further than a body line's neighbour.
 */
function headlineTailBelowStaircase() {
  const cols = [0, 22, 44, 66];
  const text = [
    ['本报讯 改建了半年的东街菜场今天开始试营业，一楼卖蔬菜和水果，二楼卖肉类和水产。', '菜场管理处说，摊位按品种分区，每个区都有一台公平秤，顾客买完菜可以自己复秤。', '住在东街的居民说，老菜场拆了以后，买菜要走两站路，现在下楼就能买到新鲜菜。'],
    ['本报讯 南桥小学的新操场昨天启用，塑胶跑道一圈二百米，中间是一块五人制足球场。', '校长说，过去学生只能在楼前空地上体育课，下雨天就停课，现在每个班每周都能上足球课。'],
    ['本报讯 西山隧道的两个洞口昨天贯通，隧道全长三点二公里，建成后从城西到开发区只要十分钟。', '施工单位介绍，隧道里每隔二百五十米设一处紧急停车带。接下来要铺路面、装通风设备。'],
    ['本报讯 老街夜市这个月新增了三十个摊位，主要卖手工艺品和本地小吃，每天傍晚五点出摊。', '夜市管理员说，新摊位由街道统一招租，租金比去年降了一成。周末人多的时候，街口有志愿者指路。'],
  ].map((paragraphs) => wrap(paragraphs, 16));
  const line = feeder(text);
  const rows = [
    masthead('第6版', '2026年3月9日 星期一', 26, 22),
    '',
    row(cols, [
      [0, '东街菜场试营业'],
      [1, '南桥小学新操场'],
      [2, '西山隧道明年通车'],
      [3, '老街夜市添摊位'],
    ]),
    '',
    row(cols, [
      [0, line(0)],
      [1, line(1)],
      [3, line(3)],
    ]),
    row(cols, [[0, line(0)]]),
    row(cols, [[1, line(1)]]),
    row(cols, [[1, line(1)]]),
    row(cols, [
      [0, line(0)],
      [2, '在望'],
      [3, line(3)],
    ]),
  ];
  rows.push(...restOfRows(cols, line));
  return rows.join('\n') + '\n';
}

/**
 * Two stories side by side whose text is full of figures. A line with digits holds more characters
 * than a line of Han text set to the same measure (a digit is half an em wide, and pdftotext prints
 * every character in one cell), so in cells the column's full lines end at different places. A
 * sentence that ends at the end of a full line goes on in the same paragraph on the next line.
 */
function figuresInFullLines() {
  const cols = [0, 26];
  const text = [
    [
      '本报讯 去年全市新建口袋公园36座，改造老旧绿地1200亩，新增绿道48公里，种植乔木2.1万株，设座椅560张。园林部门说，公园都建在居民楼之间。今年计划再建口袋公园40座，其中12座在老城区。',
      '园林部门介绍，新建的公园都设了无障碍通道。老城区的公园面积小，每座不到3000平方米，因此多种乔木，少铺硬地。',
    ],
    [
      '本报讯 今年1至5月，全市公交客运量达到2.3亿人次，比去年同期增长8.5%。地铁日均客流突破160万人次。交通部门新开公交线路17条，优化线路42条。',
      '交通部门表示，今年还将新增公交专用道25公里，到年底全市公交专用道总长超过300公里，高峰时段公交平均车速提高到每小时18公里。',
    ],
  ].map((paragraphs) => setToMeasure(paragraphs, 17));
  const rows = [masthead('第3版', '2026年6月2日', 20, 20), '', row(cols, [[0, '口袋公园年内再建40座'], [1, '公交客运量稳步回升']]), ''];
  for (let i = 0; i < Math.max(text[0].length, text[1].length); i++) {
    rows.push(row(cols, [0, 1].filter((c) => text[c][i] !== undefined).map((c) => [c, text[c][i]])));
  }
  return rows.join('\n') + '\n';
}

/**
 * Three one-column stories; two headlines in large type wrap to a last line that the short-line
 * rules alone would not take for display type: one character, and a question ending in ？.
 */
function headlineTailsOfOneCharacterOrAQuestion() {
  const cols = [0, 22, 44];
  const text = [
    ['本报讯 城南图书馆今天起延长开放时间，周一到周五晚上开到九点，周末全天开放。', '馆长说，延时以后，晚上来自习的学生明显多了，馆里增加了两名值班员。'],
    ['本报讯 南门老街改造方案昨天公示，街面要拓宽，两侧的老店铺都会保留下来。', '不少老住户担心，改造以后小吃摊会搬走。街道表示，摊位会在街口集中安置。'],
    ['本报讯 北湖公园扩建工程昨天开工，新增的湖滨步道长一点五公里，明年春天完工。', '施工期间，公园东门临时关闭，游客可以从南门和西门进出。'],
  ].map((paragraphs) => wrap(paragraphs, 16));
  const line = feeder(text);
  const rows = [
    masthead('第2版', '2026年4月8日', 20, 16),
    '',
    row(cols, [[0, '城南图书馆延时开放']]),
    '',
    row(cols, [
      [0, line(0)],
      [1, '南门老街能否留住'],
      [2, '北湖公园扩建工程开'],
    ]),
    row(cols, [[0, line(0)]]),
    row(cols, [
      [0, line(0)],
      [1, '烟火气？'],
      [2, '工'],
    ]),
    row(cols, [[0, line(0)]]),
  ];
  rows.push(...restOfRows(cols, line));
  return rows.join('\n') + '\n';
}

/**
 * Three columns of running text. Half way down the first column a story ends and the next one's
 * headline, in large type, stands alone on its rows; pdftotext packs its glyphs one to a cell, so the
 * second column's line on the same row follows it after a single space (far left of its column's
 * cell), while the third column's line keeps its own cell. The headline's cells are white on the
 * rows above and below it (large type takes more than a row).
 */
function headlineGluedToNextColumn() {
  const cols = [0, 22, 44];
  const text = [
    ['本报讯 城西菜市场的顶棚昨天换新，雨天买菜不用再打伞了。', '管理处说，新顶棚采光好，白天不用开灯。'],
    ['本报讯 河堤步道今晚起夜间亮灯，沿河两公里装了一百二十盏庭院灯，每天亮到晚上十一点。', '市政部门说，灯光朝下照，不会晃到对岸的住户。'],
    ['本报讯 少年宫暑期班下周一开始报名，今年开设书法、围棋、游泳等二十个班，每班限三十人。', '报名要带户口簿，每人最多报两个班。少年宫说，今年各班的学费和去年一样。', '上课时间是每天上午，下午场馆留给附近的老年合唱团排练。'],
    ['本报讯 老城区十二条小巷的路面改造本月完工，青石板路换下了坑洼的水泥路。', '改造时保留了巷口的老井和石凳。不少居民说，小巷又有了过去的样子。', '街道还在巷子里装了路灯和指示牌，晚上走路方便多了。'],
  ].map((paragraphs) => wrap(paragraphs, 16));
  const line = feeder(text);
  const rows = [
    masthead('第4版', '2026年5月12日', 20, 17),
    '',
    row(cols, [
      [0, '菜市场顶棚换新'],
      [1, '少年宫暑期班报名'],
      [2, '老城小巷换新路'],
    ]),
    '',
  ];
  // The first story's four lines beside the other two columns' first lines.
  for (let i = 0; i < 4; i++) rows.push(row(cols, [[0, line(0)], [1, line(2)], [2, line(3)]]));
  rows.push(row(cols, [[1, line(2)], [2, line(3)]]));
  // The headline (large glyphs, one a cell), a single space, the second column's line; the third column in its own cell.
  rows.push(row(cols, [[1, line(2)], [2, line(3)]]).replace(/^ +/u, '河堤步道夜间亮灯 '));
  rows.push(row(cols, [[1, line(2)], [2, line(3)]]));
  // Then the headline's story in the first column, beside the rest of the other two.
  rows.push(...restOfRows(cols, (c) => line([1, 2, 3][c])));
  return rows.join('\n') + '\n';
}

/**
 * Two stories side by side. A justified line that holds a Latin word is letter-spaced by pdftotext
 * (a space between every two characters), and here it stands on a row of its own (a staircase): its
 * single spaces are inside the line, not a large headline's glyphs beside the next column.
 */
function letterSpacedLine() {
  const cols = [0, 24];
  const first = [
    '  本报讯 市图书馆新开的自助借书区',
    '昨天试用，读者刷卡就能借还图书，不用',
    '排 队 。 读 者 用 手 机 APP 也 能 预 约 借 书 ，',
    '到馆后在自助区取书即可。',
    ...wrap(['图书馆说，自助区每天早上八点开门，比借阅大厅早一个小时，晚上九点关门。', '试用第一天，自助区借出图书四百多册。不少读者说，下班后来借书方便多了。'], 18),
  ];
  const text = [
    first,
    wrap(['本报讯 公园管理处说，下周起东湖游船码头恢复开放，游船每半小时一班，周末加开夜航。', '管理处提醒游客，上船要穿救生衣，儿童要有大人陪同。码头旁新建了候船廊，雨天也能排队等船。'], 18),
  ];
  const line = feeder(text);
  const rows = [
    masthead('第5版', '2026年7月3日', 18, 14),
    '',
    row(cols, [
      [0, '自助借书区试用'],
      [1, '东湖游船码头恢复开放'],
    ]),
    '',
    row(cols, [[0, line(0)], [1, line(1)]]),
    row(cols, [[0, line(0)], [1, line(1)]]),
    // The letter-spaced line on a row of its own.
    row(cols, [[0, line(0)]]),
  ];
  rows.push(...restOfRows(cols, line));
  return rows.join('\n') + '\n';
}

/**
 * Three one-column stories. The first headline is set in large type over three lines beside the
 * other two columns' text, which prints one row between its first two lines and two rows between
 * the next two: the steps between the lines differ, but they are one headline in one size, not a
 * kicker over a headline.
 */
function headlineLinesApartUnevenly() {
  const cols = [0, 22, 44];
  const text = [
    ['本报讯 沿江绿道最后一段昨天完工，从老码头到新城湿地，全长二十一公里，沿途八座滨水公园连成一片。', '市园林部门说，绿道每隔一公里设一处驿站，有饮水点和自行车停放架。'],
    ['本报讯 城东夜市今年起每晚多开一个小时，摊主说，晚上九点以后来逛的年轻人越来越多。', '夜市管理方在入口增设了两处垃圾分类点，还请来志愿者引导游客。', '附近居民反映，夜市收摊后街面打扫得比过去干净。'],
    ['本报讯 市少年宫新建的天文台本周末起向公众开放，每晚可预约观测一小时。', '天文台配有一台口径四十厘米的望远镜，天气好的夜晚能看清土星环。', '少年宫说，开放时段会有讲解员，中小学生凭学生证免费。'],
  ].map((paragraphs) => wrap(paragraphs, 16));
  const line = feeder(text);
  const rows = [
    masthead('第7版', '2026年9月1日', 20, 16),
    '',
    row(cols, [
      [1, '城东夜市延时一小时'],
      [2, '少年宫天文台开放'],
    ]),
    '',
    row(cols, [[0, '沿江绿道全线贯通'], [1, line(1)], [2, line(2)]]),
    row(cols, [[1, line(1)], [2, line(2)]]),
    row(cols, [[0, '八座滨水公园'], [1, line(1)], [2, line(2)]]),
    row(cols, [[1, line(1)], [2, line(2)]]),
    row(cols, [[1, line(1)], [2, line(2)]]),
    row(cols, [[0, '连成一片'], [1, line(1)], [2, line(2)]]),
    row(cols, [[1, line(1)], [2, line(2)]]),
  ];
  rows.push(...restOfRows(cols, line));
  return rows.join('\n') + '\n';
}

/**
 * Three one-column stories in narrow columns. The second story's second paragraph starts on a row of
 * its own: the first and third columns' lines beside it stand a little lower and print on the row
 * after it (a staircase). Alone in its row and short of its column's lines by its indent, that first
 * line looks like a headline; it is set in by the indent from the line under it and ends where that
 * line ends, as a paragraph's first line does.
 */
function paragraphFirstLineAloneInItsRow() {
  const cols = [0, 14, 28];
  const text = [
    ['北门菜场改造了八个月，今天早上七点重新开门迎客。', '新菜场分成蔬菜区、水产区和熟食区，过道比原来宽了一倍。'],
    ['春晖社区图书角这个月添了三百本新书，多是儿童绘本。', '管理员王阿姨说周末来借书的孩子比平时多一倍，她准备再添两个书架。'],
    ['江滨公园的夜跑道昨晚起亮灯，每晚开到十点。', '跑步的市民说，灯光不刺眼，路面也重新铺过。'],
  ].map((paragraphs) => wrap(paragraphs, 10));
  const line = feeder(text);
  const rows = [
    masthead('第3版', '2026年9月2日', 12, 10),
    '',
    row(cols, [
      [0, '北门菜场开张'],
      [1, '图书角添新书'],
      [2, '夜跑道亮灯'],
    ]),
    '',
  ];
  // The second column's first paragraph (three lines here) beside the others' first lines, a row each.
  for (let i = 0; i < 3; i++) rows.push(row(cols, [[0, line(0)], [1, line(1)], [2, line(2)]]));
  rows.push(row(cols, [[0, line(0)], [2, line(2)]]));
  rows.push(row(cols, [[1, line(1)]]));
  rows.push(...restOfRows(cols, line));
  return rows.join('\n') + '\n';
}

/**
 * Three columns. Under the first column's story a second one opens with a bracketed series label in
 * body type (as long as the kicker under it), a kicker that leads into its headline with a dash, and
 * the headline, each on a row of its own beside the other columns' lines. The kicker is longer than
 * the headline: only its closing dash says it is a kicker, set smaller than the headline in print.
 */
function kickerLeadingInWithADash() {
  const cols = [0, 22, 44];
  const text = [
    ['本报讯 老街社区的便民修理点上周开张，修鞋、配钥匙、补衣服都不收钱，由社区里的退休工人轮流值班。'],
    ['本报讯 城南公交站台这个月换上了带顶棚的新座椅，下雨天候车的乘客不用再挤在广告牌下躲雨。', '公交公司说，全市还有六十多个站台要换，年底前完成。', '有乘客说，新座椅比原来的宽，靠背也高了一些，老人坐着等车舒服多了。'],
    ['本报讯 市图书馆少儿阅览室延长开放时间，工作日晚上开到八点，周末全天开放。', '馆员说，寒暑假期间还会请作家来给孩子们讲故事。', '阅览室还添了两百本绘本和一批科普读物，低年级的孩子可以在家长陪同下借阅。'],
    ['每个周六下午，林秀梅都会带着一摞老照片来到社区活动室，给孩子们讲老街从前的样子。', '她说，孩子们最爱听的是老街口那棵大榕树的故事，有的孩子听完还会画下来送给她。'],
  ].map((paragraphs) => wrap(paragraphs, 16));
  const line = feeder(text);
  const rows = [
    masthead('第5版', '2026年9月3日', 20, 16),
    '',
    row(cols, [
      [0, '老街修理点开张'],
      [1, '公交站台换新座椅'],
      [2, '少儿阅览室晚开放'],
    ]),
    '',
  ];
  for (let i = 0; i < 4; i++) rows.push(row(cols, [[0, line(0)], [1, line(1)], [2, line(2)]]));
  // White under the first story in its column: the other columns' lines go on.
  rows.push(row(cols, [[1, line(1)], [2, line(2)]]));
  rows.push(row(cols, [[0, '（老街新事·社区里的热心人）'], [1, line(1)], [2, line(2)]]));
  rows.push(row(cols, [[0, '退休教师林秀梅——']]));
  rows.push(row(cols, [[1, line(1)], [2, line(2)]]));
  rows.push(row(cols, [[0, '把老街故事讲给孩子听']]));
  rows.push(row(cols, [[1, line(1)], [2, line(2)]]));
  const last = (c) => line(c === 0 ? 3 : c);
  rows.push(...restOfRows(cols, last));
  return rows.join('\n') + '\n';
}

/** The second and third columns' stories of the box-label and headline-tail pages. */
const SCHOOL_AND_STREETLIGHT = [
    ['本报讯 西岭小学的食堂本学期起实行分餐制，每个学生一个餐盘，饭菜按年级定量。', '食堂负责人说，分餐以后剩饭少了一半，孩子们也更愿意把饭吃完。', '学校还请家长轮流来食堂陪餐，提意见。'],
    ['本报讯 南河路的老旧路灯本月全部换成了节能灯，亮度比原来高，电费却省了四成。', '路灯管理所说，新灯装了感应器，深夜车少时会自动调暗。', '附近居民说，晚上出门散步安心多了。'],
];

/**
 * Three columns. The first column's story has a box under its headline: the box's standing label
 * (核心阅读) alone on its row, white above and below it as a headline has, then the box's summary and
 * the story. The label is set in bold body type in print; it is the story's first subheading, not a
 * headline of its own nor a line of the headline.
 */
function boxLabelUnderHeadline() {
  const cols = [0, 22, 44];
  const text = [
    ['东湖村把闲置的粮仓改成了村史馆，村民捐出老物件三百多件。', '东湖村的老粮仓建于上世纪六十年代，空置已有二十年。去年村里请来设计师，保留了粮仓的木梁和土墙，改成了村史馆。', '馆里陈列着村民捐出的农具、票证和老照片，每周末对外开放。'],
    ...SCHOOL_AND_STREETLIGHT,
  ].map((paragraphs) => wrap(paragraphs, 16));
  const line = feeder(text);
  const rows = [
    masthead('第6版', '2026年9月4日', 20, 16),
    '',
    row(cols, [[0, '老粮仓变身村史馆']]),
    row(cols, [[1, '小学食堂实行分餐'], [2, '南河路换上节能灯']]),
    '',
    row(cols, [[0, '核心阅读']]),
    row(cols, [[1, line(1)], [2, line(2)]]),
  ];
  rows.push(...restOfRows(cols, line));
  return rows.join('\n') + '\n';
}

/**
 * Three columns. The first column's headline is two phrases over three lines in large type: the first
 * phrase wraps, so its short tail stands over the longer second phrase. A short display line over a
 * longer one is a kicker only when it opens its stack; this one is under a line of the headline.
 */
function headlineTailOverLongerLine() {
  const cols = [0, 22, 44];
  const text = [
    ['本报讯 东湖村的老粮仓建于上世纪六十年代，空置已有二十年。去年村里请来设计师，保留了木梁和土墙，改成了村史馆。', '馆里陈列着村民捐出的农具、票证和老照片，每周末对外开放。'],
    ...SCHOOL_AND_STREETLIGHT,
  ].map((paragraphs) => wrap(paragraphs, 16));
  const line = feeder(text);
  const rows = [
    masthead('第8版', '2026年9月6日', 20, 16),
    '',
    row(cols, [[1, '小学食堂实行分餐'], [2, '南河路换上节能灯']]),
    '',
    row(cols, [[0, '东湖村老粮仓改建'], [1, line(1)], [2, line(2)]]),
    row(cols, [[1, line(1)], [2, line(2)]]),
    row(cols, [[0, '村史馆'], [1, line(1)], [2, line(2)]]),
    row(cols, [[1, line(1)], [2, line(2)]]),
    row(cols, [[0, '三百件老物件有了新家'], [1, line(1)], [2, line(2)]]),
    row(cols, [[1, line(1)], [2, line(2)]]),
  ];
  rows.push(...restOfRows(cols, line));
  return rows.join('\n') + '\n';
}

/**
 * Three columns. Half way down the first column its story's intertitle (bold, a little larger than the
 * body in print) stands alone on its row, the other columns' lines on rows of their own around it and
 * its own column white above and below it: the estimate makes it display type, as it does a headline.
 * It names what the text above it has said, and the text under it reads on: an intertitle, the story
 * goes on. In the second column a story ends and the next one's headline stands likewise, over text
 * that a dateline opens: a headline, whose story starts there.
 */
function intertitleInColumn() {
  const cols = [0, 22, 44];
  const first = wrap(['本报讯 城东的青石河清淤工程昨天完工，河道清出淤泥一万二千方，两岸新修了步道。', '河道管理处说，清淤以后，河水明显变清了，附近居民又能在河边散步、钓鱼。'], 16);
  const rest = wrap(['新修的步道长两公里，沿河种了柳树和桃树，每隔三百米有一处休息亭。', '住在河边的居民说，过去河边没人愿意去，现在每天傍晚都有人在步道上散步。'], 16);
  const market = wrap(['本报讯 老街夜市这个月新增了三十个摊位，主要卖手工艺品和本地小吃。'], 16);
  const school = wrap(['本报讯 南桥小学的新操场昨天启用，塑胶跑道一圈二百米，中间是一块足球场。', '校长说，过去学生只能在楼前空地上体育课，现在每个班每周都能上足球课。'], 16);
  const lights = wrap(SCHOOL_AND_STREETLIGHT[1], 16);
  const line = feeder([first, [...market, null, '南桥小学新操场启用', null, ...school], lights]);
  // The second column's white rows (null) around its headline: no piece in that column on the row.
  const piecesOf = (cs) => piecesOfLine(line, cs);
  const rows = [masthead('第5版', '2026年10月12日', 20, 16), '', row(cols, [[0, '青石河清淤完工'], [1, '老街夜市添摊位'], [2, '南河路换上节能灯']]), ''];
  for (let i = 0; i < first.length; i++) rows.push(row(cols, piecesOf([0, 1, 2])));
  rows.push(row(cols, piecesOf([1, 2])));
  rows.push(row(cols, [[0, '河边步道留住人']]));
  rows.push(row(cols, piecesOf([1, 2])));
  const tail = feeder([rest, [], []]);
  for (let i = 0; i < rest.length; i++) rows.push(row(cols, [[0, tail(0)], ...piecesOf([1, 2])]));
  for (;;) {
    const pieces = piecesOf([1, 2]);
    if (pieces.length === 0) break;
    rows.push(row(cols, pieces));
  }
  return rows.join('\n') + '\n';
}

/**
 * Three columns. The first column's story runs on at the top of the second; two lines down the second
 * column its intertitle stands in two lines, a lead-in ending in a dash (set smaller in print) over the
 * intertitle proper, each alone on its row under a blank row. The text above it in its own column is two lines: what
 * the intertitle names is in the story's text at the foot of the first column.
 */
function intertitleWithLeadInNearColumnTop() {
  const cols = [0, 22, 44];
  const park = wrap(['本报讯 北湖公园改造工程昨天完工，环湖新修了三公里步道，湖边的老码头改成了观景平台。', '公园管理处说，改造期间，湖里清出淤泥两万方，湖水比原来深了半米，湖边的樱花和垂柳也补种了不少。', '管理处介绍，新步道全程铺了透水砖，雨天也不积水。'], 16);
  const after = wrap(['园林部门在湖边补种樱花和垂柳一千多棵，到明年春天，环湖步道两边都能看到花。', '市民说，改造以后，周末来湖边散步的人多了。'], 16);
  const lights = wrap(SCHOOL_AND_STREETLIGHT[1], 16);
  // The second column: the story's last two lines, a white row (null), the lead-in and the intertitle, a white row.
  const line = feeder([park.slice(0, -2), [...park.slice(-2), null, '绿化提升——', '补种千棵樱花垂柳', null, ...after], lights]);
  const piecesOf = (cs) => piecesOfLine(line, cs);
  const rows = [masthead('第7版', '2026年10月14日', 20, 16), '', row(cols, [[0, '北湖公园改造完工'], [2, '南河路换上节能灯']]), ''];
  rows.push(row(cols, piecesOf([0, 1, 2])), row(cols, piecesOf([0, 1, 2])), row(cols, piecesOf([0, 1, 2])));
  // A blank row (pdftotext prints one where every column's next line stands lower), then each line of the
  // intertitle alone on its row.
  rows.push('', row(cols, piecesOf([1])), row(cols, piecesOf([1])));
  rows.push(row(cols, piecesOf([0, 1, 2])));
  rows.push(...restOfRows(cols, line));
  return rows.join('\n') + '\n';
}

/**
 * Three columns. The first column's headline is set in large type over three lines; the second and third
 * columns' text runs beside it, four lines on rows of their own between each two of its lines, so that its
 * lines stand five rows apart, further than any line's neighbour. Nothing else stands between them in
 * their column: they are one headline, over the text under it.
 */
function headlineLinesRowsApart() {
  const cols = [0, 22, 44];
  const text = [
    ['本报讯 城西新建的体育公园昨天向市民开放，园里有两片足球场、四片篮球场和一条环形跑道。', '公园管理处说，球场每天早上六点开放，晚上十点关闭，市民可以在网上预约。'],
    [...SCHOOL_AND_STREETLIGHT[0], '食堂的菜单每周公布一次，荤素搭配，每天都有一道汤。家长可以在学校的公众号上看到下周的菜单。', '学校说，下学期还要在食堂旁边开一间小小的阅览室，学生吃完饭可以去看书。'],
    [...SCHOOL_AND_STREETLIGHT[1], '今年年底前，城区其他老路的路灯也要换新，全部换完以后，每年能省下电费三十多万元。', '路灯管理所提醒市民，发现路灯不亮，可以拨打热线电话报修。'],
  ].map((paragraphs) => wrap(paragraphs, 16));
  const line = feeder(text);
  const beside = () => row(cols, [[1, line(1)], [2, line(2)]].filter(([, t]) => t !== undefined));
  const rows = [masthead('第4版', '2026年10月16日', 20, 16), '', row(cols, [[1, '小学食堂实行分餐'], [2, '南河路换上节能灯']]), ''];
  rows.push(row(cols, [[0, '城西体育公园'], [1, line(1)], [2, line(2)]]));
  rows.push(beside(), beside(), beside(), beside());
  rows.push(row(cols, [[0, '昨起向市民开放'], [1, line(1)], [2, line(2)]]));
  rows.push(beside(), beside(), beside(), beside());
  // The headline's large type reaches into the row under it: the column's text starts a row lower.
  rows.push(row(cols, [[0, '球场可网上预约'], [1, line(1)], [2, line(2)]]), beside());
  rows.push(...restOfRows(cols, line));
  return rows.join('\n') + '\n';
}

/**
 * Three columns of text side by side, every row full. Halfway down the first and the second column a
 * story ends and the next one's headline stands in two lines (the second column's ends in a short
 * tail), white above and below the pair in its column but none between its lines: neither line has
 * white on both sides, the stack does. The third column's story runs on beside them, every row full.
 */
function headlineStacksInFullRows() {
  const cols = [0, 22, 44];
  const market = wrap(['本报讯 改建了半年的东街菜场今天开始试营业，一楼卖蔬菜和水果，二楼卖肉类和水产。', '菜场管理处说，摊位按品种分区，顾客买完菜可以自己复秤。'], 16);
  const lights = wrap(['本报讯 新街口的四个路口昨天装上了行人倒计时信号灯，绿灯还剩几秒，灯上一看就知道。', '交警大队说，这个路口早晚高峰人多，有了倒计时，行人不再抢最后几秒。', '附近的居民说，带孩子过马路的时候，看一眼倒计时就知道能不能走。'], 16);
  const field = wrap(['本报讯 南桥小学的新操场昨天启用，塑胶跑道一圈二百米，中间是一块五人制足球场。', '校长说，过去一下雨就停体育课，现在每个班每周都能上足球课。'], 16);
  const lifts = wrap(['本报讯 城南三个老旧小区的加装电梯工程昨天开工，一共要装十二部电梯，年底前全部投用。', '街道办说，加装电梯的费用由政府补贴一部分，其余由住户按楼层分摊。', '住在六楼的一位老人说，以后下楼买菜、去医院复查都方便多了。'], 16);
  const stalls = wrap(['本报讯 老街夜市这个月新增了三十个摊位，主要卖手工艺品和本地小吃，每天傍晚五点出摊。', '夜市的摊主大多是附近的居民，有人做了二十多年的糖画，有人刚从外地回来开店。', '开市那天，街道请来一位退休的老教师，在夜市门口给大家讲老街的故事。'], 16);
  const after = wrap(['夜市管理员说，新摊位由街道统一招租，租金比去年降了一成，周末街口还有志愿者指路。', '附近的居民说，夜市开到晚上十点，散步的时候顺路就能买点小吃。'], 16);
  const line = feeder([
    [...market, null, '新街口装上倒计时灯', '行人过街心里有数', null, ...lights],
    [...field, null, '城南三个老小区加装电梯', '开工', null, ...lifts],
    [...stalls, ...after],
  ]);
  const rows = [masthead('第3版', '2026年10月20日', 20, 16), '', row(cols, [[0, '东街菜场试营业'], [1, '南桥小学新操场启用'], [2, '老街夜市添摊位']]), ''];
  rows.push(...restOfRows(cols, line));
  return rows.join('\n') + '\n';
}

/**
 * Three columns; the first column's lead story opens with a kicker of two lines beside the other columns'
 * first lines, a full column line that ends no sentence and its short tail, over a headline in large type
 * whose lines stand alone on their rows, the other columns' lines printed between pushing them four rows apart. The tail right over the
 * headline looks like a line of it, and took its large size; the long line looks like body text: both are
 * the kicker (set smaller in print).
 */
function kickerWrappedOverHeadline() {
  const cols = [0, 22, 44];
  const text = [
    ['本报讯 城东新区今年要改造二十个老旧小区，重点是加装电梯、更新管网和增加停车位。', '新区管委会说，每个小区改造前都要征求居民意见，方案公示以后才开工。'],
    SCHOOL_AND_STREETLIGHT[0],
    SCHOOL_AND_STREETLIGHT[1],
  ].map((paragraphs) => wrap(paragraphs, 16));
  const line = feeder(text);
  const beside = () => row(cols, [[1, line(1)], [2, line(2)]].filter(([, t]) => t !== undefined));
  const rows = [masthead('第1版', '2026年10月24日', 20, 16), ''];
  rows.push(row(cols, [[1, '小学食堂实行分餐'], [2, '南河路换上节能灯']]), '');
  rows.push(row(cols, [[0, '市领导到城东新区调研老旧小区'], [1, line(1)], [2, line(2)]]));
  rows.push(row(cols, [[0, '改造工作现场时强调'], [1, line(1)], [2, line(2)]]));
  rows.push(row(cols, [[0, '让居民住得更舒心']]), beside(), beside(), beside(), beside());
  rows.push(row(cols, [[0, '也更安心']]), beside());
  rows.push(...restOfRows(cols, line));
  return rows.join('\n') + '\n';
}

/**
 * A page of one-column stories side by side under a masthead, each headed on one row: its rows so far, a feeder
 * of each column's lines, `wide` (a row with gutters of at least three spaces: a line with a hung mark is 19
 * cells, so no start but the columns' own is printed) and `next` (each column's next line, while any is left).
 */
function storiesSideBySide(cols, head, headlines, stories) {
  const line = feeder(stories.map((paragraphs) => wrap(paragraphs, 18)));
  const rows = [head, '', row(cols, headlines.map((h, c) => [c, h])), ''];
  const wide = (pieces) => pieces.reduce((s, [c, t]) => (s === '' ? ' '.repeat(cols[c]) : s + ' '.repeat(Math.max(3, cols[c] - [...s].length))) + t, '');
  const next = () => cols.map((_, c) => [c, line(c)]).filter(([, t]) => t !== undefined);
  return { rows, line, wide, next };
}

/**
 * Three one-column stories set in full columns (18 cells of text, gutters of 4). For two rows near the
 * top pdftotext places the third column's lines three cells left of their column's start (its rounding of a
 * block's x), one space after the second column's line: the row is cut at that space (a narrow gutter), but
 * the cut-off line starts further left than a start's slack, in the second column's span, and the two stories'
 * text ran together line by line.
 */
function lineShortOfNextColumn() {
  const cols = [0, 22, 44];
  const { rows, line, wide, next } = storiesSideBySide(cols, masthead('第4版', '2026年5月12日', 20, 17), ['城北水厂扩建通水', '滨江步道南段封闭施工', '流动书车开进社区'], [
    ['本报讯 城北水厂扩建工程昨天通水，每天能多供十万吨自来水，北片居民夏天用水不再紧张。', '水务公司说，新管网同时换上了智能水表，漏水的地方系统会自动报警，维修人员半小时内就能赶到现场。', '扩建工程历时一年半，新建了两座沉淀池和一座清水池，水厂的出水质量也比过去更稳定。', '水务公司提醒居民，通水初期水管里可能有少量气泡，放一会儿水就好。'],
    ['本报讯 滨江步道南段今天起封闭施工，要铺设透水路面、加装护栏和夜间照明，工期两个月，预计七月中旬完工，届时步道全线开放。', '施工期间，市民可以从防汛通道绕行，沿途设了指示牌和临时座椅，早晚散步的老人也有地方歇脚。', '园林部门说，步道沿岸还要补种一批垂柳和桂花，明年春天就能看到新景色。', '施工单位承诺，每天晚上八点以后停止使用大型机械，不影响周边居民休息。'],
    ['本报讯 区图书馆的流动书车下周起开进十个社区，每周停靠一次，居民凭借书证就能借还图书。', '图书馆说，书车上有两千多册新书，居民也可以在网上预约想看的书，下次书车来时就能取到。', '流动书车每次停靠两个小时，车上还有儿童绘本专架，周末会安排志愿者给孩子们讲故事。', '图书馆计划年底前再添一辆书车，把服务范围扩大到城郊的五个村。'],
  ]);
  rows.push(wide(next()));
  for (let i = 0; i < 2; i++) rows.push(wide([[0, line(0)], [1, line(1)]]) + ' ' + line(2));
  for (let pieces = next(); pieces.length > 0; pieces = next()) rows.push(wide(pieces));
  return rows.join('\n') + '\n';
}

/**
 * Three columns, the third set off by a wider gutter (a side column); for two rows pdftotext prints the
 * third column's lines at one cell eight short of their own start, two cells after the second column's
 * longest line: too few rows for a drifted start of its own, too far off for SHORT_OF_NEXT_CELLS.
 */
function driftedChainBesideColumn() {
  const cols = [0, 22, 50];
  const DRIFTED_AT = [42, 42];
  const { rows, line, wide, next } = storiesSideBySide(cols, masthead('第6版', '2026年7月2日', 22, 24), ['东湖荷花进入观赏期', '游泳馆翻修后开放', '背街小巷换新颜'], [
    ['本报讯 东湖公园的荷花这几天陆续开放，湖边步道上赏花拍照的市民一天比一天多。', '公园管理处说，今年新栽的白莲长势很好，七月上旬会迎来盛花期，到时还会延长夜间开放时间。', '管理处提醒游客文明赏花，不要采摘荷叶和莲蓬，也不要把小船划进荷塘深处。', '荷花节期间，公园东门和南门各增设一处临时停车场，周边公交线路也会加密班次，方便市民前来游览。', '园内的茶室和书吧照常营业，傍晚还有民乐演出。'],
    ['本报讯 市体育中心游泳馆翻修完成，本周六起重新对外开放，票价维持不变。', '新馆换了恒温系统。', '场馆负责人说，暑期每天增开一场夜场，学生凭证件可以打八折，每周二上午闭馆换水消毒。', '馆内还新设了儿童浅水区，配有两名专职救生员。', '游泳馆旁边的健身房也同步更新了器材，办理年卡的市民可以免费参加每周的体能训练课，报名从下周一开始。'],
    ['本报讯 老城区的三条背街小巷完成改造，路面铺上了青石板，沿街墙面也重新粉刷。', '改造中保留了巷口的老槐树和石井，居民说走在巷子里又有了小时候的味道。', '街道办说，下半年还要给小巷装上仿古路灯，并在巷尾修一处小广场，方便老人晚上乘凉。', '改造期间，施工队每天傍晚清理路面，居民出行没有受到太大影响。不少老街坊还主动给工人送去茶水和西瓜。'],
  ]);
  for (let i = 0; i < 3; i++) rows.push(wide(next()));
  // The stretch starts at one cell, as a drifted block of pdftotext's does, whatever the second column's lines leave.
  for (const at of DRIFTED_AT) {
    const left = wide([[0, line(0)], [1, line(1)]]);
    rows.push(left + ' '.repeat(Math.max(2, at - [...left].length)) + line(2));
  }
  for (let pieces = next(); pieces.length > 0; pieces = next()) rows.push(wide(pieces));
  return rows.join('\n') + '\n';
}

const pages = [
  ['pdftotext-layout-headline-lines-apart-unevenly', headlineLinesApartUnevenly],
  ['pdftotext-layout-headline-glued-to-next-column', headlineGluedToNextColumn],
  ['pdftotext-layout-letter-spaced-line', letterSpacedLine],
  ['pdftotext-layout-headline-tails-one-character-or-question', headlineTailsOfOneCharacterOrAQuestion],
  ['pdftotext-layout-headline-tail-below-staircase', headlineTailBelowStaircase],
  ['pdftotext-layout-figures-in-full-lines', figuresInFullLines],
  ['pdftotext-layout-paragraph-first-line-alone-in-its-row', paragraphFirstLineAloneInItsRow],
  ['pdftotext-layout-kicker-leading-in-with-a-dash', kickerLeadingInWithADash],
  ['pdftotext-layout-box-label-under-headline', boxLabelUnderHeadline],
  ['pdftotext-layout-headline-tail-over-longer-line', headlineTailOverLongerLine],
  ['pdftotext-layout-intertitle-in-column', intertitleInColumn],
  ['pdftotext-layout-intertitle-with-lead-in-near-column-top', intertitleWithLeadInNearColumnTop],
  ['pdftotext-layout-headline-lines-rows-apart', headlineLinesRowsApart],
  ['pdftotext-layout-headline-stacks-in-full-rows', headlineStacksInFullRows],
  ['pdftotext-layout-kicker-wrapped-over-headline', kickerWrappedOverHeadline],
  ['pdftotext-layout-line-short-of-next-column', lineShortOfNextColumn],
  ['pdftotext-layout-drifted-chain-beside-column', driftedChainBesideColumn],
];

for (const [name, make] of pages) {
  const dir = join(root, 'fixtures', name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'input.txt'), make());
  console.log(`${name}: written`);
}
