import { canonicalJson } from '../exchange/canonical';
import type { Instrument } from '../types';

// The id of a version saved before versions had ids (docs/instrument-and-rounds.md, "Versions"),
// apart from versions.ts because the schema 5 migration, in the app's entry, needs it: only this
// much of the versions code then loads on the participant's route (docs/budgets.md).

/** The prefix of a version id derived from content (versions saved before ids existed). */
export const LEGACY_VERSION_PREFIX = 'legacy-';

/**
 * The id of a version saved before versions had ids: a fingerprint of its content (lineage id,
 * number, title, dimensions, statements; not the name). Two devices holding the same old version
 * derive the same id, so it is recognised across devices; two different "version 3"s get
 * different ids. FROZEN: the schema 5 migration stored ids made by this function, and files and
 * devices in the field rely on it; never change it.
 */
export function legacyVersionId(instrument: Pick<Instrument, 'id' | 'version' | 'title' | 'dimensions' | 'items'>): string {
  const { id, version, title, dimensions, items } = instrument;
  const text = canonicalJson({ id, version, title, dimensions, items });
  return `${LEGACY_VERSION_PREFIX}${fnv1a(text, 0x811c9dc5)}${fnv1a(text, 0x01000193 ^ 0x9e3779b9)}`;
}

/** FNV-1a over UTF-16 code units, 32 bits, from the given offset basis, as 8 hex digits. */
function fnv1a(text: string, basis: number): string {
  let hash = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

