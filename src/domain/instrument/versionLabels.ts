import type { Instrument } from '../types';
import { knownSaveTime, LEGACY_VERSION_PREFIX, versionIdOf } from './versions';

// How a version is called for people (docs/instrument-and-rounds.md, "Versions"): its name, or
// "versie N". Two versions of one questionnaire on the device that would read the same (two
// devices each saved a "versie 4", or two versions got one name) get what tells them apart: the
// save date, and when that is equal too, the start of their version id. The words themselves are
// the interface's (src/ui/versionLabel.ts); this function only decides what is shown.

export interface VersionLabel {
  /** The director's name, or null: called by its number. */
  name: string | null;
  version: number;
  /** When it was saved (ISO), shown only when the name or number alone is ambiguous. */
  savedAt: string | null;
  /** The start of the version id, shown only when name and save day are both ambiguous. */
  idPart: string | null;
}

export type LabelledVersion = Instrument & { savedAt?: string };

const NUMBER_AS_NAME = /^(?:versie|version)\s+(\d+)$/i;
const ID_PART_LENGTH = 6;

/** What a version reads as before telling it apart: a name that says "versie 3" reads as number 3. */
function readsAs(v: LabelledVersion): string {
  const name = v.versionName?.trim() ?? '';
  if (name === '') return `#${v.version}`;
  const asNumber = NUMBER_AS_NAME.exec(name);
  return asNumber ? `#${Number(asNumber[1])}` : `name:${name.toLocaleLowerCase('nl')}`;
}

function idBody(versionId: string): string {
  return versionId.startsWith(LEGACY_VERSION_PREFIX) ? versionId.slice(LEGACY_VERSION_PREFIX.length) : versionId.replace(/-/g, '');
}

/** The shortest start of each id (at least ID_PART_LENGTH) that differs from the others'. */
function distinctIdParts(ids: readonly string[]): Map<string, string> {
  const parts = new Map<string, string>();
  const bodies = ids.map((id) => [id, idBody(id)] as const);
  for (const [id, body] of bodies) {
    let length = Math.min(ID_PART_LENGTH, body.length);
    while (length < body.length && bodies.some(([other, otherBody]) => other !== id && otherBody.startsWith(body.slice(0, length)))) length++;
    parts.set(id, body.slice(0, length));
  }
  return parts;
}

/**
 * Labels for every version among `versions` (library rows and scans' snapshots, repeats allowed),
 * keyed by `versionIdOf`. Versions are told apart only from others of the same questionnaire
 * (lineage id): a name shared with another questionnaire's version is not ambiguous, its title
 * says which it is.
 */
export function versionLabels(versions: readonly LabelledVersion[]): Map<string, VersionLabel> {
  const unique = new Map<string, LabelledVersion>();
  for (const v of versions) {
    const key = versionIdOf(v);
    const known = unique.get(key);
    // The library row (with its save date) tells more than a scan's snapshot of the same version.
    if (known === undefined || (known.savedAt === undefined && v.savedAt !== undefined)) unique.set(key, v);
  }
  const groups = new Map<string, string[]>();
  for (const [key, v] of unique) {
    const group = `${v.id}\u0000${readsAs(v)}`;
    groups.set(group, [...(groups.get(group) ?? []), key]);
  }
  const labels = new Map<string, VersionLabel>();
  for (const keys of groups.values()) {
    const byDay = new Map<string, string[]>();
    for (const key of keys) {
      const day = knownSaveTime(unique.get(key)?.savedAt)?.slice(0, 10) ?? '';
      byDay.set(day, [...(byDay.get(day) ?? []), key]);
    }
    for (const sameDay of byDay.values()) {
      const idParts = sameDay.length > 1 ? distinctIdParts(sameDay) : null;
      for (const key of sameDay) {
        const v = unique.get(key);
        if (v === undefined) continue;
        const name = v.versionName?.trim() ?? '';
        labels.set(key, {
          name: name === '' ? null : name,
          version: v.version,
          savedAt: keys.length > 1 ? (knownSaveTime(v.savedAt) ?? null) : null,
          idPart: idParts?.get(key) ?? null,
        });
      }
    }
  }
  return labels;
}

/** The label of one version among others (see versionLabels); alone when `among` lacks it. */
export function versionLabelOf(version: LabelledVersion, among: readonly LabelledVersion[]): VersionLabel {
  return versionLabels([...among, version]).get(versionIdOf(version)) ?? { name: version.versionName ?? null, version: version.version, savedAt: null, idPart: null };
}
