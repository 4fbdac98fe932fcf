import { useSyncExternalStore, type ReactNode } from 'react';
import { commonMessages } from '../i18n/commonMessages';
import { useMessages } from '../i18n/useMessages';
import { databaseConnection, type ConnectionWatch } from '../storage/connectionWatch';
import { connectionMessages } from './connectionMessages';

function reloadPage(): void {
  location.reload();
}

/**
 * When another tab opens a newer version of the database, this tab has closed its connection
 * (connectionWatch.ts): its pages are replaced by a banner asking for a reload, since every read
 * and write would now fail. While this tab's own upgrade waits for an older tab, it says so.
 */
export function DatabaseUpdateGuard({
  children,
  watch = databaseConnection,
  onReload = reloadPage,
}: {
  children: ReactNode;
  watch?: ConnectionWatch;
  onReload?: () => void;
}) {
  const t = useMessages(connectionMessages);
  const tCommon = useMessages(commonMessages);
  const state = useSyncExternalStore(watch.subscribe, watch.getState);
  if (state === 'outdated') {
    return (
      <section className="page update-banner" role="alert" aria-labelledby="update-banner-title">
        <h1 id="update-banner-title">{t('outdatedTitle')}</h1>
        <p>{t('outdatedBody')}</p>
        <button type="button" className="button button--primary" onClick={onReload}>
          {t('reload')}
        </button>
      </section>
    );
  }
  return (
    <>
      {state === 'blocked' && (
        <p className="notice notice--warning" role="alert">
          {tCommon('storageBlocked')}
        </p>
      )}
      {children}
    </>
  );
}
