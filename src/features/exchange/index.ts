// What other parts of the app may use of this feature (docs/architecture.md, "Fronts"). Other
// features import it from here, never from a file inside. Re-exports only, of what another part
// uses today: a re-exported module with load-time side effects (a style sheet, top-level work)
// arrives with every static import of this front, used or not.

/** A backup of every scan as one exchange file (the backup reminder and a scan's data panel). */
export { saveJsonExport } from './saveJsonExport';

/** "Exporteren" per questionnaire on the instrument library page: a questionnaire file. */
export { QuestionnaireExports } from './QuestionnaireExports';

/**
 * Modules other parts load lazily with `import()` of the module itself, named here as types only
 * (no code, no chunk change): an `import()` of this front would put every export in one chunk.
 */
export type LazyModules = {
  ImportPage: typeof import('./ImportPage');
  BackupButton: typeof import('./BackupButton');
  ExportPanel: typeof import('./ExportPanel');
  HandoffPanel: typeof import('./HandoffPanel');
  saveJsonExport: typeof import('./saveJsonExport');
};
