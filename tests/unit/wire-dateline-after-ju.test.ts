import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';

const fixture = readFileSync(new URL('../../fixtures/wire-dateline-after-ju/input.txt', import.meta.url), 'utf8');

describe('markers: 据 before a wire dateline', () => {
  it('reads 据新华社…日电 as the dateline that opens a story', () => {
    const doc = parse(fixture);
    expect(doc.articles.map((a) => a.dateline)).toEqual(['本报晨江3月5日电', '据新华社北京3月5日电', '据新华社晨江3月5日电']);
    expect(doc.articles[2]!.headline).toBe('南岭林场完成春季植树三千亩');
  });
  it('leaves 据新华社报道 (no date, no 电) in the running text', () => {
    const page = fixture.replace('林场计划五年内把荒坡全部种上树。', '据新华社报道，林场计划五年内把荒坡全部种上树。');
    const doc = parse(page);
    expect(doc.articles).toHaveLength(3);
    expect(doc.articles[2]!.paragraphs.map((p) => p.text)).toEqual(['南岭林场今天完成春季植树三千亩，栽下樟树、枫香等苗木二十多万株。', '据新华社报道，林场计划五年内把荒坡全部种上树。']);
  });
});

describe('classify-lines: a bulleted point over a dateline', () => {
  // Summary points (■…) between a headline and its report: the last one filled both its lines, so no
  // short line ended it; the dateline under it does.
  const page = [
    '06',
    '',
    '城西片区开通三条社区巴士',
    '■社区巴士每天早晚高峰各加开一班',
    '方便居民换乘地铁',
    '■老年人和学生凭卡乘坐享受半价优',
    '惠',
    '■线路途经城西片区的十二个小区和两',
    '所中学单程运行时间约四十分钟左右',
    '本报晨江3月5日电 （记者林夏）城西',
    '片区今天开通三条社区巴士线路。',
    '三条线路由市公交集团运营。',
    '',
  ].join('\n');
  it('keeps the last point a point, not a headline over the dateline', () => {
    const doc = parse(page);
    expect(doc.articles.map((a) => a.headline).filter((h) => h?.startsWith('■'))).toEqual([]);
    const texts = doc.articles.flatMap((a) => a.paragraphs.map((p) => p.text));
    expect(texts.some((t) => t.includes('■线路途经城西片区的十二个小区和两所中学单程运行时间约四十分钟左右'))).toBe(true);
  });
  it('a point that runs on into text that is no dateline is not ended there', () => {
    const run = page.replace('本报晨江3月5日电 （记者林夏）城西\n', '城西\n');
    expect(parse(run).articles.map((a) => a.headline).filter((h) => h?.startsWith('■'))).toEqual([]);
  });
});
