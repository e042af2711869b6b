/**
 * Issue 14 item 14: the sniffer looks past an XML prolog (a 70 KB comment
 * hid a valid ALTO page from its 64 KiB window, and the page was read as
 * text); an attribute value past MAX_XML_ATTRIBUTE_CHARS and an entity
 * expansion are refused with one line and exit 2.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { MAX_XML_PROLOG, SNIFF_WINDOW, sniffFormat } from '../../src/convert/readers.js';
import { MAX_XML_ATTRIBUTE_CHARS } from '../../src/io/xml-safety.js';
import { memoryIO } from '../helpers/io.js';

const dir = mkdtempSync(join(tmpdir(), 'np-xml-limits-'));
const ALTO = readFileSync('fixtures/alto-two-columns/input.xml', 'utf8');
const HOCR = readFileSync('fixtures/hocr-two-columns/input.hocr', 'utf8');

/** `xml` with `extra` put just before its root element `<root`. */
function beforeRoot(xml: string, root: string, extra: string): string {
  const i = xml.indexOf(`<${root}`);
  return xml.slice(0, i) + extra + xml.slice(i);
}

async function oneLineExit2(file: string): Promise<string> {
  const io = memoryIO();
  expect(await run([file], io)).toBe(2);
  const lines = io.err().trim().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

describe('XML sniffing and limits', () => {
  it('valid ALTO and hOCR after a 70 KB comment (and a processing instruction) are sniffed as what they are', async () => {
    const comment = `<!-- ${'provenance and licence notes '.repeat(2500)} -->\n<?producer x?>\n`;
    expect(comment.length).toBeGreaterThan(70_000);
    const alto = beforeRoot(ALTO, 'alto', comment);
    const hocr = beforeRoot(HOCR, 'html', comment);
    expect(sniffFormat(Buffer.from(alto))).toBe('alto');
    expect(sniffFormat(Buffer.from(hocr))).toBe('hocr');
    const file = join(dir, 'commented.xml');
    writeFileSync(file, alto);
    const io = memoryIO();
    expect(await run([file, '--json'], io)).toBe(0);
    const doc = JSON.parse(io.out());
    expect(doc.source.format).toBe('alto');
    expect(doc.articles.length).toBeGreaterThan(0);
  });

  it('a prolog longer than MAX_XML_PROLOG is not looked past', () => {
    const alto = beforeRoot(ALTO, 'alto', `<!--${'x'.repeat(MAX_XML_PROLOG + SNIFF_WINDOW)}-->`);
    expect(sniffFormat(Buffer.from(alto))).toBe('text');
  });

  it('an attribute value over the limit is refused in one line (exit 2), before the parser sees it', async () => {
    const at = ALTO.indexOf('CONTENT="') + 9;
    const file = join(dir, 'big-attribute.xml');
    writeFileSync(file, ALTO.slice(0, at) + '本'.repeat(MAX_XML_ATTRIBUTE_CHARS + 1) + ALTO.slice(at));
    const line = await oneLineExit2(file);
    expect(line).toMatch(new RegExp(`ALTO has an attribute value of ${MAX_XML_ATTRIBUTE_CHARS + 10} characters \\(line \\d+\\), over the limit of ${MAX_XML_ATTRIBUTE_CHARS}`.replace(`${MAX_XML_ATTRIBUTE_CHARS + 10}`, '\\d+')));
  });

  it('a quadratic-blowup entity file is refused in one line (exit 2)', async () => {
    const big = 'x'.repeat(50_000);
    const alto = beforeRoot(ALTO, 'alto', `<!DOCTYPE alto PUBLIC "a>b" "c" [<!ENTITY a "${big}">]>\n`).replace('CONTENT="', 'CONTENT="&a;&a;&a;&a;&a;&a;');
    const file = join(dir, 'blowup.xml');
    writeFileSync(file, alto);
    expect(await oneLineExit2(file)).toMatch(/ALTO (has a DOCTYPE with an internal subset|declares entities)/);
  });
});
