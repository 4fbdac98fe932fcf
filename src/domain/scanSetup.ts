import { checkNewScan, slugify, type NewScanProblem } from './scan';
import type { Language, Organisation, ScanSettings } from './types';

// Changing a scan's set-up after it was made (docs/instrument-and-rounds.md, "Scan set-up").
// Organisation ids are what responses point to, so they never change: a rename changes the name
// only; a merge moves one organisation's responses to another and drops the first (the other
// records `mergedFrom`); a partner may be added as a part split off from another (`splitFrom`);
// a removal is refused while the organisation has responses (merge it instead). Both records
// let a comparison of rounds tell a changed partner from the same one.

export interface SetupFields {
  title: string;
  date: string;
  settings: ScanSettings;
}

/** What is wrong with the edited fields, in form order (the same rules as for a new scan). */
export function checkSetup(fields: SetupFields, organisations: readonly Organisation[]): NewScanProblem[] {
  return checkNewScan({ title: fields.title, date: fields.date, organisationNames: organisations.map((o) => o.name), settings: fields.settings });
}

export type OrganisationProblem = 'name-empty' | 'name-taken' | 'has-responses' | 'too-few-organisations' | 'same-organisation' | 'unknown-organisation';

const key = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');
const tidy = (name: string) => name.trim().replace(/\s+/g, ' ');

export type OrganisationsResult = { ok: true; organisations: Organisation[] } | { ok: false; problem: OrganisationProblem };

/** Adds a partner; with `splitFromId`, as a part split off from that partner. */
export function addOrganisation(organisations: readonly Organisation[], name: string, splitFromId?: string): OrganisationsResult {
  if (!tidy(name)) return { ok: false, problem: 'name-empty' };
  if (organisations.some((o) => key(o.name) === key(name))) return { ok: false, problem: 'name-taken' };
  if (splitFromId !== undefined && !organisations.some((o) => o.id === splitFromId)) return { ok: false, problem: 'unknown-organisation' };
  const ids = new Set(organisations.map((o) => o.id));
  const base = slugify(name) || 'organisatie';
  let id = base;
  for (let i = 2; ids.has(id); i++) id = `${base}-${i}`;
  return { ok: true, organisations: [...organisations, { id, name: tidy(name), ...(splitFromId !== undefined ? { splitFrom: splitFromId } : {}) }] };
}

export function renameOrganisation(organisations: readonly Organisation[], id: string, name: string): OrganisationsResult {
  if (!organisations.some((o) => o.id === id)) return { ok: false, problem: 'unknown-organisation' };
  if (!tidy(name)) return { ok: false, problem: 'name-empty' };
  if (organisations.some((o) => o.id !== id && key(o.name) === key(name))) return { ok: false, problem: 'name-taken' };
  return { ok: true, organisations: organisations.map((o) => (o.id === id ? { ...o, name: tidy(name) } : o)) };
}

/** Removes an organisation nobody answered for; with responses it must be merged instead. */
export function removeOrganisation(organisations: readonly Organisation[], id: string, responseCount: number): OrganisationsResult {
  if (!organisations.some((o) => o.id === id)) return { ok: false, problem: 'unknown-organisation' };
  if (responseCount > 0) return { ok: false, problem: 'has-responses' };
  if (organisations.length <= 2) return { ok: false, problem: 'too-few-organisations' };
  return { ok: true, organisations: organisations.filter((o) => o.id !== id) };
}

/**
 * Merges `fromId` into `intoId`: the list without `fromId`, and `intoId` records `fromId` (and
 * whatever was merged into it before) in `mergedFrom`; the caller moves its responses.
 */
export function mergeOrganisations(organisations: readonly Organisation[], fromId: string, intoId: string): OrganisationsResult {
  if (fromId === intoId) return { ok: false, problem: 'same-organisation' };
  const from = organisations.find((o) => o.id === fromId);
  if (!from || !organisations.some((o) => o.id === intoId)) return { ok: false, problem: 'unknown-organisation' };
  if (organisations.length <= 2) return { ok: false, problem: 'too-few-organisations' };
  return {
    ok: true,
    organisations: organisations
      .filter((o) => o.id !== fromId)
      .map((o) => (o.id === intoId ? { ...o, mergedFrom: [...new Set([...(o.mergedFrom ?? []), fromId, ...(from.mergedFrom ?? [])])] } : o)),
  };
}

/** The language participants start in; Dutch unless the scan says English. */
export function isStartLanguage(value: unknown): value is Language {
  return value === 'nl' || value === 'en';
}

