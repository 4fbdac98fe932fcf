/** What can go wrong when a chart is saved as an image, as values the UI translates (never only logged). */
export type ChartExportErrorCode = 'no-canvas' | 'image-load-failed' | 'encode-failed';

export class ChartExportError extends Error {
  readonly code: ChartExportErrorCode;
  constructor(code: ChartExportErrorCode, message?: string) {
    super(message ?? code);
    this.name = 'ChartExportError';
    this.code = code;
  }
}
