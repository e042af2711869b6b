// Issue 14 item 10 (memory): the road lets go of a text page's bytes once the reader has decoded them, so they
// are not held through the parse (a 50 MB page's bytes were 50 MB more at its peak). Structural: whether the bytes
// are still reachable after a forced full collection, not a measurement of memory or time.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { convertFile, type PageResult } from '../src/convert/convert-page.js';
import { defaultSettings } from '../src/convert/settings.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const settings = defaultSettings(process.cwd());

/** The road on a text page, and a weak reference to its bytes: the test itself keeps none. */
function start(text: string): { bytes: WeakRef<Uint8Array>; pages: AsyncGenerator<PageResult> } {
  const bytes = new TextEncoder().encode(text);
  return { bytes: new WeakRef(bytes), pages: convertFile({ path: 'page.txt', bytes }, settings) };
}

/** A WeakRef keeps its target for the rest of the job that made or read it; a macrotask later it is free to go. */
const nextTask = () => new Promise((resolve) => setImmediate(resolve));

describe('the road and a page’s bytes', () => {
  it.each([
    ['a text page', '标题新闻\n\n本报讯 今天天气很好，居民踊跃参与。\n'],
    ['a pdftotext -layout page', `${'本报讯 第一栏的文字。'.padEnd(30, ' ')}本报讯 第二栏的文字。\n`.repeat(12)],
  ])('keeps no reference to the bytes of %s once it is decoded (the generator holds the page, not the bytes)', async (_what, text) => {
    const { bytes, pages } = start(text);
    await nextTask();
    const first = await pages.next();
    expect(first.value?.document?.source.format).toBe('text');
    // The generator is suspended after its first page, its frame alive: what it holds is still reachable.
    await nextTask();
    gc();
    expect(bytes.deref()).toBeUndefined();
    expect((await pages.next()).done).toBe(true);
  });
});
