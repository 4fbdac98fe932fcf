import { useEffect, useState } from 'react';

/** Every slide is laid out at this logical size and scaled to the screen (docs/presenter.md). */
export const SLIDE_WIDTH = 1920;
export const SLIDE_HEIGHT = 1080;

export interface SlideFit {
  scale: number;
  left: number;
  top: number;
}

function fitSlide(width: number, height: number): SlideFit {
  const scale = Math.min(width / SLIDE_WIDTH, height / SLIDE_HEIGHT);
  // Letterbox: the spare width (or height, on a 4:3 projector) is split evenly.
  return { scale, left: (width - SLIDE_WIDTH * scale) / 2, top: (height - SLIDE_HEIGHT * scale) / 2 };
}

/** The scale and offset that fit the 1920×1080 slide into the window, kept up to date on resize. */
export function useSlideScale(): SlideFit {
  const [fit, setFit] = useState(() => fitSlide(window.innerWidth, window.innerHeight));
  useEffect(() => {
    const update = () => setFit(fitSlide(window.innerWidth, window.innerHeight));
    update();
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, []);
  return fit;
}

/** True for a few seconds after the pointer moved: the presenter's controls show, then step aside. */
export function usePointerRecentlyMoved(ms = 2500): boolean {
  const [isMoving, setIsMoving] = useState(true);
  useEffect(() => {
    let timer = window.setTimeout(() => setIsMoving(false), ms);
    const onMove = () => {
      setIsMoving(true);
      window.clearTimeout(timer);
      timer = window.setTimeout(() => setIsMoving(false), ms);
    };
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerdown', onMove);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerdown', onMove);
    };
  }, [ms]);
  return isMoving;
}
