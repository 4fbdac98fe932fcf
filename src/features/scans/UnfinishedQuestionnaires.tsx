import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { countAnswered } from '../../domain/answers';
import { lastActivityOf } from '../../domain/draft';
import { decideResume, RESUME_WINDOW_MS } from '../../domain/resume';
import type { Scan } from '../../domain/types';
import { useAction } from '../../ui/failures';
import { useMessages } from '../../i18n/useMessages';
import { formatDateTime } from '../../i18n/format';
import { useUiStore, selectLanguage } from '../../state/uiStore';
import { discardDraft, listDrafts } from '../../storage/responseRepository';
import { kioskMessages } from './kioskMessages';

/**
 * The director's list of questionnaires someone started on this device and never sent: how far
 * they got and how old they are, never what was answered. Nothing is thrown away without the
 * director's confirmation (docs/shared-devices.md).
 */
export function UnfinishedQuestionnaires({ scan }: { scan: Scan }) {
  const t = useMessages(kioskMessages);
  const language = useUiStore(selectLanguage);
  const drafts = useLiveQuery(() => listDrafts(scan.id), [scan.id]);
  const [done, setDone] = useState(false);
  const { run, alert } = useAction();
  if (!drafts || (drafts.length === 0 && !done && alert === null)) return null;

  const itemIds = scan.instrument.items.map((i) => i.id);
  const sorted = [...drafts].sort((a, b) => lastActivityOf(b).localeCompare(lastActivityOf(a)));
  // The same rule the questionnaire applies: which one would still be offered right now.
  const offered = decideResume(drafts, null, new Date()).offer?.id;
  const formatTime = (iso: string) => formatDateTime(iso, language);

  const discard = (id: string, answered: number, time: string) => {
    if (!window.confirm(t('discardConfirm', { answered, total: itemIds.length, time }))) return;
    setDone(false);
    void run(async () => {
      await discardDraft(id);
      setDone(true);
    });
  };

  return (
    <section className="unfinished" aria-labelledby="unfinished-title">
      <h2 id="unfinished-title">{t('unfinishedTitle')}</h2>
      <p className="hint">{t('unfinishedIntro', { minutes: RESUME_WINDOW_MS / 60_000 })}</p>
      {sorted.length > 0 && (
        <table className="data-table">
          <caption>{t('unfinishedCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('columnLastActivity')}</th>
              <th scope="col" className="num">
                {t('columnProgress')}
              </th>
              <th scope="col">{t('columnState')}</th>
              <th scope="col">{t('columnAction')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((draft) => {
              const answered = countAnswered(draft.answers, itemIds);
              const time = formatTime(lastActivityOf(draft));
              return (
                <tr key={draft.id}>
                  <th scope="row">{time}</th>
                  <td className="num">{t('progressValue', { answered, total: itemIds.length })}</td>
                  <td>{draft.id === offered ? t('stateOffered') : t('stateParked')}</td>
                  <td>
                    <button type="button" className="link-button" aria-label={t('discardLabel', { time })} onClick={() => discard(draft.id, answered, time)}>
                      {t('discard')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {alert}
      {done && (
        <p className="notice" role="status">
          {t('discarded')}
        </p>
      )}
    </section>
  );
}
