/**
 * What the HTML writers (review page, review index, eval pages) share: text
 * escaping, the colour palette, the page shell with its inline style and a
 * Content-Security-Policy that lets only our own inline script run.
 *
 * A page's text is untrusted. Everything from it goes through `esc`, in text
 * and in attributes alike, and nothing from it is ever placed inside
 * <script> or <style>: the script reads what it needs from data-* attributes.
 */
import { createHash } from 'node:crypto';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for an HTML text node or a quoted attribute value. C0 control
 * characters (other than tab and newline) and DEL become their visible Control
 * Pictures (U+2400…): a browser would drop or replace them, and a reviewer
 * should see that the input held one.
 */
export function esc(text: string): string {
  return text.replace(/[&<>"']|[\u0000-\u0008\u000b-\u001f\u007f]/g, (c) => {
    const entity = ENTITIES[c];
    if (entity) return entity;
    const code = c.charCodeAt(0);
    return String.fromCharCode(code === 0x7f ? 0x2421 : 0x2400 + code);
  });
}

/**
 * Paul Tol's "bright" scheme (https://personal.sron.nl/~pault/), built to stay
 * distinct under the common colour-vision deficiencies; its grey is kept for
 * page furniture. Each entry: the colour (outlines, borders), a light tint
 * (body text background) and a stronger tint (titles), mixed with white at
 * 18 % and 42 % so black text on them keeps a contrast ratio above 12:1.
 */
export const PALETTE: readonly (readonly [strong: string, light: string, mid: string])[] = [
  ['#4477aa', '#dde7f0', '#b0c6db'], // blue
  ['#66ccee', '#e3f6fc', '#bfeaf8'], // cyan
  ['#228833', '#d7eada', '#a2cda9'], // green
  ['#ccbb44', '#f6f3dd', '#eae2b0'], // yellow
  ['#ee6677', '#fce3e7', '#f8bfc6'], // red
  ['#aa3377', '#f0dae7', '#dba9c6'], // purple
];

/** The colour class of the article at `index` in reading order: neighbours always differ. */
export function colourClass(index: number): string {
  return `c${index % PALETTE.length}`;
}

/** CSS custom properties per colour class; every other rule uses var(--k), var(--k1), var(--k2). */
export function paletteCss(): string {
  return PALETTE.map(([k, k1, k2], i) => `.c${i}{--k:${k};--k1:${k1};--k2:${k2}}`).join('\n');
}

/** Rules every page shares: type, tables, print. */
const BASE_CSS = `
*{box-sizing:border-box}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0;font:14px/1.5 system-ui,"Noto Sans CJK SC","Noto Sans CJK TC","Source Han Sans",sans-serif;color:#111;background:#fff}
header.top{padding:.5rem 1rem;border-bottom:1px solid #bbb;background:#f7f7f7}
header.top h1{font-size:1.1rem;margin:0 0 .2rem}
header.top p{margin:.1rem 0;color:#333}
a{color:#1d4f91}
code{font:12px/1.4 ui-monospace,"Noto Sans Mono CJK SC",monospace}
table{border-collapse:collapse}
th,td{border:1px solid #bbb;padding:.2rem .45rem;text-align:left;vertical-align:top}
th{background:#eee}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.bad{color:#a3001b;font-weight:600}
.muted{color:#555}
@media print{
  body{font-size:10pt}
  a{color:inherit;text-decoration:none}
  header.top{background:none}
}
`;

/** Hash-source of an inline script for the Content-Security-Policy. */
function scriptHash(script: string): string {
  return `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
}

/**
 * A whole HTML document. `css` and `script` are our constants, never page
 * text. The policy forbids every fetch (no network, even if markup got in)
 * and every script but the one given, by hash.
 */
export function htmlPage(title: string, body: string, css: string, script = ''): string {
  const scriptSrc = script ? scriptHash(script) : "'none'";
  const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src ${scriptSrc}; base-uri 'none'; form-action 'none'`;
  return (
    '<!DOCTYPE html>\n<html lang="zh">\n<head>\n<meta charset="utf-8">\n' +
    `<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<title>${esc(title)}</title>\n<style>${BASE_CSS}${paletteCss()}\n${css}</style>\n</head>\n<body>\n${body}\n` +
    (script ? `<script>${script}</script>\n` : '') +
    '</body>\n</html>\n'
  );
}

/** `L11–144`, `L7`. */
export function lineLabel(lines: readonly [number, number]): string {
  return lines[0] === lines[1] ? `L${lines[0]}` : `L${lines[0]}–${lines[1]}`;
}
