/**
 * The words of generated pages: every string here was written for this
 * project (common words, templated sentences, invented places and people).
 * Nothing is taken from any real newspaper or from ../shared/data.
 *
 * A story is built from one "topic" (a place, an organisation, an event and an
 * outcome) so that its headline's words occur in its body, as in real news:
 * the headline names the place, the event and the outcome, and the first
 * sentence says them again.
 */

/** mulberry32: a small, fast, seedable PRNG (the same seed gives the same pages on every machine). */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const chance = (p) => next() < p;
  const shuffle = (list) => {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  return { next, int, pick, chance, shuffle };
}

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔汤'];
const GIVEN = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂华建国志红宇新玉兰海波晓东文斌立群春梅凤荣健辉亮宁欣怡浩然子涵雨轩思远佳琪俊凯嘉慧博雅婷晨阳'];

/** Invented place stems: combined with 街道/社区/区/镇/村 they name no real place on purpose. */
const PLACE_STEMS = ['青山', '河东', '新华', '长宁', '滨江', '东湖', '南山', '西城', '北岭', '柳溪', '桃源', '梅林', '枫桥', '松岗', '云台', '石门', '金沙', '银杏', '花溪', '清河', '白鹭', '龙泉', '翠湖', '丰乐', '永安', '兴隆', '安澜', '明珠', '春晖', '望江'];
const CITIES_HANS = ['北京', '上海', '广州', '杭州', '南京', '成都', '武汉', '西安', '长沙', '郑州', '济南', '合肥', '福州', '昆明', '南宁', '太原', '沈阳', '厦门', '宁波', '苏州'];
const CITIES_HANT = ['台北', '新北', '桃园', '台中', '台南', '高雄', '基隆', '新竹', '嘉义', '屏东', '宜兰', '花莲'];
const PLACE_KINDS = ['街道', '社区', '区', '镇', '村'];

const ORG_PATTERNS = ['{stem}街道', '{stem}社区居委会', '{stem}区民政局', '市卫生健康委', '{stem}镇政府', '市教育局', '市交通运输局', '{stem}区文化馆', '市生态环境局', '{stem}区人社局', '市体育局', '{stem}街道党工委', '区应急管理局', '市农业农村局'];

/** Event nouns a headline can carry; each has a unit for the numbers the body gives. */
const EVENTS = [
  ['老旧小区改造', '个小区'],
  ['垃圾分类', '个投放点'],
  ['志愿服务', '场活动'],
  ['健康义诊', '名患者'],
  ['文艺演出', '个节目'],
  ['图书漂流', '册图书'],
  ['暑期托管', '名学生'],
  ['养老服务', '名老人'],
  ['公交线路调整', '条线路'],
  ['道路维修', '公里道路'],
  ['农产品展销', '个摊位'],
  ['科技节', '个展项'],
  ['全民健身', '个项目'],
  ['招聘会', '个岗位'],
  ['防汛演练', '支队伍'],
  ['消防安全检查', '家商户'],
  ['社区食堂', '份餐食'],
  ['口袋公园建设', '座公园'],
  ['夜间市集', '个摊位'],
  ['家门口就业', '个岗位'],
  ['文明城市创建', '个点位'],
  ['河道整治', '公里河道'],
  ['便民服务', '项服务'],
  ['书法培训', '名学员'],
];
const OUTCOMES = ['全面铺开', '正式启动', '顺利完成', '取得实效', '惠及居民', '迎来新变化', '再添新举措', '成效明显', '稳步推进', '受到欢迎', '持续升温', '按下快进键'];
const KICKERS = ['聚焦民生实事', '为民办实事', '喜迎新春佳节', '推进基层治理', '建设美丽家园', '关注一线', '服务群众零距离', '守护城市安全', '共建共享', '乡村振兴进行时'];
const LABELS = ['社区快讯', '民生', '要闻', '城事', '一线故事', '文化', '服务', '关注', '综合'];
const MEETINGS = ['工作推进会', '工作总结会', '专题部署会', '座谈会', '现场观摩会'];
const SUBHEADINGS = ['聚焦群众需求', '完善服务网络', '创新工作方法', '强化安全保障', '推动共建共享', '补齐短板弱项', '凝聚各方力量', '办好身边小事'];
const FACILITIES = ['文化活动中心', '党群服务站', '市民广场', '社区图书室', '体育馆', '服务大厅', '邻里中心', '会议室'];
const PEOPLE = ['居民', '学生', '老人', '家长', '志愿者', '商户', '市民', '党员', '青年'];
const TIMES = ['上午', '下午', '晚上'];
const JOBS = ['社区工作者', '网格员', '退休教师', '快递员', '医生', '志愿者', '物业经理', '公交司机'];
const GOALS = ['提升居民生活品质', '解决群众急难愁盼问题', '方便群众办事', '改善人居环境', '丰富群众文化生活', '守护群众健康', '保障出行安全', '促进就业增收'];
const ASPECTS = ['群众参与', '细节体验', '安全保障', '线上服务', '长效管理', '文化内涵'];
const QUOTES = ['现在办事方便多了', '我们会把这项工作坚持做下去', '希望以后这样的活动多一些', '孩子们在这里学到了很多', '这是看得见的变化', '家门口就能解决问题，心里踏实', '大家的事情大家商量着办', '每一件小事都关系到群众的日子'];
const VERBS = ['完善服务设施', '优化工作流程', '加强日常巡查', '扩大服务范围', '听取群众意见', '推进项目落地'];
const TEAMS = ['志愿服务队', '专业维修队', '应急小分队', '宣讲团', '服务专班'];
const AD_SHOPS = ['福满楼家具城', '安居装饰', '惠民眼镜店', '金穗粮油', '康宁大药房', '新天地家电', '巧手家政', '悦读书店'];
const AD_SLOGANS = ['开业大酬宾', '全场八折起', '品质生活 从这里开始', '买一送一 限时三天', '诚信经营 服务到家'];

const DIGITS = '0123456789';

export function makeWriter(r, script) {
  const name = () => r.pick(SURNAMES) + r.pick(GIVEN) + (r.chance(0.6) ? r.pick(GIVEN) : '');
  const stem = () => r.pick(PLACE_STEMS);
  const city = () => r.pick(script === 'hant' ? CITIES_HANT : CITIES_HANS);
  const num = (lo, hi) => String(r.int(lo, hi));
  const date = () => ({ m: r.int(1, 12), d: r.int(1, 28) });

  /** One story's topic: the words its headline and body share. */
  function topic() {
    const s = stem();
    const place = s + r.pick(PLACE_KINDS);
    const org = r.pick(ORG_PATTERNS).replace('{stem}', s);
    const [event, unit] = r.pick(EVENTS);
    return { stem: s, place, org, event, unit, outcome: r.pick(OUTCOMES), when: date(), city: city() };
  }

  function fill(t, template) {
    return template.replace(/\{(\w+)\}/g, (_, k) => {
      switch (k) {
        case 'date':
          return `${t.when.m}月${t.when.d}日`;
        case 'time':
          return r.pick(TIMES);
        case 'org':
          return t.org;
        case 'place':
          return t.place;
        case 'event':
          return t.event;
        case 'unit':
          return t.unit;
        case 'outcome':
          return t.outcome;
        case 'facility':
          return r.pick(FACILITIES);
        case 'people':
          return r.pick(PEOPLE);
        case 'n':
          return num(3, 300);
        case 'big':
          return num(1000, 9000);
        case 'pct':
          return num(85, 99);
        case 'month':
          return num(2, 12);
        case 'years':
          return num(3, 20);
        case 'name':
          return name();
        case 'job':
          return r.pick(JOBS);
        case 'goal':
          return r.pick(GOALS);
        case 'aspect':
          return r.pick(ASPECTS);
        case 'quote':
          return r.pick(QUOTES);
        case 'verb':
          return r.pick(VERBS);
        case 'team':
          return r.pick(TEAMS);
        default:
          throw new Error(`no slot ${k}`);
      }
    });
  }

  const OPENING = [
    '{date}{time}，{org}在{place}{facility}举行{event}活动，{event}工作{outcome}，{n}名{people}参加。',
    '{date}，记者从{org}获悉，{place}{event}{outcome}，目前已覆盖{n}{unit}。',
    '{place}{event}{outcome}。{date}，{org}在{facility}召开会议，对下一阶段工作作出安排。',
  ];
  const MIDDLE = [
    '据了解，此次{event}共涉及{n}{unit}，预计{month}月底前全部完成。',
    '{org}有关负责人介绍，今年以来，{place}围绕{goal}，推出了{n}项具体措施。',
    '活动现场，工作人员向{people}发放宣传资料{big}份，并耐心解答了大家关心的问题。',
    '截至目前，{place}已累计完成{event}{n}{unit}，群众满意度达到{pct}%。',
    '{name}是{place}的一名{job}，{years}年来一直参与{event}工作。',
    '为了{goal}，{org}还专门组建了一支由{n}人组成的{team}。',
    '与往年相比，今年的{event}更加注重{aspect}，吸引了不少年轻人的目光。',
    '在{facility}，记者看到，前来咨询的{people}排起了长队，工作人员逐一登记。',
    '{org}在前期走访中收集意见建议{n}条，逐条研究后形成了工作清单。',
    '为确保工作有序开展，{place}实行每周通报制度，对进度慢的点位及时督促。',
    '针对{people}反映集中的问题，{org}采取“一事一策”的办法，推动问题逐步解决。',
    '“{quote}。”家住附近的{people}{name}说。',
    '“{quote}，”{org}工作人员{name}告诉记者，“我们会继续{verb}。”',
    '据统计，活动期间共接待{people}{big}人次，发放服务卡{n}张。',
    '{place}还将{event}与{goal}结合起来，让{people}在家门口就能享受到服务。',
    '接下来，{org}将对{n}{unit}开展回头看，确保各项工作落到实处。',
  ];
  const CLOSING = [
    '下一步，{org}将继续{verb}，让更多{people}享受到实实在在的便利。',
    '{org}表示，将以此次{event}为契机，进一步{verb}，推动工作常态长效。',
    '据悉，{place}计划在{month}月前再推出一批{event}项目，持续{goal}。',
  ];

  function sentence(t, list) {
    return fill(t, r.pick(list));
  }

  /** Paragraphs of about `chars` characters; long stories get subheadings. */
  function body(t, chars, { subheadings = false } = {}) {
    const paragraphs = [];
    let total = 0;
    paragraphs.push({ type: 'paragraph', text: sentence(t, OPENING) + sentence(t, MIDDLE) });
    total += paragraphs[0].text.length;
    const subs = r.shuffle(SUBHEADINGS);
    let sinceSub = 0;
    while (total < chars) {
      if (subheadings && sinceSub >= 2 && subs.length > 0 && chars - total > 160) {
        paragraphs.push({ type: 'subheading', text: subs.pop() });
        sinceSub = 0;
      }
      const n = r.int(1, 3);
      let text = '';
      for (let i = 0; i < n; i++) text += sentence(t, MIDDLE);
      paragraphs.push({ type: 'paragraph', text });
      total += text.length;
      sinceSub++;
    }
    paragraphs.push({ type: 'paragraph', text: sentence(t, CLOSING) });
    return paragraphs;
  }

  /** Headline parts (one or two printed lines) made of the topic's own words. */
  function headline(t) {
    if (r.chance(0.45)) return [`${t.place}${t.event}${t.outcome}`];
    const second = r.pick([`${r.pick(GOALS).slice(0, 8)}`, `${num(3, 60)}${t.unit}${r.pick(['焕新颜', '见成效', '受好评', '齐发力'])}`, `${t.people ?? r.pick(PEOPLE)}${r.pick(['点赞', '受益', '参与热情高'])}`]);
    return [`${t.place}${t.event}${t.outcome}`, second];
  }

  return {
    name,
    stem,
    city,
    topic,
    body,
    headline,
    kicker: () => r.pick(KICKERS),
    label: () => r.pick(LABELS),
    subheadline: (t) => `${t.org}召开${r.pick(MEETINGS)}`,
    signoffOrg: (t) => t.org,
    adBlock: () => ({ shop: r.pick(AD_SHOPS), slogan: r.pick(AD_SLOGANS), phone: Array.from({ length: 8 }, () => r.pick([...DIGITS])).join(''), address: `${stem()}路${num(1, 300)}号` }),
    caption: (t) => `图为${t.place}${r.pick(PEOPLE)}参加${t.event}活动。`,
    photoTitle: (t) => `${t.place}${t.event}`,
  };
}
