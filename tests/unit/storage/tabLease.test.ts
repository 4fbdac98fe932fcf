import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { holdTabLease, LEASE_MS, LEASE_RENEW_MS } from '../../../src/storage/tabLease';

// One tab merges a live session's records (docs/live-sessions.md "One tab merges"). jsdom has
// no Web Locks, so this is the localStorage lease a page on plain http uses; two leases in one
// page stand for two tabs sharing localStorage.

beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
});
afterEach(() => vi.useRealTimers());

describe('tab lease without Web Locks', () => {
  it('is held by one tab at a time, and passes on when the holder lets go', () => {
    const changes: string[] = [];
    const first = holdTabLease('live-merge:s', (held) => changes.push(`first ${held}`));
    const second = holdTabLease('live-merge:s', (held) => changes.push(`second ${held}`));
    vi.advanceTimersByTime(LEASE_RENEW_MS * 3);
    expect(first.isHeld()).toBe(true);
    expect(second.isHeld()).toBe(false);
    first.release();
    vi.advanceTimersByTime(LEASE_RENEW_MS);
    expect(second.isHeld()).toBe(true);
    expect(changes).toEqual(['first true', 'first false', 'second true']);
    second.release();
  });

  it('is taken over when the holder stops renewing (a closed or frozen tab)', () => {
    // A lease written by a tab that is gone, still valid for a moment.
    localStorage.setItem('ketenscan-tab-lease:live-merge:s', JSON.stringify({ tab: 'gone', until: Date.now() + LEASE_MS }));
    const lease = holdTabLease('live-merge:s', () => undefined);
    expect(lease.isHeld()).toBe(false);
    vi.advanceTimersByTime(LEASE_MS + LEASE_RENEW_MS);
    expect(lease.isHeld()).toBe(true);
    lease.release();
  });

  it('keeps sessions apart', () => {
    const a = holdTabLease('live-merge:a', () => undefined);
    const b = holdTabLease('live-merge:b', () => undefined);
    expect(a.isHeld() && b.isHeld()).toBe(true);
    a.release();
    b.release();
  });
});
