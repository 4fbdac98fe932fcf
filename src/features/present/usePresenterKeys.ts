import { useLayoutEffect } from 'react';

export interface PresenterKeyActions {
  next: () => void;
  previous: () => void;
  first: () => void;
  last: () => void;
  toggleFullscreen: () => void;
  toggleBlank: () => void;
  toggleTable: () => void;
  toggleTheme: () => void;
  reveal: () => void;
  hide: () => void;
  leave: () => void;
}

/**
 * Keyboard control of presenter mode. PageUp/PageDown are what presentation clickers send, so
 * they work like ←/→. Keys typed into a form field (none on the slides) are left alone.
 */
export function usePresenterKeys(actions: PresenterKeyActions): void {
  // A layout effect: the keys are heard from the moment the first slide is on screen. A passive
  // effect runs after the paint, and a clicker pressed in that gap (the presenter now mounts more
  // lazy parts) was lost: "r" did not reveal.
  useLayoutEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      const handlers: Record<string, (() => void) | undefined> = {
        ArrowRight: actions.next,
        PageDown: actions.next,
        ' ': actions.next,
        ArrowLeft: actions.previous,
        PageUp: actions.previous,
        Home: actions.first,
        End: actions.last,
        f: actions.toggleFullscreen,
        b: actions.toggleBlank,
        '.': actions.toggleBlank, // clickers' "blank" button
        t: actions.toggleTable,
        c: actions.toggleTheme,
        r: actions.reveal,
        h: actions.hide,
        Escape: actions.leave,
      };
      const handler = handlers[event.key.length === 1 ? event.key.toLowerCase() : event.key];
      if (!handler) return;
      // Space on a focused button should press it, not skip a slide.
      if (event.key === ' ' && target?.tagName === 'BUTTON') return;
      event.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [actions]);
}
