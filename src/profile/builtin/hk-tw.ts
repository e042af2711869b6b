import type { ProfileSpec } from '../types.js';

/**
 * Hong Kong and Taiwan papers in traditional script: 【明報專訊】, （中央社記者X台北29日電）,
 * 〔記者X／台北報導〕, 「」 quotes, ▲ and 圖／ captions, CNA sign-offs with an ROC date code
 * （編輯：陳承功）1151002. The first three are built in; this profile adds the rest.
 */
export const hkTw: ProfileSpec = {
  name: 'hk-tw',
  description: 'Hong Kong / Taiwan papers: 【明報專訊】, （中央社記者X台北29日電）, 〔記者X／台北報導〕, 「」 quotes.',
  markers: {
    dateline: {
      add: [
        // （路透社倫敦28日電）, （法新社華盛頓3日電）
        String.raw`^[（(](?:路透社|法新社|美聯社|美联社|彭博|共同社|德新社)\p{Script=Han}{0,8}?[0-9０-９一二三四五六七八九十]{1,3}日(?:電|电)[）)]`,
        // （星島日報報道）, （大公報訊）
        String.raw`^[（(]\p{Script=Han}{2,8}?(?:日報|日报|報|报)(?:報道|報導|报道|訊|讯)[）)]`,
      ],
    },
    signoff: {
      // （編輯：陳承功）1151002 — the CNA editor line followed by its ROC date code.
      add: [String.raw`^[（(]\s*((?:編輯|编辑|譯者|译者|核稿)[:：][^（）()]{1,30}?)\s*[）)]\s*[0-9]{7}$`],
    },
    caption: {
      add: [String.raw`^(?:▲|圖／|圖/|（圖）|\(圖\))`],
    },
    section: {
      add: [String.raw`^.{0,4}(?:即時|社會|社会|政治|論壇|社論|觀點|港澳|大陸|中國|兩岸國際)$`],
    },
  },
};
