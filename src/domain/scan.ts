import { copyDefaultInstrument } from './instrument/defaultInstrument';
import { isAnswer } from './answers';
import { DEFAULT_SETTINGS, type Instrument, type Language, type Level, type Organisation, type Response, type Scan, type ScanSettings } from './types';

/** Lower-case ASCII slug for ids and file names: "William Schrikker Groep" → "william-schrikker-groep". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/** Organisations from names as typed: trimmed, empty and repeated names dropped, ids unique. */
export function buildOrganisations(names: readonly string[]): Organisation[] {
  const seenNames = new Set<string>();
  const usedIds = new Set<string>();
  const organisations: Organisation[] = [];
  for (const raw of names) {
    const name = raw.trim().replace(/\s+/g, ' ');
    const key = name.toLocaleLowerCase('nl');
    if (!name || seenNames.has(key)) continue;
    seenNames.add(key);
    const base = slugify(name) || 'organisatie';
    let id = base;
    for (let i = 2; usedIds.has(id); i++) id = `${base}-${i}`;
    usedIds.add(id);
    organisations.push({ id, name });
  }
  return organisations;
}

export interface NewScanInput {
  id: string;
  title: string;
  date: string;
  organisationNames: readonly string[];
  settings?: Partial<ScanSettings>;
  instrument?: Instrument;
  now: Date;
}

export type NewScanProblem = 'title-missing' | 'date-invalid' | 'too-few-organisations' | 'min-group-size-invalid' | 'gap-threshold-invalid';

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** What is wrong with a new scan's input, in form order; empty when it can be created. */
export function checkNewScan(input: Omit<NewScanInput, 'id' | 'now'>): NewScanProblem[] {
  const problems: NewScanProblem[] = [];
  const settings = { ...DEFAULT_SETTINGS, ...input.settings };
  if (!input.title.trim()) problems.push('title-missing');
  if (!isIsoDate(input.date)) problems.push('date-invalid');
  if (buildOrganisations(input.organisationNames).length < 2) problems.push('too-few-organisations');
  if (!Number.isInteger(settings.minGroupSize) || settings.minGroupSize < 1 || settings.minGroupSize > 50) problems.push('min-group-size-invalid');
  if (!Number.isFinite(settings.gapThreshold) || settings.gapThreshold <= 0 || settings.gapThreshold > 4) problems.push('gap-threshold-invalid');
  return problems;
}

export function createScan(input: NewScanInput): Scan {
  return {
    id: input.id,
    title: input.title.trim(),
    date: input.date,
    settings: { ...DEFAULT_SETTINGS, ...input.settings },
    instrument: input.instrument ? structuredClone(input.instrument) : copyDefaultInstrument(),
    organisations: buildOrganisations(input.organisationNames),
    status: 'open',
    isDemo: false,
    createdAt: input.now.toISOString(),
  };
}

export function createDraftResponse(args: { id: string; scan: Scan; organisationId: string; level: Level | null; now: Date }): Response {
  return {
    id: args.id,
    scanId: args.scan.id,
    organisationId: args.organisationId,
    level: args.scan.settings.askLevel ? args.level : null,
    answers: {},
    comments: {},
    keywords: [],
    improvement: '',
    startedAt: args.now.toISOString(),
    submittedAt: null,
    status: 'draft',
    position: 1,
    lastActivityAt: args.now.toISOString(),
  };
}

export type SubmissionProblem = 'scan-closed' | 'wrong-scan' | 'unknown-organisation' | 'unknown-statement' | 'invalid-answer' | 'already-submitted';

/** Why a response may not be submitted to a scan, or null when it may. */
export function checkSubmission(scan: Scan, response: Response): SubmissionProblem | null {
  if (response.status === 'submitted') return 'already-submitted';
  if (response.scanId !== scan.id) return 'wrong-scan';
  if (scan.status !== 'open') return 'scan-closed';
  if (!scan.organisations.some((o) => o.id === response.organisationId)) return 'unknown-organisation';
  const itemIds = new Set(scan.instrument.items.map((i) => i.id));
  for (const [itemId, answer] of Object.entries(response.answers)) {
    if (!itemIds.has(itemId)) return 'unknown-statement';
    if (!isAnswer(answer)) return 'invalid-answer';
  }
  return null;
}

/** Keywords as a participant typed them: trimmed, empties dropped, at most three. */
export function cleanKeywords(keywords: readonly string[]): string[] {
  return keywords.map((k) => k.trim().replace(/\s+/g, ' ')).filter((k) => k.length > 0).slice(0, 3);
}

/**
 * The language a participant starts in (also while the scan is still loading). Every scan
 * starts in Dutch for now; a per-scan choice belongs with the scan's set-up
 * (docs/shared-devices.md).
 */
export function startLanguageOf(_scan: Pick<Scan, 'settings'> | undefined): Language {
  return 'nl';
}

/** A PIN for leaving the participant's room: 4 to 8 digits (a speed bump, not a password). */
export function isValidExitPin(pin: string): boolean {
  return /^\d{4,8}$/.test(pin);
}
