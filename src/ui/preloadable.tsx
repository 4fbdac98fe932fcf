import { lazy, type ComponentType } from 'react';

/**
 * React.lazy that renders at once once its module is here. A plain lazy component suspends on
 * its first render even when its chunk has long arrived, and React 19 then holds the content
 * back until 300 ms after the Suspense fallback was shown (its fallback throttle): on the results
 * page that was 300 ms before the heading and another 300 ms before the first chart. Call
 * `preload()` early (route start, after the first paint) and wait for it where a frame may wait;
 * the component then never suspends (docs/budgets.md, "Suspense and the 300 ms").
 */
export function preloadable<P extends object>(load: () => Promise<{ default: ComponentType<P> }>) {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<unknown> | undefined;
  const preload = (): Promise<unknown> =>
    (loading ??= load().then(
      (module) => (loaded = module.default),
      (error: unknown) => {
        // A failed load (offline before the service worker) may be tried again by the next render.
        loading = undefined;
        throw error;
      },
    ));
  const Lazy = lazy(() => preload().then(() => ({ default: loaded as ComponentType<P> })));
  function Preloadable(props: P) {
    const Loaded = loaded;
    return Loaded ? <Loaded {...props} /> : <Lazy {...props} />;
  }
  return Object.assign(Preloadable, { preload });
}
