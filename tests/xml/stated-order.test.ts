/**
 * A stated ALTO ReadingOrder is followed when it agrees with the page, and set
 * aside when it does not (src/core/layout/follow-stated-order.ts). The page is
 * fixtures/alto-stated-order-skips-column: story A runs down column 1 and on at
 * the top of column 3, past story B in column 2.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAlto } from '../../src/io/read-alto.js';
import { documentFromLayout } from '../../src/io/layout-document.js';
import { FIXTURES } from '../helpers/fixtures.js';

const xml = readFileSync(join(FIXTURES, 'alto-stated-order-skips-column', 'input.xml'), 'utf8');
const ORDER = /<ReadingOrder>.*<\/ReadingOrder>/su;

function parse(text: string) {
  const bytes = new TextEncoder().encode(text);
  const doc = documentFromLayout(readAlto(bytes), bytes, 'alto');
  const geometry = doc.warnings.find((w) => w.code === 'LAYOUT_BY_GEOMETRY')!;
  const texts = doc.articles.map((a) => a.paragraphs.map((p) => p.text).join(''));
  return { doc, statedOrder: (geometry.args as { statedOrder?: string }).statedOrder, texts };
}

const refs = (ids: string[]) => `<ReadingOrder><OrderedGroup ID="g">${ids.map((id, i) => `<ElementRef ID="r${i}" REF="${id}"/>`).join('')}</OrderedGroup></ReadingOrder>`;

describe('a stated reading order', () => {
  it('is followed when it agrees with the page: the top of column 3 goes on with story A', () => {
    const { doc, statedOrder, texts } = parse(xml);
    expect(statedOrder).toBe('followed');
    expect(doc.articles.map((a) => a.headline)).toEqual(['城西夜市今晚重新开张', '社区图书角添新书']);
    expect(texts[0]).toContain('摊主晚上收摊时要把摊位打扫干净');
    expect(texts[1]).not.toContain('摊位打扫干净');
  });

  it('without one, geometry gives the top of column 3 to the story open at the foot of column 2', () => {
    const { statedOrder, texts } = parse(xml.replace(ORDER, ''));
    expect(statedOrder).toBeUndefined();
    expect(texts[1]).toContain('摊位打扫干净');
  });

  it('is set aside when it reads text before its headline', () => {
    const { statedOrder, texts } = parse(xml.replace(ORDER, refs(['tb_a_1', 'tb_a_head', 'tb_a_2', 'tb_b_1', 'tb_b_head'])));
    expect(statedOrder).toBe('rejected');
    expect(texts[1]).toContain('摊位打扫干净');
  });

  it('is followed on a page of one block: one block cannot be read out of order (was: reported as set aside)', () => {
    const lines = Array.from({ length: 8 }, (_, i) => {
      const y = 100 + 30 * i;
      return `<TextLine ID="l${i}" HPOS="100" VPOS="${y}" WIDTH="500" HEIGHT="24"><String CONTENT="社区花园第${i}行的文字写在这里还没写完" HPOS="100" VPOS="${y}" WIDTH="500" HEIGHT="24"/></TextLine>`;
    }).join('');
    const one = `<?xml version="1.0" encoding="UTF-8"?><alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Layout><Page ID="p1" WIDTH="1000" HEIGHT="1400"><PrintSpace><TextBlock ID="b1" HPOS="100" VPOS="100" WIDTH="500" HEIGHT="260">${lines}</TextBlock></PrintSpace></Page></Layout>${refs(['b1'])}</alto>`;
    expect(parse(one).statedOrder).toBe('followed');
  });
});
