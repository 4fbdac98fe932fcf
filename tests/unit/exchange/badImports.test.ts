import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  describeExchangeError,
  EXCHANGE_ERROR_CODES,
  EXCHANGE_LIMITS,
  parseExchangeFile,
  type ExchangeErrorCode,
} from '../../../src/domain/exchange';
import { BAD_IMPORTS, expectOk, readFixture } from './helpers';

// The table in tests/fixtures/bad-imports/README.md is the specification of these files: each
// row gives the file, the expected error code (or `accepted`) and the path the error must name.

interface Row {
  file: string;
  expected: ExchangeErrorCode | 'accepted';
  path: string;
}

function readTable(): Row[] {
  const readme = readFileSync(join(BAD_IMPORTS, 'README.md'), 'utf8');
  const rows: Row[] = [];
  for (const line of readme.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const file = /^`(.+\.json)`$/.exec(cells[1] ?? '')?.[1];
    if (!file) continue;
    const expected = (cells[2] ?? '').replace(/`/g, '');
    if (expected !== 'accepted' && !(EXCHANGE_ERROR_CODES as readonly string[]).includes(expected)) {
      throw new Error(`README row for ${file}: unknown code ${expected}`);
    }
    rows.push({ file, expected: expected as Row['expected'], path: (cells[3] ?? '').replace(/`/g, '') });
  }
  return rows;
}

const rows = readTable();

describe('bad-imports fixtures', () => {
  it('has at least 25 refused files, and a README row for every file and a file for every row', () => {
    const files = readdirSync(BAD_IMPORTS).filter((name) => name.endsWith('.json')).sort();
    expect(rows.map((r) => r.file).sort()).toEqual(files);
    expect(rows.filter((r) => r.expected !== 'accepted').length).toBeGreaterThanOrEqual(25);
  });

  for (const row of rows.filter((r) => r.expected !== 'accepted')) {
    it(`${row.file} → ${row.expected}${row.path ? ` at ${row.path}` : ''}`, () => {
      const result = parseExchangeFile(readFixture(BAD_IMPORTS, row.file), { fileNumber: 2, fileLabel: row.file });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe(row.expected);
      expect(result.error.path).toBe(row.path);
      expect(result.problems[0]).toEqual(result.error);
      // The message names the file and the place, in both languages, and is never HTML.
      const en = describeExchangeError(result.error, 'en');
      const nl = describeExchangeError(result.error, 'nl');
      expect(en).toContain(`file 2 (${row.file})`);
      expect(nl).toContain(`bestand 2 (${row.file})`);
      if (row.path) {
        expect(en).toContain(`, ${row.path}: `);
        expect(nl).toContain(`, ${row.path}: `);
      }
      expect(en).not.toMatch(/undefined|NaN|\{\w+\}/);
      expect(nl).not.toMatch(/undefined|NaN|\{\w+\}/);
      expect(en).not.toEqual(nl);
    });
  }

  it('reads the same file as a string, an ArrayBuffer and a Uint8Array view', () => {
    const bytes = readFixture(BAD_IMPORTS, 'answer-6.json');
    const copy = new Uint8Array(bytes.byteLength + 10);
    copy.set(bytes, 5);
    const view = copy.subarray(5, 5 + bytes.byteLength);
    for (const input of [bytes.toString('utf8'), view, view.slice().buffer]) {
      const result = parseExchangeFile(input);
      expect(result.ok ? 'ok' : result.error.code).toBe('answer-out-of-range');
    }
  });
});

describe('encodings', () => {
  it('strips a UTF-8 byte order mark, from bytes and from a string', () => {
    const bytes = readFixture(BAD_IMPORTS, 'utf8-bom.json');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const fromBytes = parseExchangeFile(bytes);
    expect(fromBytes.ok && fromBytes.source).toEqual({ size: bytes.byteLength, encoding: 'utf-8', hadByteOrderMark: true });
    const fromString = parseExchangeFile(bytes.toString('utf8'));
    expect(fromString.ok && fromString.source.hadByteOrderMark).toBe(true);
    expect(expectOk(fromString)).toEqual(expectOk(fromBytes));
  });

  it('decodes UTF-16 with a byte order mark into the same file as UTF-8', () => {
    const utf16 = parseExchangeFile(readFixture(BAD_IMPORTS, 'utf16le-bom.json'));
    const utf8 = parseExchangeFile(readFixture(BAD_IMPORTS, 'utf8-bom.json'));
    expect(utf16.ok && utf16.source.encoding).toBe('utf-16le');
    expect(expectOk(utf16)).toEqual(expectOk(utf8));
    const bigEndian = Buffer.from(readFixture(BAD_IMPORTS, 'utf16le-bom.json')).swap16();
    const be = parseExchangeFile(bigEndian);
    expect(be.ok && be.source.encoding).toBe('utf-16be');
    expect(expectOk(be)).toEqual(expectOk(utf8));
  });
});

describe('size limits', () => {
  it('refuses an 80 MB file at once, before decoding or parsing it', () => {
    const bytes = new Uint8Array(80 * 1024 * 1024).fill(0x20);
    bytes[0] = 0x7b; // "{" — it would be slow to parse, if it were parsed
    const jsonParse = vi.spyOn(JSON, 'parse');
    const started = performance.now();
    const result = parseExchangeFile(bytes, { fileNumber: 1 });
    const elapsed = performance.now() - started;
    expect(jsonParse).not.toHaveBeenCalled();
    expect(result.ok ? 'ok' : result.error).toMatchObject({ code: 'too-large', limit: EXCHANGE_LIMITS.maxBytes, actual: bytes.byteLength });
    expect(elapsed).toBeLessThan(100);
    if (!result.ok) {
      expect(describeExchangeError(result.error, 'en')).toBe('file 1: the file is 80 MB, more than the 64 MB allowed');
      expect(describeExchangeError(result.error, 'nl')).toBe('bestand 1: het bestand is 80 MB, groter dan de toegestane 64 MB');
    }
  });

  it('refuses an 80 MB string too, and honours a smaller maxBytes', () => {
    const text = ' '.repeat(80 * 1024 * 1024);
    const result = parseExchangeFile(text);
    expect(result.ok ? 'ok' : result.error.code).toBe('too-large');
    const small = parseExchangeFile(readFixture(BAD_IMPORTS, 'utf8-bom.json'), { maxBytes: 100 });
    expect(small.ok ? 'ok' : small.error).toMatchObject({ code: 'too-large', limit: 100 });
  });

  it('refuses a comment of 1,000,000 characters and shows its length, not its text', () => {
    const file = JSON.parse(readFixture(BAD_IMPORTS, 'utf8-bom.json').toString('utf8').slice(1));
    file.scans[0].responses[0].improvement = `${'a'.repeat(999_992)}<script>`;
    const result = parseExchangeFile(JSON.stringify(file), { fileNumber: 3 });
    expect(result.ok ? 'ok' : result.error).toMatchObject({
      code: 'text-too-long',
      path: 'scans[0].responses[0].improvement',
      limit: 10_000,
      actual: 1_000_000,
    });
    if (result.ok) return;
    expect(result.error.value?.length).toBeLessThan(70);
    expect(describeExchangeError(result.error, 'en')).toBe(
      'file 3, scans[0].responses[0].improvement: a text of 1,000,000 characters is longer than the 10,000 allowed',
    );
    expect(describeExchangeError(result.error, 'nl')).toBe(
      'bestand 3, scans[0].responses[0].improvement: een tekst van 1.000.000 tekens is langer dan de toegestane 10.000',
    );
  });
});

describe('text from a file is data', () => {
  it('keeps HTML and script in text fields verbatim, as plain text', () => {
    const file = expectOk(parseExchangeFile(readFixture(BAD_IMPORTS, 'html-in-text.json')));
    const scan = file.scans[0];
    expect(scan?.organisations[0]?.name).toBe('Politie <Noord>');
    expect(scan?.responses[0]?.comments?.q01).toBe('<img src=x onerror="alert(1)"> & <b>vet</b>');
    expect(scan?.responses[0]?.improvement).toBe('<script>alert("xss")</script>');
  });

  it('never lets a forbidden key reach Object.prototype', () => {
    for (const name of ['proto-key.json', 'proto-key-escaped.json', 'constructor-key.json']) {
      const result = parseExchangeFile(readFixture(BAD_IMPORTS, name));
      expect(result.ok).toBe(false);
    }
    const probe: Record<string, unknown> = {};
    expect(probe.isAdmin).toBeUndefined();
    expect(probe.polluted).toBeUndefined();
    expect(probe.minGroupSize).toBeUndefined();
  });

  it('finds a forbidden key at any depth and reports the first in document order', () => {
    const text = '{"format":"ketenscan","a":{"b":[{"c":1},{"prototype":2}]},"__proto__":{}}';
    const result = parseExchangeFile(text);
    expect(result.ok ? 'ok' : result.error).toMatchObject({ code: 'forbidden-key', path: 'a.b[1].prototype', value: '"prototype"' });
  });

  it('accepts the words as values, only refuses them as keys', () => {
    const file = JSON.parse(readFixture(BAD_IMPORTS, 'utf8-bom.json').toString('utf8').slice(1));
    file.scans[0].responses[0].keywords = ['constructor', '__proto__', 'prototype'];
    const parsed = expectOk(parseExchangeFile(JSON.stringify(file)));
    expect(parsed.scans[0]?.responses[0]?.keywords).toEqual(['constructor', '__proto__', 'prototype']);
  });

  it('shows an offending value quoted, with invisible characters escaped and long text cut', () => {
    const file = JSON.parse(readFixture(BAD_IMPORTS, 'utf8-bom.json').toString('utf8').slice(1));
    file.scans[0].responses[0].organisationId = `evil\u202Etxt.exe${'x'.repeat(80)}`;
    const result = parseExchangeFile(JSON.stringify(file));
    expect(result.ok ? 'ok' : result.error.code).toBe('unknown-organisation');
    if (result.ok) return;
    expect(result.error.value).toBe(`"evil\\u202etxt.exe${'x'.repeat(48)}…"`);
  });
});

describe('refusals say what is wrong, not only "not a Ketenscan file"', () => {
  const message = (name: string, lang: 'nl' | 'en') => {
    const result = parseExchangeFile(readFixture(BAD_IMPORTS, name));
    if (result.ok) throw new Error(`${name} was accepted`);
    return describeExchangeError(result.error, lang);
  };

  it('names the missing format field, the list, null and the nesting', () => {
    expect(message('missing-format.json', 'en')).toBe('This is not a Ketenscan file: the field "format" with the value "ketenscan" is missing');
    expect(message('other-format.json', 'nl')).toBe('Dit is geen Ketenscan-bestand: het veld "format" met de waarde "ketenscan" ontbreekt');
    expect(message('other-format-value.json', 'en')).toBe('format: this is not a Ketenscan file: its "format" is "surveyjs", where a Ketenscan file has "ketenscan"');
    expect(message('not-an-object.json', 'en')).toMatch(/^The file holds a list \(a JSON array, starting with \[\), not one object/);
    expect(message('null.json', 'nl')).toMatch(/^Het bestand bevat alleen de waarde null, geen object/);
    expect(message('too-deep.json', 'en')).toBe('The file nests lists and objects more than 64 levels deep; a Ketenscan file needs fewer than 10');
  });

  it('says that "version": "1" must be the number 1', () => {
    expect(message('version-as-text.json', 'en')).toBe('version: the version is the text "1"; it must be the number 1, without quotes');
    expect(message('version-as-text.json', 'nl')).toBe('version: de versie is de tekst "1"; het moet het getal 1 zijn, zonder aanhalingstekens');
    const zero = parseExchangeFile('{"format":"ketenscan","version":0,"exportedAt":"2026-11-22T12:00:00.000Z","scans":[]}');
    expect(!zero.ok && describeExchangeError(zero.error, 'en')).toBe('version: 0 is not a known format version; it must be the number 1');
  });

  it('refuses deep nesting on the text, so even a reviver-parsed file cannot overflow the stack', () => {
    const deep = `{"format":"ketenscan","constructor":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const result = parseExchangeFile(deep);
    expect(!result.ok && result.error).toMatchObject({ code: 'too-deep', limit: EXCHANGE_LIMITS.maxDepth });
    // Brackets inside strings do not count.
    const inText = parseExchangeFile(`{"format":"ketenscan","version":1,"exportedAt":"2026-11-22T12:00:00.000Z","generator":"test","scans":[],"note":"${'['.repeat(200)}"}`);
    expect(inText.ok).toBe(true);
  });
});

