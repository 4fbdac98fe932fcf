import { downloadBlob } from '../../charts/exportImage';

// Files are saved the way every browser supports (a Blob behind a download link), the same
// helper the charts use for SVG and PNG: a participant's phone has no file-system dialog API.
export function saveFile(name: string, content: BlobPart, type: string): void {
  downloadBlob(new Blob([content], { type }), name);
}

/** Written into every export's `generator` field. */
export const GENERATOR = `ketenscan ${__APP_VERSION__}`;
