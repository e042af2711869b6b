import type { ProfileSpec } from '../types.js';

/**
 * Central and provincial party papers (人民日报 style): 本报北京X月X日电（记者 X、Y）,
 * 新华社…电, 据新华社…电, ■ leads, column tags such as （人民论坛） next to headlines.
 * 本报…电 and 新华社…电 with a bracketed reporter are built in; this profile adds
 * the bare wire forms and keeps column tags from being read as sign-offs.
 */
export const mainlandCentral: ProfileSpec = {
  name: 'mainland-central',
  description: 'Central/provincial papers: 本报北京X月X日电（记者 X、Y）, 新华社…电, ■ leads, （人民论坛） column tags.',
  markers: {
    dateline: {
      add: [
        // 据新华社北京3月5日电, 据新华社电
        String.raw`^[据據](?:新华社|新華社|中新社)\p{Script=Han}{0,8}?(?:(?:[0-9一二三四五六七八九十]{1,3}月)?[0-9一二三四五六七八九十]{1,3}日)?(?:电|電)`,
        // 新华社电 (no place or date)
        String.raw`^(?:新华社|新華社)(?:电|電)`,
        // 本报评论员 / 本报特约评论员 opening a commentary
        String.raw`^本[报報](?:特约|特約)?(?:评论员|評論員)(?=\s|$)`,
      ],
    },
    notSignoff: {
      // Column tags are not sign-offs: （人民论坛）, （今日谈）, （人民时评）, （望海楼）, （评论员观察）
      add: [String.raw`人民论坛|人民論壇|今日谈|今日談|人民时评|人民時評|望海楼|望海樓|评论员观察|評論員觀察|人民观察|人民觀察|金台锐评|金臺銳評|新语|新語`],
    },
    section: {
      add: [String.raw`^.{0,4}(?:评论|評論|理论|理論|观点|觀點|党建|黨建|政治|社会|社會|读者来信|讀者來信)$`],
    },
  },
};
