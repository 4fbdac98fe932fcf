import { create } from 'zustand';
import type { PhoneVoteStatus, PhoneVoteTally, VoteOption } from '../../domain/agreements/types';
import {
  getBallotsMap,
  getMetaMap,
  makeRecordId,
  openBallot,
  openVoteDefinition,
  readBallotEnvelopes,
  readOpenVoteId,
  readVoteDefinitionEnvelope,
  sealVoteDefinition,
  tallyBallots,
  writeOpenVote,
  writeVoteClosed,
  type BallotRefusal,
  type CheckedBallot,
  type LiveVoteDefinition,
} from '../../domain/live';
import { runningSessionFor, useDirectorLive } from './directorLive';

// The director's side of a vote on the phones (docs/live-sessions.md "Votes"): opens a vote by
// writing its sealed definition and the plain marker into the session's document, opens and
// checks every ballot as it arrives, and keeps the tally (each voter's newest ballot). After
// close() the tally is frozen: a ballot that still arrives (a relay of an older version would
// not refuse it) is not counted. Nothing here is stored: the presenter keeps the VoteRecord.

/** Why the last action failed: 'no-session' (none runs), 'not-sent' (the relay did not confirm in time), 'failed' (anything else). */
export type PhoneVoteProblem = 'no-session' | 'not-sent' | 'failed';

export interface DirectorVoteState {
  scanId: string | null;
  status: PhoneVoteStatus;
  tally: PhoneVoteTally;
  problem: PhoneVoteProblem | null;
  /** Ballots of this vote the director's device refused (shown, never counted). */
  refused: number;
  /** Why, per ballot key (for the console and the tests). */
  refusals: Record<string, BallotRefusal>;
}

const EMPTY_TALLY: PhoneVoteTally = { counts: {}, ballots: 0 };
export const useDirectorVote = create<DirectorVoteState>(() => ({ scanId: null, status: 'unavailable', tally: EMPTY_TALLY, problem: null, refused: 0, refusals: {} }));

/** Confirmed by the relay within this time, or the action says it failed. */
const SEND_TIMEOUT_MS = 5_000;

interface Watch {
  scanId: string;
  doc: object;
  vote: LiveVoteDefinition | null;
  /** Ballot key → what opening and checking it said; a ballot is opened once. */
  opened: Map<string, CheckedBallot>;
  /** Votes closed from this device: nothing more counts for them. */
  closed: Set<string>;
  queue: Promise<void>;
  stop(): void;
}

let watch: Watch | null = null;

/** Follows the scan's running session: binds to its document, and again after a reconnect. */
export function watchPhoneVotes(scanId: string): () => void {
  const rebind = () => bind(scanId);
  rebind();
  const unsubscribe = useDirectorLive.subscribe(rebind);
  return () => {
    unsubscribe();
    if (watch?.scanId === scanId) {
      watch.stop();
      watch = null;
    }
  };
}

function bind(scanId: string): void {
  const session = runningSessionFor(scanId);
  const live = useDirectorLive.getState();
  const usable = session !== null && !live.closed && live.connection !== 'tampered';
  if (watch && (watch.scanId !== scanId || watch.doc !== session?.doc || !usable)) {
    watch.stop();
    watch = null;
  }
  if (!usable || session === null) {
    if (useDirectorVote.getState().status !== 'unavailable' || useDirectorVote.getState().scanId !== scanId) {
      useDirectorVote.setState({ scanId, status: 'unavailable', tally: EMPTY_TALLY, refused: 0, refusals: {} });
    }
    return;
  }
  if (watch) return;
  const meta = getMetaMap(session.doc);
  const ballots = getBallotsMap(session.doc);
  const onMeta = () => readVote(current);
  const onBallots = () => recount(current);
  const current: Watch = {
    scanId,
    doc: session.doc,
    vote: null,
    opened: new Map(),
    closed: new Set(),
    queue: Promise.resolve(),
    stop() {
      meta.unobserve(onMeta);
      ballots.unobserve(onBallots);
    },
  };
  watch = current;
  meta.observe(onMeta);
  ballots.observe(onBallots);
  if (useDirectorVote.getState().status === 'unavailable' || useDirectorVote.getState().scanId !== scanId) {
    useDirectorVote.setState({ scanId, status: 'ready', tally: EMPTY_TALLY, problem: null, refused: 0, refusals: {} });
  }
  readVote(current);
}

/** After a reload of the presenter: a vote still open in the document is taken up again. */
function readVote(current: Watch): void {
  current.queue = current.queue.then(async () => {
    const session = runningSessionFor(current.scanId);
    if (watch !== current || session === null) return;
    const openId = readOpenVoteId(session.doc);
    if (openId === null || current.closed.has(openId)) {
      if (current.vote !== null && useDirectorVote.getState().status === 'open') useDirectorVote.setState({ status: 'closed' });
      return;
    }
    if (current.vote?.id === openId) return;
    const envelope = readVoteDefinitionEnvelope(session.doc);
    const vote = envelope === null ? null : await openVoteDefinition(session.cipher, openId, envelope);
    if (vote === null || watch !== current) return;
    current.vote = vote;
    current.opened.clear();
    useDirectorVote.setState({ status: 'open', tally: tallyBallots(vote, []), problem: null, refused: 0, refusals: {} });
    await count(current);
  }).catch((error: unknown) => console.warn('live: the open vote could not be read', error));
}

function recount(current: Watch): void {
  current.queue = current.queue.then(() => count(current)).catch((error: unknown) => console.warn('live: ballots could not be counted', error));
}

/** Opens every new ballot of the open vote, checks it, and sets the tally. */
async function count(current: Watch): Promise<void> {
  const session = runningSessionFor(current.scanId);
  const vote = current.vote;
  if (watch !== current || session === null || vote === null || current.closed.has(vote.id)) return;
  const { records, malformed } = readBallotEnvelopes(session.doc, vote.id);
  for (const key of malformed) if (!current.opened.has(key)) current.opened.set(key, { ok: false, reason: 'malformed' });
  for (const record of records) {
    if (current.opened.has(record.key)) continue;
    const checked = await openBallot(session.opener, record.key, record.envelope, vote);
    if (!checked.ok) console.warn(`live: refused ballot ${record.key.slice(-22, -16)}… (${checked.reason})`);
    current.opened.set(record.key, checked);
  }
  // Closed while these were opened: the tally stays as it was frozen.
  if (watch !== current || current.vote !== vote || current.closed.has(vote.id)) return;
  const counted: { key: string; ballot: Extract<CheckedBallot, { ok: true }>['ballot'] }[] = [];
  const refusals: Record<string, BallotRefusal> = {};
  for (const [key, checked] of current.opened) {
    if (checked.ok) counted.push({ key, ballot: checked.ballot });
    else refusals[key] = checked.reason;
  }
  useDirectorVote.setState({ tally: tallyBallots(vote, counted), refused: Object.keys(refusals).length, refusals });
}

/** Opens a vote on every joined phone. `options` and `votesPerPerson` as the presenter's VoteRecord has them. */
export async function openPhoneVote(scanId: string, vote: { options: VoteOption[]; votesPerPerson: number }): Promise<void> {
  const session = runningSessionFor(scanId);
  const current = watch;
  if (session === null || current === null || current.scanId !== scanId) {
    useDirectorVote.setState({ problem: 'no-session' });
    return;
  }
  try {
    const definition: LiveVoteDefinition = { id: makeRecordId(), votesPerPerson: vote.votesPerPerson, options: vote.options };
    const envelope = await sealVoteDefinition(session.cipher, definition);
    await current.queue;
    current.vote = definition;
    current.opened.clear();
    writeOpenVote(session.doc, definition.id, envelope);
    useDirectorVote.setState({ status: 'open', tally: tallyBallots(definition, []), problem: null, refused: 0, refusals: {} });
    if (!(await session.waitUntilSent(SEND_TIMEOUT_MS))) useDirectorVote.setState({ status: 'failed', problem: 'not-sent' });
  } catch (error) {
    console.warn('live: the vote could not be opened', error);
    useDirectorVote.setState({ status: 'failed', problem: 'failed' });
  }
}

/** Closes the open vote: the relay refuses later ballots, and this device counts none. Resolves to the final tally. */
export async function closePhoneVote(scanId: string): Promise<PhoneVoteTally> {
  const session = runningSessionFor(scanId);
  const current = watch;
  if (session === null || current === null || current.scanId !== scanId || current.vote === null) {
    useDirectorVote.setState({ problem: 'no-session' });
    return useDirectorVote.getState().tally;
  }
  const vote = current.vote;
  // What arrived before the close is counted; then the tally is frozen.
  await current.queue.then(() => count(current));
  current.closed.add(vote.id);
  writeVoteClosed(session.doc);
  const tally = useDirectorVote.getState().tally;
  useDirectorVote.setState({ status: 'closed', problem: null });
  if (!(await session.waitUntilSent(SEND_TIMEOUT_MS))) useDirectorVote.setState({ status: 'failed', problem: 'not-sent' });
  return tally;
}
