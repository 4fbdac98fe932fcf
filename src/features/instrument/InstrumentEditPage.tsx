import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { useAction } from '../../ui/failures';
import { ScanNotFound } from '../../ui/ScanNotFound';

import { editorDraftKey } from '../../domain/instrument/editorDraft';
import { versionIdOf, type InstrumentRecord } from '../../domain/instrument/versions';
import type { Instrument } from '../../domain/types';
import { useLocalize, useMessages } from '../../i18n/useMessages';
import { directorMessages } from '../../i18n/directorMessages';
import { applyInstrumentToScan, saveInstrumentVersion } from '../../storage/instrumentRepository';
import { InstrumentEditor } from './InstrumentEditor';
import { instrumentMessages } from './instrumentMessages';
import { loadLibraryStart, loadScanStart, type EditorStart } from './loadInstruments';

/**
 * Reads once per key, not live: the editor must not restart under the director's hands when the
 * library changes or an answer arrives. A failed read reaches the route's error boundary.
 */
function useReadOnce<T>(load: () => Promise<T>, key: string): T | null {
  const [state, setState] = useState<{ key: string; value: T } | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let isCurrent = true;
    load().then(
      (value) => isCurrent && setState({ key, value }),
      (e: unknown) => isCurrent && setError(e ?? new Error('read failed')),
    );
    return () => {
      isCurrent = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on purpose
  }, [key]);
  if (error) throw error;
  return state?.key === key ? state.value : null;
}

type Saved = { record: InstrumentRecord; outcome: 'saved' | 'savedAndUsed' | 'savedFrozen' };

function SavedPanel({ saved, scanId }: { saved: Saved; scanId?: string }) {
  const t = useMessages(instrumentMessages);
  const td = useMessages(directorMessages);
  return (
    <div className="notice" role="status">
      <p>{t(saved.outcome, { version: saved.record.version })}</p>
      <div className="button-row">
        {scanId && (
          <Link href={`/scans/${scanId}`} className="button button--primary">
            {td('backToScan')}
          </Link>
        )}
        <Link href="/instruments" className="button button--secondary">
          {t('backToLibrary')}
        </Link>
      </div>
    </div>
  );
}

function EditorFrame({ start, intro, scanId, frozen }: { start: EditorStart; intro: string[]; scanId?: string; frozen?: boolean }) {
  const t = useMessages(instrumentMessages);
  const td = useMessages(directorMessages);
  const localize = useLocalize();
  const { run, pending, alert } = useAction();
  const [saved, setSaved] = useState<Saved | null>(null);
  const basedOn = { id: start.base.id, version: start.base.version, versionId: versionIdOf(start.base) };

  const saveOnly = (instrument: Instrument) =>
    run(async () => {
      const record = await saveInstrumentVersion(instrument, basedOn);
      setSaved({ record, outcome: 'saved' });
    });
  const saveAndUse = async (instrument: Instrument) => {
    if (!scanId) return false;
    return run(async () => {
      const record = await saveInstrumentVersion(instrument, basedOn);
      const used = await applyInstrumentToScan(scanId, record);
      setSaved({ record, outcome: used ? 'savedAndUsed' : 'savedFrozen' });
    });
  };

  return (
    <section className="page" aria-labelledby="editor-title">
      <p>
        {scanId ? <Link href={`/scans/${scanId}`}>← {td('backToScan')}</Link> : <Link href="/instruments">← {t('backToLibrary')}</Link>}
      </p>
      <h1 id="editor-title">{t('editorTitle')}</h1>
      {intro.map((line) => (
        <p key={line}>{line}</p>
      ))}
      <p>{t('editorStartedFrom', { title: localize(start.base.title), version: start.base.version })}</p>
      {saved ? (
        <SavedPanel saved={saved} scanId={scanId} />
      ) : (
        <InstrumentEditor
          base={start.base}
          knownIds={start.knownIds}
          draftKey={scanId ? editorDraftKey({ scanId }) : editorDraftKey({ versionId: versionIdOf(start.base) })}
          busy={pending}
          actions={scanId && !frozen ? [{ label: t('saveAndUse'), onSave: saveAndUse }, { label: t('save'), primary: false, onSave: saveOnly }] : [{ label: t('save'), onSave: saveOnly }]}
        />
      )}
      {alert}
    </section>
  );
}

/** `#/instruments/<id>/<version>`: edit from a version in the library (or the default, or a scan's). */
/** `#/instruments/edit/<versionId>` (and the older `#/instruments/<id>/<number>`): edit a library version. */
export function LibraryEditPage(props: { versionId: string } | { instrumentId: string; version: string }) {
  const t = useMessages(instrumentMessages);
  const wanted = 'versionId' in props ? { versionId: decodeURIComponent(props.versionId) } : { id: decodeURIComponent(props.instrumentId), version: Number(props.version) };
  const start = useReadOnce(() => loadLibraryStart(wanted), JSON.stringify(wanted));
  if (start === null) return null;
  if (start === false)
    return (
      <section className="page">
        <p className="notice">{t('notFound')}</p>
        <Link href="/instruments">{t('backToLibrary')}</Link>
      </section>
    );
  return <EditorFrame key={versionIdOf(start.base)} start={start} intro={[]} />;
}

/** `#/scans/<id>/instrument`: edit the questionnaire of one scan; frozen once it has answers. */
export function ScanInstrumentPage({ scanId }: { scanId: string }) {
  const t = useMessages(instrumentMessages);
  const start = useReadOnce(() => loadScanStart(scanId), scanId);
  if (start === null) return null;
  if (start === false) return <ScanNotFound />;
  const frozen = start.responseCount > 0;
  return <EditorFrame start={start} scanId={scanId} frozen={frozen} intro={[t('editorForScan', { scan: start.scan.title }), frozen ? t('editorFrozen') : t('editorNotFrozen')]} />;
}
