// The response this tab just submitted, so the thank-you screen can offer "send my answers"
// on the participant's own device. Cleared by "next participant", so the next person on a
// shared device gets nothing of it.

const key = (scanId: string) => `ketenscan-last-submitted:${scanId}`;

export function rememberLastSubmitted(scanId: string, responseId: string | null): void {
  try {
    if (responseId === null) sessionStorage.removeItem(key(scanId));
    else sessionStorage.setItem(key(scanId), responseId);
  } catch {
    // Without sessionStorage the hand-off is not offered; the answers are stored all the same.
  }
}

export function readLastSubmitted(scanId: string): string | null {
  try {
    return sessionStorage.getItem(key(scanId));
  } catch {
    return null;
  }
}
