import { describe, expect, it } from 'vitest';
import { parseByline } from '../../src/core/parse-byline.js';
import { DEFAULT_MARKERS } from '../../src/core/markers.js';
import { parseDateline } from '../../src/core/classify-lines.js';

const p = (s: string) => parseByline(s, DEFAULT_MARKERS);

describe('byline grammar', () => {
  it.each([
    ['□特约记者 姚志康 整理报道', '特约记者', ['姚志康'], '整理报道'],
    ['本报记者 张三 通讯员 李四', '本报记者/通讯员', ['张三', '李四'], null],
    ['（记者 王五）', '记者', ['王五'], null],
    ['□记者 陈立 报道', '记者', ['陈立'], '报道'],
    ['本报记者 吴 凯', '本报记者', ['吴凯'], null],
    ['记者胡谋、章念生报道', '记者', ['胡谋', '章念生'], '报道'],
    ['本报记者 刘洋 摄', '本报记者', ['刘洋'], '摄'],
    ['（杜华举摄）', null, ['杜华举'], '摄'],
    ['〔記者吳政峰／台北報導〕', '記者', ['吳政峰'], '報導'],
    ['〔地方中心／綜合報導〕', null, [], '綜合報導'],
    ['■明報記者 黃志文 攝', '明報記者', ['黃志文'], '攝'],
    ['口特约记者 姚志康 摄影报道', '特约记者', ['姚志康'], '摄影报道'],
    // A photo credit with the photo's source in brackets after it (the source names no person).
    ['张华摄（本报）', null, ['张华'], '摄'],
    ['張華攝（本報）', null, ['張華'], '攝'],
    ['記者張華攝（本報）', '記者', ['張華'], '攝'],
    ['李明 摄(新华社)', null, ['李明'], '摄'],
  ])('%s', (line, role, names, credit) => {
    expect(p(line)).toEqual({ text: line, role, names, credit });
  });
  it.each(['友名記者某公、軺乘過此、', '记者在首班车上看到，不少市民专程前来', '记者18日从市教委获悉', '本报讯 8 月 2 日', '街道党工委书记余双', '记者', '本报记者 张华（本报）', '张华报道（本报）', '张华摄（本报讯：市民纷纷前来观看）'])('is not a byline: %s', (line) => {
    expect(p(line)).toBeNull();
  });
});

describe('datelines', () => {
  it.each([
    ['本报讯 8 月 2 日，天山路街道', '本报讯', '8 月 2 日，天山路街道'],
    ['新华社北京11月3日电  记者 3 日从国家', '新华社北京11月3日电', '记者 3 日从国家'],
    ['【明報專訊】教育局昨日公布', '【明報專訊】', '教育局昨日公布'],
    ['（中央社記者戴雅真台北29日電）台北市政府', '（中央社記者戴雅真台北29日電）', '台北市政府'],
    ['（重慶廿一日路透電）日機昨', '（重慶廿一日路透電）', '日機昨'],
  ])('%s', (line, marker, rest) => {
    expect(parseDateline(line, DEFAULT_MARKERS)).toMatchObject({ marker, rest });
  });
  it('takes a bracketed reporter after the marker as the byline', () => {
    expect(parseDateline('本报讯（记者 王五）今天上午', DEFAULT_MARKERS)).toMatchObject({ marker: '本报讯', reporter: { names: ['王五'] }, rest: '今天上午' });
  });
  it.each(['据悉，演出中大部分节目', '本报记者 张三', '（街道党政办）'])('is not a dateline: %s', (line) => {
    expect(parseDateline(line, DEFAULT_MARKERS)).toBeNull();
  });
});
