import { diffVersions, isReworded } from '../../domain/instrument/diff';
import type { Instrument, Item } from '../../domain/types';
import { useLocalize, useMessages } from '../../i18n/useMessages';
import { versionChangeMessages } from '../../i18n/versionChangeMessages';

// Beside a statement on the rounds page, what happened to its wording between the two rounds, in
// the words of the version comparison (docs/instrument-and-rounds.md, "Comparing versions").

/** For a compared statement whose text differs: "anders verwoord, zelfde betekenis", the other round's wording behind a disclosure. */
export function RewordedNote({ earlier, later, round }: { earlier: Item; later: Item; round: number }) {
  const words = useMessages(versionChangeMessages);
  const localize = useLocalize();
  if (!isReworded(earlier, later)) return null;
  return (
    <details className="rounds__wording" data-testid="reworded-note">
      <summary>{words('reworded')}</summary>
      <p>{words('wordingInRound', { round, text: localize(earlier.text) })}</p>
    </details>
  );
}

/** For a statement of one round only that took the place of one of the other round: "nieuwe betekenis: niet vergeleken", naming it. */
export function ReplacedNote({ item, own, other }: { item: Item; own: Instrument; other: Instrument }) {
  const words = useMessages(versionChangeMessages);
  const localize = useLocalize();
  const row = diffVersions(other, own).statements.find((r) => r.status === 'new-meaning' && r.newer?.id === item.id);
  if (!row?.older) return null;
  return (
    <span className="rounds__replaced" data-testid="new-meaning-note">
      {' '}
      — {words('replacedStatement', { id: row.older.id, text: localize(row.older.text) })}
    </span>
  );
}
