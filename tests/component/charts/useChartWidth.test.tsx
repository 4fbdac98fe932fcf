import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FALLBACK_CHART_WIDTH, useChartWidth } from '../../../src/charts/useChartWidth';

function Probe({ fixed }: { fixed?: number }) {
  const { ref, width, isMeasured } = useChartWidth(fixed);
  return (
    <div ref={ref} data-testid="probe" data-measured={String(isMeasured)}>
      {width}
    </div>
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('useChartWidth', () => {
  it('falls back to 800 px where ResizeObserver is missing (jsdom)', () => {
    expect(typeof globalThis.ResizeObserver).toBe('undefined');
    render(<Probe />);
    expect(screen.getByTestId('probe')).toHaveTextContent(String(FALLBACK_CHART_WIDTH));
    expect(screen.getByTestId('probe')).toHaveAttribute('data-measured', 'true');
  });

  it('follows the wrapper width reported by ResizeObserver, and stops observing on unmount', () => {
    let callback: ResizeObserverCallback = () => {};
    const disconnect = vi.fn();
    class FakeResizeObserver {
      constructor(cb: ResizeObserverCallback) {
        callback = cb;
      }
      observe() {}
      unobserve() {}
      disconnect = disconnect;
    }
    vi.stubGlobal('ResizeObserver', FakeResizeObserver);
    const { unmount } = render(<Probe />);
    // Nothing is drawn at a guessed width: the chart waits for the observer's first width.
    expect(screen.getByTestId('probe')).toHaveAttribute('data-measured', 'false');
    act(() => callback([{ contentRect: { width: 612.7 } } as ResizeObserverEntry], {} as ResizeObserver));
    expect(screen.getByTestId('probe')).toHaveTextContent('612');
    expect(screen.getByTestId('probe')).toHaveAttribute('data-measured', 'true');
    act(() => callback([{ contentRect: { width: 1920 } } as ResizeObserverEntry], {} as ResizeObserver));
    expect(screen.getByTestId('probe')).toHaveTextContent('1920');
    unmount();
    expect(disconnect).toHaveBeenCalled();
  });

  it('uses a fixed width when given', () => {
    render(<Probe fixed={1200} />);
    expect(screen.getByTestId('probe')).toHaveTextContent('1200');
    expect(screen.getByTestId('probe')).toHaveAttribute('data-measured', 'true');
  });
});
