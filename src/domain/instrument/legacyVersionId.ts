import type { Instrument } from '../types';

// The id of a questionnaire version saved before versions had ids (docs/instrument-and-rounds.md,
// "Versions"). A module of its own because the schema 5 migration needs it, and that migration
// runs on every route that opens the database, the participant's included: it fetches this
// module as a chunk of its own, only when there is a row to move (docs/storage-and-migrations.md).

/** The prefix of a version id derived from content. */
export const LEGACY_VERSION_PREFIX = 'legacy-';

/**
 * A fingerprint of the version's content (lineage id, number, title, dimensions, statements; not
 * the name) as canonical JSON (keys sorted at every depth, arrays in order). Two devices holding
 * the same old version derive the same id; two different "version 3"s get different ids.
 * FROZEN: the schema 5 migration stored ids made by this function, and files and devices in the
 * field rely on it; a test pins its value. Never change it.
 */
export function legacyVersionId(instrument: Pick<Instrument, 'id' | 'version' | 'title' | 'dimensions' | 'items'>): string {
  const { id, version, title, dimensions, items } = instrument;
  const text = JSON.stringify({ id, version, title, dimensions, items }, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((key) => [key, (value as Record<string, unknown>)[key]]),
        )
      : value,
  );
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
