/**
 * The batch loop: pulls items from a stream only while fewer than `window`
 * are outstanding, runs them, and hands each result to `emit` — in input
 * order when `ordered` (a reorder buffer, bounded by the window because an
 * item stays outstanding until it is emitted), otherwise as they complete.
 * `emit` calls never overlap, so it may write to a stream and await drain.
 */

export interface ScheduleOptions {
  window: number;
  ordered: boolean;
}

export async function schedule<I, R>(
  items: AsyncIterable<I>,
  start: (item: I, seq: number) => Promise<R>,
  emit: (item: I, result: R, seq: number) => unknown,
  { window, ordered }: ScheduleOptions,
): Promise<void> {
  const iterator = items[Symbol.asyncIterator]();
  const buffer = new Map<number, { item: I; result: R }>();
  let seq = 0;
  let next = 0;
  let outstanding = 0;
  let done = false;
  let failure: { err: unknown } | null = null;
  let wake: (() => void) | null = null;
  let chain: Promise<void> = Promise.resolve();
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };

  const deliver = (s: number, item: I, result: R) => {
    chain = chain
      .then(async () => {
        if (failure) return;
        await emit(item, result, s);
      })
      .catch((err: unknown) => {
        failure ??= { err };
      })
      .finally(() => {
        outstanding--;
        notify();
      });
  };

  const complete = (s: number, item: I, result: R) => {
    if (!ordered) {
      deliver(s, item, result);
      return;
    }
    buffer.set(s, { item, result });
    while (buffer.has(next)) {
      const ready = buffer.get(next)!;
      buffer.delete(next);
      deliver(next, ready.item, ready.result);
      next++;
    }
  };

  try {
    for (;;) {
      if (failure) break;
      if (!done && outstanding < window) {
        const r = await iterator.next();
        if (r.done) {
          done = true;
          continue;
        }
        const s = seq++;
        outstanding++;
        const item = r.value;
        start(item, s).then(
          (result) => complete(s, item, result),
          (err: unknown) => {
            failure ??= { err };
            outstanding--;
            notify();
          },
        );
        continue;
      }
      if (done && outstanding === 0) break;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    if (!done) await iterator.return?.();
  }
  await chain;
  if (failure) throw (failure as { err: unknown }).err;
}
