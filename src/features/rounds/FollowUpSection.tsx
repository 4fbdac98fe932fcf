import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { followUpAgreements, judgeFollowUp, type AgreementFollowUp } from '../../domain/agreements/followUp';
import { AGREEMENT_LIMITS, FOLLOW_UP_STATUSES, type FollowUpStatus } from '../../domain/agreements/types';
import type { RoundComparison } from '../../domain/rounds/compareRounds';
import type { Scan } from '../../domain/types';
import { useMessages } from '../../i18n/useMessages';
import { listAgreements, setFollowUp } from '../../storage/agreementRepository';
import { useAction } from '../../ui/failures';
import { FollowUpFacts, useFollowUpWords, type FollowUpRounds } from './FollowUpFacts';
import { followUpMessages } from './followUpMessages';
import './followUp.css';

interface Props {
  earlier: Pick<Scan, 'id' | 'instrument' | 'organisations'>;
  later: Pick<Scan, 'id' | 'organisations'>;
  rounds: FollowUpRounds;
  comparison: RoundComparison;
}

/**
 * The rounds page's follow-up: the earlier round's agreements beside the change on their
 * statements, each with the status and note the director sets here, judged in the later round
 * (docs/agreements.md, "Follow-up in the next round").
 */
export default function FollowUpSection({ earlier, later, rounds, comparison }: Props) {
  const t = useMessages(followUpMessages);
  const stored = useLiveQuery(() => listAgreements(earlier.id), [earlier.id]);
  const words = useFollowUpWords(rounds);
  if (!stored) return null;
  const result = followUpAgreements({ earlier, later, agreements: stored.agreements, comparison });
  const entry = (e: AgreementFollowUp) => (
    <li key={e.agreement.id} className="follow-up__item" data-testid="follow-up-item" data-item={e.agreement.itemId ?? ''}>
      <FollowUpFacts words={words(e)} rounds={rounds} />
      <FollowUpEditor entry={e} laterScanId={later.id} />
    </li>
  );
  return (
    <section className="follow-up" aria-labelledby="follow-up-title" data-testid="follow-up-section">
      <h2 id="follow-up-title">{t('sectionTitle', { round: rounds.earlier })}</h2>
      {stored.unreadable > 0 && <p className="notice">{t('unreadable', { count: stored.unreadable })}</p>}
      {result.withStatement.length + result.withoutStatement.length === 0 ? (
        <p className="hint">{t('none', { round: rounds.earlier })}</p>
      ) : (
        <>
          <p className="hint">{t('sectionIntro', { ...rounds })}</p>
          {result.withStatement.length > 0 && <ul className="follow-up__list">{result.withStatement.map(entry)}</ul>}
          {result.withoutStatement.length > 0 && (
            <>
              <h3>{t('withoutStatementTitle', { round: rounds.earlier })}</h3>
              <ul className="follow-up__list">{result.withoutStatement.map(entry)}</ul>
            </>
          )}
        </>
      )}
    </section>
  );
}

/** The status (a select, saved when chosen) and the note (saved when the field is left) of one agreement. */
function FollowUpEditor({ entry, laterScanId }: { entry: AgreementFollowUp; laterScanId: string }) {
  const t = useMessages(followUpMessages);
  const id = useId();
  const { run, alert } = useAction();
  const [status, setStatus] = useState<FollowUpStatus | ''>(entry.followUp?.status ?? '');
  const [note, setNote] = useState(entry.followUp?.note ?? '');
  const [savedNote, setSavedNote] = useState(entry.followUp?.note ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const agreementId = entry.agreement.id;

  const save = async (nextStatus: FollowUpStatus | '', nextNote: string) => {
    setSaved(false);
    const ok = await run(() => setFollowUp(agreementId, nextStatus === '' ? null : judgeFollowUp(nextStatus, nextNote, laterScanId, new Date())));
    if (ok) {
      setSavedNote(nextStatus === '' ? '' : nextNote);
      setSaved(true);
    }
  };
  const checkNote = (value: string): string | null => {
    if (value.length > AGREEMENT_LIMITS.note) return t('noteTooLong', { length: value.length, max: AGREEMENT_LIMITS.note });
    if (status === '' && value.trim() !== '') return t('noteNeedsStatus');
    return null;
  };

  return (
    <div className="follow-up__editor">
      {entry.followUp && !entry.judgedHere && <p className="hint">{t('judgedElsewhere')}</p>}
      <label className="field field--inline">
        <span className="field__label">{t('status')}</span>
        <select
          aria-label={t('statusLabel', { what: entry.agreement.what })}
          value={status}
          onChange={(e) => {
            const next = e.currentTarget.value as FollowUpStatus | '';
            setStatus(next);
            const noteProblem = next === '' ? null : note.length > AGREEMENT_LIMITS.note ? t('noteTooLong', { length: note.length, max: AGREEMENT_LIMITS.note }) : null;
            setProblem(noteProblem);
            if (!noteProblem) void save(next, next === '' ? '' : note);
          }}
        >
          <option value="">{t('status_none')}</option>
          {FOLLOW_UP_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status_${s}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-note`}>
          {t('note')}
        </label>
        <textarea
          id={`${id}-note`}
          aria-label={t('noteLabel', { what: entry.agreement.what })}
          aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ''}`}
          aria-invalid={problem ? true : undefined}
          rows={2}
          maxLength={AGREEMENT_LIMITS.note}
          value={note}
          onChange={(e) => {
            setNote(e.currentTarget.value);
            setSaved(false);
          }}
          onBlur={() => {
            const found = checkNote(note);
            setProblem(found);
            if (!found && status !== '' && note !== savedNote) void save(status, note);
          }}
        />
        <p className="hint" id={`${id}-hint`}>
          {t('noteHint', { max: AGREEMENT_LIMITS.note })}
        </p>
        {problem && (
          <p className="field-error" id={`${id}-problem`} role="alert">
            {problem}
          </p>
        )}
      </div>
      <p className="follow-up__saved" role="status">
        {saved ? t('saved') : ''}
      </p>
      {alert}
    </div>
  );
}
