import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { DEFAULT_INSTRUMENT } from '../../domain/instrument/defaultInstrument';
import { versionLabels, type VersionLabel } from '../../domain/instrument/versionLabels';
import { knownSaveTime, VERSION_NAME_MAX, versionIdOf, type InstrumentRecord } from '../../domain/instrument/versions';
import type { Instrument } from '../../domain/types';
import { directorMessages } from '../../i18n/directorMessages';
import { useLocalize, useMessages } from '../../i18n/useMessages';
import { useFormat } from '../../i18n/useFormat';
import { renameInstrumentVersion } from '../../storage/instrumentRepository';
import { useAction } from '../../ui/failures';
import { useVersionLabel } from '../../ui/versionLabel';
import { QuestionnaireExports } from '../exchange';
import { scansMessages } from '../scans';
import { CompareLink } from './CompareLink';
import { PreviewButton } from './PreviewButton';
import { instrumentMessages } from './instrumentMessages';
import { loadLibrary } from './loadInstruments';
import './instrument.css';

/** The version a save started from, by its id, else (older rows) by its number. */
function basedOnLabel(record: InstrumentRecord, all: readonly Instrument[], labels: Map<string, VersionLabel>): VersionLabel | null {
  const ref = record.basedOn;
  if (!ref) return null;
  const base = all.find((i) => (ref.versionId !== undefined ? versionIdOf(i) === ref.versionId : i.id === ref.id && i.version === ref.version));
  return (base && labels.get(versionIdOf(base))) ?? { name: null, version: ref.version, savedAt: null, idPart: null };
}

/** `#/instruments`: every instrument version on this device, to start an edit from, and to name. */
export default function InstrumentLibraryPage() {
  const t = useMessages(instrumentMessages);
  const scans = useMessages(scansMessages);
  const localize = useLocalize();
  const fmt = useFormat();
  const labelText = useVersionLabel();
  const entries = useLiveQuery(loadLibrary, []);
  const all = entries?.map((e) => e.record ?? e.instrument) ?? [];
  const labels = versionLabels(all);
  return (
    <section className="page" aria-labelledby="library-title">
      <p>
        <Link href="/">← {scans('backToList')}</Link>
      </p>
      <h1 id="library-title">{t('libraryTitle')}</h1>
      <p>{t('libraryIntro')}</p>
      <ul className="instrument-library">
        {entries?.map(({ instrument, record }) => {
          const key = versionIdOf(instrument);
          const ownLabel = labels.get(key);
          const label = ownLabel ? labelText(ownLabel) : '';
          const title = t('libraryVersionLabel', { title: localize(instrument.title), label });
          const isDefault = key === versionIdOf(DEFAULT_INSTRUMENT);
          const basedOn = record && basedOnLabel(record, all, labels);
          return (
            <li key={key} className="instrument-library__version">
              <h2>{title}</h2>
              <p className="scan-card__meta">
                {isDefault && <span className="badge">{t('libraryDefault')}</span>}
                {ownLabel?.name !== null && ownLabel?.name !== undefined && <span>{t('libraryNumber', { version: instrument.version })}</span>}
                <span>{t('libraryStatements', { count: instrument.items.length })}</span>
                {record && (knownSaveTime(record.savedAt) ? <span>{t('librarySaved', { date: fmt.date(record.savedAt) })}</span> : <span>{t('libraryFromScan')}</span>)}
                {basedOn && <span>{t('libraryBasedOnLabel', { label: labelText(basedOn) })}</span>}
                {!record && !isDefault && <span>{t('libraryInScan')}</span>}
              </p>
              <div className="instrument-library__actions button-row">
                <Link href={`/instruments/edit/${encodeURIComponent(key)}`} className="button button--secondary">
                  {t('editFrom')}
                  <span className="visually-hidden">: {title}</span>
                </Link>
                <CompareLink instrument={instrument} title={title} />
                <PreviewButton instrument={() => instrument} source={{ kind: 'version', label: title }} label={title} />
                {record && <RenameVersion record={record} title={title} />}
              </div>
            </li>
          );
        })}
      </ul>
      <QuestionnaireExports versions={entries?.map((entry) => entry.record ?? entry.instrument) ?? []} />
    </section>
  );
}

/** Naming a saved version inline: blank gives it back its number (renameInstrumentVersion). */
function RenameVersion({ record, title }: { record: InstrumentRecord; title: string }) {
  const t = useMessages(instrumentMessages);
  const td = useMessages(directorMessages);
  const { run, pending, alert } = useAction();
  const [draft, setDraft] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const isEditing = draft !== null;
  // Focus follows the form: into the field when it opens, back to the button when it closes.
  const hasOpened = useRef(false);
  useEffect(() => {
    if (isEditing) {
      hasOpened.current = true;
      input.current?.focus();
    } else if (hasOpened.current) opener.current?.focus();
  }, [isEditing]);
  const close = () => setDraft(null);
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (draft === null) return;
    const name = draft.trim();
    void run(async () => {
      await renameInstrumentVersion(record.versionId, name === '' ? null : name);
      setStatus(name === '' ? t('renamedToNumber', { version: record.version }) : t('renamed', { name }));
      close();
    });
  };
  return (
    <>
      {isEditing ? (
        <form className="instrument-library__rename" onSubmit={save}>
          <div className="field">
            <label className="field__label" htmlFor={inputId}>
              {t('renameLabel')}
              <span className="visually-hidden"> ({title})</span>
            </label>
            <span className="field__hint" id={`${inputId}-hint`}>
              {t('renameHint', { max: VERSION_NAME_MAX })}
            </span>
            <input id={inputId} ref={input} type="text" value={draft} maxLength={VERSION_NAME_MAX} aria-describedby={`${inputId}-hint`} onChange={(e) => setDraft(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && close()} />
          </div>
          <div className="button-row">
            <button type="submit" className="button button--primary" disabled={pending}>
              {t('renameSave')}
            </button>
            <button type="button" className="button button--secondary" onClick={close}>
              {td('cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button ref={opener} type="button" className="button button--secondary" onClick={() => setDraft(record.versionName ?? '')}>
          {t('rename')}
          <span className="visually-hidden">: {title}</span>
        </button>
      )}
      <p role="status" className="status-line">
        {status}
      </p>
      {alert}
    </>
  );
}
