import { beforeEach, describe, expect, it } from 'vitest';
import { makeSessionId, makeSessionKey } from '../../../src/domain/live';
import { findJoinedScan, readPhoneLink, rememberJoin } from '../../../src/features/live/phoneSync';
import { hasLiveJoin } from '../../../src/features/respond/liveDelivery';

// The per-device record of a phone that joined a live session (docs/live-sessions.md "In the app").

const link = () => ({ sessionId: makeSessionId(), key: makeSessionKey(), relayUrl: 'ws://192.168.1.20:1234/' });

beforeEach(() => localStorage.clear());

describe('phone join record', () => {
  it('is found by the participant route, by scan and by session', () => {
    const joined = link();
    expect(hasLiveJoin('scan-1')).toBe(false);
    rememberJoin('scan-1', joined, false);
    expect(hasLiveJoin('scan-1')).toBe(true);
    expect(hasLiveJoin('scan-2')).toBe(false);
    expect(readPhoneLink('scan-1')).toEqual(joined);
    expect(findJoinedScan(joined.sessionId)).toBe('scan-1');
    expect(findJoinedScan(makeSessionId())).toBeNull();
  });

  it('keeps what was sent when the same session is joined again; a new session gets new record ids but resends nothing delivered', () => {
    const joined = link();
    rememberJoin('scan-1', joined, false);
    const key = 'ketenscan-live-phone:scan-1';
    const stored = JSON.parse(localStorage.getItem(key)!);
    localStorage.setItem(key, JSON.stringify({ ...stored, records: { r1: 'x' }, delivered: ['r1'] }));
    rememberJoin('scan-1', joined, false);
    expect(JSON.parse(localStorage.getItem(key)!).delivered).toEqual(['r1']);
    const next = link();
    rememberJoin('scan-1', next, false);
    expect(JSON.parse(localStorage.getItem(key)!)).toMatchObject({ sessionId: next.sessionId, records: {}, delivered: ['r1'] });
  });

  it('ignores a damaged record', () => {
    localStorage.setItem('ketenscan-live-phone:scan-1', '{not json');
    expect(readPhoneLink('scan-1')).toBeNull();
    localStorage.setItem('ketenscan-live-phone:scan-1', JSON.stringify({ sessionId: 3 }));
    expect(readPhoneLink('scan-1')).toBeNull();
  });
});
