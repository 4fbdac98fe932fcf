// Thermometer and thermostat indexes: means of statement means, per kind and per dimension.
// The same rule serves a group (over its cell means) and the chain (over the chain means).

import type { Instrument, ItemKind } from '../types';
import { bandOf, meanOfPresent } from './statistics';
import type { IndexSet, IndexValue, StatementAnalysis } from './types';

/** Dimension ids in instrument order, then any a statement uses that the instrument does not list. */
export function listDimensionIds(instrument: Instrument): string[] {
  const ids = instrument.dimensions.map((dimension) => dimension.id);
  for (const item of instrument.items) if (!ids.includes(item.dimension)) ids.push(item.dimension);
  return ids;
}

function indexOver(means: readonly (number | null)[]): IndexValue {
  const { value, count } = meanOfPresent(means);
  return { value, statementCount: count, band: bandOf(value) };
}

/**
 * The index set for one series of statement means (`meanOf(statement)`), e.g. a group's
 * cell means or the chain means. A statement without a mean is left out, not counted as zero.
 */
export function computeIndexes(
  statements: readonly StatementAnalysis[],
  dimensionIds: readonly string[],
  meanOf: (statement: StatementAnalysis) => number | null,
): IndexSet {
  const byKind = (kind: ItemKind, dimensionId: string | null): IndexValue =>
    indexOver(
      statements.map((statement) =>
        statement.kind === kind && (dimensionId === null || statement.dimensionId === dimensionId) ? meanOf(statement) : null,
      ),
    );
  return {
    thermometer: byKind('thermometer', null),
    thermostat: byKind('thermostat', null),
    dimensions: dimensionIds.map((dimensionId) => ({
      dimensionId,
      thermometer: byKind('thermometer', dimensionId),
      thermostat: byKind('thermostat', dimensionId),
    })),
  };
}
