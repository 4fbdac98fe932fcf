// Offering a file to save, the way every browser supports (a Blob behind a download link): a
// participant's phone has no file-system dialog API. Shared by the charts (SVG, PNG) and the
// exchange feature (JSON, CSV); it lives here so neither borrows it from the other.

/** Offers a blob as a download under `fileName`. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked on the next task: some browsers start the download after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
