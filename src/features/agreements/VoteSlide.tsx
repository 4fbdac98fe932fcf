import { useEffect, useId, useMemo, useState } from 'react';
import type { ScanAnalysis } from '../../domain/analysis';
import { completeCounts, voteOptionsFromAnalysis } from '../../domain/agreements/voteOptions';
import { VOTES_PER_PERSON, type PhoneVoteControl, type VoteOption, type VoteRecord } from '../../domain/agreements/types';
import { makeUuid } from '../../domain/ids';
import type { Scan } from '../../domain/types';
import { chartMessages } from '../../charts/chartMessages';
import { useLocalize, useMessages } from '../../i18n/useMessages';
import { saveVote } from '../../storage/agreementRepository';
import { useAction } from '../../ui/failures';
import { agreementsMessages } from './agreementsMessages';
import { latestVote, statementOf } from './ballot';
import { useScanAgreements } from './useScanAgreements';
import { VoteTally } from './VoteTally';
import './agreements.css';

/** The most votes a show of hands may give one statement: a room, not a stadium. */
export const MAX_HAND_COUNT = 999;

const WHOLE = /^\d+$/;

/** A typed count, or null when it is not a whole number in range. */
export function parseCount(text: string, min: number, max: number): number | null {
  const trimmed = text.trim();
  if (!WHOLE.test(trimmed)) return null;
  const n = Number(trimmed);
  return n >= min && n <= max ? n : null;
}

interface VoteSlideProps {
  scan: Scan;
  analysis: ScanAnalysis;
  showTable: boolean;
  /** A vote on the phones, when a live session can hold one; null or 'unavailable': show of hands only. */
  phoneVote: PhoneVoteControl | null;
  now?: () => Date;
}

/**
 * "Kiezen: wat pakken we op?": the director sets up the ballot (votes per person, which points),
 * opens the vote on the phones or counts a show of hands, and closes it; the tally stands on the
 * slide, most votes on top. Every step is saved at once (docs/agreements.md, "The vote slide").
 */
export function VoteSlide({ scan, analysis, showTable, phoneVote, now = () => new Date() }: VoteSlideProps) {
  const t = useMessages(agreementsMessages);
  const data = useScanAgreements(scan.id);
  const [newVote, setNewVote] = useState(false);
  const { run, alert, pending } = useAction();
  if (data === null) return <p className="slide__lead">{t('loading')}</p>;
  const vote = latestVote(data.votes);
  const phones = phoneVote !== null && phoneVote.status !== 'unavailable' ? phoneVote : null;

  let body;
  if (vote === null || (vote.closedAt !== null && newVote)) {
    body = (
      <VoteSetup
        scan={scan}
        allOptions={voteOptionsFromAnalysis(analysis)}
        phones={phones}
        pending={pending}
        start={(method, options, votesPerPerson) =>
          void run(async () => {
            const record: VoteRecord = {
              id: makeUuid(),
              scanId: scan.id,
              method,
              votesPerPerson,
              options,
              counts: completeCounts(options, {}),
              ballots: method === 'phones' ? 0 : null,
              openedAt: now().toISOString(),
              closedAt: null,
            };
            // The phones first: a vote they never got is not kept as open.
            if (method === 'phones' && phones) await phones.open({ id: record.id, options, votesPerPerson });
            await saveVote(record);
            setNewVote(false);
          })
        }
      />
    );
  } else if (vote.closedAt === null) {
    body =
      vote.method === 'hands' ? (
        <HandsVote key={vote.id} scan={scan} vote={vote} showTable={showTable} run={run} pending={pending} now={now} />
      ) : (
        <PhonesVote scan={scan} vote={vote} phones={phones} showTable={showTable} run={run} pending={pending} now={now} />
      );
  } else {
    body = (
      <div className="vote-slide__result">
        <p className="vote-slide__lead">
          {t('closedLead')} {vote.method === 'phones' ? t('phonesBallots', { count: vote.ballots ?? 0 }) : t('handsBallots', { count: sum(vote.counts) })}
        </p>
        <VoteTally scan={scan} options={vote.options} counts={vote.counts} showTable={showTable} />
        <div className="vote-slide__actions">
          <button type="button" className="vote-slide__button" onClick={() => setNewVote(true)}>
            {t('newVote')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="vote-slide" data-testid="vote-slide">
      {body}
      {phones?.problem && (
        <p role="alert" className="vote-slide__problem">
          {phones.problem}
        </p>
      )}
      {alert}
    </div>
  );
}

const sum = (counts: Readonly<Record<string, number>>) => Object.values(counts).reduce((a, b) => a + b, 0);

type Run = (task: () => unknown) => Promise<boolean>;

function VoteSetup({
  scan,
  allOptions,
  phones,
  pending,
  start,
}: {
  scan: Scan;
  allOptions: VoteOption[];
  phones: PhoneVoteControl | null;
  pending: boolean;
  start: (method: 'hands' | 'phones', options: VoteOption[], votesPerPerson: number) => void;
}) {
  const t = useMessages(agreementsMessages);
  const tc = useMessages(chartMessages);
  const localize = useLocalize();
  const id = useId();
  const [perPerson, setPerPerson] = useState(String(VOTES_PER_PERSON.default));
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const [tried, setTried] = useState(false);
  if (allOptions.length === 0) return <p className="slide__lead">{t('voteNoOptions')}</p>;
  const chosen = allOptions.filter((o) => !left.has(o.itemId));
  const votesPerPerson = parseCount(perPerson, VOTES_PER_PERSON.min, VOTES_PER_PERSON.max);
  const errors = [
    votesPerPerson === null ? { field: `${id}-per`, text: t('votesPerPersonError', { min: VOTES_PER_PERSON.min, max: VOTES_PER_PERSON.max }) } : null,
    chosen.length === 0 ? { field: `${id}-opt-0`, text: t('optionsNoneError') } : null,
  ].filter((e) => e !== null);
  const submit = (method: 'hands' | 'phones') => {
    setTried(true);
    if (votesPerPerson === null || chosen.length === 0) return;
    start(method, chosen, votesPerPerson);
  };
  const perError = tried && votesPerPerson === null;
  return (
    <div className="vote-slide__setup">
      <div className="vote-slide__settings">
        <p className="vote-slide__lead">{t('voteSetupLead')}</p>
        <label htmlFor={`${id}-per`} className="vote-slide__field-label">
          {t('votesPerPerson')}
        </label>
        <input
          id={`${id}-per`}
          className="vote-slide__number"
          type="number"
          inputMode="numeric"
          min={VOTES_PER_PERSON.min}
          max={VOTES_PER_PERSON.max}
          value={perPerson}
          aria-invalid={perError}
          aria-describedby={`${id}-per-hint`}
          onChange={(e) => setPerPerson(e.target.value)}
        />
        <p id={`${id}-per-hint`} className="vote-slide__hint">
          {t('votesPerPersonHint', { min: VOTES_PER_PERSON.min, max: VOTES_PER_PERSON.max })}
        </p>
        {tried && errors.length > 0 && (
          <ul className="vote-slide__errors" role="alert">
            {errors.map((e) => (
              <li key={e.field}>
                <a href={`#${e.field}`} onClick={(event) => (event.preventDefault(), document.getElementById(e.field)?.focus())}>
                  {e.text}
                </a>
              </li>
            ))}
          </ul>
        )}
        <div className="vote-slide__actions">
          {phones && (
            <button type="button" className="vote-slide__button vote-slide__button--primary" disabled={pending} onClick={() => submit('phones')}>
              {t('openPhones')}
            </button>
          )}
          <button type="button" className={phones ? 'vote-slide__button' : 'vote-slide__button vote-slide__button--primary'} disabled={pending} onClick={() => submit('hands')}>
            {t('openHands')}
          </button>
        </div>
        {!phones && <p className="vote-slide__hint">{t('phonesUnavailable')}</p>}
      </div>
      <fieldset className="vote-slide__options">
        <legend>{t('optionsLegend')}</legend>
        {allOptions.map((option, index) => {
          const statement = statementOf(scan, option.itemId);
          return (
            <label key={option.itemId} className="vote-slide__option">
              <input
                id={`${id}-opt-${index}`}
                type="checkbox"
                checked={!left.has(option.itemId)}
                onChange={(e) => {
                  const next = new Set(left);
                  if (e.target.checked) next.delete(option.itemId);
                  else next.add(option.itemId);
                  setLeft(next);
                }}
              />
              <span>
                <strong>
                  {statement ? t('statementShort', { number: statement.number }) : option.itemId} · {tc(option.kind)}
                </strong>{' '}
                {statement ? localize(statement.text) : ''}
              </span>
            </label>
          );
        })}
      </fieldset>
    </div>
  );
}

function HandsVote({ scan, vote, showTable, run, pending, now }: { scan: Scan; vote: VoteRecord; showTable: boolean; run: Run; pending: boolean; now: () => Date }) {
  const t = useMessages(agreementsMessages);
  const id = useId();
  // What the director typed, kept as text: a half-typed or wrong number is shown with its
  // message and never saved; every good number is saved at once.
  const [typed, setTyped] = useState<Record<string, string>>(() => Object.fromEntries(vote.options.map((o) => [o.itemId, String(vote.counts[o.itemId] ?? 0)])));
  const countsFrom = (texts: Record<string, string>) =>
    completeCounts(vote.options, Object.fromEntries(vote.options.map((o) => [o.itemId, parseCount(texts[o.itemId] ?? '', 0, MAX_HAND_COUNT) ?? vote.counts[o.itemId] ?? 0])));
  const counts = countsFrom(typed);
  const bad = vote.options.filter((o) => parseCount(typed[o.itemId] ?? '', 0, MAX_HAND_COUNT) === null);
  return (
    <div className="vote-slide__open vote-slide__open--hands">
      <div className="vote-slide__entry">
        <p className="vote-slide__hint">{t('handsLead')}</p>
        {vote.options.map((option) => {
          const statement = statementOf(scan, option.itemId);
          const number = statement?.number ?? option.itemId;
          const invalid = bad.includes(option);
          return (
            <div key={option.itemId} className="vote-slide__count">
              <label htmlFor={`${id}-${option.itemId}`}>{t('handsCountLabel', { number })}</label>
              <input
                id={`${id}-${option.itemId}`}
                className="vote-slide__number"
                type="number"
                inputMode="numeric"
                min={0}
                max={MAX_HAND_COUNT}
                value={typed[option.itemId] ?? ''}
                aria-invalid={invalid}
                aria-describedby={invalid ? `${id}-${option.itemId}-error` : undefined}
                onChange={(e) => {
                  const next = { ...typed, [option.itemId]: e.target.value };
                  setTyped(next);
                  if (parseCount(e.target.value, 0, MAX_HAND_COUNT) !== null) void run(() => saveVote({ ...vote, counts: countsFrom(next) }));
                }}
              />
              {invalid && (
                <span id={`${id}-${option.itemId}-error`} className="vote-slide__error">
                  {t('handsCountError', { number, max: MAX_HAND_COUNT })}
                </span>
              )}
            </div>
          );
        })}
        <div className="vote-slide__actions">
          <button type="button" className="vote-slide__button vote-slide__button--primary" disabled={pending || bad.length > 0} onClick={() => void run(() => saveVote({ ...vote, counts, closedAt: now().toISOString() }))}>
            {t('closeVote')}
          </button>
        </div>
      </div>
      <div className="vote-slide__tally">
        <p className="vote-slide__status" aria-live="polite">
          {t('handsBallots', { count: sum(counts) })}
        </p>
        <VoteTally scan={scan} options={vote.options} counts={counts} showTable={showTable} />
      </div>
    </div>
  );
}

function PhonesVote({ scan, vote, phones, showTable, run, pending, now }: { scan: Scan; vote: VoteRecord; phones: PhoneVoteControl | null; showTable: boolean; run: Run; pending: boolean; now: () => Date }) {
  const t = useMessages(agreementsMessages);
  const live = phones !== null && phones.status === 'open' ? phones.tally : null;
  const counts = useMemo(() => (live ? completeCounts(vote.options, live.counts) : vote.counts), [live, vote.options, vote.counts]);
  const ballots = live ? live.ballots : (vote.ballots ?? 0);
  // The tally is saved as it grows, so a reload of the presenter shows it (docs/agreements.md).
  useEffect(() => {
    if (!live) return;
    if (ballots === vote.ballots && vote.options.every((o) => counts[o.itemId] === vote.counts[o.itemId])) return;
    void run(() => saveVote({ ...vote, counts, ballots }));
  }, [live, counts, ballots, vote, run]);
  const close = () =>
    void run(async () => {
      const final = phones !== null && phones.status === 'open' ? await phones.close() : { counts: vote.counts, ballots: vote.ballots ?? 0 };
      await saveVote({ ...vote, counts: completeCounts(vote.options, final.counts), ballots: final.ballots, closedAt: now().toISOString() });
    });
  return (
    <div className="vote-slide__open">
      <p className="vote-slide__lead">{t('phonesLead', { count: vote.votesPerPerson })}</p>
      <p className="vote-slide__status" aria-live="polite" data-testid="vote-ballots">
        {t('phonesBallots', { count: ballots })}
        {/* A refused ballot is said, so the room knows the tally left something out (docs/agreements.md). */}
        {live && phones !== null && phones.refused > 0 ? ` ${t('phonesRefused', { count: phones.refused })}` : null}
      </p>
      <VoteTally scan={scan} options={vote.options} counts={counts} showTable={showTable} />
      <div className="vote-slide__actions">
        <button type="button" className="vote-slide__button vote-slide__button--primary" disabled={pending} onClick={close}>
          {t('closeVote')}
        </button>
      </div>
    </div>
  );
}
