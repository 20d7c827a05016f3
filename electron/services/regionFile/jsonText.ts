import { PamojaError } from '../../../shared/errors.ts';

/**
 * Parses JSON text written by a person. When it is not valid JSON the message gives the
 * line and column of the first mistake and what was expected there: V8's own message
 * often has no position and quotes the whole text, which is useless for a large file.
 */
export function parseJsonText(text: string): unknown {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text; // Windows editors add a BOM
  try {
    return JSON.parse(body);
  } catch (e) {
    const found = locateJsonError(body);
    if (!found) throw new PamojaError('invalid', `Not valid JSON: ${(e as Error).message.slice(0, 200)}`);
    const { line, column } = lineAndColumn(body, found.offset);
    throw new PamojaError('invalid', `Not valid JSON at line ${line}, column ${column}: ${found.problem}`);
  }
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

const describe = (ch: string | undefined): string =>
  ch === undefined ? 'the end of the file' : ch === "'" ? 'a single quote (use double quotes)' : `"${ch}"`;

class Stop {
  readonly offset: number;
  readonly problem: string;
  constructor(offset: number, problem: string) {
    this.offset = offset;
    this.problem = problem;
  }
}

/** Walks the text as JSON's grammar does and returns where it first goes wrong. */
export function locateJsonError(text: string): { offset: number; problem: string } | null {
  let pos = 0;
  const fail = (problem: string, at = pos): never => {
    throw new Stop(at, problem);
  };
  const space = (): void => {
    while (pos < text.length && ' \t\n\r'.includes(text[pos]!)) pos++;
  };
  const word = (w: string): void => {
    if (text.startsWith(w, pos)) pos += w.length;
    else fail('expected a value (text in double quotes, a number, true, false, null, [ or {)');
  };
  const string = (): void => {
    pos++;
    for (;;) {
      const ch = text[pos];
      if (ch === undefined) fail('text in double quotes is never closed');
      if (ch === '"') {
        pos++;
        return;
      }
      if (ch! < ' ') fail('a line break or tab inside text in quotes (write \\n or \\t)');
      if (ch === '\\') {
        const next = text[pos + 1] ?? '';
        if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) pos += 6;
        else if ('"\\/bfnrt'.includes(next) && next !== '') pos += 2;
        else fail('a backslash must start an escape such as \\" or \\n');
      } else pos++;
    }
  };
  const number = (): void => {
    const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    m.lastIndex = pos;
    if (!m.exec(text)) fail('not a valid number');
    pos = m.lastIndex;
  };
  const list = (close: ']' | '}', item: () => void): void => {
    pos++;
    space();
    if (text[pos] === close) {
      pos++;
      return;
    }
    for (;;) {
      item();
      space();
      const ch = text[pos];
      if (ch === close) {
        pos++;
        return;
      }
      if (ch !== ',') fail(`expected "," or "${close}" but found ${describe(ch)}`);
      const comma = pos;
      pos++;
      space();
      if (text[pos] === close) fail(`remove the comma before "${close}"`, comma);
    }
  };
  const value = (): void => {
    space();
    const ch = text[pos];
    if (ch === '{')
      list('}', () => {
        space();
        if (text[pos] !== '"')
          fail(`expected a field name in double quotes but found ${describe(text[pos])}`);
        string();
        space();
        if (text[pos] !== ':') fail(`expected ":" after the field name but found ${describe(text[pos])}`);
        pos++;
        value();
      });
    else if (ch === '[') list(']', value);
    else if (ch === '"') string();
    else if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) number();
    else if (ch === 't') word('true');
    else if (ch === 'f') word('false');
    else if (ch === 'n') word('null');
    else fail(`expected a value but found ${describe(ch)}`);
  };

  try {
    value();
    space();
    if (pos < text.length) fail(`unexpected ${describe(text[pos])} after the end of the document`);
    return null;
  } catch (e) {
    if (e instanceof Stop) return { offset: e.offset, problem: e.problem };
    return null; // e.g. nesting too deep for the stack: fall back to the engine's message
  }
}
