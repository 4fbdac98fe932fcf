import { useMessages } from '../i18n/useMessages';
import { unreadableMessages } from './unreadableMessages';

/**
 * Says plainly that stored rows were set aside because they could not be read
 * (src/domain/storedRecords.ts). Nothing is shown when every row was readable.
 */
export function UnreadableNotice({ count, scope }: { count: number; scope: 'database' | 'scan' }) {
  const t = useMessages(unreadableMessages);
  if (count <= 0) return null;
  const sentence = t(scope, { count });
  return (
    <div className="notice notice--warning unreadable-notice" role="status">
      <p>
        <strong>{sentence}</strong>
      </p>
      {scope === 'database' && <p>{t('databaseHint')}</p>}
    </div>
  );
}

/** The export's status sentence about rows left out, or '' when none were. */
export function useUnreadableExportNote(): (count: number) => string {
  const t = useMessages(unreadableMessages);
  return (count) => (count <= 0 ? '' : t('export', { count }));
}
