/**
 * Nothing lost: every non-whitespace input character is in an article field,
 * page furniture, unassigned, or the `before` side of a repair — on every
 * fixture and on generated pages (a seeded random mix of the page parts the
 * rules look for, with noise).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBytes, parse } from '../src/index.js';
import { accountCharacters } from '../src/core/accounting.js';
import { fixtureCases } from './helpers/fixtures.js';

/** Small deterministic PRNG (mulberry32), so a failure names a seed that reproduces it. */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PARTS = [
  '02', '第3版', 'HEADLINE', '社区要闻', '2024年3月5日 星期二', '责任编辑：王明',
  '全力抓好经济工作', '增强人民群众“感受度”', '———街道召开 2021年上半年工作总结推进会', '——副题在此',
  '□特约记者 姚志康 整理报道', '本报记者 张三 通讯员 李四', '〔記者吳政峰／台北報導〕司法院26日召開院會，',
  '本报讯 8 月 2 日，天山路街道党工委', '新华社北京11月3日电  记者 3 日从国家', '【明報專訊】教育局昨日', '本报讯（记者 王五',
  '）3月27日，第六届', '7月 28 日下午，天山路街道“礼赞', '百年华诞、绽放天山风采”文化四季之', '举行。本场演出通过“星火燎原·火红年',
  '一要全力抓好经济工作， 提升区域经济', '“贡献率”', '开设“丹青翰墨”特色课程。图为一期（小', '班）结营仪式后，同学们合影。',
  '（街道党政办）', '（下转第4版）', '（完）', '（赵磊）', '本报记者 刘洋 摄',
  '天山爱心暑托班（（一期））小班““合家欢””天山爱心暑托班（一期）小班“合家欢”', '字字节节跳跳动动', '１２月３１日',
  'Ｔｅｓｔ\u200b零宽', '　　全角缩进的段落。', 'SOHO天山 e家 TED演讲', '要求:一是(街道党政办)', '至23:30,首批1,200个;真的吗?!', 'Open late, every weekend.', '人人都是软实力，人人展示软实力', '——', '……',
];

function generatedPage(seed: number): string {
  const r = rng(seed);
  const lines: string[] = [];
  const n = 5 + Math.floor(r() * 60);
  for (let i = 0; i < n; i++) {
    const roll = r();
    if (roll < 0.15) lines.push('');
    else if (roll < 0.2) lines.push(' '.repeat(Math.floor(r() * 3)) + PARTS[Math.floor(r() * PARTS.length)]!.split('').reverse().join(''));
    else lines.push((r() < 0.1 ? ' ' : '') + PARTS[Math.floor(r() * PARTS.length)]!);
  }
  return lines.join(r() < 0.2 ? '\r\n' : '\n');
}

describe('nothing lost', () => {
  for (const c of fixtureCases().filter((f) => f.input.endsWith('.txt'))) {
    it(`fixture ${c.name}`, () => {
      const bytes = readFileSync(c.input);
      const decoded = decodeBytes(bytes);
      expect(decoded.ok).toBe(true);
      if (!decoded.ok) return;
      const doc = parse(decoded.text);
      const account = accountCharacters(decoded.text, doc);
      expect(account, `missing "${account.missingSample}", extra "${account.extraSample}"`).toMatchObject({ missing: 0, extra: 0 });
    });
  }

  it('300 generated pages', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const text = generatedPage(seed);
      const doc = parse(text);
      const account = accountCharacters(text, doc);
      expect(account, `seed ${seed}: missing "${account.missingSample}", extra "${account.extraSample}"`).toMatchObject({ missing: 0, extra: 0 });
    }
  });

  it('the check can fail: a dropped paragraph is counted as missing', () => {
    const text = readFileSync(fixtureCases().find((c) => c.name === 'seed-community-p02')!.input, 'utf8');
    const doc = parse(text);
    doc.articles[0]!.paragraphs.pop();
    expect(accountCharacters(text, doc).missing).toBeGreaterThan(0);
  });
});
