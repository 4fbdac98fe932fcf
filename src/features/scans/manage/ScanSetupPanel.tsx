import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { useAction } from '../../../ui/failures';
import { askedExtras, extrasSettings } from '../../../domain/extras';
import type { NewScanProblem } from '../../../domain/scan';
import { addOrganisation, checkSetup, mergeOrganisations, removeOrganisation, renameOrganisation, type OrganisationProblem, type OrganisationsResult } from '../../../domain/scanSetup';
import type { Language, Organisation, Scan } from '../../../domain/types';
import { useMessages } from '../../../i18n/useMessages';
import { directorMessages } from '../../../i18n/directorMessages';
import { listScanResponses, setScanStatus } from '../../../storage/scanRepository';
import { mergeOrganisationInto, saveOrganisations, updateScanSetup } from '../../../storage/setupRepository';
import { ScanSettingsFields, settingsFromFields, useScanFormProblemText, type SettingsFieldsValue } from '../ScanSettingsFields';
import { scanFormMessages } from '../scanFormMessages';
import { setupMessages } from './setupMessages';
import './manage.css';
import { OrganisationOptions } from '../../../ui/OrganisationOptions';

/** Title, date, settings and partners of an existing scan (docs/instrument-and-rounds.md). */
export function ScanSetupPanel({ scan }: { scan: Scan }) {
  const t = useMessages(setupMessages);
  const counts = useLiveQuery(async () => {
    const map = new Map<string, number>();
    for (const r of (await listScanResponses(scan.id)).rows) map.set(r.organisationId, (map.get(r.organisationId) ?? 0) + 1);
    return map;
  }, [scan.id]);
  return (
    <details className="action-panel scan-setup">
      <summary>
        <h2 className="scan-setup__title">{t('title')}</h2>
      </summary>
      <p className="hint">{t('intro')}</p>
      <SetupForm scan={scan} />
      <OrganisationsEditor scan={scan} counts={counts ?? new Map()} />
    </details>
  );
}

function SetupForm({ scan }: { scan: Scan }) {
  const t = useMessages(setupMessages);
  const tf = useMessages(scanFormMessages);
  const td = useMessages(directorMessages);
  const [title, setTitle] = useState(scan.title);
  const [date, setDate] = useState(scan.date);
  const [fields, setFields] = useState<SettingsFieldsValue>(() => ({
    askLevel: scan.settings.askLevel,
    extras: askedExtras(scan.settings),
    minGroupSize: String(scan.settings.minGroupSize),
    gapThreshold: String(scan.settings.gapThreshold),
  }));
  const [startLanguage, setStartLanguage] = useState<Language>(scan.settings.startLanguage === 'en' ? 'en' : 'nl');
  const [isOpen, setIsOpen] = useState(scan.status === 'open');
  const [problems, setProblems] = useState<NewScanProblem[]>([]);
  const [status, setStatus] = useState('');
  const { run, pending, alert } = useAction();
  const formProblemText = useScanFormProblemText();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setStatus('');
    const settings = { ...scan.settings, ...settingsFromFields(fields), startLanguage, ...extrasSettings(fields.extras) };
    const found = checkSetup({ title, date, settings }, scan.organisations);
    setProblems(found);
    if (found.length > 0) return;
    const ok = await run(async () => {
      await updateScanSetup(scan.id, { title, date, settings });
      if ((scan.status === 'open') !== isOpen) await setScanStatus(scan.id, isOpen ? 'open' : 'closed');
    });
    if (ok) setStatus(t('saved'));
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      {problems.length > 0 && (
        <div className="notice notice--error" role="alert">
          <p>{tf('formErrors')}</p>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p === 'too-few-organisations' ? t('problem_too-few-organisations') : formProblemText(p)}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="form__row">
        <label className="field">
          <span className="field__label">{tf('fieldTitle')}</span>
          <input type="text" value={title} maxLength={200} onChange={(e) => setTitle(e.currentTarget.value)} aria-invalid={problems.includes('title-missing')} />
        </label>
        <label className="field">
          <span className="field__label">{tf('fieldDate')}</span>
          <input type="date" value={date} onChange={(e) => setDate(e.currentTarget.value)} aria-invalid={problems.includes('date-invalid')} />
        </label>
      </div>
      <ScanSettingsFields
        value={fields}
        onChange={setFields}
        problems={problems}
        afterAskLevel={
          <label className="checkbox">
            <input type="checkbox" checked={isOpen} onChange={(e) => setIsOpen(e.currentTarget.checked)} />
            <span>{t('fieldOpen')}</span>
          </label>
        }
        rowStart={
          <label className="field field--inline">
            <span className="field__label">{t('fieldStartLanguage')}</span>
            <select value={startLanguage} onChange={(e) => setStartLanguage(e.currentTarget.value === 'en' ? 'en' : 'nl')}>
              <option value="nl">{td('languageNl')}</option>
              <option value="en">{td('languageEn')}</option>
            </select>
          </label>
        }
      />
      {alert}
      <p role="status" className="status-line">
        {status}
      </p>
      <button type="submit" className="button button--primary" disabled={pending}>
        {t('save')}
      </button>
    </form>
  );
}

function OrganisationsEditor({ scan, counts }: { scan: Scan; counts: ReadonlyMap<string, number> }) {
  const t = useMessages(setupMessages);
  const { run, pending, alert } = useAction();
  const [names, setNames] = useState<Record<string, string>>({});
  const [mergeTargets, setMergeTargets] = useState<Record<string, string>>({});
  const [newName, setNewName] = useState('');
  // Empty: a partner of its own; an id: a part split off from that partner (compareRounds.ts).
  const [splitFrom, setSplitFrom] = useState('');
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const problem = (p: OrganisationProblem) => setMessage({ text: t(`orgProblem_${p}`), isError: true });
  const store = async (result: OrganisationsResult, done: () => void = () => undefined) => {
    if (!result.ok) return problem(result.problem);
    if (await run(() => saveOrganisations(scan.id, result.organisations))) {
      done();
      setMessage({ text: t('organisationSaved'), isError: false });
    }
  };
  const merge = async (from: Organisation) => {
    const intoId = mergeTargets[from.id] ?? scan.organisations.find((o) => o.id !== from.id)?.id ?? '';
    const into = scan.organisations.find((o) => o.id === intoId);
    const result = mergeOrganisations(scan.organisations, from.id, intoId);
    if (!result.ok || !into) return problem(result.ok ? 'unknown-organisation' : result.problem);
    if (!window.confirm(t('mergeConfirm', { from: from.name, into: into.name, count: counts.get(from.id) ?? 0 }))) return;
    await run(async () => {
      const moved = await mergeOrganisationInto(scan.id, from.id, result.organisations, intoId);
      setMessage({ text: t('merged', { from: from.name, into: into.name, count: moved }), isError: false });
    });
  };

  return (
    <section className="scan-setup__organisations" aria-labelledby={`orgs-${scan.id}`}>
      <h3 id={`orgs-${scan.id}`}>{t('organisationsTitle')}</h3>
      <ul className="scan-setup__list">
        {scan.organisations.map((o) => {
          const count = counts.get(o.id) ?? 0;
          const others = scan.organisations.filter((x) => x.id !== o.id);
          return (
            <li key={o.id} className="scan-setup__organisation">
              <label className="field">
                <span className="field__label">
                  {t('organisationName', { name: o.name })} · {t('responsesOf', { count })}
                </span>
                <input type="text" value={names[o.id] ?? o.name} onChange={(e) => setNames({ ...names, [o.id]: e.currentTarget.value })} />
              </label>
              <div className="button-row">
                <button type="button" className="button button--secondary" aria-label={`${t('rename')}: ${o.name}`} disabled={pending} onClick={() => void store(renameOrganisation(scan.organisations, o.id, names[o.id] ?? o.name))}>
                  {t('rename')}
                </button>
                <label className="field field--inline">
                  <span className="field__label">{t('mergeInto')}</span>
                  <select aria-label={`${t('mergeInto')}: ${o.name}`} value={mergeTargets[o.id] ?? others[0]?.id ?? ''} onChange={(e) => setMergeTargets({ ...mergeTargets, [o.id]: e.currentTarget.value })}>
                    {others.map((x) => (
                      <option key={x.id} value={x.id}>
                        {x.name}
                      </option>
                    ))}
                  </select>
                </label>
                <button type="button" className="button button--secondary" aria-label={`${t('merge')}: ${o.name}`} disabled={pending} onClick={() => void merge(o)}>
                  {t('merge')}
                </button>
                <button type="button" className="button button--danger" aria-label={`${t('remove')}: ${o.name}`} disabled={pending || count > 0} aria-describedby={count > 0 ? `blocked-${o.id}` : undefined} onClick={() => void store(removeOrganisation(scan.organisations, o.id, count))}>
                  {t('remove')}
                </button>
              </div>
              {count > 0 && (
                <p id={`blocked-${o.id}`} className="hint">
                  {t('removeBlocked')}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      <div className="scan-setup__add">
        <label className="field">
          <span className="field__label">{t('newOrganisation')}</span>
          <input type="text" value={newName} onChange={(e) => setNewName(e.currentTarget.value)} />
        </label>
        <label className="field">
          <span className="field__label">{t('splitFrom')}</span>
          <select value={splitFrom} onChange={(e) => setSplitFrom(e.currentTarget.value)}>
            <option value="">{t('splitFromNone')}</option>
            <OrganisationOptions organisations={scan.organisations} />
          </select>
        </label>
        <button
          type="button"
          className="button button--secondary"
          disabled={pending}
          onClick={() =>
            void store(addOrganisation(scan.organisations, newName, splitFrom === '' ? undefined : splitFrom), () => {
              setNewName('');
              setSplitFrom('');
            })
          }
        >
          {t('add')}
        </button>
      </div>
      {alert}
      <p role="status" className={message?.isError ? 'status-line field-error' : 'status-line'}>
        {message?.text ?? ''}
      </p>
    </section>
  );
}
