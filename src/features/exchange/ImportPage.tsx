import '../../ui/director.css';
import { useCallback, useState, type DragEvent } from 'react';
import { Link } from 'wouter';
import {
  describeConflict,
  describeExchangeError,
  describeImportNote,
  describeImportRefusal,
  finaliseImport,
  planImport,
  type ConflictResolution,
  type ExchangeError,
  type ImportPlan,
  type ImportWrites,
} from '../../domain/exchange';
import { ActionFailure, useAction } from '../../ui/failures';
import { useMessages } from '../../i18n/useMessages';
import { directorMessages } from '../../i18n/directorMessages';
import { askPersistenceForFirstRealScan } from '../../storage/persistence';
import { selectLanguage, useUiStore } from '../../state/uiStore';
import { applyImport, loadExistingForImport } from '../../storage/exchangeRepository';
import { exchangeMessages } from './exchangeMessages';
import './import.css';
import { QrScanner } from './QrScanner';
import { useOffSentence } from '../../ui/origin/origin';
import { readImportSources, type ImportSource } from './readSources';

type Phase =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'refused'; problems: { error: ExchangeError; more: number }[] }
  | { kind: 'preview'; plan: ImportPlan; labels: string[] }
  | { kind: 'importing'; share: number }
  | { kind: 'done'; writes: ImportWrites; plan: ImportPlan; keptConflicts: number };

/** A picked file's bytes; a file moved, deleted or changed since it was picked cannot be read. */
async function readFileSource(file: File): Promise<ImportSource> {
  try {
    return { label: file.name, content: await file.arrayBuffer() };
  } catch (error) {
    throw new ActionFailure('file-unreadable', file.name, { cause: error });
  }
}

/** `#/import`: read files, pasted text or QR codes; preview; write all in one transaction. */
export default function ImportPage() {
  const t = useMessages(exchangeMessages);
  const td = useMessages(directorMessages);
  const language = useUiStore(selectLanguage);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [resolutions, setResolutions] = useState<Record<string, ConflictResolution>>({});
  const [pasted, setPasted] = useState('');
  const [isCameraOpen, setCameraOpen] = useState(false);
  const [isDragging, setDragging] = useState(false);
  // No camera on plain http (docs/origins.md): the sentence replaces the button; files and pasted text remain.
  const cameraOff = useOffSentence('camera');

  const { run, alert } = useAction();

  /**
   * Reads and checks sources. Whatever fails on the way (a file that cannot be read, storage that
   * refuses a read) is shown and the page goes back to idle with every control enabled, so the
   * director can pick other files or try again; "checking" never outlives the check.
   */
  const check = useCallback(
    (loadSources: () => Promise<ImportSource[]>) =>
      run(async () => {
        performance.mark('import:check-start');
        setPhase({ kind: 'checking' });
        setResolutions({});
        try {
          const sources = await loadSources();
          if (sources.length === 0) {
            setPhase({ kind: 'idle' });
            return;
          }
          const outcome = await readImportSources(sources);
          if (!outcome.ok) {
            setPhase({ kind: 'refused', problems: outcome.problems });
            return;
          }
          const existing = await loadExistingForImport(outcome.files);
          setPhase({ kind: 'preview', plan: planImport(existing, outcome.files, { now: new Date() }), labels: sources.map((s) => s.label) });
          // Read by `npm run bench:ui`: the app's own time, without the browser's file dialog.
          performance.measure('import:check', 'import:check-start');
        } catch (error) {
          setPhase({ kind: 'idle' });
          throw error;
        }
      }),
    [run],
  );

  const readFiles = (list: FileList | null, input?: HTMLInputElement) => {
    if (!list || list.length === 0) return;
    const files = [...list];
    // Emptied so that choosing the same file again (after fixing it) fires a new change event.
    if (input) input.value = '';
    void check(() => Promise.all(files.map(readFileSource)));
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    readFiles(event.dataTransfer.files);
  };

  const onQr = useCallback(
    (text: string) => {
      setCameraOpen(false);
      void check(async () => [{ label: 'QR', content: text }]);
    },
    [check],
  );

  const runImport = (plan: ImportPlan, labels: string[]) =>
    run(async () => {
      const writes = finaliseImport(plan, resolutions);
      setPhase({ kind: 'importing', share: 0 });
      try {
        performance.mark('import:write-start');
        // One transaction, written in chunks: the share written so far is shown between them.
        await applyImport(writes, { onProgress: (share) => setPhase({ kind: 'importing', share }) });
        performance.measure('import:write', 'import:write-start');
      } catch (error) {
        // One transaction: nothing was written, so the same preview can be imported again.
        setPhase({ kind: 'preview', plan, labels });
        throw error;
      }
      const firstScan = writes.scansToAdd.find((s) => !s.isDemo);
      // Imported scans are real data too; asking may fail without harming the import. Asked
      // before "done" shows, so leaving the page at once cannot lose the browser's answer.
      if (firstScan) await askPersistenceForFirstRealScan(firstScan.id).catch(() => null);
      const keptConflicts = plan.conflicts.filter((c) => resolutions[c.key] !== 'use-incoming').length;
      setPhase({ kind: 'done', writes, plan, keptConflicts });
    });

  const busy = phase.kind === 'checking' || phase.kind === 'importing';

  return (
    <section className="page" aria-labelledby="import-title">
      <p>
        <Link href="/">← {td('cancel')}</Link>
      </p>
      <h1 id="import-title">{t('importTitle')}</h1>
      <p>{t('importIntro', { button: t('importButton') })}</p>

      <div
        className={isDragging ? 'drop-zone drop-zone--active' : 'drop-zone'}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label className="button button--primary file-button">
          {t('chooseFiles')}
          <input type="file" accept=".json,application/json" multiple className="visually-hidden" disabled={busy} onChange={(e) => readFiles(e.target.files, e.currentTarget)} />
        </label>
        <span className="hint">{t('dropHere')}</span>
      </div>

      <div className="paste-box">
        <label className="field">
          <span className="field__label">{t('pasteLabel')}</span>
          <textarea rows={3} value={pasted} onChange={(e) => setPasted(e.target.value)} spellCheck={false} />
        </label>
        <div className="button-row">
          <button type="button" className="button button--secondary" disabled={busy || pasted.trim() === ''} onClick={() => void check(async () => [{ label: t('pastedLabel'), content: pasted }])}>
            {t('pasteCheck')}
          </button>
          {!isCameraOpen && !cameraOff && (
            <button type="button" className="button button--secondary" onClick={() => setCameraOpen(true)}>
              {t('scanQr')}
            </button>
          )}
        </div>
        {cameraOff && (
          <p className="hint camera-off" data-testid="camera-off">
            {cameraOff}
          </p>
        )}
        {isCameraOpen && <QrScanner onRead={onQr} onClose={() => setCameraOpen(false)} />}
      </div>

      <div aria-live="polite">
        {phase.kind === 'checking' && <p className="loading">{t('checking')}</p>}
        {phase.kind === 'importing' && (
          <p className="loading">
            {t('importing')} <progress max={100} value={Math.round(phase.share * 100)} aria-label={t('importing')} /> {Math.round(phase.share * 100)}%
          </p>
        )}
      </div>
      {alert}

      {phase.kind === 'refused' && (
        <div className="notice notice--error" role="alert">
          <h2>{t('refusedTitle')}</h2>
          <ul>
            {phase.problems.map(({ error, more }, index) => (
              <li key={index}>
                {describeExchangeError(error, language)}
                {more > 0 && <> {t('moreProblems', { count: more })}</>}
              </li>
            ))}
          </ul>
        </div>
      )}

      {phase.kind === 'preview' && (
        <ImportPreview plan={phase.plan} labels={phase.labels} resolutions={resolutions} onResolve={setResolutions} onImport={() => void runImport(phase.plan, phase.labels)} onCancel={() => setPhase({ kind: 'idle' })} />
      )}

      {phase.kind === 'done' && (
        <div className="notice" role="status">
          <h2>{t('doneTitle')}</h2>
          <p>
            {t('doneSummary', {
              scans: phase.writes.scansToAdd.length,
              responses: phase.writes.responsesToAdd.length,
              replaced: phase.writes.responsesToReplace.length,
              kept: phase.keptConflicts,
              duplicates: phase.plan.totals.duplicates,
              refused: phase.plan.totals.refusedResponses,
            })}
          </p>
          {phase.plan.totals.copiesInImport > 0 && <p>{t('doneCopies', { count: phase.plan.totals.copiesInImport })}</p>}
          {(phase.writes.versionsToAdd?.length ?? 0) > 0 && <p data-testid="import-done-versions">{t('doneVersions', { count: phase.writes.versionsToAdd?.length ?? 0 })}</p>}
          {phase.writes.agreementsToPut.length + phase.writes.votesToPut.length > 0 && (
            <p data-testid="import-done-room">{t('doneRoom', { agreements: phase.writes.agreementsToPut.length, votes: phase.writes.votesToPut.length })}</p>
          )}
          <ul>
            {[...new Set([...phase.writes.scansToAdd.map((s) => s.id), ...phase.writes.responsesToAdd.map((r) => r.scanId), ...phase.writes.responsesToReplace.map((r) => r.scanId)])].map((scanId) => (
              <li key={scanId}>
                <Link href={`/scans/${scanId}`}>{t('toScan', { title: phase.plan.scans[scanId]?.title ?? scanId })}</Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

interface ImportPreviewProps {
  plan: ImportPlan;
  labels: string[];
  resolutions: Record<string, ConflictResolution>;
  onResolve: (resolutions: Record<string, ConflictResolution>) => void;
  onImport: () => void;
  onCancel: () => void;
}

function ImportPreview({ plan, labels, resolutions, onResolve, onImport, onCancel }: ImportPreviewProps) {
  const t = useMessages(exchangeMessages);
  const td = useMessages(directorMessages);
  const language = useUiStore(selectLanguage);
  const { totals } = plan;
  const hasWork = totals.scansToAdd + totals.responsesToAdd + totals.organisationsToAdd + plan.conflicts.length + plan.agreementsToPut.length + plan.votesToPut.length + plan.versionsToAdd.length > 0;
  // Copies within this import are their own line, shown when there are any: they are not
  // "already here" (planImport.ts).
  const countLines = (c: ImportPlan['totals']) => [
    t('countScansToAdd', { count: c.scansToAdd }),
    t('countScansPresent', { count: c.scansAlreadyPresent }),
    ...(c.scansInEarlierFile > 0 ? [t('countScansInEarlierFile', { count: c.scansInEarlierFile })] : []),
    t('countOrganisationsToAdd', { count: c.organisationsToAdd }),
    t('countResponsesToAdd', { count: c.responsesToAdd }),
    t('countDuplicates', { count: c.duplicates }),
    ...(c.copiesInImport > 0 ? [t('countCopies', { count: c.copiesInImport })] : []),
    t('countConflicts', { count: c.conflicts }),
    t('countRefused', { count: c.refusedResponses }),
    // Votes and agreements only when the files hold some: an older file's preview is unchanged.
    ...(c.agreementsToAdd + c.agreementsToUpdate + c.agreementsKept > 0
      ? [t('countAgreements', { added: c.agreementsToAdd, updated: c.agreementsToUpdate, kept: c.agreementsKept })]
      : []),
    ...(c.votesToAdd + c.votesToUpdate + c.votesKept > 0 ? [t('countVotes', { added: c.votesToAdd, updated: c.votesToUpdate, kept: c.votesKept })] : []),
    ...(c.refusedAgreementsAndVotes > 0 ? [t('countRoomRefused', { count: c.refusedAgreementsAndVotes })] : []),
    // Questionnaire versions only when the files bring some (docs/exchange-format.md, "Questionnaire versions").
    ...(c.versionsToAdd + c.versionsKept > 0 ? [t('countVersions', { added: c.versionsToAdd, kept: c.versionsKept })] : []),
  ];
  const totalLines = countLines({ ...totals, scansInEarlierFile: 0 });
  return (
    <div className="import-preview">
      <h2>{t('previewTitle')}</h2>
      {plan.files.length === 1 && <p data-testid="import-source">{t('previewSource', { name: labels[0] ?? '' })}</p>}
      <ul className="import-preview__totals" data-testid="import-totals">
        {totalLines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {plan.files.length > 1 && (
        <details>
          <summary>{t('perFile')}</summary>
          {plan.files.map((file) => (
            <p key={file.fileIndex}>
              <strong>{t('previewFile', { n: file.fileIndex + 1, name: labels[file.fileIndex] ?? '' })}</strong>: {countLines(file.counts).join(', ')}
            </p>
          ))}
        </details>
      )}
      {plan.conflicts.length > 0 && (
        <fieldset className="conflicts">
          <legend>{t('conflictsTitle')}</legend>
          <p className="hint">{t('conflictsIntro')}</p>
          {plan.conflicts.map((conflict) => {
            const described = describeConflict(conflict, plan.scans[conflict.scanId], language);
            return (
              <fieldset key={conflict.key} className="conflict">
                <legend>{described.heading}</legend>
                <p className="conflict__id">{t('conflictId', { id: described.responseId })}</p>
                <table className="conflict__differences">
                  <thead>
                    <tr>
                      <th scope="col">{t('conflictWhat')}</th>
                      <th scope="col">{described.existingSide}</th>
                      <th scope="col">{described.incomingSide}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {described.differences.map((difference, index) => (
                      <tr key={index}>
                        <th scope="row">{difference.label}</th>
                        <td>{difference.existing}</td>
                        <td>{difference.incoming}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {(['keep-existing', 'use-incoming'] as const).map((choice) => (
                  <label key={choice} className="checkbox">
                    <input
                      type="radio"
                      name={`conflict-${conflict.key}`}
                      checked={(resolutions[conflict.key] ?? 'keep-existing') === choice}
                      onChange={() => onResolve({ ...resolutions, [conflict.key]: choice })}
                    />
                    <span>{choice === 'keep-existing' ? t('keepExisting') : t('useIncoming')}</span>
                  </label>
                ))}
              </fieldset>
            );
          })}
        </fieldset>
      )}
      {plan.refusals.length > 0 && (
        <div className="notice notice--warning">
          <h3>{t('refusalsTitle')}</h3>
          <ul>
            {plan.refusals.map((refusal, index) => (
              <li key={index}>{describeImportRefusal(refusal, language)}</li>
            ))}
          </ul>
        </div>
      )}
      {plan.notes.length > 0 && (
        <div className="notice">
          <h3>{t('notesTitle')}</h3>
          <ul>
            {plan.notes.map((note, index) => (
              <li key={index}>{describeImportNote(note, language)}</li>
            ))}
          </ul>
        </div>
      )}
      {!hasWork && <p className="notice">{t('nothingToImport')}</p>}
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={onImport} disabled={!hasWork}>
          {t('importButton')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {td('cancel')}
        </button>
      </div>
    </div>
  );
}
