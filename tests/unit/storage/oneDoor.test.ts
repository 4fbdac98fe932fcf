import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// One door to durable state (src/storage/CONTEXT.md): IndexedDB, localStorage and sessionStorage
// are reached only from src/storage, and each Web Storage key is named by one module.

const root = join(__dirname, '../../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The code without its comments, so a comment may still say where something is kept. */
function codeOf(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

const files = sourceFiles(root).map((path) => ({ name: relative(root, path).replaceAll('\\', '/'), code: codeOf(readFileSync(path, 'utf8')) }));
const outside = files.filter((file) => !file.name.startsWith('storage/'));

describe('one door to durable state', () => {
  it('reads the source', () => {
    expect(outside.length).toBeGreaterThan(100);
    expect(files.some((file) => file.name === 'storage/db.ts')).toBe(true);
  });

  it('no file outside src/storage touches localStorage, sessionStorage or indexedDB', () => {
    const offenders = outside.filter((file) => /\b(localStorage|sessionStorage|indexedDB)\b/.test(file.code)).map((file) => file.name);
    expect(offenders).toEqual([]);
  });

  it('no file outside src/storage imports the database module', () => {
    const offenders = outside.filter((file) => /from\s+['"][./]*(\.\.\/)*storage\/db['"]/.test(file.code)).map((file) => file.name);
    expect(offenders).toEqual([]);
  });

  it('each Web Storage key is named in exactly one module, in src/storage', () => {
    const keys = ['ketenscan-language', 'ketenscan-participant-language', 'ketenscan-room', 'ketenscan-active-draft:', 'ketenscan-unsaved:', 'ketenscan-live-phone:', 'ketenscan-live-phone-unreadable:', 'ketenscan-tab-lease:'];
    for (const key of keys) {
      const owners = files.filter((file) => new RegExp(`['"\`]${key}['"\`$]`).test(file.code)).map((file) => file.name);
      expect({ key, owners: owners.length, inStorage: owners.every((name) => name.startsWith('storage/')) }).toEqual({ key, owners: 1, inStorage: true });
    }
  });
});
