// Derives the CJK Radicals Supplement → unified ideograph table of src/core/cjk-radicals.ts from the
// fonts themselves: PDF producers write a radical's code point for an ideograph when the font draws
// both with one glyph (their ToUnicode map keeps the first code point it met for the glyph), so a
// radical that shares its glyph with an ideograph in the Noto CJK faces stands for that ideograph.
// Kangxi Radicals (U+2F00–U+2FD5) need no table: NFKC maps every one, and this script checks that
// the glyphs agree with it. Run: node scripts/make-radical-table.mjs (needs fonts-noto-cjk and the
// @pdf-lib/fontkit devDependency); paste its output into src/core/cjk-radicals.ts.
import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';

const DIR = '/usr/share/fonts/opentype/noto/';
const isIdeograph = (cp) => (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x20000 && cp <= 0x3134f);
const votes = new Map();
for (const file of ['NotoSansCJK-Regular.ttc', 'NotoSerifCJK-Regular.ttc']) {
  for (const font of fontkit.create(readFileSync(DIR + file)).fonts) {
    if (/Mono/u.test(font.postscriptName)) continue;
    const byGlyph = new Map();
    for (const cp of font.characterSet) {
      if (!isIdeograph(cp)) continue;
      const g = font.glyphForCodePoint(cp).id;
      if (!byGlyph.has(g)) byGlyph.set(g, cp);
    }
    for (let cp = 0x2e80; cp <= 0x2fdf; cp++) {
      if (!font.hasGlyphForCodePoint(cp)) continue;
      const u = byGlyph.get(font.glyphForCodePoint(cp).id);
      if (u === undefined) continue;
      const v = votes.get(cp) ?? new Map();
      v.set(u, (v.get(u) ?? 0) + 1);
      votes.set(cp, v);
    }
  }
}
const pairs = [];
for (const [cp, v] of [...votes].sort((a, b) => a[0] - b[0])) {
  const nfkc = String.fromCodePoint(cp).normalize('NFKC').codePointAt(0);
  const best = v.has(nfkc) ? nfkc : [...v].sort((a, b) => b[1] - a[1])[0][0];
  if (cp >= 0x2f00) {
    if (best !== nfkc) console.error(`U+${cp.toString(16)}: glyph says U+${best.toString(16)}, NFKC U+${nfkc.toString(16)}`);
    continue;
  }
  pairs.push(String.fromCodePoint(cp) + String.fromCodePoint(best));
}
console.log(`const SUPPLEMENT_PAIRS = '${pairs.join('')}';`);
