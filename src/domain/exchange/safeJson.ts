import { makeError, renderValue, type ExchangeError, type PathSegment } from './errors';

// JSON.parse for text nobody vouches for.
//
// Prototype pollution: JSON.parse itself defines "__proto__" as a plain own property (it never
// calls the setter), but any later code that copies such an object key by key (`target[key] =
// value`) would then change Object.prototype. So the keys "__proto__", "constructor" and
// "prototype" are refused anywhere in the file, at any depth, and they are taken out of the
// parsed tree by the reviver while JSON.parse builds it: no object that carries one ever
// reaches validation. The reviver is only used when the raw text could contain such a key
// (the names literally, or any \u escape that could spell them), so normal files parse at full speed.

export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; error: ExchangeError };

export function parseJsonSafely(text: string): JsonParseResult {
  if (text.trim() === '') return { ok: false, error: makeError('empty', []) };
  const mayHoldForbiddenKey =
    text.includes('__proto__') || text.includes('constructor') || text.includes('prototype') || text.includes('\\u');
  const found: { holder: object; key: string }[] = [];
  let value: unknown;
  try {
    value = mayHoldForbiddenKey
      ? JSON.parse(text, function (this: object, key: string, child: unknown) {
          if (FORBIDDEN_KEYS.has(key) && !Array.isArray(this)) {
            found.push({ holder: this, key });
            return undefined; // removes the property from the tree being built
          }
          return child;
        })
      : JSON.parse(text);
  } catch (error) {
    return { ok: false, error: describeSyntaxError(text, error) };
  }
  const first = found[0];
  if (first) {
    const holderPath = findPath(value, first.holder) ?? [];
    return { ok: false, error: makeError('forbidden-key', [...holderPath, first.key], { value: renderValue(first.key) }) };
  }
  return { ok: true, value };
}

/** The path from `root` to the object `target` (by identity), breadth-first without recursion. */
function findPath(root: unknown, target: object): PathSegment[] | null {
  const queue: { node: unknown; path: PathSegment[] }[] = [{ node: root, path: [] }];
  for (let i = 0; i < queue.length; i++) {
    const entry = queue[i];
    if (!entry) break;
    const { node, path } = entry;
    if (node === target) return path;
    if (Array.isArray(node)) node.forEach((child, index) => queue.push({ node: child, path: [...path, index] }));
    else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) queue.push({ node: child, path: [...path, key] });
    }
  }
  return null;
}

function describeSyntaxError(text: string, error: unknown): ExchangeError {
  const message = error instanceof Error ? error.message : '';
  let line: number | undefined;
  let column: number | undefined;
  let offset: number | undefined;
  const lineColumn = /line (\d+) column (\d+)/i.exec(message);
  const position = /position (\d+)/i.exec(message);
  if (position?.[1] !== undefined) offset = Number(position[1]);
  if (lineColumn?.[1] !== undefined && lineColumn[2] !== undefined) {
    line = Number(lineColumn[1]);
    column = Number(lineColumn[2]);
  } else if (offset !== undefined) {
    const before = text.slice(0, offset);
    line = before.split('\n').length;
    column = offset - before.lastIndexOf('\n');
  }
  // A parser that fails exactly where the text ends ran out of text: the file was cut off.
  const endOfText = text.trimEnd().length;
  const isTruncated =
    /end of (JSON )?(input|data)|unterminated/i.test(message) || (offset !== undefined && offset >= endOfText);
  const detail: Omit<ExchangeError, 'code' | 'path'> = {};
  if (line !== undefined && column !== undefined) {
    detail.line = line;
    detail.column = column;
  }
  return makeError(isTruncated ? 'truncated' : 'not-json', [], detail);
}
