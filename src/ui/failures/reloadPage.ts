/** Loads the page afresh: its own module so a test can stand in for it (jsdom cannot reload). */
export function reloadPage(): void {
  window.location.reload();
}
