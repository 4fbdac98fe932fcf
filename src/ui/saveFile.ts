import { downloadBlob } from './download';
import { ActionFailure } from './failures/failure';

// Files are saved the way every browser supports (src/ui/download.ts, shared with the charts'
// SVG and PNG): a participant's phone has no file-system dialog API.
// A failure here (out of memory for the Blob, downloads blocked) is reported as a failed download,
// not as whatever DOMException name the browser picked.
export function saveFile(name: string, content: BlobPart, type: string): void {
  try {
    downloadBlob(new Blob([content], { type }), name);
  } catch (error) {
    throw new ActionFailure('download-failed', name, { cause: error });
  }
}

/** Written into every export's `generator` field. */
export const GENERATOR = `ketenscan ${__APP_VERSION__}`;
