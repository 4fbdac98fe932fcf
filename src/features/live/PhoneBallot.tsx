import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { votesLeft, type LiveVoteDefinition } from '../../domain/live';
import { localize, useMessages } from '../../i18n/useMessages';
import { selectLanguage, useUiStore } from '../../state/uiStore';
import { getScan } from '../../storage/scanRepository';
import { openPhoneSession, readPhoneLink, type PhoneSession } from './phoneSync';
import { watchPhoneVote, type BallotSending, type PhoneVoteWatch } from './phoneVote';
import { voteMessages } from './voteMessages';
import './ballot.css';

/**
 * Where a joined phone rests after answering (the thank-you screen, or "you already took
 * part"): when the director opens a vote, the ballot appears here (docs/live-sessions.md
 * "Votes"). Each option with its statement number and text, − / + with the count, the votes
 * left, Send; afterwards Change sends a new ballot that replaces the first. Nothing shows
 * while no vote was opened.
 */
export default function PhoneBallot({ scanId }: { scanId: string }) {
  const [watch] = useState<PhoneVoteWatch | null>(() => {
    const link = readPhoneLink(scanId);
    const session: PhoneSession | null = link ? openPhoneSession(link) : null;
    return session ? watchPhoneVote(session) : null;
  });
  if (!watch) return null;
  return <Ballot scanId={scanId} watch={watch} />;
}

function Ballot({ scanId, watch }: { scanId: string; watch: PhoneVoteWatch }) {
  const t = useMessages(voteMessages);
  const headingId = useId();
  const { vote, open, sent, sending } = watch.store();
  if (vote === null) return null;
  if (!open) {
    return (
      <section className="ballot" aria-labelledby={headingId} data-testid="ballot-closed">
        <h2 id={headingId}>{t('closed')}</h2>
        {sending === 'late' && <p className="notice notice--warning">{t('closedLate')}</p>}
      </section>
    );
  }
  // Keyed by the vote: a new vote (or, after a reload, the one this phone voted on) starts from what was sent.
  return <BallotForm key={vote.id} scanId={scanId} watch={watch} vote={vote} initial={sent} sending={sending} headingId={headingId} />;
}

function BallotForm({
  scanId,
  watch,
  vote,
  initial,
  sending,
  headingId,
}: {
  scanId: string;
  watch: PhoneVoteWatch;
  vote: LiveVoteDefinition;
  initial: Record<string, number> | null;
  sending: BallotSending;
  headingId: string;
}) {
  const t = useMessages(voteMessages);
  const language = useUiStore(selectLanguage);
  const scan = useLiveQuery(() => getScan(scanId), [scanId]);
  const [counts, setCounts] = useState<Record<string, number>>(() => initial ?? {});
  const [editing, setEditing] = useState(initial === null);
  const left = votesLeft(vote, counts);
  const items = scan?.instrument.items ?? [];
  const change = (itemId: string, delta: number) => setCounts((c) => ({ ...c, [itemId]: Math.max(0, (c[itemId] ?? 0) + delta) }));

  return (
    <section className="ballot" aria-labelledby={headingId} data-testid="ballot">
      <h2 id={headingId}>{t('ballotTitle')}</h2>
      {editing ? (
        <>
          <p>{t('ballotIntro')}</p>
          <p className="ballot__left" role="status" data-testid="ballot-left">
            {t('votesLeft', { left, total: vote.votesPerPerson })}
          </p>
          <ol className="ballot__options">
            {vote.options.map((option) => {
              const index = items.findIndex((item) => item.id === option.itemId);
              const number = index >= 0 ? String(index + 1) : '?';
              const text = index >= 0 ? localize(items[index]!.text, language) : t('unknownStatement');
              const value = counts[option.itemId] ?? 0;
              const labelId = `${headingId}-${option.itemId}`;
              return (
                <li key={option.itemId} className="ballot__option" data-testid="ballot-option" data-item={option.itemId}>
                  <div className="ballot__text" id={labelId}>
                    <span className="ballot__number">{t('statementNumber', { number })}</span>{' '}
                    <span className="ballot__kind">{t(option.kind === 'discussionPoint' ? 'kindDiscussionPoint' : 'kindUncertainDifference')}</span>
                    <span className="ballot__statement">{text}</span>
                  </div>
                  <div className="ballot__stepper" role="group" aria-labelledby={labelId}>
                    <button type="button" className="ballot__step" aria-label={t('fewer', { number })} disabled={value === 0} onClick={() => change(option.itemId, -1)}>
                      −
                    </button>
                    <output className="ballot__count" aria-live="polite" data-testid="ballot-count">
                      {t('votesOn', { count: value })}
                    </output>
                    <button type="button" className="ballot__step" aria-label={t('more', { number })} disabled={left <= 0} onClick={() => change(option.itemId, 1)}>
                      +
                    </button>
                  </div>
                </li>
              );
            })}
          </ol>
          <button
            type="button"
            className="button button--primary"
            disabled={sending === 'sending'}
            onClick={() => {
              void watch.send(counts).then(() => {
                if (watch.store.getState().sending !== 'failed') setEditing(false);
              });
            }}
          >
            {t('send')}
          </button>
          {sending === 'failed' && (
            <p className="notice notice--error" role="alert">
              {t('sendFailed')}
            </p>
          )}
        </>
      ) : (
        <>
          <p className={sending === 'counted' ? 'notice' : 'notice notice--warning'} role="status" data-testid="ballot-status">
            {t(sending === 'counted' ? 'counted' : sending === 'waiting' ? 'notSent' : sending === 'failed' ? 'sendFailed' : 'sending')}
          </p>
          <button type="button" className="button" onClick={() => setEditing(true)}>
            {t('change')}
          </button>
        </>
      )}
    </section>
  );
}
