import type { ComparisonMode } from '../../domain/rounds/compareGroups';
import { LEVELS, type Level } from '../../domain/types';

/**
 * The two-group comparison the report includes, in the address: `?groups=levels:uitvoering,management`
 * or `?groups=organisation:<id>` (docs/instrument-and-rounds.md, "In the presenter and the report").
 * The gap view's link and the report's own choice write it; anything unreadable is no choice.
 */
export const GROUPS_PARAM = 'groups';

const isLevel = (value: string | undefined): value is Level => (LEVELS as readonly (string | undefined)[]).includes(value);

export function parseComparisonParam(value: string | null): ComparisonMode | null {
  if (!value) return null;
  const colon = value.indexOf(':');
  if (colon < 0) return null;
  const kind = value.slice(0, colon);
  const rest = value.slice(colon + 1);
  if (kind === 'organisation') return rest.length > 0 ? { kind, organisationId: rest } : null;
  if (kind === 'levels') {
    const [a, b, extra] = rest.split(',');
    return isLevel(a) && isLevel(b) && extra === undefined ? { kind, a, b } : null;
  }
  return null;
}

export function formatComparisonParam(mode: ComparisonMode): string {
  return mode.kind === 'levels' ? `levels:${mode.a},${mode.b}` : `organisation:${mode.organisationId}`;
}

/** `search` (with or without '?') with the comparison set, or removed for null; without '?'. */
export function withComparisonParam(search: string, mode: ComparisonMode | null): string {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  if (mode) params.set(GROUPS_PARAM, formatComparisonParam(mode));
  else params.delete(GROUPS_PARAM);
  return params.toString().replace(/%2C/gi, ',').replace(/%3A/gi, ':');
}
