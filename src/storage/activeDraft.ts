// Which draft belongs to the person holding this tab. sessionStorage survives a reload but not
// a closed tab, so a reload resumes straight away, while a new tab (or the next participant
// after a flat battery) is asked first whether the unfinished answers are theirs.

// The one place this key is named (the table of keys: src/storage/CONTEXT.md).
const key = (scanId: string) => `ketenscan-active-draft:${scanId}`;

export function readActiveDraftId(scanId: string): string | null {
  try {
    return sessionStorage.getItem(key(scanId));
  } catch {
    return null;
  }
}

export function writeActiveDraftId(scanId: string, draftId: string | null): void {
  try {
    if (draftId === null) sessionStorage.removeItem(key(scanId));
    else sessionStorage.setItem(key(scanId), draftId);
  } catch {
    // Without sessionStorage a reload asks "continue or new?", which is safe, only slower.
  }
}
