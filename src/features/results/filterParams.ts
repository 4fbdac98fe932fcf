// The results filters live in the address (docs/presenter.md, "Filters reach the room"), so they
// survive a reload and go with the director to presenter mode and the report. Wouter's hash
// router keeps a search part in the real URL search (`…/?level=management#/scans/<id>/present`).

import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { useLocation } from 'wouter';
import type { AnalysisFilters } from '../../domain/analysis';
import { ITEM_KINDS, LEVELS, type ItemKind, type Level } from '../../domain/types';

const LEVEL_KEY = 'level';
const ORGANISATIONS_KEY = 'orgs';
const KIND_KEY = 'kind';

function listOf(value: string | null): string[] {
  return value ? value.split(',').filter((part) => part.length > 0) : [];
}

/** Filters from a search string; unknown levels and kinds are dropped, an empty list is no filter. */
export function parseFilterSearch(search: string): AnalysisFilters {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const levels = listOf(params.get(LEVEL_KEY)).filter((l): l is Level => (LEVELS as readonly string[]).includes(l));
  const organisationIds = listOf(params.get(ORGANISATIONS_KEY));
  const kinds = listOf(params.get(KIND_KEY)).filter((k): k is ItemKind => (ITEM_KINDS as readonly string[]).includes(k));
  const filters: AnalysisFilters = {};
  if (levels.length > 0) filters.levels = levels;
  if (organisationIds.length > 0) filters.organisationIds = organisationIds;
  if (kinds.length > 0) filters.kinds = kinds;
  return filters;
}

/** The search string of some filters, without '?'; '' for no filter. */
export function formatFilterSearch(filters: AnalysisFilters): string {
  const params = new URLSearchParams();
  if (filters.levels?.length) params.set(LEVEL_KEY, filters.levels.join(','));
  if (filters.organisationIds?.length) params.set(ORGANISATIONS_KEY, filters.organisationIds.join(','));
  if (filters.kinds?.length) params.set(KIND_KEY, filters.kinds.join(','));
  // Commas are safe in a query and easier to read in the address bar.
  return params.toString().replace(/%2C/gi, ',');
}

/** A link to another results page that keeps the current filters. */
export function withFilters(path: string, filters: AnalysisFilters): string {
  const search = formatFilterSearch(filters);
  return search ? `${path}?${search}` : path;
}

// Wouter's hash navigate fires 'hashchange' after every change (also one that only changes the
// search); back and forward fire 'popstate'.
function subscribeToSearch(callback: () => void): () => void {
  window.addEventListener('hashchange', callback);
  window.addEventListener('popstate', callback);
  return () => {
    window.removeEventListener('hashchange', callback);
    window.removeEventListener('popstate', callback);
  };
}
const readSearch = () => window.location.search;

/** The filters in the address, and a setter that writes them back (replacing, not adding, a history entry). */
export function useFilterParams(): [AnalysisFilters, (filters: AnalysisFilters) => void] {
  const search = useSyncExternalStore(subscribeToSearch, readSearch);
  const [location, navigate] = useLocation();
  const filters = useMemo(() => parseFilterSearch(search), [search]);
  const setFilters = useCallback(
    // A trailing '?' with nothing after it clears the search (wouter's hash navigate sets url.search).
    (next: AnalysisFilters) => navigate(`${location}?${formatFilterSearch(next)}`, { replace: true }),
    [location, navigate],
  );
  return [filters, setFilters];
}
