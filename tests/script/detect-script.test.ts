import { describe, expect, it } from 'vitest';
import { classifyCounts, detectScript, HANS_ONLY, HANT_ONLY } from '../../src/core/detect-script.js';
import { parse } from '../../src/index.js';

describe('detectScript', () => {
  it('classifies small strings', () => {
    expect(detectScript('我们这个会议发言')).toBe('hans');
    expect(detectScript('我們這個會議發言')).toBe('hant');
    expect(detectScript('ABC 123')).toBe('unknown');
    expect(detectScript('天山路')).toBe('unknown'); // no script-only character
    expect(detectScript('')).toBe('unknown');
    expect(detectScript('我们这个会议 我們這個會議')).toBe('mixed');
  });
  it('ignores one stray character of the other script', () => {
    expect(detectScript('据统计，今年第一季度入境旅客约830万人次，门票发售时间经过调整。門')).toBe('hans');
  });
  it('thresholds: minority needs ≥2 hits and ≥10% of hits', () => {
    expect(classifyCounts({ hans: 20, hant: 1 })).toBe('hans');
    expect(classifyCounts({ hans: 30, hant: 2 })).toBe('hans'); // 6%
    expect(classifyCounts({ hans: 18, hant: 2 })).toBe('mixed'); // 10%
    expect(classifyCounts({ hans: 1, hant: 1 })).toBe('mixed');
    expect(classifyCounts({ hans: 0, hant: 0 })).toBe('unknown');
  });
  it('lists are disjoint, about 150 each', () => {
    const s = new Set(HANS_ONLY);
    expect([...HANT_ONLY].filter((c) => s.has(c))).toEqual([]);
    expect(s.size).toBeGreaterThan(140);
    expect(new Set(HANT_ONLY).size).toBeGreaterThan(140);
  });
  it('sets document.script and article.script (right after lines)', () => {
    const doc = parse('社區要聞\n\n市府宣布新措施\n本報訊（記者 王大明）市政府今天宣布，將於下月開始實施新的交通管理措施。\n（市府新聞處）\n');
    expect(doc.script).toBe('hant');
    expect(doc.articles[0]!.script).toBe('hant');
    expect(Object.keys(doc.articles[0]!).slice(0, 4)).toEqual(['id', 'kind', 'lines', 'script']);
  });
});

describe('traditional markers are recognised natively', () => {
  const page = [
    '街道舉辦新任履職培訓班',
    '本報訊（記者 張三 通訊員 李四）8月2日，街道舉辦培訓班，來自各居民區的學員參加。',
    '培訓班圍繞基層治理展開，學員們表示收穫很大。',
    '（下轉第三版）',
    '',
    '暑托班結營',
    '□特約記者 姚志康 攝',
    '同學們和輔導老師合影留念。圖為結營儀式現場。',
    '',
    '社區服務再升級',
    '本報北京2月14日電 社區服務中心今天正式啟用，為居民提供更多便利。',
    '（街道黨政辦）',
  ].join('\n');
  const doc = parse(page);
  it('dateline, byline roles, jump, photo credit, caption, sign-off', () => {
    const [a, b, c] = doc.articles;
    expect(a!.dateline).toBe('本報訊');
    expect(a!.byline?.role).toContain('記者');
    expect(a!.byline?.role).toContain('通訊員');
    expect(a!.byline?.names).toEqual(['張三', '李四']);
    expect(a!.continuation).toBe('下轉第三版');
    expect(b!.byline?.credit).toBe('攝');
    expect(b!.paragraphs.some((p) => p.type === 'caption' && p.text.startsWith('圖為'))).toBe(true);
    expect(c!.dateline).toBe('本報北京2月14日電');
    expect(c!.signoff).toBe('街道黨政辦');
  });
});
