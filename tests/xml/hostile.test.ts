/**
 * Hostile XML is refused with one line on stderr and exit code 2, or read in
 * bounded time: entity bombs, external entities, deep nesting, oversize
 * files, broken XML, ALTO without coordinates. Inputs are generated here.
 */
import { mkdtempSync, rmSync, writeFileSync, openSync, ftruncateSync, closeSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { memoryIO } from '../helpers/io.js';
import { alto, block, cjkLine } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'news-parse-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]) {
  const io = memoryIO({ cwd: dir });
  const code = await run(args, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

function file(name: string, content: string): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

const LOL = `<?xml version="1.0"?>
<!DOCTYPE alto [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<alto><Layout><Page><PrintSpace><TextBlock ID="b"><TextLine><String CONTENT="&lol9;"/></TextLine></TextBlock></PrintSpace></Page></Layout></alto>`;

const XXE = `<?xml version="1.0"?>
<!DOCTYPE alto [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<alto><Layout><Page><PrintSpace><TextBlock ID="b"><TextLine><String CONTENT="&xxe;"/></TextLine></TextBlock></PrintSpace></Page></Layout></alto>`;

describe('hostile XML input', () => {
  it('refuses a billion-laughs entity bomb before parsing', async () => {
    const r = await cli([file('lol.xml', LOL), '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^news-parse: .*lol\.xml: ALTO has a DOCTYPE with an internal subset/u);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses external entities (no file is read)', async () => {
    const r = await cli([file('xxe.xml', XXE), '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).not.toContain('root:');
    expect(r.stderr).toMatch(/internal subset/u);
  });

  it('refuses a stray ENTITY declaration in hOCR too', async () => {
    const r = await cli([file('ent.hocr', '<html><body><div class="ocr_page"><!ENTITY x "y"></div></body></html>'), '--input-format', 'hocr']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/entities/u);
  });

  it('refuses 10,000 levels of nesting quickly', async () => {
    const deep = '<alto>' + '<TextBlock>'.repeat(10000) + '</TextBlock>'.repeat(10000) + '</alto>';
    const r = await cli([file('deep.xml', deep)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nests elements more than 200 levels deep/u);
  });

  it('refuses a 100 MB file by size before reading it as XML, and --max-xml-mb moves the limit', async () => {
    const p = join(dir, 'big.xml');
    const fd = openSync(p, 'w');
    writeSync(fd, '<alto>');
    ftruncateSync(fd, 100 * 1024 * 1024);
    closeSync(fd);
    const r = await cli([p]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ALTO file is 100\.0 MB, over the 64 MB limit \(raise it with --max-xml-mb\)/u);
    const small = file('small.xml', alto([block('b', [cjkLine('l', '本报讯', 0, 0)])]));
    const r2 = await cli([small, '--max-xml-mb', '0.0001']);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/over the 0\.0001 MB limit/u);
    const r3 = await cli([small, '--max-xml-mb', 'lots']);
    expect(r3.code).toBe(2);
  });

  it('refuses broken XML with the line and column', async () => {
    const r = await cli([file('broken.xml', '<alto><Layout><Page></Layout></alto>')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not well-formed XML \(line 1/u);
  });

  it('reads ALTO without coordinates in file order', async () => {
    const xml = '<alto><Layout><Page><PrintSpace><TextBlock ID="b1"><TextLine ID="t1"><String CONTENT="本报讯"/></TextLine><TextLine ID="t2"><String HPOS="x" CONTENT="今天下雨。"/></TextLine></TextBlock></PrintSpace></Page></Layout></alto>';
    const r = await cli([file('nocoords.xml', xml), '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.source.format).toBe('alto');
    expect(doc.source.lineIds).toEqual(['t1', 't2']);
  });

  it('refuses a forced ALTO read of something that is not ALTO', async () => {
    const r = await cli([file('plain.txt', '<html></html>'), '--input-format', 'alto']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no <alto> root/u);
  });
});
