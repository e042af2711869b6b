// Writes fixtures/issue-three-pages-pdf/issue.pdf: the three pages of fixtures/issue-three-pages-jumps
// (text written for this project) as one three-page PDF, in file order (pages 03, 01, 02), so that
// `--issue` on a multi-page file has to order the pages itself. One line of text per PDF line, 12 pt, headlines 18 pt.
// Needs the pdf-lib and @pdf-lib/fontkit devDependencies and fonts-noto-cjk. Tests read the committed
// PDF; run: node scripts/make-issue-pdf.mjs
import { PDFDocument } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'fixtures', 'issue-three-pages-jumps');
const out = join(root, 'fixtures', 'issue-three-pages-pdf', 'issue.pdf');
const collection = readFileSync('/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc');

const doc = await PDFDocument.create();
const when = new Date('2026-12-01T00:00:00Z');
doc.setCreationDate(when);
doc.setModificationDate(when);
doc.setProducer('news-parse scripts/make-issue-pdf.mjs');
doc.setCreator('news-parse');
doc.registerFontkit({ create: (bytes) => fontkit.create(bytes, 'NotoSerifCJKsc-Regular') });
const font = await doc.embedFont(collection, { subset: true });

const SIZE = 12;
const LEADING = 20;
// Headlines are set larger, as on a printed page: the PDF reader reads them by type size.
const HEADLINES = new Set(['本市绿色转型迈出新步伐', '老城区改造启动', '春季运动会开幕', '老城区改造', '社区食堂受欢迎', '图书馆延长开放时间']);
const HEADLINE_SIZE = 18;
for (const file of ['a-back.txt', 'b-front.txt', 'c-inside.txt']) {
  const page = doc.addPage([420, 595]);
  let y = 595 - 50;
  for (const line of readFileSync(join(source, file), 'utf8').split('\n')) {
    const size = HEADLINES.has(line) ? HEADLINE_SIZE : SIZE;
    if (size !== SIZE) y -= size - SIZE;
    if (line.trim() !== '') page.drawText(line, { x: 40, y, size, font });
    y -= LEADING;
  }
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, await doc.save({ useObjectStreams: false }));
console.log(`wrote ${out}`);
