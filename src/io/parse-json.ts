/**
 * JSON.parse for files a user wrote (profiles, gold, baselines, documents to
 * validate), with an error a person can act on in one line. V8's messages
 * quote the raw input — for pretty-printed JSON that is several lines of the
 * file, newlines included — and some give no position at all. Here the
 * problem is `line L, column C: what`, the quoted input dropped.
 */

/** Invalid JSON: `message` is `line L, column C: reason`, on one line. */
export class JsonSyntaxError extends SyntaxError {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`line ${line}, column ${column}: ${reason}`);
    this.name = 'JsonSyntaxError';
  }
}

class Stop {
  constructor(readonly at: number) {}
}

/**
 * The offset of the first character that makes `text` not JSON (RFC 8259),
 * by a small recursive-descent scan: V8 gives a position for some errors only.
 */
export function errorOffset(text: string): number {
  let i = 0;
  const n = text.length;
  const fail = (): never => {
    throw new Stop(i);
  };
  const ws = () => {
    for (let c = text.charCodeAt(i); c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d; c = text.charCodeAt(++i));
  };
  const digits = () => {
    const from = i;
    while (i < n && text[i]! >= '0' && text[i]! <= '9') i++;
    if (i === from) fail();
  };
  const string = () => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) return void i++;
      if (c < 0x20) fail();
      if (c === 0x5c) {
        const e = text[++i];
        if (e === 'u') {
          for (let k = 0; k < 4; k++) if (!/[0-9a-fA-F]/u.test(text[++i] ?? '')) fail();
        } else if (e === undefined || !'"\\/bfnrt'.includes(e)) fail();
      }
      i++;
    }
    fail();
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) return void i++;
      for (;;) {
        if (close === '}') {
          ws();
          if (text[i] !== '"') fail();
          string();
          ws();
          if (text[i] !== ':') fail();
          i++;
        }
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === close) return void i++;
        fail();
      }
    }
    if (c === '"') return string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      if (text[i] === '-') i++;
      if (text[i] === '0') i++;
      else digits();
      if (text[i] === '.') {
        i++;
        digits();
      }
      if (text[i] === 'e' || text[i] === 'E') {
        i++;
        if (text[i] === '+' || text[i] === '-') i++;
        digits();
      }
      return;
    }
    for (const word of ['true', 'false', 'null']) {
      if (c === word[0]) {
        for (const ch of word) {
          if (text[i] !== ch) fail();
          i++;
        }
        return;
      }
    }
    fail();
  };
  try {
    value();
    ws();
    if (i < n) fail();
  } catch (err) {
    if (err instanceof Stop) return err.at;
    return 0; // nesting too deep for the scan (RangeError): the start of the text
  }
  return n;
}

/** V8's reason without the input it quotes: `Unexpected token 'x', "…" is not valid JSON` → `unexpected token 'x'`. */
function reasonOf(message: string, text: string, offset: number): string {
  let reason = message.replace(/ in JSON at position \d+(?: \(line \d+ column \d+\))?/u, '');
  if (offset >= text.length) reason = 'the text ends before the JSON does';
  else if (/^Unexpected token .*is not valid JSON$/su.test(reason)) reason = `unexpected character ${JSON.stringify(text.charAt(offset))}`;
  reason = reason.replace(/\s+/gu, ' ').trim();
  return reason.charAt(0).toLowerCase() + reason.slice(1);
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/** JSON.parse, throwing JsonSyntaxError (one line, with line and column) for invalid JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    if (!(err instanceof SyntaxError)) throw err;
    const offset = errorOffset(text);
    const { line, column } = lineAndColumn(text, offset);
    throw new JsonSyntaxError(line, column, reasonOf(err.message, text, offset));
  }
}
