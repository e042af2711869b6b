/**
 * Array helpers for arrays as long as a page can make them. `a.push(...b)`
 * and `Math.max(...b)` pass every element as an argument, and V8 throws
 * `RangeError: Maximum call stack size exceeded` past ~120,000 of them —
 * 150,000 lines or ocr_par elements are readable input, not a bug to report.
 */

/** Appends `items` to `target` (in order) and returns `target`. */
export function appendAll<T>(target: T[], items: readonly T[]): T[] {
  for (let i = 0; i < items.length; i++) target.push(items[i]!);
  return target;
}

/** The smallest of `f(x)` over `xs` (Infinity for none). */
export function minOf<T>(xs: readonly T[], f: (x: T) => number): number {
  let m = Infinity;
  for (const x of xs) m = Math.min(m, f(x));
  return m;
}

/** The median of `f(x)` over `xs` (the upper one of an even count; NaN for none). */
export function medianOf<T>(xs: readonly T[], f: (x: T) => number): number {
  const values = xs.map(f).sort((a, b) => a - b);
  return values.length === 0 ? NaN : values[values.length >> 1]!;
}

/** The largest of `f(x)` over `xs` (-Infinity for none). */
export function maxOf<T>(xs: readonly T[], f: (x: T) => number): number {
  let m = -Infinity;
  for (const x of xs) m = Math.max(m, f(x));
  return m;
}

/**
 * The first position of `list` at which `past` holds, for a `past` that is
 * false up to some position and true from there on (list.length when it never
 * holds): a binary search.
 */
export function partitionPoint<T>(list: ArrayLike<T>, past: (x: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (past(list[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The first position in ascending `list` whose value is ≥ `value` (list.length when none is). */
export function lowerBound(list: ArrayLike<number>, value: number): number {
  return partitionPoint(list, (x) => x >= value);
}
