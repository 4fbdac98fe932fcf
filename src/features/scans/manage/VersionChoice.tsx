import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { versionLabels } from '../../../domain/instrument/versionLabels';
import { isInstrumentFrozen, versionIdOf } from '../../../domain/instrument/versions';
import type { Instrument, Scan } from '../../../domain/types';
import { useLocalize, useMessages } from '../../../i18n/useMessages';
import { useAction } from '../../../ui/failures';
import { useVersionLabel } from '../../../ui/versionLabel';
import { applyInstrumentToScan, listStartingPoints } from '../../../storage/instrumentRepository';
import { manageMessages } from './manageMessages';

type Candidate = Instrument & { savedAt?: string };

/**
 * The scan's questionnaire version, and before the first answer (drafts count) a choice of every
 * version on this device, grouped by questionnaire (docs/instrument-and-rounds.md, "Versions").
 * With answers the choice is gone and the page says why: the scan's questionnaire is frozen.
 */
export function VersionChoice({ scan, responseCount }: { scan: Scan; responseCount: number }) {
  const t = useMessages(manageMessages);
  const localize = useLocalize();
  const labelText = useVersionLabel();
  const points = useLiveQuery(listStartingPoints, []);
  const [chosen, setChosen] = useState<string | null>(null);
  // Made a moment ago by "Opzet kopiëren" (ScanDataPanel): say which version the new round got.
  const [isNewRound] = useState(() => (history.state as { madeAsNextRound?: unknown } | null)?.madeAsNextRound === true);
  const [status, setStatus] = useState('');
  const { run, pending, alert } = useAction();
  const titleId = useId();
  const frozen = isInstrumentFrozen(responseCount);
  const currentId = versionIdOf(scan.instrument);
  const candidates: Candidate[] = points ?? [];
  const labels = versionLabels([...candidates, scan.instrument]);
  const label = (v: Instrument) => {
    const found = labels.get(versionIdOf(v));
    return found ? labelText(found) : '';
  };
  const current = label(scan.instrument);

  const groups = new Map<string, Candidate[]>();
  for (const v of candidates.some((c) => versionIdOf(c) === currentId) ? candidates : [scan.instrument, ...candidates]) {
    groups.set(v.id, [...(groups.get(v.id) ?? []), v]);
  }
  // The scan's own questionnaire first, then the others; newest versions first within each.
  const ordered = [...groups.entries()].sort(([a], [b]) => Number(b === scan.instrument.id) - Number(a === scan.instrument.id));
  for (const [, versions] of ordered) versions.sort((a, b) => (b.savedAt ?? '').localeCompare(a.savedAt ?? '') || b.version - a.version);
  const selected = chosen ?? currentId;

  const apply = () =>
    run(async () => {
      setStatus('');
      const instrument = candidates.find((c) => versionIdOf(c) === selected);
      if (!instrument || selected === currentId) return;
      const used = await applyInstrumentToScan(scan.id, instrument);
      setChosen(null);
      setStatus(used ? t('versionApplied', { label: label(instrument) }) : t('versionFrozenMeanwhile'));
    });

  return (
    <section className="action-panel version-choice" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('versionTitle')}</h2>
      <p>{t('versionCurrent', { title: localize(scan.instrument.title), label: current })}</p>
      {frozen ? (
        <p className="hint">{t('versionFrozen')}</p>
      ) : (
        points && (
          <div className="button-row">
            <label className="field field--inline">
              <span className="field__label">{t('versionField')}</span>
              <select value={selected} onChange={(e) => setChosen(e.currentTarget.value)}>
                {ordered.map(([lineage, versions]) => (
                  <optgroup key={lineage} label={localize(versions[0]?.title ?? scan.instrument.title)}>
                    {versions.map((v) => (
                      <option key={versionIdOf(v)} value={versionIdOf(v)}>
                        {t('versionOption', { label: label(v), count: v.items.length })}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </label>
            <button type="button" className="button button--secondary" disabled={pending || selected === currentId} onClick={() => void apply()}>
              {t('versionApply')}
            </button>
          </div>
        )
      )}
      <p role="status" className="status-line">
        {status || (isNewRound ? t('nextRoundMade', { title: localize(scan.instrument.title), label: current }) : '')}
      </p>
      {alert}
    </section>
  );
}
