import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SHOWN_TIMEOUT_MS, whenShown } from '../../../src/ui/whenShown';

/** A stand-in for Chromium's PerformanceObserver with Element Timing: the test delivers the entries. */
class FakeObserver {
  static supportedEntryTypes: readonly string[] = ['element', 'paint'];
  static instances: FakeObserver[] = [];
  observed: PerformanceObserverInit | undefined;
  disconnected = false;
  constructor(private readonly callback: (list: { getEntries(): unknown[] }) => void) {
    FakeObserver.instances.push(this);
  }
  observe(options: PerformanceObserverInit) {
    this.observed = options;
  }
  disconnect() {
    this.disconnected = true;
  }
  deliver(...entries: { identifier: string; element: Element | null }[]) {
    this.callback({ getEntries: () => entries.map((e) => ({ entryType: 'element', ...e })) });
  }
}

let visibility: DocumentVisibilityState = 'visible';
/** Whether the page has shown its first contentful frame (a `paint` entry). */
let shown = false;

beforeEach(() => {
  vi.useFakeTimers();
  FakeObserver.instances = [];
  FakeObserver.supportedEntryTypes = ['element', 'paint'];
  visibility = 'visible';
  shown = false;
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
  vi.spyOn(performance, 'getEntriesByType').mockImplementation((type: string) =>
    type === 'paint' && shown ? ([{ name: 'first-contentful-paint', entryType: 'paint' }] as unknown as PerformanceEntryList) : [],
  );
  vi.stubGlobal('PerformanceObserver', FakeObserver);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const heading = () => document.createElement('h1');

describe('whenShown', () => {
  it('waits for the Element Timing entry of this element, and runs once', () => {
    const element = heading();
    const done = vi.fn();
    whenShown(element, 'title', done);
    const observer = FakeObserver.instances[0]!;
    expect(observer.observed).toEqual({ type: 'element', buffered: true });

    vi.advanceTimersByTime(1000);
    observer.deliver({ identifier: 'other', element }, { identifier: 'title', element: heading() });
    expect(done).not.toHaveBeenCalled();

    observer.deliver({ identifier: 'title', element }, { identifier: 'title', element });
    expect(done).toHaveBeenCalledTimes(1);
    expect(observer.disconnected).toBe(true);
    vi.advanceTimersByTime(SHOWN_TIMEOUT_MS);
    expect(done).toHaveBeenCalledTimes(1);
  });

  it('does not wait for a paint in a hidden tab', () => {
    visibility = 'hidden';
    const done = vi.fn();
    whenShown(heading(), 'title', done);
    expect(done).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(done).toHaveBeenCalledTimes(1);
  });

  it('stops waiting when the tab is hidden meanwhile', () => {
    const done = vi.fn();
    whenShown(heading(), 'title', done);
    visibility = 'hidden';
    document.dispatchEvent(new Event('visibilitychange'));
    expect(done).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['where Element Timing is missing', () => (FakeObserver.supportedEntryTypes = ['paint'])],
    ['once the page has been shown (an in-app navigation)', () => (shown = true)],
  ])('waits for the next paint only %s', (_, arrange) => {
    arrange();
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
    const done = vi.fn();
    whenShown(heading(), 'title', done);
    expect(FakeObserver.instances).toHaveLength(0);
    vi.advanceTimersByTime(100);
    expect(done).not.toHaveBeenCalled();
    frames[0]!(0);
    vi.advanceTimersByTime(0);
    expect(done).toHaveBeenCalledTimes(1);
  });

  it('gives up waiting after SHOWN_TIMEOUT_MS, and a cancelled wait never runs', () => {
    const done = vi.fn();
    whenShown(heading(), 'title', done);
    vi.advanceTimersByTime(SHOWN_TIMEOUT_MS - 1);
    expect(done).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(done).toHaveBeenCalledTimes(1);

    const cancelled = vi.fn();
    const element = heading();
    const cancel = whenShown(element, 'title', cancelled);
    cancel();
    FakeObserver.instances.at(-1)!.deliver({ identifier: 'title', element });
    vi.advanceTimersByTime(SHOWN_TIMEOUT_MS);
    expect(cancelled).not.toHaveBeenCalled();
  });
});
