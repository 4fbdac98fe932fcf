import { create } from 'zustand';

// Presenter mode state: session-only (never persisted, never exported). A reload starts the
// presentation hidden again, which is the safe default in front of a room.
//
// | state            | kept where     | exported |
// |------------------|----------------|----------|
// | slideIndex       | memory         | no       |
// | isBlank          | memory         | no       |
// | showTable        | memory         | no       |
// | revealedScanIds  | memory         | no       |
// | theme            | memory         | no       |

export type PresenterTheme = 'light' | 'dark';

export interface PresenterState {
  slideIndex: number;
  isBlank: boolean;
  showTable: boolean;
  theme: PresenterTheme;
  /** Scans whose results the director has revealed in this session. */
  revealedScanIds: readonly string[];
  goToSlide: (index: number, slideCount: number) => void;
  nextSlide: (slideCount: number) => void;
  previousSlide: () => void;
  toggleBlank: () => void;
  toggleTable: () => void;
  toggleTheme: () => void;
  reveal: (scanId: string) => void;
  hide: (scanId: string) => void;
  reset: () => void;
}

const initial = {
  slideIndex: 0,
  isBlank: false,
  showTable: false,
  theme: 'light' as PresenterTheme,
  revealedScanIds: [] as readonly string[],
};

const clamp = (index: number, count: number) => Math.max(0, Math.min(index, Math.max(0, count - 1)));

export const usePresenterStore = create<PresenterState>()((set) => ({
  ...initial,
  goToSlide: (index, slideCount) => set({ slideIndex: clamp(index, slideCount), isBlank: false }),
  nextSlide: (slideCount) => set((s) => ({ slideIndex: clamp(s.slideIndex + 1, slideCount), isBlank: false })),
  previousSlide: () => set((s) => ({ slideIndex: Math.max(0, s.slideIndex - 1), isBlank: false })),
  toggleBlank: () => set((s) => ({ isBlank: !s.isBlank })),
  toggleTable: () => set((s) => ({ showTable: !s.showTable })),
  toggleTheme: () => set((s) => ({ theme: s.theme === 'light' ? 'dark' : 'light' })),
  reveal: (scanId) => set((s) => (s.revealedScanIds.includes(scanId) ? s : { revealedScanIds: [...s.revealedScanIds, scanId] })),
  hide: (scanId) => set((s) => ({ revealedScanIds: s.revealedScanIds.filter((id) => id !== scanId), slideIndex: 0 })),
  reset: () => set({ ...initial }),
}));

export const selectIsRevealed = (scanId: string) => (s: PresenterState) => s.revealedScanIds.includes(scanId);
