import { useMessages } from '../../i18n/useMessages';
import { originMessages } from './originMessages';

// "Is this a secure context, and what is off?" The browser gives a page opened over plain http
// at a network name (`npm run room` in a workshop) no service worker, camera, persistent storage
// or async clipboard; https and this machine's own address (localhost, 127.0.0.1) get all four.
// What replaces each: docs/origins.md. Director's pages only: the participant's route needs none
// of these.

export type Capability = 'offline' | 'camera' | 'persistence' | 'clipboard';
/** insecure: the page's address rules it out; missing: this browser lacks it even so. */
export type OffReason = 'insecure' | 'missing';

/** What is read of the page; tests pass their own. */
export interface PageEnvironment {
  /** undefined in a browser (or test DOM) that does not say: then each capability is looked for. */
  isSecureContext: boolean | undefined;
  navigator: Partial<Pick<Navigator, 'serviceWorker' | 'mediaDevices' | 'storage' | 'clipboard'>>;
}

const HAS: Record<Capability, (n: PageEnvironment['navigator']) => boolean> = {
  offline: (n) => n.serviceWorker !== undefined,
  camera: (n) => typeof n.mediaDevices?.getUserMedia === 'function',
  persistence: (n) => typeof n.storage?.persist === 'function',
  clipboard: (n) => typeof n.clipboard?.writeText === 'function',
};

export const CAPABILITIES = Object.keys(HAS) as Capability[];

export function currentPage(): PageEnvironment {
  return { isSecureContext: window.isSecureContext, navigator };
}

/** Why the capability is off on this page, or null when it can be used. */
export function whyOff(capability: Capability, page: PageEnvironment = currentPage()): OffReason | null {
  if (page.isSecureContext === false) return 'insecure';
  return HAS[capability](page.navigator) ? null : 'missing';
}

/** Capabilities whose place in a page says in one sentence that they are off, and why. */
export type SaidInPlace = 'camera' | 'persistence';

/** The sentence that says the capability is off and why, in the current language; null when it is on. */
export function useOffSentence(capability: SaidInPlace, page?: PageEnvironment): string | null {
  const t = useMessages(originMessages);
  const reason = whyOff(capability, page);
  return reason && t(`${capability}_${reason}`);
}
