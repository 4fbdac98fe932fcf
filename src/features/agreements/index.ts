// What other parts of the app may use of this feature (docs/architecture.md, "Fronts"). Other
// features import it from here, never from a file inside. Re-exports only, of what another part
// uses today: a re-exported module with load-time side effects (a style sheet, top-level work)
// arrives with every static import of this front, used or not.

/**
 * The presenter's slides (the vote, the agreements, the closing slide's list). They carry
 * agreements.css; the presenter, their only static importer, shows them all.
 */
export { VoteSlide } from './VoteSlide';
export { AgreementsSlide, ClosingAgreements } from './AgreementsSlide';
/** The slides' titles, for the presenter's list of slides. */
export { agreementsMessages } from './agreementsMessages';

/**
 * Modules other parts load lazily with `import()` of the module itself, named here as types only
 * (no code, no chunk change): an `import()` of this front would put every export in one chunk.
 */
export type LazyModules = {
  AgreementsSection: typeof import('./AgreementsSection');
  ReportAgreements: typeof import('./ReportAgreements');
};
