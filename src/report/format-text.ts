/**
 * The readable summary (`--format text`): per article its headline, byline,
 * first words, paragraph count and warnings. The only place chalk is used for
 * documents; colour follows NO_COLOR / FORCE_COLOR and whether stdout is a TTY.
 */
import { Chalk } from 'chalk';
import { colorLevel, type ColorLevel } from './color.js';
import type { NewsDocument } from '../core/model.js';

export { colorLevel, type ColorLevel };

function firstWords(text: string, n = 40): string {
  const chars = Array.from(text);
  return chars.length <= n ? text : chars.slice(0, n).join('') + '…';
}

export function formatDocumentText(doc: NewsDocument, level: ColorLevel): string {
  const c = new Chalk({ level });
  const out: string[] = [];
  const src = doc.source.path ?? '<stdin>';
  out.push(
    c.bold(src) +
      c.dim(` · ${doc.source.encoding} · ${doc.source.lines} lines · page ${doc.page.number ?? '?'} · ${doc.articles.length} articles · ${doc.repairs.length} repairs`),
  );
  if (doc.page.furniture.length) out.push(c.dim(`  furniture: ${doc.page.furniture.map((f) => f.text).join(' | ')}`));
  for (const a of doc.articles) {
    const head = a.headline ?? c.italic('(no headline)');
    const kind = a.kind === 'photo' ? c.magenta(' [photo]') : '';
    out.push('');
    // Short ids line up in a column; a stable id (rmrb-2019-02-07-a-p4-a3) keeps one space after it.
    out.push(`${c.cyan(a.id.length < 4 ? a.id.padEnd(4) : `${a.id} `)}${c.bold(head)}${kind} ${c.dim(`L${a.lines[0]}–${a.lines[1]}`)}`);
    if (a.kicker) out.push(`    ${c.dim('kicker')}      ${a.kicker}`);
    if (a.subheadline) out.push(`    ${c.dim('subheadline')} ${a.subheadline}`);
    if (a.byline) out.push(`    ${c.dim('byline')}      ${a.byline.text}`);
    if (a.dateline) out.push(`    ${c.dim('dateline')}    ${a.dateline}`);
    const first = a.paragraphs.find((p) => p.type === 'paragraph') ?? a.paragraphs[0];
    if (first) out.push(`    ${c.dim('text')}        ${firstWords(first.text)}`);
    const subs = a.paragraphs.filter((p) => p.type === 'subheading').length;
    out.push(`    ${c.dim('paragraphs')}  ${a.paragraphs.length}${subs ? c.dim(` (${subs} subheadings)`) : ''}`);
    if (a.signoff) out.push(`    ${c.dim('sign-off')}    ${a.signoff}`);
    if (a.continuation) out.push(`    ${c.dim('continues')}   ${a.continuation}`);
    for (const w of doc.warnings.filter((w) => w.article === a.id)) {
      out.push(`    ${w.severity === 'info' ? c.blue('info') : c.yellow('warning')} ${w.message}`);
    }
  }
  const pageWarnings = doc.warnings.filter((w) => !w.article);
  if (doc.unassigned.length || pageWarnings.length) out.push('');
  for (const w of pageWarnings) out.push(`${c.yellow(w.severity)} ${w.message}${w.lines ? c.dim(` (L${w.lines[0]}–${w.lines[1]})`) : ''}`);
  if (doc.unassigned.length) out.push(c.yellow(`${doc.unassigned.length} unassigned text pieces`));
  return out.join('\n') + '\n';
}
