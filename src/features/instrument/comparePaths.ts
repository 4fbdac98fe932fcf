// Addresses of the version comparison (docs/instrument-and-rounds.md, "Comparing versions"):
// `#/instruments/compare/<from>/<to>` by version id, so a reload or a shared link shows the same pair.

export const COMPARE_PATH = '/instruments/compare';

/** Stands for "the version `to` was made from" in the address; never a version id (those are UUIDs or `legacy-…`). */
export const BASE_VERSION = 'base';

/** The address of the comparison of two versions (by version id, or BASE_VERSION for `from`). */
export function comparePath(from: string, to: string): string {
  return `${COMPARE_PATH}/${encodeURIComponent(from)}/${encodeURIComponent(to)}`;
}
