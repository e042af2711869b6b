// Writes the PDF fixtures (fixtures/pdf-*/input.pdf) and the bad PDFs of tests/data/pdf/.
// The text is made up for these fixtures. Needs the pdf-lib and @pdf-lib/fontkit devDependencies and
// the Noto CJK fonts (fonts-noto-cjk); the image-only page needs pdftoppm (poppler-utils).
// Tests never run this: they read the committed PDFs. Run: node scripts/make-pdf-fixtures.mjs
import { PDFDocument, PDFName, PDFNumber, PDFString, PDFHexString, rgb } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const FONTS = '/usr/share/fonts/opentype/noto/';
const sans = readFileSync(FONTS + 'NotoSansCJK-Bold.ttc');
const serif = readFileSync(FONTS + 'NotoSerifCJK-Regular.ttc');

/** pdf-lib reads one font of a collection through a fontkit that names the face. */
async function embed(doc, collection, postscriptName) {
  doc.registerFontkit({ create: (bytes) => fontkit.create(bytes, postscriptName) });
  return doc.embedFont(collection, { subset: true });
}

/** A fixed date keeps the files byte-stable between runs. */
function newDoc() {
  return PDFDocument.create().then((doc) => {
    const when = new Date('2026-12-01T00:00:00Z');
    doc.setCreationDate(when);
    doc.setModificationDate(when);
    doc.setProducer('news-parse scripts/make-pdf-fixtures.mjs');
    doc.setCreator('news-parse');
    return doc;
  });
}

/**
 * Draws `text` from (x, y) glyph by glyph; `copies` extra draws of each glyph `offset` points to the
 * right (fake bold as some producers print it). Returns the x after the text.
 */
function drawGlyphs(page, text, x, y, size, font, copies = 0, offset = 0.35) {
  for (const ch of text) {
    for (let c = 0; c <= copies; c++) page.drawText(ch, { x: x + c * offset, y, size, font, color: rgb(0, 0, 0) });
    x += font.widthOfTextAtSize(ch, size);
  }
  return x;
}

/** Body text set in a column: lines of `perLine` characters, the first indented two characters. */
function drawParagraph(page, text, x, y, size, font, perLine, leading) {
  const chars = [...text];
  let first = true;
  while (chars.length > 0) {
    const n = first ? perLine - 2 : perLine;
    const line = chars.splice(0, n).join('');
    page.drawText(line, { x: first ? x + 2 * size : x, y, size, font });
    y -= leading;
    first = false;
  }
  return y;
}

async function fakeBold() {
  const doc = await newDoc();
  const bold = await embed(doc, sans, 'NotoSansCJKsc-Bold');
  const body = await embed(doc, serif, 'NotoSerifCJKsc-Regular');
  const page = doc.addPage([420, 380]);
  page.drawText('第3版', { x: 30, y: 350, size: 9, font: body });
  // Headline: every glyph drawn twice, 0.35 pt apart.
  drawGlyphs(page, '老街坊办起读书角', 30, 310, 20, bold, 1);
  // Body: 30 full-width characters a line (the column), a paragraph's first line indented two.
  let y = drawParagraph(page, '本报讯东湖社区的老街坊们把一间空置的车库改成了读书角，每周六上午开放，已经收到居民捐出的图书三百多册。', 30, 285, 10, body, 30, 15);
  y = drawParagraph(page, '负责管理的志愿者说，孩子们最喜欢连环画，老人们爱看地方志。', 30, y, 10, body, 30, 15);
  page.drawText('（社区办）', { x: 330, y, size: 10, font: body });
  // Second headline: drawn three times (0, 0.3, 0.6 pt), as heavier fake bold.
  y -= 40;
  drawGlyphs(page, '雨后河道清理完毕', 30, y, 20, bold, 2, 0.3);
  drawParagraph(page, '本报讯连日降雨后，河道管理所组织人员清理了沿河的落叶和杂物，步道已经恢复通行。', 30, y - 25, 10, body, 30, 15);
  return doc.save({ useObjectStreams: false });
}

async function kangxi() {
  const doc = await newDoc();
  const bold = await embed(doc, sans, 'NotoSansCJKsc-Bold');
  const body = await embed(doc, serif, 'NotoSerifCJKsc-Regular');
  const page = doc.addPage([420, 300]);
  page.drawText('第5版', { x: 30, y: 270, size: 9, font: body });
  // The radicals are drawn first, so the font's ToUnicode map gives the radical for the shared glyph
  // every time (⼈ U+2F08 for 人, ⺠ U+2EA0 for 民, ⽇ U+2F47 for 日, ⽉ U+2F49 for 月, ⼤ U+2F24 for 大,
  // ⻑ U+2ED1 for 長 is not used: the page is simplified).
  page.drawText('⼈⺠公园⼤草坪重新开放', { x: 30, y: 235, size: 20, font: bold });
  drawParagraph(page, '本报讯⼈⺠公园的⼤草坪经过两个⽉的养护，于本⽉⼗⽇重新向市⺠开放。公园管理处提醒游⼈不要在草坪上搭帐篷。', 30, 210, 10, body, 30, 15);
  return doc.save({ useObjectStreams: false });
}

/**
 * Text set in columns of `perLine` characters from the top `y` (baseline of the first line), `lines` to a
 * column, flowing on into the next column; a paragraph's first line is indented two characters.
 * Returns the baseline under the last line written.
 */
function drawFlow(page, paragraphs, columnsX, y, lines, size, font, perLine, leading) {
  let col = 0;
  let row = 0;
  for (const text of paragraphs) {
    const chars = [...text];
    let first = true;
    while (chars.length > 0) {
      if (row === lines) {
        col++;
        row = 0;
      }
      const n = first ? perLine - 2 : perLine;
      page.drawText(chars.splice(0, n).join(''), { x: columnsX[col] + (first ? 2 * size : 0), y: y - row * leading, size, font });
      row++;
      first = false;
    }
  }
  return y - row * leading;
}

/**
 * A three-column page with what modular (boxed) layouts do around a headline: a lead headline centred
 * over the middle column whose subheadline is set left in the first column under it; a column label and
 * a kicker (a little smaller than its headline) over a two-column story; beside that story an ad whose
 * slogan line stands level with the story's first lines.
 */
async function modularHeads() {
  const doc = await newDoc();
  const bold = await embed(doc, sans, 'NotoSansCJKsc-Bold');
  const body = await embed(doc, serif, 'NotoSerifCJKsc-Regular');
  const page = doc.addPage([540, 560]);
  const cols = [30, 195, 360];
  page.drawText('第4版', { x: 30, y: 538, size: 9, font: body });
  page.drawText('2026年3月2日', { x: 456, y: 538, size: 9, font: body });
  // The lead headline, centred on the page: its box covers only the middle column.
  const lead = '河畔步道全线贯通';
  page.drawText(lead, { x: 270 - bold.widthOfTextAtSize(lead, 24) / 2, y: 498, size: 24, font: bold });
  page.drawText('——沿河三公里步道今起开放', { x: 30, y: 472, size: 11, font: bold });
  drawFlow(
    page,
    [
      '本报讯经过八个月的施工，东河沿岸的步道昨天全线贯通，从北桥到南门码头一共三公里，沿途新设了六处休息平台和两座公共厕所。',
      '步道铺的是透水砖，雨天不积水。施工方介绍，原来的护栏已经锈蚀，这次全部换成了不锈钢护栏，高度也加到了一米二。',
      '晚饭后来散步的居民很多。住在北桥边的老人说，以前这段河岸堆满杂物，现在可以一直走到码头看船。管理处提醒市民，骑车请走外侧车道。',
      '沿途的六处休息平台各有一个名字，由附近小学的学生投票选出，最受欢迎的是靠近码头的“看船台”。每个平台都装了路灯和长椅，晚上十点以前一直亮着。',
      '管理处说，下一步要在南段种一排垂柳，并在码头旁边开一间小卖部，方便游人买水。',
    ],
    cols,
    452,
    9,
    9,
    body,
    16,
    13,
  );
  // Row two: a column label and a kicker over a headline across two columns.
  page.drawText('社区', { x: 30, y: 318, size: 9, font: bold });
  page.drawText('老厂区有了新用途', { x: 30, y: 302, size: 11.5, font: bold });
  page.drawText('旧厂房改建成社区活动中心', { x: 30, y: 283, size: 14.5, font: bold });
  drawFlow(
    page,
    [
      '本报讯南门街道的旧纺织厂房改建完成，成了一座两层的社区活动中心，楼下是图书室和棋牌室，楼上是排练厅。',
      '街道工作人员说，改建保留了厂房的红砖墙和老窗框，屋顶加了隔热层。中心每天上午八点开门，晚上九点关门，居民凭门禁卡进出。',
      '开放第一天就来了两百多人。退休工人老周在排练厅找到了当年的车间位置，他说墙上那排挂钩原来是挂工作服的，现在挂满了合唱团的演出服。',
    ],
    cols,
    263,
    8,
    9,
    body,
    16,
    13,
  );
  // Beside it an ad: the shop's name, a slogan in small display type, two lines of details.
  const centred = (text, y, size) => page.drawText(text, { x: 435 - bold.widthOfTextAtSize(text, size) / 2, y, size, font: bold });
  centred('南门五金店', 278, 16);
  centred('诚信经营送货上门', 261, 11);
  centred('电话：6123 4567', 244, 9);
  centred('地址：南门路18号', 231, 9);
  return doc.save({ useObjectStreams: false });
}

/**
 * Vertical writing as browsers and some layout programs print it: horizontal fonts, each glyph upright
 * one em under the one before, columns right to left; commas and full stops drawn as the vertical
 * presentation forms (U+FE10, U+FE12) that text layers then map them to. A paragraph starts two
 * characters down; the page number and date above are horizontal.
 */
async function verticalColumns() {
  const doc = await newDoc();
  const bold = await embed(doc, sans, 'NotoSansCJKsc-Bold');
  const body = await embed(doc, serif, 'NotoSerifCJKsc-Regular');
  const height = 300;
  const page = doc.addPage([320, height]);
  page.drawText('第6版', { x: 20, y: 280, size: 9, font: body });
  page.drawText('2026年3月9日', { x: 240, y: 280, size: 9, font: body });
  const vertical = (ch) => ({ '，': '\ufe10', '。': '\ufe12' })[ch] ?? ch;
  /** One column from `top` (distance from the page's top edge) down, at `x`. */
  const drawColumn = (text, x, top, size, font) => {
    [...text].forEach((ch, i) => page.drawText(vertical(ch), { x, y: height - top - 0.88 * size - i * size, size, font }));
  };
  drawColumn('古城墙修缮完工', 280, 40, 18, bold);
  const perColumn = 20;
  let x = 250;
  for (const paragraph of [
    '本报讯历时两年的古城墙修缮工程昨天完工，南段城墙重新向游人开放。修缮保留了原有的青砖，只替换了风化严重的部分。',
    '管理处说，城楼上新设了一间小展室，介绍城墙的历史，每天上午九点开门。',
  ]) {
    const chars = [...paragraph];
    let first = true;
    while (chars.length > 0) {
      const n = first ? perColumn - 2 : perColumn;
      drawColumn(chars.splice(0, n).join(''), x, first ? 40 + 2 * 10 : 40, 10, body);
      x -= 16;
      first = false;
    }
  }
  return doc.save({ useObjectStreams: false });
}

/**
 * Headlines as Hong Kong and Taiwan pages set them: broken over three lines of one size and weight, the
 * first line short (a break by sense, not a kicker); beside it a story whose kicker is set in smaller type
 * above its headline. Two columns.
 */
async function wrappedHeadline() {
  const doc = await newDoc();
  const bold = await embed(doc, sans, 'NotoSansCJKtc-Bold');
  const body = await embed(doc, serif, 'NotoSerifCJKtc-Regular');
  const page = doc.addPage([360, 330]);
  page.drawText('第8版', { x: 20, y: 310, size: 9, font: body });
  page.drawText('2026年4月2日', { x: 282, y: 310, size: 9, font: body });
  const cols = [20, 190];
  ['老街坊的', '社區食堂開張', '每天供應兩百份午餐'].forEach((line, i) => page.drawText(line, { x: 20, y: 280 - 20 * i, size: 16, font: bold }));
  drawFlow(
    page,
    [
      '本報訊西灣街坊會辦的社區食堂昨天開張，設在街市樓上，每天中午供應兩百份午餐，長者憑卡半價。',
      '義工說，菜單每週換一次，都是少油少鹽的家常菜。第一天的兩百份午餐不到一點鐘就賣完了。',
    ],
    [cols[0]],
    218,
    12,
    10,
    body,
    15,
    14,
  );
  page.drawText('冬季防火', { x: 190, y: 284, size: 11, font: bold });
  page.drawText('消防處上門檢查電線', { x: 190, y: 264, size: 16, font: bold });
  drawFlow(
    page,
    [
      '本報訊消防處本月起派員到舊樓逐戶檢查電線和插座，發現老化的即場登記，由區議會資助更換。',
      '消防處提醒市民，外出前要關掉暖爐，不要在插座上接太多電器。',
    ],
    [cols[1]],
    240,
    12,
    10,
    body,
    15,
    14,
  );
  return doc.save({ useObjectStreams: false });
}

/** An image only, as a scanner writes it: the fake-bold page rendered to a small PNG. */
async function imageOnly(fromPdf) {
  const dir = mkdtempSync(join(tmpdir(), 'np-pdf-'));
  try {
    writeFileSync(join(dir, 'p.pdf'), fromPdf);
    execFileSync('pdftoppm', ['-r', '40', '-gray', '-png', '-singlefile', join(dir, 'p.pdf'), join(dir, 'p')]);
    const png = readFileSync(join(dir, 'p.png'));
    const doc = await newDoc();
    const image = await doc.embedPng(png);
    const page = doc.addPage([420, 380]);
    page.drawImage(image, { x: 0, y: 0, width: 420, height: 380 });
    return doc.save({ useObjectStreams: false });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// --- Encryption (PDF 32000-1, 7.6.3: standard security handler, revision 2, 40-bit RC4) ---

const PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');

function rc4(key, data) {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + s[i]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
    out[n] = data[n] ^ s[(s[i] + s[j]) & 255];
  }
  return out;
}

const md5 = (...parts) => createHash('md5').update(Buffer.concat(parts)).digest();
const padded = (password) => Buffer.concat([Buffer.from(password, 'latin1'), PAD]).subarray(0, 32);

/** A one-page PDF whose content stream is encrypted with the user password `secret`. */
function encrypted() {
  const id = md5(Buffer.from('news-parse encrypted fixture'));
  const P = -44; // print and copy denied: any value, a reader needs the password first
  const O = rc4(md5(padded('owner')).subarray(0, 5), padded('secret'));
  const pBytes = Buffer.alloc(4);
  pBytes.writeInt32LE(P);
  const key = md5(padded('secret'), O, pBytes, id).subarray(0, 5);
  const U = rc4(key, PAD);
  const objectKey = (num) => md5(key, Buffer.from([num & 255, (num >> 8) & 255, (num >> 16) & 255, 0, 0])).subarray(0, 10);
  const content = rc4(objectKey(4), Buffer.from('BT /F1 24 Tf 72 700 Td (Encrypted page) Tj ET\n', 'latin1'));
  const hex = (b) => `<${b.toString('hex')}>`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null, // the content stream, written below
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Filter /Standard /V 1 /R 2 /O ${hex(O)} /U ${hex(U)} /P ${P} >>`,
  ];
  const chunks = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets = [];
  let length = chunks[0].length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const head = `${i + 1} 0 obj\n`;
    const part =
      body === null
        ? Buffer.concat([Buffer.from(`${head}<< /Length ${content.length} >>\nstream\n`, 'latin1'), content, Buffer.from('\nendstream\nendobj\n', 'latin1')])
        : Buffer.from(`${head}${body}\nendobj\n`, 'latin1');
    chunks.push(part);
    length += part.length;
  });
  const xref = ['xref', `0 ${objects.length + 1}`, '0000000000 65535 f ', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `)].join('\n');
  chunks.push(Buffer.from(`${xref}\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 6 0 R /ID [${hex(id)} ${hex(id)}] >>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(chunks);
}

/** Two pages, the second without text (a blank page), for the page selection and naming tests. */
async function twoPages() {
  const doc = await newDoc();
  const bold = await embed(doc, sans, 'NotoSansCJKsc-Bold');
  const body = await embed(doc, serif, 'NotoSerifCJKsc-Regular');
  for (const [n, headline, text] of [
    [1, '图书馆延长开放时间', '本报讯 市图书馆自下月起每晚开放到九点。'],
    [2, '菜市场完成改造', '本报讯 南门菜市场改造完成，摊位增加到八十个。'],
  ]) {
    const page = doc.addPage([300, 200]);
    page.drawText(`第${n}版`, { x: 20, y: 180, size: 8, font: body });
    page.drawText(headline, { x: 20, y: 150, size: 16, font: bold });
    page.drawText(text, { x: 20 + 2 * 9, y: 125, size: 9, font: body });
  }
  doc.addPage([300, 200]);
  return doc.save({ useObjectStreams: false });
}

function write(rel, bytes) {
  const path = join(root, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
  console.log(`${rel}: ${bytes.length} bytes`);
}

const fake = await fakeBold();
write('fixtures/pdf-fake-bold-glyphs/input.pdf', fake);
write('fixtures/pdf-kangxi-radicals/input.pdf', await kangxi());
write('fixtures/pdf-modular-headline-stacks/input.pdf', await modularHeads());
write('fixtures/pdf-vertical-columns/input.pdf', await verticalColumns());
write('fixtures/pdf-headline-broken-by-sense/input.pdf', await wrappedHeadline());
write('tests/data/pdf/image-only.pdf', await imageOnly(fake));
write('tests/data/pdf/encrypted.pdf', encrypted());
write('tests/data/pdf/truncated.pdf', Buffer.from(fake).subarray(0, Math.floor(fake.length / 2)));
write('tests/data/pdf/not-a-pdf.pdf', Buffer.from('本报讯 这是一份文本，只是名字叫 .pdf。\n', 'utf8'));
write('tests/data/pdf/three-pages.pdf', await twoPages());
