/**
 * A static safety check for marker patterns that come from profile files.
 * Pure. Every marker regex runs once per line, and lines are at most 20,000
 * characters (longer lines are set aside as `line-too-long` before matching),
 * so a pattern is safe when its matching time is roughly linear in the line.
 *
 * The check is deliberately simple and conservative (it may refuse a pattern
 * that would be fine; rewrite it with bounded repeats such as {0,30}):
 *
 *   R1  1 to MAX_PATTERN_LENGTH (1,000) characters;
 *   R2  compiles as a JavaScript RegExp with the 'u' flag;
 *   R3  no backreferences (\1, \k<name>);
 *   R4  no repeated group (*, +, {n,}, {n,m} with m > 1) that contains a
 *       quantifier or an alternation: (a+)+, (a|a)*, (.*)*, (?:\s*x)+ are refused;
 *   R5  at most one unbounded repeat (*, +, {n,}) of a "wide" atom (., \S, \D,
 *       \W, \p{…}, \P{…}, a negated class [^…]), and only in a pattern anchored
 *       with ^: `.*x.*y`, or an unanchored `.*x`, is quadratic or worse on a long line.
 */

export const MAX_PATTERN_LENGTH = 1000;

interface Frame {
  quant: boolean;
  alt: boolean;
  wide: boolean;
}

/** Why `source` is not a safe marker pattern, or null when it is. */
export function unsafePatternReason(source: string): string | null {
  if (source.length === 0) return 'pattern is empty';
  if (source.length > MAX_PATTERN_LENGTH) return `pattern is longer than ${MAX_PATTERN_LENGTH} characters`;
  try {
    new RegExp(source, 'u');
  } catch (err) {
    return `pattern does not compile with the 'u' flag (${(err as Error).message})`;
  }
  const stack: Frame[] = [{ quant: false, alt: false, wide: false }];
  let wideUnbounded = 0;
  // The atom just read, which a following quantifier applies to.
  let atom: { group: Frame | null; wide: boolean } | null = null;
  let i = 0;
  const top = () => stack[stack.length - 1]!;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '\\') {
      const n = source[i + 1] ?? '';
      if (/[1-9]/.test(n) || (n === 'k' && source[i + 2] === '<')) return 'backreferences are not allowed';
      let len = 2;
      if ((n === 'p' || n === 'P') && source[i + 2] === '{') len = source.indexOf('}', i) - i + 1;
      else if (n === 'u' && source[i + 2] === '{') len = source.indexOf('}', i) - i + 1;
      else if (n === 'u') len = 6;
      else if (n === 'x') len = 4;
      atom = { group: null, wide: /[SDWpP]/.test(n) };
      i += len;
    } else if (c === '[') {
      let j = i + 1;
      const negated = source[j] === '^';
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      atom = { group: null, wide: negated };
      i = j + 1;
    } else if (c === '(') {
      stack.push({ quant: false, alt: false, wide: false });
      atom = null;
      i++;
      if (source[i] === '?') {
        // (?: (?= (?! (?<= (?<! (?<name>
        const m = /^\?(?::|=|!|<=|<!|<[^>]+>)/.exec(source.slice(i));
        i += m ? m[0].length : 1;
      }
    } else if (c === ')') {
      const g = stack.pop()!;
      const parent = top();
      parent.quant ||= g.quant;
      parent.alt ||= g.alt;
      parent.wide ||= g.wide;
      atom = { group: g, wide: g.wide };
      i++;
    } else if (c === '|') {
      top().alt = true;
      atom = null;
      i++;
    } else if (c === '*' || c === '+' || c === '?' || (c === '{' && /^\{\d+(?:,\d*)?\}/.test(source.slice(i)))) {
      let unbounded = c === '*' || c === '+';
      let repeats = unbounded;
      let len = 1;
      if (c === '{') {
        const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(source.slice(i))!;
        len = m[0].length;
        unbounded = m[2] === ',' && m[3] === '';
        repeats = unbounded || (m[2] === ',' ? Number(m[3]) > 1 : Number(m[1]) > 1);
      }
      i += len;
      if (source[i] === '?') i++; // lazy
      if (atom?.group && repeats) {
        if (atom.group.quant) return 'nested quantifier: a repeated group contains a quantifier, e.g. (a+)+';
        if (atom.group.alt) return 'repeated alternation, e.g. (a|b)*: rewrite as a character class or bound it';
      }
      if (atom && unbounded && atom.wide) wideUnbounded++;
      top().quant = true;
      atom = null;
    } else {
      atom = { group: null, wide: c === '.' };
      i++;
    }
  }
  if (wideUnbounded > 1) return 'more than one unbounded repeat of a wide atom (.*, \\S+, [^x]*): use bounded repeats such as .{0,30}';
  if (wideUnbounded === 1 && !source.startsWith('^')) return 'an unbounded repeat of a wide atom (.*, \\S+, [^x]*) needs a pattern anchored with ^';
  return null;
}
