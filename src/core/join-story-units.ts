/**
 * Layout road only — one story, one article. Geometry has already decided
 * that everything in a story belongs under its headline; the text rules may
 * still have cut its text into several units where a part of the story opens
 * with its own byline or dateline, or closes with a sign-off (a People's
 * Daily feature of several reports, an interview with 居民心声 pieces). Those
 * units are joined into the first: the first unit's byline and dateline stay
 * the article's, the last unit's closers stay its closers, and the markers in
 * between stay in the text, each as a paragraph of its own, as printed.
 */
import type { Block, BodyUnit } from './group-blocks.js';
import { joinUnits } from './join-units.js';

/** Joins the body units that follow a story's one headline block; other block lists are returned as they are. */
export function joinStoryUnits(blocks: Block[]): { blocks: Block[]; joined: number } {
  const titles = blocks.filter((b) => b.type === 'title').length;
  const units = blocks.filter((b): b is BodyUnit => b.type === 'body');
  if (titles > 1 || units.length < 2 || (titles === 1 && blocks[0]!.type !== 'title')) return { blocks, joined: 0 };
  const [first, ...rest] = units;
  const joined = joinUnits(first!, rest.map((unit) => ({ heads: [], unit })), 'join-story-units');
  const out: Block[] = titles === 1 ? [blocks[0]!, joined] : [joined];
  return { blocks: out, joined: rest.length };
}
