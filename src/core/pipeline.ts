/**
 * The named stages, in order. Each is a pure function of the previous stage's
 * value (plus the repair log it appends to); nothing here reads files, prints
 * or imports node:*.
 *
 *   (text only: split-layout-columns) → clean-characters → repair-doubling → join-wrapped-markers → classify-lines → group-blocks
 *   → split-bodies → pair-titles → build-articles → (page furniture, unassigned, warnings)
 */
import { buildArticles } from './build-articles.js';
import { cleanCharacters } from './clean-characters.js';
import { classifyLines, type ClassifiedLine } from './classify-lines.js';
import { groupBlocks } from './group-blocks.js';
import { joinWrappedMarkers } from './join-wrapped-markers.js';
import { pauseMarksEndSentences } from './detect-punctuation-style.js';
import { assignScripts } from './detect-script.js';
import { DEFAULT_MARKERS, type MarkerSet } from './markers.js';
import { diagnostic } from './messages.js';
import type { Diagnostic, Furniture, InputLine, NewsDocument, Repair, SourceInfo, Unassigned } from './model.js';
import type { ParseOptions } from './options.js';
import { pairTitles } from './pair-titles.js';
import { headlineBigrams } from './bigrams.js';
import { repairDoubling } from './repair-doubling.js';
import { splitBodies } from './split-bodies.js';
import { splitLayoutColumns } from './split-layout-columns.js';
import { identifyPage } from './identify-page.js';
import { VERSION } from '../version.js';

export const STAGES = ['split-layout-columns', 'clean-characters', 'repair-doubling', 'join-wrapped-markers', 'detect-punctuation-style', 'classify-lines', 'group-blocks', 'split-bodies', 'pair-titles', 'build-articles', 'identify-page'] as const;

function furnitureOf(lines: ClassifiedLine[]): Furniture[] {
  return lines.map((l) => ({ role: l.furniture ?? 'other', text: l.text, lines: [l.n, l.n] }));
}

export function runPipeline(input: InputLine[], source: SourceInfo, options: ParseOptions = {}, markers: MarkerSet = DEFAULT_MARKERS): NewsDocument {
  // A profile's markers come in through the options (parseBytes, the CLI); an explicit argument wins.
  if (options.markers && markers === DEFAULT_MARKERS) markers = options.markers;
  const repairs: Repair[] = [];
  const warnings: Diagnostic[] = [];
  const unassigned: Unassigned[] = [];

  // XML readers have already put their lines in reading order from the geometry.
  const ordered = options.format === undefined || options.format === 'text' ? splitLayoutColumns(input, warnings) : input;
  const cleaned = cleanCharacters(ordered, repairs);
  const undoubled = repairDoubling(cleaned, repairs);
  const rejoined = joinWrappedMarkers(undoubled, markers);
  const pauseEnds = pauseMarksEndSentences(rejoined);
  const classified = classifyLines(rejoined, markers, pauseEnds);
  const grouped = groupBlocks(classified);
  const { furniture, overlong } = grouped;
  // Headline bigrams are the only ones pairing asks bodies about; built once per page.
  const relevant = headlineBigrams(grouped.blocks);
  const blocks = splitBodies(grouped.blocks, relevant);
  const pageNumber = furniture.find((l) => l.furniture === 'page-number')?.text ?? null;
  const pageFurniture = furnitureOf(furniture);
  const identity = identifyPage(pageFurniture, pageNumber, options.issue, warnings);

  for (const line of overlong) {
    unassigned.push({ text: line.text, lines: [line.n, line.n], reason: 'line-too-long' });
    warnings.push(diagnostic('LINE_TOO_LONG', { chars: line.text.length }, { lines: [line.n, line.n] }));
  }
  if (classified.every((l) => l.role === 'blank')) warnings.push(diagnostic('EMPTY_INPUT', {}));

  // A page with nothing that marks an article (no headline, byline, dateline
  // or closer) is not split into articles: its text is left for a person.
  const marked = blocks.some((b) => b.type === 'title' || b.bylines.length > 0 || b.dateline !== null || b.closedBy !== null);
  let articles: NewsDocument['articles'] = [];
  if (marked) {
    const pairs = pairTitles(blocks, relevant);
    articles = buildArticles(blocks, pairs, { markers, repairs, keepSpacing: Boolean(options.keepSpacing), pauseEnds });
    if (identity.id) for (const a of articles) a.id = `${identity.id}-${a.id}`;
    for (const a of articles) {
      if (a.headline === null) warnings.push(diagnostic('ARTICLE_WITHOUT_HEADLINE', {}, { lines: a.lines, article: a.id }));
      else if (a.paragraphs.length === 0) warnings.push(diagnostic('HEADLINE_WITHOUT_BODY', {}, { lines: a.lines, article: a.id }));
    }
  } else {
    for (const b of blocks) {
      if (b.type !== 'body') continue;
      for (const l of b.body) unassigned.push({ text: l.text, lines: [l.n, l.n], reason: 'no-article-markers' });
    }
    if (blocks.length > 0) warnings.push(diagnostic('NO_ARTICLE_MARKERS', {}));
  }

  repairs.sort((a, b) => a.lines[0] - b.lines[0]);
  unassigned.sort((a, b) => a.lines[0] - b.lines[0]);
  // Script detection (cheap: one pass over the text with two small character sets).
  const otherText = furniture.map((l) => l.text);
  for (const u of unassigned) otherText.push(u.text);
  const script = assignScripts(articles, otherText);
  return {
    schemaVersion: 1,
    tool: { name: 'news-parse', version: VERSION, options: { keepSpacing: Boolean(options.keepSpacing), ...(options.issue ? { issue: options.issue } : {}) } },
    source,
    script,
    page: { number: pageNumber, numberValue: identity.numberValue, date: identity.date, id: identity.id, issue: identity.issue, furniture: pageFurniture },
    articles,
    unassigned,
    repairs,
    warnings,
  };
}
