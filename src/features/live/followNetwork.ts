import type { HocuspocusProvider } from '@hocuspocus/provider';

/**
 * A socket over a network that went away can look open for a long while (the provider notices
 * after 30 s without a message). The browser's offline event is quicker: close the socket at
 * once, so the phone says its answers wait, and connect again when the network is back.
 */
export function followNetwork(provider: HocuspocusProvider, onOffline: () => void): { stop(): void } {
  const offline = () => {
    provider.disconnect();
    onOffline();
  };
  const online = () => void provider.connect();
  window.addEventListener('offline', offline);
  window.addEventListener('online', online);
  return {
    stop() {
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
    },
  };
}
