import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import {
  buildExchangeFile,
  parseExchangeFile,
  toStoredResponse,
  toStoredScan,
  type ExchangeFileV1,
  type ImportWrites,
  type ParseResult,
} from '../../../src/domain/exchange';
import type { Response, Scan } from '../../../src/domain/types';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const EXCHANGE_FIXTURES = join(ROOT, 'tests', 'fixtures', 'exchange');
export const BAD_IMPORTS = join(ROOT, 'tests', 'fixtures', 'bad-imports');

export function readFixture(dir: string, name: string): Buffer {
  return readFileSync(join(dir, name));
}

export function expectOk(result: ParseResult): ExchangeFileV1 {
  if (!result.ok) throw new Error(`expected a valid file, got ${JSON.stringify(result.error)}`);
  return result.file;
}

/** Import a file the way the UI will: parse, then store every scan and response. */
export function storeFile(file: ExchangeFileV1, now = new Date('2026-12-01T00:00:00.000Z')): { scan: Scan; responses: Response[] }[] {
  return file.scans.map((s) => ({ scan: toStoredScan(s, { now }), responses: s.responses.map((r) => toStoredResponse(r, s.id)) }));
}

/** build → JSON text → parse → store → build, with a new export time. */
export function reexport(file: ExchangeFileV1, now: Date, generator = file.generator): ExchangeFileV1 {
  const parsed = expectOk(parseExchangeFile(JSON.stringify(file)));
  return buildExchangeFile(storeFile(parsed), now, generator);
}

let validator: ((data: unknown) => boolean) & { errors?: unknown } | undefined;

/** ajv (draft 2020-12, with formats) compiled from schema/ketenscan-exchange-v1.schema.json. */
export function schemaValidator(): ((data: unknown) => boolean) & { errors?: unknown } {
  if (!validator) {
    const schema: unknown = JSON.parse(readFileSync(join(ROOT, 'schema', 'ketenscan-exchange-v1.schema.json'), 'utf8'));
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    validator = ajv.compile(schema as object);
  }
  return validator;
}

/** An in-memory stand-in for the Dexie transaction that applies ImportWrites. */
export class MemoryStore {
  scans = new Map<string, Scan>();
  responses = new Map<string, Response>();

  constructor(entries: { scan: Scan; responses: readonly Response[] }[] = []) {
    for (const { scan, responses } of entries) {
      this.scans.set(scan.id, structuredClone(scan));
      for (const r of responses) this.responses.set(r.id, structuredClone(r));
    }
  }

  get existing(): { scans: Scan[]; responses: Response[] } {
    return { scans: [...this.scans.values()], responses: [...this.responses.values()] };
  }

  apply(writes: ImportWrites): void {
    for (const scan of writes.scansToAdd) {
      if (this.scans.has(scan.id)) throw new Error(`scan ${scan.id} exists`);
      this.scans.set(scan.id, structuredClone(scan));
    }
    for (const update of writes.scansToUpdate) {
      const scan = this.scans.get(update.id);
      if (!scan) throw new Error(`scan ${update.id} missing`);
      scan.organisations = structuredClone(update.organisations);
    }
    for (const r of writes.responsesToAdd) {
      if (this.responses.has(r.id)) throw new Error(`response ${r.id} exists`);
      this.responses.set(r.id, structuredClone(r));
    }
    for (const r of writes.responsesToReplace) {
      if (!this.responses.has(r.id)) throw new Error(`response ${r.id} missing`);
      this.responses.set(r.id, structuredClone(r));
    }
  }

  responsesOf(scanId: string): Response[] {
    return [...this.responses.values()].filter((r) => r.scanId === scanId);
  }
}
