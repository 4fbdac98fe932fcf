import { Suspense, useEffect, type ReactNode } from 'react';
import { ErrorBoundary } from '../../ui/ErrorBoundary';

/**
 * A part of the presenter whose code comes by `import()` (the rounds' slides, the live session's
 * join code, vote and switch). When it cannot load (a room's network on plain http has no
 * service worker to fall back on), the deck goes on without it and `onFailed` lets the controls
 * say so; without this boundary one missing chunk replaced the whole presenter by the route's
 * error in front of the room (docs/presenter.md, "When a part cannot load").
 */
export function SlideSource({ attempt, onFailed, children }: { /** Changes when the director tries again. */ attempt: number; onFailed: () => void; children: ReactNode }) {
  return (
    <ErrorBoundary resetKey={String(attempt)} fallback={() => <Failed onFailed={onFailed} />}>
      <Suspense fallback={null}>{children}</Suspense>
    </ErrorBoundary>
  );
}

function Failed({ onFailed }: { onFailed: () => void }) {
  useEffect(onFailed, [onFailed]);
  return null;
}
