import type Dexie from 'dexie';
import { db } from './db';

// What this tab's database connection is doing, for the banner that tells an old tab to reload
// (docs/storage-and-migrations.md, "Another tab opens a newer version").
//   'ok'       — open or opening as usual.
//   'blocked'  — this tab wants a newer schema, and an older tab still holds the database.
//   'outdated' — another tab opened a newer schema (or deleted the database): this tab closed
//                its connection and must reload before it may read or write again.
export type ConnectionState = 'ok' | 'blocked' | 'outdated';

export interface ConnectionWatch {
  getState(): ConnectionState;
  subscribe(listener: () => void): () => void;
}

export function watchConnection(database: Dexie): ConnectionWatch {
  let state: ConnectionState = 'ok';
  const listeners = new Set<() => void>();
  const setState = (next: ConnectionState) => {
    if (state === next) return;
    state = next;
    for (const listener of listeners) listener();
  };

  database.on('versionchange', () => {
    // Give way at once, so the newer tab's upgrade is not blocked, and for good: Dexie's own
    // handler closes with auto-open on, and the next query would reopen the database with this
    // tab's older schema. After this every query fails until the page is reloaded.
    database.close({ disableAutoOpen: true });
    setState('outdated');
  });
  database.on('blocked', () => {
    if (state === 'ok') setState('blocked');
  });
  // Sticky: runs on every successful open, so a blocked open that went through clears the state.
  database.on(
    'ready',
    () => {
      if (state === 'blocked') setState('ok');
    },
    true,
  );

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The app's own database connection. */
export const databaseConnection = watchConnection(db);
