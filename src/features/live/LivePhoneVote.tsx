import { useEffect, useMemo } from 'react';
import type { PhoneVoteControl } from '../../domain/agreements/types';
import { useMessages } from '../../i18n/useMessages';
import { closePhoneVote, openPhoneVote, useDirectorVote, watchPhoneVotes, type PhoneVoteProblem } from './directorVote';
import { voteMessages } from './voteMessages';

const PROBLEM_KEYS: Record<PhoneVoteProblem, 'problemNoSession' | 'problemNotSent' | 'problemFailed'> = {
  'no-session': 'problemNoSession',
  'not-sent': 'problemNotSent',
  failed: 'problemFailed',
};

/**
 * Mounted by the presenter (lazily, only when a live session runs): follows the session's vote
 * and hands the presenter a PhoneVoteControl (docs/live-sessions.md "Votes"). Draws nothing:
 * the vote slide draws the tally.
 */
export default function LivePhoneVote({ scanId, onControl }: { scanId: string; onControl(control: PhoneVoteControl | null): void }) {
  const t = useMessages(voteMessages);
  useEffect(() => watchPhoneVotes(scanId), [scanId]);
  const status = useDirectorVote((s) => (s.scanId === scanId ? s.status : 'unavailable'));
  const tally = useDirectorVote((s) => s.tally);
  const problem = useDirectorVote((s) => s.problem);
  const refused = useDirectorVote((s) => s.refused);
  const control = useMemo<PhoneVoteControl>(
    () => ({
      status,
      tally,
      problem: problem === null ? null : t(PROBLEM_KEYS[problem]),
      refused,
      open: (vote) => openPhoneVote(scanId, vote),
      close: () => closePhoneVote(scanId),
    }),
    [status, tally, problem, refused, scanId, t],
  );
  useEffect(() => onControl(control), [control, onControl]);
  useEffect(() => () => onControl(null), [onControl]);
  return null;
}
