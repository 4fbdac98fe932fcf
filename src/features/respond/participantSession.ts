import { startLanguageOf } from '../../domain/response';
import type { Scan } from '../../domain/types';
import { useUiStore } from '../../state/uiStore';
import { writeActiveDraftId } from '../../storage/activeDraft';

// What belongs to the one participant at the device right now, and how it is wiped for the
// next (docs/shared-devices.md). The response just submitted is kept in memory only: a reload,
// "next participant" or the idle timeout on the thank-you screen ends the hand-off for good.

let justSubmitted: { scanId: string; responseId: string } | null = null;

export function rememberJustSubmitted(scanId: string, responseId: string): void {
  justSubmitted = { scanId, responseId };
}

export function readJustSubmitted(scanId: string): string | null {
  return justSubmitted?.scanId === scanId ? justSubmitted.responseId : null;
}

/** Forgets the last participant: their hand-off, their draft claim and their language. */
export function endParticipantSession(scanId: string, scan: Pick<Scan, 'settings'> | undefined): void {
  justSubmitted = null;
  writeActiveDraftId(scanId, null);
  useUiStore.getState().setLanguage(startLanguageOf(scan), 'participant');
}

/** How long the thank-you screen waits without a touch or key before it clears itself. */
export const THANKS_IDLE_MS = 90_000;
