import '../../ui/director.css';
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { useAction } from '../../ui/failures';
import { ALL_EXTRAS, extrasSettings } from '../../domain/extras';
import { localDate } from '../../domain/format';
import { makeUuid } from '../../domain/ids';
import { DEFAULT_INSTRUMENT } from '../../domain/instrument/defaultInstrument';
import { versionLabels } from '../../domain/instrument/versionLabels';
import { instrumentSnapshot, versionIdOf } from '../../domain/instrument/versions';
import { checkNewScan, createScan, type NewScanProblem } from '../../domain/scan';
import { DEFAULT_SETTINGS } from '../../domain/types';
import { useLocalize, useMessages } from '../../i18n/useMessages';
import { directorMessages } from '../../i18n/directorMessages';
import { askPersistenceForFirstRealScan } from '../../storage/persistence';
import { listInstrumentVersions, listStartingPoints } from '../../storage/instrumentRepository';
import { addScan } from '../../storage/scanRepository';
import { useVersionLabel } from '../../ui/versionLabel';
import { fieldProblems, ScanSettingsFields, settingsFromFields, useScanFormProblemText, type SettingsFieldsValue } from './ScanSettingsFields';
import { scanFormMessages } from './scanFormMessages';
import { scansMessages } from './scansMessages';

const DEFAULT_PARTNERS = ['Politie', 'Openbaar Ministerie', 'Jeugdbescherming', 'Gemeente', 'William Schrikker Groep', 'Parlan', 'Veiligheidshuis'];

export default function NewScanPage() {
  const t = useMessages(scansMessages);
  const tf = useMessages(scanFormMessages);
  const td = useMessages(directorMessages);
  const localize = useLocalize();
  const [, navigate] = useLocation();
  const [title, setTitle] = useState('');
  const [date, setDate] = useState(() => localDate(new Date()));
  const [partners, setPartners] = useState(DEFAULT_PARTNERS.join('\n'));
  const [settings, setSettings] = useState<SettingsFieldsValue>({
    askLevel: DEFAULT_SETTINGS.askLevel,
    extras: ALL_EXTRAS,
    minGroupSize: String(DEFAULT_SETTINGS.minGroupSize),
    gapThreshold: String(DEFAULT_SETTINGS.gapThreshold),
  });
  // Every version on this device; the newest saved edit is preselected, else the default.
  const startingPoints = useLiveQuery(async () => {
    const [points, library] = await Promise.all([listStartingPoints(), listInstrumentVersions()]);
    return { points, preferred: versionIdOf(library[0] ?? DEFAULT_INSTRUMENT) };
  }, []);
  const [instrumentKey, setInstrumentKey] = useState<string | null>(null);
  const chosenKey = instrumentKey ?? startingPoints?.preferred ?? versionIdOf(DEFAULT_INSTRUMENT);
  const instrument = startingPoints?.points.find((i) => versionIdOf(i) === chosenKey) ?? DEFAULT_INSTRUMENT;
  // Versions are keyed by their id: two "versie 4"s from two devices are two choices, told apart by their labels.
  const labels = versionLabels(startingPoints?.points ?? [DEFAULT_INSTRUMENT]);
  const labelText = useVersionLabel();
  const labelOf = (i: typeof instrument) => {
    const found = labels.get(versionIdOf(i));
    return found ? labelText(found) : '';
  };
  const [shownProblems, setShownProblems] = useState<NewScanProblem[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const { run, pending, alert } = useAction();
  const input = {
    title,
    date,
    organisationNames: partners.split('\n'),
    settings: { ...settingsFromFields(settings), ...extrasSettings(settings.extras) },
    instrument: instrumentSnapshot(instrument),
  };
  // A problem shown after pressing "create" goes away as soon as it is fixed; a new one waits for
  // the next press, so typing never makes errors appear.
  const current = checkNewScan(input);
  const problems = shownProblems.filter((p) => current.includes(p));
  // Forget a fixed problem, so that undoing the fix does not bring it back before the next press.
  if (problems.length !== shownProblems.length) setShownProblems(problems);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    const found = current;
    setShownProblems(found);
    if (found.length > 0) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    const scan = createScan({ ...input, id: makeUuid(), now: new Date() });
    const isStored = await run(() => addScan(scan));
    if (!isStored) return;
    // Asked right after the click, while the browser still counts it as the user's gesture. The
    // answer is shown on the scan's page and in the storage panel; if asking fails, the scan is
    // still created and the panel shows the browser's real state.
    await askPersistenceForFirstRealScan(scan.id).catch(() => null);
    navigate(`/scans/${scan.id}`, { replace: true });
  };

  const formProblemText = useScanFormProblemText();
  const problemText = (p: NewScanProblem) => (p === 'too-few-organisations' ? t('problem_too-few-organisations') : formProblemText(p));
  const { has, errorId, fieldError } = fieldProblems<NewScanProblem>(problems, problemText);

  return (
    <section className="page" aria-labelledby="new-scan-title">
      <h1 id="new-scan-title">{t('newTitle')}</h1>
      {problems.length > 0 && (
        <div className="notice notice--error" ref={summaryRef} tabIndex={-1} role="alert">
          <p>{tf('formErrors')}</p>
          <ul>
            {problems.map((p) => (
              <li key={p}>{problemText(p)}</li>
            ))}
          </ul>
        </div>
      )}
      <form className="form" onSubmit={submit} noValidate>
        <label className="field">
          <span className="field__label">{tf('fieldTitle')}</span>
          <span className="field__hint">{t('fieldTitleHint')}</span>
          <input type="text" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} aria-invalid={has('title-missing')} aria-describedby={errorId('title-missing')} />
          {fieldError('title-missing')}
        </label>
        <label className="field">
          <span className="field__label">{tf('fieldDate')}</span>
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} aria-invalid={has('date-invalid')} aria-describedby={errorId('date-invalid')} />
          {fieldError('date-invalid')}
        </label>
        <label className="field">
          <span className="field__label">{t('fieldOrganisations')}</span>
          <span className="field__hint">{t('fieldOrganisationsHint')}</span>
          <textarea rows={8} value={partners} onChange={(e) => setPartners(e.target.value)} aria-invalid={has('too-few-organisations')} aria-describedby={errorId('too-few-organisations')} />
          {fieldError('too-few-organisations')}
        </label>
        <ScanSettingsFields value={settings} onChange={setSettings} problems={problems} />
        {startingPoints && startingPoints.points.length > 1 && (
          <label className="field field--inline">
            <span className="field__label">{t('fieldInstrument')}</span>
            <select value={chosenKey} onChange={(e) => setInstrumentKey(e.currentTarget.value)}>
              {startingPoints.points.map((i) => (
                <option key={versionIdOf(i)} value={versionIdOf(i)}>
                  {t('instrumentOption', { title: localize(i.title), label: labelOf(i), count: i.items.length })}
                </option>
              ))}
            </select>
          </label>
        )}
        <p className="hint">
          {t('instrumentUsed', { title: localize(instrument.title), label: labelOf(instrument), count: instrument.items.length })}
        </p>
        {alert}
        <div className="button-row">
          <button type="submit" className="button button--primary">
            {t('create')}
          </button>
          <Link href="/" className="button button--secondary">
            {td('cancel')}
          </Link>
        </div>
      </form>
    </section>
  );
}
