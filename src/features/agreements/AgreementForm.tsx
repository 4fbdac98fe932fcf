import { useId, useState, type FormEvent } from 'react';
import { rankByVotes } from '../../domain/agreements/voteOptions';
import { AGREEMENT_LIMITS, type Agreement, type VoteRecord } from '../../domain/agreements/types';
import { makeUuid } from '../../domain/ids';
import type { Scan } from '../../domain/types';
import { useLocalize, useMessages } from '../../i18n/useMessages';
import { saveAgreement } from '../../storage/agreementRepository';
import { directorMessages } from '../../i18n/directorMessages';
import { useAction } from '../../ui/failures';
import { agreementsMessages } from './agreementsMessages';
import { statementOf } from './ballot';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An existing calendar date written yyyy-mm-dd (what a date input gives). */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

interface AgreementFormProps {
  scan: Scan;
  /** The vote the statement's votes are read from (the newest); null when none was held. */
  vote: VoteRecord | null;
  /** The scan's agreements: a new one starts on the most-voted statement that has none yet. */
  agreements: readonly Agreement[];
  /** The agreement being changed, or null for a new one. */
  editing: Agreement | null;
  onDone: (message: string) => void;
  onCancel?: () => void;
  now?: () => Date;
}

type Field = 'what' | 'partners' | 'due';

/**
 * What the room agreed on one point: what will change (required), which partners take it up (at
 * least one), by when (optional), the statement it came from (the vote's, most votes first) and
 * the votes that statement got, taken from the vote. Wrong input is named per field, in words.
 */
export function AgreementForm({ scan, vote, agreements, editing, onDone, onCancel, now = () => new Date() }: AgreementFormProps) {
  const t = useMessages(agreementsMessages);
  const td = useMessages(directorMessages);
  const localize = useLocalize();
  const id = useId();
  const { run, alert, pending } = useAction();
  const ranked = vote ? rankByVotes(vote.options, vote.counts) : [];
  const onBallot = new Set(ranked.map((o) => o.itemId));
  const firstOpen = ranked.find((o) => !agreements.some((a) => a.itemId === o.itemId)) ?? ranked[0];
  const [what, setWhat] = useState(editing?.what ?? '');
  const [partners, setPartners] = useState<ReadonlySet<string>>(new Set(editing?.partnerIds ?? []));
  const [due, setDue] = useState(editing?.due ?? '');
  const [itemId, setItemId] = useState(editing ? (editing.itemId ?? '') : (firstOpen?.itemId ?? ''));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [tooMany, setTooMany] = useState(false);

  const label = (item: string) => {
    const statement = statementOf(scan, item);
    return statement ? t('statementLabel', { number: statement.number, text: localize(statement.text) }) : item;
  };
  // The votes its statement got: from the vote, or kept from when it was recorded.
  const fromVote = vote && itemId !== '' && onBallot.has(itemId) ? { votes: vote.counts[itemId] ?? 0, voteId: vote.id } : null;
  const kept = editing && editing.itemId === (itemId || null) && editing.votes !== null ? { votes: editing.votes, voteId: editing.voteId } : null;
  const votes = fromVote ?? kept;

  const check = (): Partial<Record<Field, string>> => {
    const found: Partial<Record<Field, string>> = {};
    const trimmed = what.trim();
    if (trimmed === '') found.what = t('whatRequired');
    else if (trimmed.length > AGREEMENT_LIMITS.what) found.what = t('whatTooLong', { max: AGREEMENT_LIMITS.what, count: trimmed.length });
    if (partners.size === 0) found.partners = t('partnersRequired');
    if (due !== '' && !isIsoDate(due)) found.due = t('dueInvalid');
    return found;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = check();
    setErrors(found);
    const isNew = editing === null;
    const full = isNew && agreements.length >= AGREEMENT_LIMITS.perScan;
    setTooMany(full);
    const firstBad = (['what', 'partners', 'due'] as const).find((f) => found[f]);
    if (firstBad) {
      document.getElementById(`${id}-${firstBad}`)?.focus();
      return;
    }
    if (full) return;
    const stamp = now().toISOString();
    const agreement: Agreement = {
      id: editing?.id ?? makeUuid(),
      scanId: scan.id,
      itemId: itemId === '' ? null : itemId,
      what: what.trim(),
      partnerIds: scan.organisations.filter((o) => partners.has(o.id)).map((o) => o.id),
      due: due === '' ? null : due,
      votes: votes?.votes ?? null,
      voteId: votes?.voteId ?? null,
      createdAt: editing?.createdAt ?? stamp,
      updatedAt: stamp,
      followUp: editing?.followUp ?? null,
    };
    void run(async () => {
      await saveAgreement(agreement);
      if (isNew) {
        setWhat('');
        setPartners(new Set());
        setDue('');
        const next = ranked.find((o) => o.itemId !== agreement.itemId && !agreements.some((a) => a.itemId === o.itemId));
        setItemId(next?.itemId ?? agreement.itemId ?? '');
      }
      onDone(t('saved'));
    });
  };

  const describedBy = (field: Field) => (errors[field] ? `${id}-${field}-error` : undefined);
  const error = (field: Field) =>
    errors[field] && (
      <p id={`${id}-${field}-error`} className="agreement-form__error">
        {errors[field]}
      </p>
    );

  return (
    <form className="agreement-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`} data-testid="agreement-form">
      <h2 id={`${id}-title`} className="agreement-form__title">
        {editing ? t('formEditTitle') : t('formAddTitle')}
      </h2>
      {Object.keys(errors).length > 0 && (
        <div role="alert" className="agreement-form__summary">
          <p>{t('formErrorsTitle')}</p>
          <ul>
            {(['what', 'partners', 'due'] as const)
              .filter((f) => errors[f])
              .map((f) => (
                <li key={f}>
                  <a href={`#${id}-${f}`} onClick={(event) => (event.preventDefault(), document.getElementById(`${id}-${f}`)?.focus())}>
                    {errors[f]}
                  </a>
                </li>
              ))}
          </ul>
        </div>
      )}
      {tooMany && (
        <p role="alert" className="agreement-form__error">
          {t('tooMany', { max: AGREEMENT_LIMITS.perScan })}
        </p>
      )}
      <div className="agreement-form__field">
        <label htmlFor={`${id}-item`}>{t('itemLabel')}</label>
        <select id={`${id}-item`} value={itemId} onChange={(e) => setItemId(e.target.value)}>
          {ranked.map((o) => (
            <option key={o.itemId} value={o.itemId}>
              {t('itemWithVotes', { statement: label(o.itemId), votes: t('voteCount', { count: vote?.counts[o.itemId] ?? 0 }) })}
            </option>
          ))}
          {scan.instrument.items
            .filter((item) => !onBallot.has(item.id))
            .map((item) => (
              <option key={item.id} value={item.id}>
                {label(item.id)}
              </option>
            ))}
          <option value="">{t('itemNone')}</option>
        </select>
        <p className="agreement-form__hint" data-testid="agreement-votes">
          {votes ? t('votesFromVote', { votes: votes.votes }) : t('votesNone')}
        </p>
      </div>
      <div className="agreement-form__field">
        <label htmlFor={`${id}-what`}>{t('whatLabel')}</label>
        <textarea id={`${id}-what`} rows={2} value={what} aria-invalid={errors.what !== undefined} aria-describedby={describedBy('what')} onChange={(e) => setWhat(e.target.value)} />
        {error('what')}
      </div>
      <fieldset className="agreement-form__field agreement-form__partners" aria-describedby={describedBy('partners')}>
        <legend>{t('partnersLegend')}</legend>
        {scan.organisations.map((o, index) => (
          <label key={o.id} className="agreement-form__partner">
            <input
              id={index === 0 ? `${id}-partners` : undefined}
              type="checkbox"
              checked={partners.has(o.id)}
              onChange={(e) => {
                const next = new Set(partners);
                if (e.target.checked) next.add(o.id);
                else next.delete(o.id);
                setPartners(next);
              }}
            />
            {o.name}
          </label>
        ))}
        {error('partners')}
      </fieldset>
      <div className="agreement-form__field">
        <label htmlFor={`${id}-due`}>{t('dueLabel')}</label>
        <input id={`${id}-due`} type="date" value={due} aria-invalid={errors.due !== undefined} aria-describedby={describedBy('due')} onChange={(e) => setDue(e.target.value)} />
        {error('due')}
      </div>
      {alert}
      <div className="agreement-form__actions">
        <button type="submit" className="button button--primary" disabled={pending}>
          {t('save')}
        </button>
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {td('cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
