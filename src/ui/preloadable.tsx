import { lazy, type ComponentType } from 'react';

/**
 * React.lazy that renders at once once its module is here. A plain lazy component suspends on
 * its first render even when its chunk has long arrived, and React 19 then holds the content
 * back until 300 ms after the Suspense fallback was shown (its fallback throttle): on the results
 * page that was 300 ms before the heading and another 300 ms before the first chart. Call
 * `preload()` early (route start, after the first paint) and wait for it where a frame may wait;
 * the component then never suspends (docs/budgets.md, "Suspense and the 300 ms").
 */
const rearm = new Set<() => void>();

/** Lets every load that failed be tried by the next render: a failure's "try again" calls it. */
export function retryFailedLoads(): void {
  for (const again of rearm) again();
  rearm.clear();
}

export function preloadable<P extends object>(load: () => Promise<{ default: ComponentType<P> }>) {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<unknown> | undefined;
  const preload = (): Promise<unknown> =>
    (loading ??= load().then(
      (module) => (loaded = module.default),
      (error: unknown) => {
        // A failed load (offline before the service worker) may be tried again. React.lazy keeps
        // its rejection for good, so "try again" (retryFailedLoads) gives the next render a lazy
        // of its own, which fetches the chunk again instead of showing the old error.
        loading = undefined;
        rearm.add(() => (Lazy = lazyOnce()));
        throw error;
      },
    ));
  const lazyOnce = () => lazy(() => preload().then(() => ({ default: loaded as ComponentType<P> })));
  let Lazy = lazyOnce();
  function Preloadable(props: P) {
    const Loaded = loaded;
    return Loaded ? <Loaded {...props} /> : <Lazy {...props} />;
  }
  return Object.assign(Preloadable, { preload });
}
