import { create, type StoreApi, type UseBoundStore } from 'zustand';
import {
  addBallotEnvelope,
  ballotKey,
  getMetaMap,
  makeRecordId,
  openVoteDefinition,
  readOpenVoteId,
  readVoteDefinitionEnvelope,
  sealBallot,
  votesLeft,
  type LiveVoteDefinition,
} from '../../domain/live';
import { readPhoneBallot, writePhoneBallot, type StoredPhoneBallot as KeptBallot } from '../../storage/phoneBallot';
import type { PhoneSession } from './phoneSync';

// A phone's ballot (docs/live-sessions.md "Votes"): watches the session for an open vote, and
// sends each ballot as a NEW record sealed to the director. The voter id is made at random once
// per vote and kept on this phone only (src/storage/phoneBallot.ts), so
// the director counts this phone's newest ballot (highest sequence) and nobody else can link two
// ballots. Loaded only with the ballot screen, never on the answer route.

export type BallotSending = 'idle' | 'sending' | 'counted' | 'waiting' | 'failed' | 'late';

export interface PhoneVoteState {
  /** The last vote this phone saw, open or closed; null when the director never opened one. */
  vote: LiveVoteDefinition | null;
  open: boolean;
  /** The votes of the last ballot this phone sent for `vote`, or null when it sent none. */
  sent: Record<string, number> | null;
  sending: BallotSending;
}

const readKept = readPhoneBallot;

function writeKept(sessionId: string, kept: KeptBallot): void {
  // Refused (private browsing, full storage): the ballot still goes; after a reload a new voter
  // id would be made, so the earlier ballot would count beside the new one (docs/live-sessions.md).
  if (!writePhoneBallot(sessionId, kept)) console.warn('live: this phone could not keep its ballot');
}

export interface PhoneVoteWatch {
  store: UseBoundStore<StoreApi<PhoneVoteState>>;
  /** Sends a new ballot with these votes; it replaces this phone's earlier one. */
  send(counts: Record<string, number>): Promise<void>;
  destroy(): void;
}

const watches = new Map<PhoneSession, PhoneVoteWatch>();

/** One watch per phone session per tab. */
export function watchPhoneVote(session: PhoneSession): PhoneVoteWatch {
  const existing = watches.get(session);
  if (existing) return existing;
  const { doc, cipher } = session;
  const sessionId = session.link.sessionId;
  const store = create<PhoneVoteState>(() => ({ vote: null, open: false, sent: null, sending: 'idle' }));
  let reading = Promise.resolve();

  const read = () => {
    reading = reading.then(async () => {
      const openId = readOpenVoteId(doc);
      const known = store.getState().vote;
      if (openId === null) {
        if (store.getState().open) store.setState({ open: false });
        // After a reload: a closed vote this phone voted on is still said to be closed.
        if (known === null && cipher) {
          const kept = readKept(sessionId);
          const envelope = readVoteDefinitionEnvelope(doc);
          const vote = kept && envelope ? await openVoteDefinition(cipher, kept.voteId, envelope) : null;
          if (vote) store.setState({ vote, open: false, sent: kept!.sequence > 0 ? kept!.counts : null });
        }
        return;
      }
      if (known?.id === openId) {
        if (!store.getState().open) store.setState({ open: true });
        return;
      }
      const envelope = readVoteDefinitionEnvelope(doc);
      if (!cipher || envelope === null) return;
      const vote = await openVoteDefinition(cipher, openId, envelope);
      if (vote === null) {
        console.warn('live: the open vote could not be read');
        return;
      }
      const kept = readKept(sessionId);
      const sent = kept?.voteId === vote.id && kept.sequence > 0 ? kept.counts : null;
      store.setState({ vote, open: readOpenVoteId(doc) === vote.id, sent, sending: sent ? 'counted' : 'idle' });
    }).catch((error: unknown) => console.warn('live: the vote could not be read', error));
  };

  const onSync = () => {
    const { sending } = store.getState();
    if (sending === 'sending' || sending === 'waiting') {
      if (session.store.getState().status === 'refused') store.setState({ sending: 'late' });
      else if (session.voting.isSynced() && !session.voting.hasUnsyncedChanges()) store.setState({ sending: 'counted' });
    }
  };
  const stopSync = session.voting.onSyncChange(onSync);
  const stopStatus = session.store.subscribe((state, previous) => {
    if (state.status !== previous.status) {
      onSync();
      const { sending } = store.getState();
      if (sending === 'sending' && state.status === 'offline') store.setState({ sending: 'waiting' });
    }
  });
  const meta = getMetaMap(doc);
  meta.observe(read);
  read();

  const watchApi: PhoneVoteWatch = {
    store,
    async send(counts) {
      const { vote } = store.getState();
      const sealer = session.voting.sealer();
      if (!vote || readOpenVoteId(doc) !== vote.id) {
        store.setState({ open: false });
        return;
      }
      if (!sealer || votesLeft(vote, counts) < 0) {
        store.setState({ sending: 'failed' });
        return;
      }
      const previous = readKept(sessionId);
      const kept: KeptBallot = previous?.voteId === vote.id ? previous : { voteId: vote.id, voterId: makeRecordId(), sequence: 0, counts: {} };
      const next: KeptBallot = { ...kept, sequence: kept.sequence + 1, counts: { ...counts } };
      store.setState({ sending: 'sending' });
      try {
        const key = ballotKey(vote.id, makeRecordId());
        const envelope = await sealBallot(sealer, key, vote, { voteId: vote.id, voterId: next.voterId, sequence: next.sequence, counts: next.counts });
        // Kept before sending: a reload goes on with the same voter id and a higher sequence.
        writeKept(sessionId, next);
        const added = addBallotEnvelope(doc, vote.id, key.slice(vote.id.length + 1), envelope);
        if (added === 'vote-not-open') {
          store.setState({ open: false, sending: 'idle' });
          return;
        }
        if (added !== 'added') throw new Error(`ballot not added (${added})`);
        store.setState({ sent: next.counts, sending: session.voting.isSynced() ? 'sending' : 'waiting' });
        onSync();
      } catch (error) {
        console.warn('live: the ballot could not be sent', error);
        store.setState({ sending: 'failed' });
      }
    },
    destroy() {
      watches.delete(session);
      meta.unobserve(read);
      stopSync();
      stopStatus();
    },
  };
  watches.set(session, watchApi);
  return watchApi;
}
