import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { openLiveConnection, type LiveConnectionOptions, type LiveLinkStatus } from '../../../src/features/live/connection';

// The one relay connection of the director and the phone (src/features/live/connection.ts):
// its states driven by the provider's events, with a stand-in provider that records what the
// connection asks of it.

const { FakeProvider, made } = vi.hoisted(() => {
  const made: InstanceType<typeof FakeProvider>[] = [];
  class FakeProvider {
    synced = false;
    connects = 0;
    disconnects = 0;
    destroyed = false;
    private handlers = new Map<string, ((payload: unknown) => void)[]>();
    constructor(readonly config: { url: string; name: string; token: string }) {
      made.push(this);
    }
    on(event: string, handler: (payload: unknown) => void): void {
      this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    }
    emit(event: string, payload: unknown = {}): void {
      for (const handler of this.handlers.get(event) ?? []) handler(payload);
    }
    connect(): Promise<void> {
      this.connects += 1;
      return Promise.resolve();
    }
    disconnect(): void {
      this.disconnects += 1;
    }
    destroy(): void {
      this.destroyed = true;
    }
    /** What the relay's close looks like to the provider's listeners. */
    close(reason: string): void {
      this.emit('close', { event: { reason } });
    }
    sync(): void {
      this.synced = true;
      this.emit('synced', { state: true });
    }
  }
  return { FakeProvider, made };
});

vi.mock('@hocuspocus/provider', () => ({ HocuspocusProvider: FakeProvider }));

/** A caller that keeps the state the way both callers do: refused stays refused. */
function open(extra: Partial<LiveConnectionOptions> = {}) {
  const states: LiveLinkStatus[] = [];
  let status: LiveLinkStatus = 'connecting';
  const connection = openLiveConnection({
    url: 'ws://relay.test',
    name: 'session',
    document: new Y.Doc(),
    token: 'token',
    who: 'this phone',
    isRefusal: (reason) => reason.startsWith('ketenscan:'),
    setStatus: (next) => {
      status = next;
      states.push(next);
    },
    isStuck: () => status === 'refused',
    ...extra,
  });
  return { connection, provider: made.at(-1)!, states, status: () => status };
}

beforeEach(() => {
  made.length = 0;
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('the live connection', () => {
  it('goes connecting → connected on sync, offline when the socket drops, and back', () => {
    const onSynced = vi.fn();
    const { provider, states } = open({ onSynced });
    expect(provider.config).toEqual(expect.objectContaining({ url: 'ws://relay.test', name: 'session', token: 'token' }));
    provider.emit('status', { status: 'connecting' });
    provider.sync();
    expect(onSynced).toHaveBeenCalledTimes(1);
    provider.emit('status', { status: 'disconnected' });
    provider.emit('status', { status: 'connected' });
    expect(states).toEqual(['connecting', 'connected', 'offline', 'connecting']);
  });

  it('is connected only once `ready` holds, and only while still synced and current', async () => {
    let release!: () => void;
    const ready = () => new Promise<void>((resolve) => (release = resolve));
    let active = true;
    const onSynced = vi.fn();
    const { provider, states } = open({ ready, onSynced, isActive: () => active });
    provider.sync();
    expect(states).toEqual([]);
    release();
    await Promise.resolve();
    await Promise.resolve();
    expect(states).toEqual(['connected']);
    expect(onSynced).toHaveBeenCalledTimes(1);
    active = false;
    provider.emit('status', { status: 'disconnected' });
    provider.sync();
    expect(states).toEqual(['connected']);
  });

  it('stays refused after a refusal close: the socket is closed, later events change nothing', () => {
    const onRefused = vi.fn();
    const { provider, states, status } = open({ onRefused });
    provider.close('ketenscan:session-full');
    expect(status()).toBe('refused');
    expect(provider.disconnects).toBe(1);
    expect(onRefused).toHaveBeenCalledWith('ketenscan:session-full');
    expect(console.warn).toHaveBeenCalledWith('live: the relay refused this phone (ketenscan:session-full)');
    provider.emit('status', { status: 'connecting' });
    provider.sync();
    window.dispatchEvent(new Event('offline'));
    expect(states).toEqual(['refused']);
    // A close that is not the relay's refusal (a network drop) is no refusal.
    const other = open();
    other.provider.close('going away');
    expect(other.states).toEqual([]);
  });

  it('is refused when the token is not accepted', () => {
    const { provider, status } = open();
    provider.emit('authenticationFailed', { reason: 'permission-denied' });
    expect(status()).toBe('refused');
  });

  it('ends only this socket for a retry reason and connects again after the wait', () => {
    vi.useFakeTimers();
    const onRetry = vi.fn();
    const { provider, states } = open({ retry: { when: (reason) => reason === 'ketenscan:too-many-records', afterMs: 11_000, onRetry } });
    provider.close('ketenscan:too-many-records');
    expect(states).toEqual([]);
    expect(provider.disconnects).toBe(1);
    expect(onRetry).toHaveBeenCalledWith('ketenscan:too-many-records');
    vi.advanceTimersByTime(10_999);
    expect(provider.connects).toBe(0);
    vi.advanceTimersByTime(1);
    expect(provider.connects).toBe(1);
  });

  it('follows the browser offline and online, until destroyed', () => {
    const onOffline = vi.fn();
    const { connection, provider, states } = open({ onOffline });
    window.dispatchEvent(new Event('offline'));
    expect(provider.disconnects).toBe(1);
    expect(states).toEqual(['offline']);
    expect(onOffline).toHaveBeenCalledTimes(1);
    window.dispatchEvent(new Event('online'));
    expect(provider.connects).toBe(1);
    connection.destroy();
    expect(provider.destroyed).toBe(true);
    window.dispatchEvent(new Event('offline'));
    expect(provider.disconnects).toBe(1);
    // A listener only (followNetwork: false) leaves the socket to the provider.
    const listener = open({ followNetwork: false });
    window.dispatchEvent(new Event('offline'));
    expect(listener.provider.disconnects).toBe(0);
  });
});
