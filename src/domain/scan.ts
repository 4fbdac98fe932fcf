import { copyDefaultInstrument } from './instrument/defaultInstrument';
import { isIsoDate } from './response';
import { isValidGapThreshold, isValidMinGroupSize } from './settingsLimits';
import { DEFAULT_SETTINGS, type Instrument, type Organisation, type Scan, type ScanSettings } from './types';

// What a participant's device needs lives in ./response (it stays out of the director's code's
// way and keeps the default instrument off the participant's route); re-exported here.
export { checkSubmission, cleanKeywords, createDraftResponse, isIsoDate, startLanguageOf, type SubmissionProblem } from './response';

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

/** What is wrong with a new scan's input, in form order; empty when it can be created. */
export function checkNewScan(input: Omit<NewScanInput, 'id' | 'now'>): NewScanProblem[] {
  const problems: NewScanProblem[] = [];
  const settings = { ...DEFAULT_SETTINGS, ...input.settings };
  if (!input.title.trim()) problems.push('title-missing');
  if (!isIsoDate(input.date)) problems.push('date-invalid');
  if (buildOrganisations(input.organisationNames).length < 2) problems.push('too-few-organisations');
  if (!isValidMinGroupSize(settings.minGroupSize)) problems.push('min-group-size-invalid');
  if (!isValidGapThreshold(settings.gapThreshold)) problems.push('gap-threshold-invalid');
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


/** A PIN for leaving the participant's room: 4 to 8 digits (a speed bump, not a password). */
export function isValidExitPin(pin: string): boolean {
  return /^\d{4,8}$/.test(pin);
}
