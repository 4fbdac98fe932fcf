import { useState } from 'react';
import { isBuiltInVersion } from '../../domain/exchange';
import { newestVersionOf } from '../../domain/instrument/versions';
import type { Instrument } from '../../domain/types';
import { useLocalize, useMessages } from '../../i18n/useMessages';
import { useAction } from '../../ui/failures';
import { useUnreadableExportNote } from '../../ui/UnreadableNotice';
import { exchangeMessages } from './exchangeMessages';
import { saveQuestionnaireExport } from './saveQuestionnaireExport';

/**
 * On the library page: one "Exporteren" per questionnaire, saving all its versions as a
 * questionnaire file (docs/exchange-format.md, "Questionnaire versions"). The built-in
 * questionnaire alone is on every device and has nothing to export.
 */
export function QuestionnaireExports({ versions }: { versions: readonly (Instrument & { savedAt?: string })[] }) {
  const t = useMessages(exchangeMessages);
  const localize = useLocalize();
  const [status, setStatus] = useState('');
  const { run, alert } = useAction();
  const unreadableNote = useUnreadableExportNote();
  const lineages = [...new Set(versions.filter((v) => !isBuiltInVersion(v)).map((v) => v.id))]
    .map((id) => newestVersionOf(id, versions))
    .filter((v) => v !== null);
  if (lineages.length === 0) return null;

  const save = (lineageId: string) =>
    run(async () => {
      setStatus('');
      const saved = await saveQuestionnaireExport(lineageId);
      setStatus(saved === null ? t('questionnaireExportFailed') : [t('saved', { name: saved.name }), unreadableNote(saved.unreadable)].filter(Boolean).join(' '));
    });

  return (
    <section className="questionnaire-exports" aria-labelledby="questionnaire-exports-title">
      <h2 id="questionnaire-exports-title">{t('questionnaireExportTitle')}</h2>
      <p className="hint">{t('questionnaireExportIntro')}</p>
      <ul className="questionnaire-exports__list">
        {lineages.map((newest) => (
          <li key={newest.id}>
            <span>{localize(newest.title)}</span>{' '}
            <button type="button" className="button button--secondary" onClick={() => void save(newest.id)}>
              {t('exportTitle')}
              <span className="visually-hidden">: {localize(newest.title)}</span>
            </button>
          </li>
        ))}
      </ul>
      {alert}
      <p role="status" className="status-line" data-testid="questionnaire-export-status">
        {status}
      </p>
    </section>
  );
}
