/** Small builders for synthetic ALTO / hOCR pages used by the XML tests. */
export interface W {
  t: string;
  x: number;
  w: number;
  sp?: boolean;
}
export interface L {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
  words: W[];
}
export interface B {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
  lines: L[];
  next?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export function alto(blocks: B[], ns = 'http://www.loc.gov/standards/alto/ns-v3#', extra = ''): string {
  const body = blocks
    .map(
      (b) =>
        `<TextBlock ID="${b.id}" HPOS="${b.x}" VPOS="${b.y}" WIDTH="${b.w}" HEIGHT="${b.h}"${b.next ? ` IDNEXT="${b.next}"` : ''}>` +
        b.lines
          .map(
            (l) =>
              `<TextLine ID="${l.id}" HPOS="${l.x}" VPOS="${l.y}" WIDTH="${l.w}" HEIGHT="${l.h}">` +
              l.words.map((w) => `${w.sp ? `<SP WIDTH="5" VPOS="${l.y}" HPOS="${w.x - 5}"/>` : ''}<String HPOS="${w.x}" VPOS="${l.y}" WIDTH="${w.w}" HEIGHT="${l.h}" CONTENT="${esc(w.t)}"/>`).join('') +
              `</TextLine>`,
          )
          .join('') +
        `</TextBlock>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<alto xmlns="${ns}"><Description><MeasurementUnit>pixel</MeasurementUnit></Description>${extra}<Layout><Page ID="p1" WIDTH="2000" HEIGHT="3000"><PrintSpace>\n${body}\n</PrintSpace></Page></Layout></alto>\n`;
}

export function hocr(blocks: B[]): string {
  const body = blocks
    .map(
      (b) =>
        `<div class='ocr_carea' id='c_${b.id}' title="bbox ${b.x} ${b.y} ${b.x + b.w} ${b.y + b.h}"><p class='ocr_par' id='${b.id}' title="bbox ${b.x} ${b.y} ${b.x + b.w} ${b.y + b.h}">` +
        b.lines
          .map(
            (l) =>
              `<span class='ocr_line' id='${l.id}' title="bbox ${l.x} ${l.y} ${l.x + l.w} ${l.y + l.h}; baseline 0 -5">` +
              l.words.map((w, i) => `<span class='ocrx_word' id='${l.id}_w${i}' title='bbox ${w.x} ${l.y} ${w.x + w.w} ${l.y + l.h}; x_wconf 90'>${esc(w.t)}</span>`).join(' ') +
              `</span>`,
          )
          .join('\n') +
        `</p></div>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"\n    "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title></title><meta name='ocr-system' content='tesseract 5.3.0' /></head><body><div class='ocr_page' id='page_1' title='image "a;b.png"; bbox 0 0 2000 3000; ppageno 0'>\n${body}\n</div></body></html>\n`;
}

/** A CJK line: one word per character, 40 px wide, 44 px tall. */
export function cjkLine(id: string, text: string, x: number, y: number, h = 44): L {
  const chars = [...text];
  const cw = h - 4;
  return { id, x, y, w: chars.length * cw, h, words: chars.map((t, i) => ({ t, x: x + i * cw, w: cw - 2, sp: i > 0 })) };
}

export function block(id: string, lines: L[], next?: string): B {
  const x = Math.min(...lines.map((l) => l.x));
  const y = Math.min(...lines.map((l) => l.y));
  const r = Math.max(...lines.map((l) => l.x + l.w));
  const b = Math.max(...lines.map((l) => l.y + l.h));
  return { id, x, y, w: r - x, h: b - y, lines, ...(next ? { next } : {}) };
}
