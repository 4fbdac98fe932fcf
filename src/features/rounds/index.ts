// What other parts of the app may use of this feature (docs/architecture.md, "Fronts"). Other
// features import it from here, never from a file inside. Re-exports only, of what another part
// uses today: a re-exported module with load-time side effects (a style sheet, top-level work)
// arrives with every static import of this front, used or not.

/** The link to a scan's rounds page (the scan page and the results page). */
export { RoundsLink } from './RoundsLink';

/**
 * Modules other parts load lazily with `import()` of the module itself, named here as types only
 * (no code, no chunk change): an `import()` of this front would put every export in one chunk.
 */
export type LazyModules = {
  RoundsPage: typeof import('./RoundsPage');
  GroupComparison: typeof import('./GroupComparison');
  /** "Alle rondes": the trend over every round of a series, its chart and table (`TrendFigure`, `TrendChart`, `TrendTable`). */
  TrendSection: typeof import('./TrendSection');
  /** The presenter's slides on the previous round's agreements (docs/presenter.md). */
  FollowUpSlide: typeof import('./FollowUpSlide');
  /** The report's section on the previous round's agreements (docs/agreements.md). */
  FollowUpReport: typeof import('./FollowUpReport');
  /** The presenter's slides on the change since the previous round, and on two groups (docs/presenter.md, "Rounds on the slides"). */
  RoundChangeSlide: typeof import('./RoundChangeSlide');
  GroupComparisonSlide: typeof import('./GroupComparisonSlide');
  /** The report's sections on the change since the previous round and on two groups. */
  RoundChangeReport: typeof import('./RoundChangeReport');
  GroupComparisonReport: typeof import('./GroupComparisonReport');
  /** The report's section and the presenter's slides "Alle rondes", from the third round on. */
  TrendReport: typeof import('./TrendReport');
  TrendSlide: typeof import('./TrendSlide');
};
