// Whether the participant is using a keyboard or a pointer (touch, mouse, pen) right now.
// Keyboard users get focus moved onto the answer scale and the tip about arrow keys; on a
// phone, moving focus into the scale would scroll the progress line and header off screen.

let lastInput: 'keyboard' | 'pointer' | null = null;

if (typeof window !== 'undefined') {
  window.addEventListener('keydown', (e) => {
    if (e.key === 'Tab' || e.key.startsWith('Arrow') || e.key === 'Enter' || e.key === ' ') lastInput = 'keyboard';
  }, { capture: true, passive: true });
  window.addEventListener('pointerdown', () => {
    lastInput = 'pointer';
  }, { capture: true, passive: true });
}

export function isUsingKeyboard(): boolean {
  if (lastInput !== null) return lastInput === 'keyboard';
  // Before any input: a device whose main pointer is precise (a laptop) is likely to have a keyboard.
  return typeof window.matchMedia === 'function' && window.matchMedia('(pointer: fine)').matches;
}
