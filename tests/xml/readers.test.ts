import { describe, expect, it } from 'vitest';
import { readAlto } from '../../src/io/read-alto.js';
import { readHocr } from '../../src/io/read-hocr.js';
import { joinWords, layoutToLines } from '../../src/io/layout-lines.js';
import { sniffFormat } from '../../src/convert/readers.js';
import { alto, block, cjkLine, hocr, type B } from './helpers.js';

const enc = (s: string) => new TextEncoder().encode(s);

/** Two columns: column 1 holds a large headline and two paragraphs, column 2 one paragraph; blocks listed out of order. */
function twoColumns(): B[] {
  const head = block('tb_head', [cjkLine('l_head', '河畔公园新步道开放', 100, 100, 60)]);
  const p1 = block('tb_p1', [cjkLine('l1', '本报讯三月十二日城东', 180, 220), cjkLine('l2', '河畔公园新建的步道正', 100, 270), cjkLine('l3', '式开放。', 100, 320)]);
  const p2 = block('tb_p2', [cjkLine('l4', '公园负责人介绍步道铺', 180, 370), cjkLine('l5', '设了透水材料。', 100, 420)]);
  const c2 = block('tb_c2', [cjkLine('l6', '社区图书室延长开放时', 700, 100), cjkLine('l7', '间。', 700, 150)]);
  return [c2, p2, head, p1];
}

describe('ALTO reader', () => {
  it('orders blocks by geometry, joins CJK words without spaces and fills hints', () => {
    const read = readAlto(enc(alto(twoColumns())));
    expect(read.lines.map((l) => l.text)).toEqual([
      '河畔公园新步道开放',
      '本报讯三月十二日城东',
      '河畔公园新建的步道正',
      '式开放。',
      '公园负责人介绍步道铺',
      '设了透水材料。',
      '社区图书室延长开放时',
      '间。',
    ]);
    expect(read.lines.map((l) => l.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(read.lineIds).toEqual(['l_head', 'l1', 'l2', 'l3', 'l4', 'l5', 'l6', 'l7']);
    const [head, first, second] = read.lines;
    expect(head!.hint).toMatchObject({ id: 'l_head', block: 'tb_head', large: true, blockStart: true });
    expect(first!.hint).toMatchObject({ block: 'tb_p1', blockStart: true, bbox: [180, 220, 180 + 10 * 40, 264] });
    expect(first!.hint!.large).toBeUndefined();
    expect(second!.hint!.blockStart).toBeUndefined();
    // 38 px per character box; block tb_p1 is 480 px wide → 13 display units
    expect(first!.hint!.columnWidth).toBe(13);
  });

  it('reads ALTO v2, v4 and no namespace alike', () => {
    for (const ns of ['http://www.loc.gov/standards/alto/ns-v2#', 'http://www.loc.gov/standards/alto/ns-v4#', '']) {
      const xml = alto(twoColumns(), ns).replace(' xmlns=""', '');
      expect(readAlto(enc(xml)).lines).toHaveLength(8);
    }
  });

  it('puts a space between Latin/digit words only when SP or a wide gap separates them', () => {
    const line = { id: 'l', x: 0, y: 0, w: 900, h: 40, words: [
      { t: 'SOHO', x: 0, w: 100 }, { t: '天山', x: 102, w: 80, sp: true }, { t: 'St.', x: 200, w: 60, sp: true }, { t: 'Peter', x: 265, w: 100, sp: true },
      { t: '2021', x: 370, w: 80 }, { t: '年', x: 452, w: 40, sp: true }, { t: 'TED', x: 500, w: 60 }, { t: 'talk', x: 580, w: 60 },
    ] };
    const read = readAlto(enc(alto([block('b', [line])])));
    // SOHO|天山: CJK neighbour → no space; St.|Peter: SP → space; Peter|2021: gap 5 < 10, no SP → none;
    // 2021|年: CJK → none; 年|TED: CJK → none; TED|talk: gap 20 > 0.25 × 40 → space
    expect(read.lines[0]!.text).toBe('SOHO天山St. Peter2021年TED talk');
    expect(joinWords([{ text: 'a', bbox: [0, 0, 10, 40] }, { text: 'b', bbox: [11, 0, 20, 40] }], 40)).toBe('ab');
  });

  it('follows TextBlock@IDNEXT when present', () => {
    const [c2, p2, head, p1] = twoColumns();
    const stated = [{ ...p1!, next: 'tb_c2' }, { ...c2!, next: 'tb_head' }, head!, p2!];
    const read = readAlto(enc(alto(stated)));
    // chain p1 → c2 → head, then the unchained p2
    expect(read.lines.map((l) => l.hint!.block)).toEqual(['tb_p1', 'tb_p1', 'tb_p1', 'tb_c2', 'tb_c2', 'tb_head', 'tb_p2', 'tb_p2']);
  });

  it('follows an ALTO 4 ReadingOrder', () => {
    const ro = '<ReadingOrder><OrderedGroup ID="g"><ElementRef ID="r1" REF="tb_c2"/><ElementRef ID="r2" REF="tb_head"/></OrderedGroup></ReadingOrder>';
    const read = readAlto(enc(alto(twoColumns(), 'http://www.loc.gov/standards/alto/ns-v4#', ro)));
    expect(read.lines.slice(0, 3).map((l) => l.hint!.block)).toEqual(['tb_c2', 'tb_c2', 'tb_head']);
    expect(read.lines).toHaveLength(8);
  });

  it('keeps file order when coordinates are missing', () => {
    const xml = `<alto><Layout><Page ID="p"><PrintSpace><TextBlock ID="b2"><TextLine ID="x"><String CONTENT="第二"/></TextLine></TextBlock><TextBlock ID="b1"><TextLine><String CONTENT="第一"/><SP/><String CONTENT="段"/></TextLine></TextBlock></PrintSpace></Page></Layout></alto>`;
    const read = readAlto(enc(xml));
    expect(read.lines.map((l) => l.text)).toEqual(['第二', '第一段']);
    expect(read.lines[0]!.hint!.bbox).toBeUndefined();
    expect(read.lineIds).toEqual(['x', null]);
  });

  it('drops an overprinted word copy and reports it as a repair', () => {
    const line = cjkLine('l1', '全力抓好', 100, 100);
    line.words.splice(1, 0, { t: '全', x: 101, w: 38, sp: true }); // fake bold: 全 printed twice, 1 px apart
    const read = readAlto(enc(alto([block('b', [line])])));
    expect(read.lines[0]!.text).toBe('全力抓好');
    expect(read.repairs).toEqual([{ kind: 'overprint', lines: [1, 1], before: '全全力抓好', after: '全力抓好' }]);
  });

  it('drops a whole line printed twice on top of itself', () => {
    const a = cjkLine('l1', '标题文字', 100, 100);
    const b = cjkLine('l1b', '标题文字', 102, 101);
    const read = readAlto(enc(alto([block('b1', [a]), block('b2', [b])])));
    expect(read.lines.map((l) => l.text)).toEqual(['标题文字']);
    expect(read.repairs[0]).toMatchObject({ kind: 'overprint', before: '标题文字标题文字', after: '标题文字' });
  });

  it('splits a Tesseract line that runs across a gutter into its columns', () => {
    const left = cjkLine('l1', '左栏标题', 100, 100);
    const right = cjkLine('l1', '右栏标题', 700, 100);
    const merged = { ...left, w: 760, words: [...left.words, ...right.words] };
    const body = block('b2', [cjkLine('l2', '左栏正文', 100, 160)]);
    const body2 = block('b3', [cjkLine('l3', '右栏正文', 700, 160)]);
    const read = readAlto(enc(alto([block('b1', [merged]), body, body2])));
    expect(read.lines.map((l) => l.text)).toEqual(['左栏标题', '左栏正文', '右栏标题', '右栏正文']);
    expect(read.lines[2]!.hint!.block).toBe('b1');
  });

  it('keeps ALTO CONTENT like "006" and "true" as text', () => {
    const line = { id: 'l', x: 0, y: 0, w: 300, h: 40, words: [{ t: '006', x: 0, w: 60 }, { t: 'true', x: 100, w: 60, sp: true }, { t: 'A&B', x: 200, w: 60, sp: true }] };
    expect(readAlto(enc(alto([block('b', [line])]))).lines[0]!.text).toBe('006 true A&B');
  });
});

describe('hOCR reader', () => {
  it('reads the same page as the ALTO reader does', () => {
    const fromAlto = readAlto(enc(alto(twoColumns())));
    const fromHocr = readHocr(enc(hocr(twoColumns())));
    expect(fromHocr.lines.map((l) => l.text)).toEqual(fromAlto.lines.map((l) => l.text));
    expect(fromHocr.lines.map((l) => l.hint!.large ?? false)).toEqual(fromAlto.lines.map((l) => l.hint!.large ?? false));
    expect(fromHocr.lineIds[0]).toBe('l_head');
    expect(fromHocr.lines[1]!.hint).toMatchObject({ block: 'tb_p1', blockStart: true, bbox: [180, 220, 580, 264] });
  });

  it('keeps word text like "2021" and "007" verbatim and reads nested <strong>', () => {
    const xml = hocr([block('p', [{ id: 'l', x: 0, y: 0, w: 300, h: 40, words: [{ t: '007', x: 0, w: 60 }, { t: '号', x: 62, w: 38 }] }])]).replace('>号<', '><strong>号</strong><');
    expect(readHocr(enc(xml)).lines[0]!.text).toBe('007号');
  });
});

describe('format sniffing and layout helpers', () => {
  it('sniffs ALTO, hOCR and text', () => {
    expect(sniffFormat(enc(alto([])))).toBe('alto');
    expect(sniffFormat(enc(hocr([])))).toBe('hocr');
    expect(sniffFormat(enc('本报讯 今天'))).toBe('text');
  });

  it('layoutToLines numbers lines from 1 across pages', () => {
    const page = { blocks: [{ id: 'b', lines: [{ id: 'x', words: [{ text: '甲' }] }] }] };
    const r = layoutToLines([page, page]);
    expect(r.lines.map((l) => l.n)).toEqual([1, 2]);
  });
});
