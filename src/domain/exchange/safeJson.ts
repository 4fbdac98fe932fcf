import { makeError, renderValue, type ExchangeError, type PathSegment } from './errors';
import { EXCHANGE_LIMITS } from './types';

// JSON.parse for text nobody vouches for.
//
// Prototype pollution: JSON.parse itself defines "__proto__" as a plain own property (it never
// calls the setter), but any later code that copies such an object key by key (`target[key] =
// value`) would then change Object.prototype. So the keys "__proto__", "constructor" and
// "prototype" are refused anywhere in the file, at any depth, before any of our code builds an
// object from the parsed text: a reviver sees every key, decoded, while JSON.parse builds the
// tree, and a tree with such a key is thrown away as a whole (only walked once, with own-key
// reads, to name the first offending place in document order).
// The reviver is only used when the raw text could contain such a key (the names literally, or
// any \u escape that could spell them), so ordinary files parse at full speed.

export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; error: ExchangeError };

export function parseJsonSafely(text: string, maxDepth: number = EXCHANGE_LIMITS.maxDepth): JsonParseResult {
  if (text.trim() === '') return { ok: false, error: makeError('empty', []) };
  // Checked on the text, before JSON.parse: a reviver recurses, and thousands of nested brackets
  // would overflow the stack and be reported as "not JSON".
  if (nestingDepth(text, maxDepth) > maxDepth) return { ok: false, error: makeError('too-deep', [], { limit: maxDepth }) };
  const mayHoldForbiddenKey =
    text.includes('__proto__') || text.includes('constructor') || text.includes('prototype') || text.includes('\\u');
  let hasForbiddenKey = false;
  let value: unknown;
  try {
    value = mayHoldForbiddenKey
      ? JSON.parse(text, function (this: unknown, key: string, child: unknown) {
          if (!Array.isArray(this) && FORBIDDEN_KEYS.has(key)) hasForbiddenKey = true;
          return child;
        })
      : JSON.parse(text);
  } catch (error) {
    return { ok: false, error: describeSyntaxError(text, error) };
  }
  if (hasForbiddenKey) {
    const path = findForbiddenKey(value) ?? [];
    const key = path[path.length - 1];
    return { ok: false, error: makeError('forbidden-key', path, { value: renderValue(key) }) };
  }
  return { ok: true, value };
}

/** Deepest nesting of [ and { outside strings; stops counting once past `limit`. */
function nestingDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/** Path of the first forbidden key in document order: a depth-first walk without recursion. */
function findForbiddenKey(root: unknown): PathSegment[] | null {
  const stack: { node: unknown; path: PathSegment[] }[] = [{ node: root, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop() as { node: unknown; path: PathSegment[] };
    const key = path[path.length - 1];
    if (typeof key === 'string' && FORBIDDEN_KEYS.has(key)) return path;
    if (node === null || typeof node !== 'object') continue;
    const children: { node: unknown; path: PathSegment[] }[] = [];
    if (Array.isArray(node)) {
      node.forEach((child: unknown, index) => children.push({ node: child, path: [...path, index] }));
    } else {
      for (const key of Object.keys(node)) {
        children.push({ node: Object.getOwnPropertyDescriptor(node, key)?.value, path: [...path, key] });
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as { node: unknown; path: PathSegment[] });
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
