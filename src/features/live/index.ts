// What other parts of the app may use of this feature (docs/architecture.md, "Fronts"). Other
// features import it from here, never from a file inside. Re-exports only, of what another part
// uses today: a re-exported module with load-time side effects (a style sheet, top-level work)
// arrives with every static import of this front, used or not.
// The live session loads only when used, so everything here is lazy (docs/live-sessions.md).

/**
 * Modules other parts load lazily with `import()` of the module itself, named here as types only
 * (no code, no chunk change): an `import()` of this front would put every export in one chunk.
 */
export type LazyModules = {
  JoinPage: typeof import('./JoinPage');
  LiveSection: typeof import('./LiveSection');
  LivePresenterJoin: typeof import('./LivePresenterJoin');
  OnePerPhone: typeof import('./OnePerPhone');
  LiveDeliveryNote: typeof import('./LiveDeliveryNote');
  phoneLoader: typeof import('./phoneLoader');
  LivePhoneVote: typeof import('./LivePhoneVote');
  PhoneBallot: typeof import('./PhoneBallot');
  PhoneSummarySwitch: typeof import('./PhoneSummarySwitch');
};
