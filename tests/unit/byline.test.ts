import { describe, expect, it } from 'vitest';
import { parseByline } from '../../src/core/parse-byline.js';
import { DEFAULT_MARKERS } from '../../src/core/markers.js';

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
  ])('%s', (line, role, names, credit) => {
    expect(p(line)).toEqual({ text: line, role, names, credit });
  });
  it.each(['记者在首班车上看到，不少市民专程前来', '记者18日从市教委获悉', '本报讯 8 月 2 日', '街道党工委书记余双', '记者'])('is not a byline: %s', (line) => {
    expect(p(line)).toBeNull();
  });
});
