// One tab of this device does a job (docs/live-sessions.md "One tab merges"): a director with
// the scan page and the presenter open merges each arriving record once, in one tab. Web Locks
// where the browser has them (a secure context: https, localhost): the lock is free the moment
// its tab closes. On plain http there are none, so a lease in localStorage stands in: the holder
// renews it every LEASE_RENEW_MS, and another tab takes it over once it has not been renewed for
// LEASE_MS (a closed tab, or one the browser throttles hard in the background).

export const LEASE_RENEW_MS = 1500;
export const LEASE_MS = 5000;
const LEASE_PREFIX = 'ketenscan-tab-lease:';

export interface TabLease {
  isHeld(): boolean;
  release(): void;
}

interface LockManagerLike {
  request(name: string, options: { signal: AbortSignal }, callback: () => Promise<void>): Promise<unknown>;
}

function lockManager(): LockManagerLike | null {
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  return locks && typeof locks.request === 'function' ? locks : null;
}

/** Holds `name` for this tab when it can; `onChange(true)` when this tab becomes the holder. */
export function holdTabLease(name: string, onChange: (held: boolean) => void): TabLease {
  const locks = lockManager();
  return locks ? holdLock(locks, name, onChange) : holdStoredLease(name, onChange);
}

function holdLock(locks: LockManagerLike, name: string, onChange: (held: boolean) => void): TabLease {
  const abort = new AbortController();
  let held = false;
  let release: () => void = () => undefined;
  locks
    .request(`${LEASE_PREFIX}${name}`, { signal: abort.signal }, () => {
      held = true;
      onChange(true);
      return new Promise<void>((resolve) => {
        release = resolve;
      });
    })
    .catch(() => undefined);
  return {
    isHeld: () => held,
    release() {
      abort.abort();
      release();
      if (held) {
        held = false;
        onChange(false);
      }
    },
  };
}

interface StoredLease {
  tab: string;
  until: number;
}

function readLease(key: string): StoredLease | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key) ?? 'null');
    if (typeof value !== 'object' || value === null) return null;
    const { tab, until } = value as Partial<StoredLease>;
    return typeof tab === 'string' && typeof until === 'number' ? { tab, until } : null;
  } catch {
    return null;
  }
}

function holdStoredLease(name: string, onChange: (held: boolean) => void): TabLease {
  const key = `${LEASE_PREFIX}${name}`;
  const tab = Math.random().toString(36).slice(2) + Date.now().toString(36);
  let held = false;
  const set = (next: boolean) => {
    if (next === held) return;
    held = next;
    onChange(next);
  };
  const tick = () => {
    try {
      const now = Date.now();
      const lease = readLease(key);
      if (lease === null || lease.tab === tab || lease.until < now) {
        localStorage.setItem(key, JSON.stringify({ tab, until: now + LEASE_MS }));
      }
      // Read back: of two tabs that wrote in the same moment, the last write holds.
      set(readLease(key)?.tab === tab);
    } catch {
      // No localStorage (a private window that refuses it): this tab does the job alone.
      set(true);
    }
  };
  const timer = setInterval(tick, LEASE_RENEW_MS);
  const onStorage = (event: StorageEvent) => {
    if (event.key === key) tick();
  };
  addEventListener('storage', onStorage);
  const release = () => {
    clearInterval(timer);
    removeEventListener('storage', onStorage);
    removeEventListener('pagehide', release);
    try {
      if (readLease(key)?.tab === tab) localStorage.removeItem(key);
    } catch {
      // Nothing to give back.
    }
    set(false);
  };
  addEventListener('pagehide', release);
  tick();
  return { isHeld: () => held, release };
}
