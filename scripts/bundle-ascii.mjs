// Makes the CLI bundle pure ASCII, for scripts/bundle-cli.mjs. Why: Node reads a file with a single
// non-ASCII byte as a two-byte string, through a slow UTF-8 decoder (the bundle's first Chinese character
// is near its start); a pure-ASCII file is read as a one-byte string at memcpy speed and V8 keeps half the
// memory for it: ~2 ms less CPU on every run (README, Benchmarks). esbuild escapes non-ASCII characters
// everywhere but in regular expression literals and String.raw templates, where an escape would change
// what the code means to it; the two are rewritten here to mean the same:
//  - a regex literal's character becomes \uXXXX (or \u{…} under the u flag, or a pair of escaped
//    surrogates without it, which is what the literal character is there): the same pattern, only its
//    `source` reads differently (src/core/markers.ts reads such escapes as the characters);
//  - String.raw`a${x}b` becomes String.raw({raw:["a","b"]},x): the same call with the same raw strings,
//    written as string literals, which esbuild-style \u escapes keep exact.
// Anything else non-ASCII left fails the build, with where it is.
import ts from 'typescript';

const NON_ASCII = /[^\x00-\x7f]/u;
const hex4 = (n) => n.toString(16).toUpperCase().padStart(4, '0');

function escapeCode(cp, unicode) {
  if (cp <= 0xffff) return `\\u${hex4(cp)}`;
  if (unicode) return `\\u{${cp.toString(16).toUpperCase()}}`;
  const v = cp - 0x10000;
  return `\\u${hex4(0xd800 + (v >> 10))}\\u${hex4(0xdc00 + (v & 0x3ff))}`;
}

/** A regex literal (`/…/flags`) with each non-ASCII character escaped; `\中` (an identity escape) becomes the escape alone. */
function asciiRegex(literal) {
  const slash = literal.lastIndexOf('/');
  const body = literal.slice(1, slash);
  const flags = literal.slice(slash + 1);
  const unicode = /[uv]/u.test(flags);
  let out = '';
  for (let i = 0; i < body.length; ) {
    if (body[i] === '\\') {
      if (body.codePointAt(i + 1) <= 0x7f) {
        out += body.slice(i, i + 2);
        i += 2;
        continue;
      }
      i++;
    }
    const cp = body.codePointAt(i);
    out += cp > 0x7f ? escapeCode(cp, unicode) : body[i];
    i += cp > 0xffff ? 2 : 1;
  }
  return `/${out}/${flags}`;
}

const asciiString = (s) => JSON.stringify(s).replace(/[\u0080-\uffff]/gu, (c) => `\\u${hex4(c.charCodeAt(0))}`);

/** `code` (a script) with its regex literals and String.raw templates made ASCII; throws if anything else is not. */
export function asciiBundle(code) {
  // One pass rewrites the outermost such parts; a part inside a String.raw substitution waits for the next.
  for (let pass = 0; NON_ASCII.test(code); pass++) {
    const file = ts.createSourceFile('bundle.js', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
    const edits = [];
    const visit = (node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(file);
        if (NON_ASCII.test(text)) edits.push([node.getStart(file), node.end, asciiRegex(text)]);
        return;
      }
      if (ts.isTaggedTemplateExpression(node) && node.tag.getText(file) === 'String.raw' && NON_ASCII.test(node.template.getText(file))) {
        const t = node.template;
        const plain = ts.isNoSubstitutionTemplateLiteral(t);
        const raws = plain ? [t.rawText] : [t.head.rawText, ...t.templateSpans.map((s) => s.literal.rawText)];
        // A raw string keeps a line break as LF whatever the file has: none is expected in a minified bundle.
        if (raws.some((r) => r === undefined || r.includes('\r'))) throw new Error(`bundle-ascii: a String.raw template at ${node.getStart(file)} it cannot rewrite`);
        const subs = plain ? [] : t.templateSpans.map((s) => `,${s.expression.getText(file)}`);
        edits.push([node.getStart(file), node.end, `String.raw({raw:[${raws.map(asciiString).join(',')}]}${subs.join('')})`]);
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
    if (edits.length === 0 || pass > 4) {
      const at = code.search(NON_ASCII);
      throw new Error(`bundle-ascii: a non-ASCII character it cannot rewrite at ${at}: ${JSON.stringify(code.slice(Math.max(0, at - 60), at + 20))}`);
    }
    edits.sort((a, b) => b[0] - a[0]);
    for (const [start, end, text] of edits) code = code.slice(0, start) + text + code.slice(end);
  }
  return code;
}
