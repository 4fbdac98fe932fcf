import { defaultRelayUrlFor } from '../../domain/live/link';
import { loadStoredRelayUrl } from '../../storage/liveSessions';
import { loadConfiguredRelay } from './relayConfig';

// The live sessions this device keeps are stored by src/storage/liveSessions.ts; this module
// adds which relay to propose.
export * from '../../storage/liveSessions';

/**
 * The relay to propose: the one the app's configuration names (a static host or `npm run room`
 * points the app at its relay, relayConfig.ts), else the one last used on this device, else the
 * relay `npm run relay` starts on the machine that serves this page.
 */
export async function loadRelayUrl(): Promise<string> {
  const configured = await loadConfiguredRelay();
  if (configured !== null) return withoutSlash(configured);
  return (await loadStoredRelayUrl()) ?? withoutSlash(defaultRelayUrlFor(location.href) ?? 'ws://localhost:1234/');
}

/** Shown in the relay field, so without the trailing slash the URL parser adds. */
function withoutSlash(url: string): string {
  return url.replace(/\/$/, '');
}

