/**
 * `--format mets` (ALTO input only): a METS document whose logical structMap
 * lists the articles, each pointing at the ALTO blocks it came from:
 *
 *   <mets:mets>
 *     <mets:metsHdr><mets:agent ROLE="CREATOR" TYPE="OTHER" OTHERTYPE="SOFTWARE"><mets:name>news-parse x.y</mets:name>…
 *     <mets:dmdSec ID="DMD_a1"><mets:mdWrap MDTYPE="MODS"><mets:xmlData><mods:mods>
 *         <mods:titleInfo><mods:title>headline</mods:title><mods:subTitle>…</mods:subTitle></mods:titleInfo>
 *         <mods:name><mods:namePart>author</mods:namePart></mods:name>…
 *     <mets:fileSec><mets:fileGrp USE="ALTO"><mets:file ID="ALTO1" MIMETYPE="text/xml">
 *         <mets:FLocat LOCTYPE="URL" xlink:href="page.xml"/>
 *     <mets:structMap TYPE="LOGICAL"><mets:div TYPE="PAGE_CONTENT">
 *       <mets:div TYPE="ARTICLE" ID="LOG_a1" DMDID="DMD_a1" LABEL="headline" ORDER="1">
 *         <mets:fptr><mets:seq>
 *           <mets:area BETYPE="IDREF" FILEID="ALTO1" BEGIN="block_3"/>…
 *
 * Articles without blocks (no geometry in the input) get a div without fptr.
 */
import type { NewsDocument } from '../core/model.js';
import { buildXml, el } from './write-tei.js';

type Node = ReturnType<typeof el>;

/** The document as METS XML text; `altoHref` is what FLocat points at (default: the source path). */
export function writeMets(doc: NewsDocument, altoHref?: string): string {
  const href = altoHref ?? doc.source.path ?? 'alto.xml';
  const dmd: Node[] = [];
  const divs: Node[] = [];
  doc.articles.forEach((a, i) => {
    const dmdId = `DMD_${a.id}`;
    const title: Node[] = [el('mods:title', null, a.headline ?? '')];
    if (a.subheadline) title.push(el('mods:subTitle', null, a.subheadline));
    const mods: Node[] = [el('mods:titleInfo', null, title)];
    for (const name of a.byline?.names ?? []) {
      const parts: Node[] = [el('mods:namePart', null, name)];
      if (a.byline?.role) parts.push(el('mods:role', null, [el('mods:roleTerm', { type: 'text' }, a.byline.role)]));
      mods.push(el('mods:name', null, parts));
    }
    mods.push(el('mods:genre', null, a.kind));
    dmd.push(
      el('mets:dmdSec', { ID: dmdId }, [el('mets:mdWrap', { MDTYPE: 'MODS' }, [el('mets:xmlData', null, [el('mods:mods', null, mods)])])]),
    );
    const areas = (a.blocks ?? []).map((b) => el('mets:area', { BETYPE: 'IDREF', FILEID: 'ALTO1', BEGIN: b }, []));
    const children: Node[] = areas.length > 0 ? [el('mets:fptr', null, [el('mets:seq', null, areas)])] : [];
    divs.push(
      el('mets:div', { TYPE: a.kind === 'photo' ? 'ILLUSTRATION' : 'ARTICLE', ID: `LOG_${a.id}`, DMDID: dmdId, ORDER: i + 1, LABEL: a.headline ?? undefined }, children),
    );
  });
  const root = el(
    'mets:mets',
    {
      'xmlns:mets': 'http://www.loc.gov/METS/',
      'xmlns:mods': 'http://www.loc.gov/mods/v3',
      'xmlns:xlink': 'http://www.w3.org/1999/xlink',
    },
    [
      el('mets:metsHdr', null, [
        el('mets:agent', { ROLE: 'CREATOR', TYPE: 'OTHER', OTHERTYPE: 'SOFTWARE' }, [el('mets:name', null, `news-parse ${doc.tool.version}`)]),
      ]),
      ...dmd,
      el('mets:fileSec', null, [
        el('mets:fileGrp', { USE: 'ALTO' }, [
          el('mets:file', { ID: 'ALTO1', MIMETYPE: 'text/xml', CHECKSUM: doc.source.sha256, CHECKSUMTYPE: 'SHA-256' }, [
            el('mets:FLocat', { LOCTYPE: 'URL', 'xlink:href': href }, []),
          ]),
        ]),
      ]),
      el('mets:structMap', { TYPE: 'LOGICAL' }, [el('mets:div', { TYPE: 'PAGE_CONTENT', LABEL: doc.page.number ?? undefined }, divs)]),
    ],
  );
  return buildXml(root);
}
