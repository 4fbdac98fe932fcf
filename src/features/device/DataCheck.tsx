import { useState } from 'react';
import { useAction } from '../../ui/failures';
import { useMessages } from '../../i18n/useMessages';
import type { TallyCheck } from '../../storage/tallyCheck';
import { storageMessages } from './storageMessages';

// "Check the data" (docs/scale.md): the results read each scan's stored tally; this recounts
// every scan from its responses, says whether the two agree, and repairs a tally that does not.
// Reads every response, so it runs only when the director asks.

type State = { kind: 'idle' } | { kind: 'checked'; checks: TallyCheck[] } | { kind: 'repaired'; count: number };

export function DataCheck() {
  const t = useMessages(storageMessages);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const { run, pending, alert } = useAction();

  const check = () =>
    run(async () => {
      const { checkTallies } = await import('../../storage/tallyCheck');
      setState({ kind: 'checked', checks: await checkTallies() });
    });
  const repair = (scanIds: string[]) =>
    run(async () => {
      const { rebuildTallies } = await import('../../storage/tallyCheck');
      await rebuildTallies(scanIds);
      setState({ kind: 'repaired', count: scanIds.length });
    });

  const wrong = state.kind === 'checked' ? state.checks.filter((c) => !c.matches) : [];
  return (
    <div className="data-check">
      <button type="button" className="button button--secondary" onClick={() => void check()} disabled={pending} aria-describedby="data-check-hint">
        {t('checkData')}
      </button>
      <p id="data-check-hint" className="hint">
        {t('checkDataHint')}
      </p>
      <div role="status" data-testid="data-check-result">
        {state.kind === 'checked' && wrong.length === 0 && <p>{t('checkDataOk', { count: state.checks.length })}</p>}
        {state.kind === 'repaired' && <p>{t('checkDataRepaired', { count: state.count })}</p>}
      </div>
      {wrong.length > 0 && (
        <div className="notice notice--warning" role="alert">
          <p>{t('checkDataWrong')}</p>
          <ul>
            {wrong.map((c) => (
              <li key={c.scanId}>{t('checkDataWrongItem', { title: c.title, submitted: c.submitted })}</li>
            ))}
          </ul>
          <button type="button" className="button" onClick={() => void repair(wrong.map((c) => c.scanId))} disabled={pending}>
            {t('checkDataRepair')}
          </button>
        </div>
      )}
      {alert}
    </div>
  );
}
