import { useEffect, useRef } from 'react';

// The editor's guard against leaving with unsaved changes (docs/instrument-and-rounds.md, "Edit
// without fear"). The app uses a hash router: an in-app link is an <a href="#/…"> whose click the
// router handles, and the browser's Back is a popstate. While the guard is on, a click on such a
// link is stopped before the router sees it (a capture listener on the document), and a Back or
// Forward is undone at once by pushing the editor's address again, so the page stays; both then
// ask through `onAttempt`; an address typed in the address bar (a hashchange) is caught the same
// way. Closing or reloading the tab gets the browser's own beforeunload prompt.

export type LeaveAttempt = { kind: 'link'; to: string } | { kind: 'history' };

export interface LeaveGuard {
  /** Leaves as attempted, past the guard: the link's route, or the history step taken. */
  leave: (attempt: LeaveAttempt, navigate: (to: string) => void) => void;
}

export function useLeaveGuard(active: boolean, onAttempt: (attempt: LeaveAttempt) => void): LeaveGuard {
  const passing = useRef(false);
  const attempt = useRef(onAttempt);
  useEffect(() => {
    attempt.current = onAttempt;
  });

  useEffect(() => {
    if (!active) return;
    passing.current = false;
    const here = location.href;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (passing.current) return;
      event.preventDefault();
      // Older browsers ask only when returnValue is set.
      event.returnValue = '';
    };
    const onClick = (event: MouseEvent) => {
      if (passing.current || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!link || (link.getAttribute('target') ?? '_self') !== '_self' || link.hasAttribute('download')) return;
      const href = link.getAttribute('href') ?? '';
      // Only the router's links ("#/…"); "#main" and other in-page anchors stay on the page.
      if (!href.startsWith('#/') || href === location.hash) return;
      event.preventDefault();
      event.stopPropagation();
      attempt.current({ kind: 'link', to: href.slice(1) });
    };
    // Back and Forward (popstate), and an address typed or opened by a script (hashchange).
    const onHistory = () => {
      if (passing.current || location.href === here) return;
      // Back to the editor's address before the router renders the other page.
      history.pushState(history.state, '', here);
      attempt.current({ kind: 'history' });
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    window.addEventListener('popstate', onHistory);
    window.addEventListener('hashchange', onHistory);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
      window.removeEventListener('popstate', onHistory);
      window.removeEventListener('hashchange', onHistory);
    };
  }, [active]);

  return {
    leave: (leaving, navigate) => {
      passing.current = true;
      // After a Back the entry before the re-pushed editor address is where the director went.
      if (leaving.kind === 'history') history.back();
      else navigate(leaving.to);
    },
  };
}
