import type { DraftChange } from '../domain/draft';

// A write-ahead copy of draft changes whose IndexedDB write has not been confirmed yet
// (docs/failures-and-storage.md, "The last keystroke"). A Dexie `modify` is a read and then a
// write; a tab closed or reloaded in between loses the change. localStorage is written
// synchronously, before the page can go, so the change is still there to be replayed when the
// app next opens this device's drafts. An entry lives for the milliseconds a write takes.

const PREFIX = 'ketenscan-unsaved:';

export interface UnsavedChange {
  readonly n: number;
  readonly at: string;
  readonly change: DraftChange;
}

function read(draftId: string): UnsavedChange[] {
  try {
    const text = localStorage.getItem(PREFIX + draftId);
    const parsed: unknown = text === null ? [] : JSON.parse(text);
    return Array.isArray(parsed) ? (parsed as UnsavedChange[]) : [];
  } catch {
    return [];
  }
}

function write(draftId: string, changes: readonly UnsavedChange[]): void {
  try {
    if (changes.length === 0) localStorage.removeItem(PREFIX + draftId);
    else localStorage.setItem(PREFIX + draftId, JSON.stringify(changes));
  } catch {
    // No localStorage (or it is full): the IndexedDB write alone still keeps every change but
    // one made in the last milliseconds before the tab goes.
  }
}

/** Notes a change before its write starts; returns its number for `forgetChange`. */
export function rememberChange(draftId: string, change: DraftChange, at: Date): number {
  const changes = read(draftId);
  const n = (changes.at(-1)?.n ?? 0) + 1;
  write(draftId, [...changes, { n, at: at.toISOString(), change }]);
  return n;
}

/** The write of change `n` (and so of every earlier one: writes land in order) is confirmed. */
export function forgetChange(draftId: string, n: number): void {
  write(draftId, read(draftId).filter((c) => c.n > n));
}

/** Every draft with changes not confirmed, oldest change first. */
export function unsavedChanges(): Array<{ draftId: string; changes: UnsavedChange[] }> {
  const found: Array<{ draftId: string; changes: UnsavedChange[] }> = [];
  try {
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (key?.startsWith(PREFIX)) found.push({ draftId: key.slice(PREFIX.length), changes: read(key.slice(PREFIX.length)) });
    }
  } catch {
    // No localStorage: nothing was noted.
  }
  return found;
}
