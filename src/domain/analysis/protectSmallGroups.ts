// The display policy on top of the engine (docs/analysis.md, "Groups and the anonymity guard";
// src/domain/analysis/CONTEXT.md). The engine's original rule lets organisations that form no group
// still count in the chain-wide figures (weighted mean, consensus, n, counts, don't-knows). But
// those organisations together always have fewer respondents than the threshold, and a view that
// shows group figures beside chain-wide ones lets anyone subtract: with one such respondent, the
// difference is that person's answer. So every view gets the analysis with those respondents
// left out of all answer figures; they still count as participants (respondentsPerOrganisation,
// and totals.countedResponses, the "submitted scans" the results page reports, which then agrees
// with the scan page) and the anonymity notice says how many were left out.
// The same holds for differences between filtered and unfiltered views: filterGuard.ts withholds
// a group under a filter that would separate fewer than the minimum within it.

import { analyseScan, normaliseAnalysisSettings, normaliseFilters } from './analyseScan';
import { guardRespondentFilters } from './filterGuard';
import type { AnalysisInput, ScanAnalysis } from './types';

export function analyseScanProtected(input: AnalysisInput): ScanAnalysis {
  const { minGroupSize } = normaliseAnalysisSettings(input.settings);
  const guard = guardRespondentFilters(input, minGroupSize);
  const guarded: AnalysisInput = guard.withheld.length > 0 ? { ...input, filters: { ...input.filters, organisationIds: guard.organisationIds } } : input;
  const chosenFilters = normaliseFilters(input.filters);

  const first = analyseScan(guarded);
  const suppressed = new Set(first.anonymity.suppressedOrganisationIds);
  if (suppressed.size === 0) return { ...first, filters: chosenFilters, withheldByFilter: guard.withheld };
  const allowed = (guarded.filters?.organisationIds?.length ? guarded.filters.organisationIds : input.organisations.map((o) => o.id)).filter(
    (id) => !suppressed.has(id),
  );
  // An empty list would mean "no filter": use an id that matches nobody instead.
  const organisationIds = allowed.length > 0 ? allowed : ['\u0000none'];
  const second = analyseScan({ ...input, filters: { ...input.filters, organisationIds } });
  return {
    ...second,
    // The first pass knows who was suppressed; the second only sees them as filtered out.
    anonymity: first.anonymity,
    filters: chosenFilters,
    totals: { ...second.totals, countedResponses: first.totals.countedResponses, excludedByFilters: first.totals.excludedByFilters },
    withheldByFilter: guard.withheld,
  };
}
