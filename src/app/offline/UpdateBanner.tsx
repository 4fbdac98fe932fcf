import { useSyncExternalStore } from 'react';
import { useMessages } from '../../i18n/useMessages';
import { offlineMessages } from './offlineMessages';
import { isQuestionnaireRoute, selectApplyUpdate, selectShowsUpdate, useUpdateStore } from './updateStore';

function subscribeToHash(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}
const readHash = () => window.location.hash;

/**
 * Offers a waiting new version, but only while no questionnaire is open: on a participant's
 * route it stays hidden and appears once the route leaves it. It never reloads by itself.
 * Why: docs/offline-and-security.md.
 */
export function UpdateBanner() {
  const t = useMessages(offlineMessages);
  const showsUpdate = useUpdateStore(selectShowsUpdate);
  const applyUpdate = useUpdateStore(selectApplyUpdate);
  const hash = useSyncExternalStore(subscribeToHash, readHash);
  // The live region is always there, so screen readers announce the text when it appears.
  const visible = showsUpdate && !isQuestionnaireRoute(hash);
  return (
    <div role="status" className="update-banner" hidden={!visible}>
      {visible && (
        <>
          <p className="update-banner__text">{t('updateReady')}</p>
          <button type="button" className="button button--primary update-banner__reload" onClick={applyUpdate}>
            {t('updateReload')}
          </button>
          <button type="button" className="link-button update-banner__later" onClick={() => useUpdateStore.setState({ isDismissed: true })}>
            {t('updateLater')}
          </button>
        </>
      )}
    </div>
  );
}
