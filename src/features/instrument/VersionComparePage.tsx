import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo } from 'react';
import { Link, useLocation } from 'wouter';
import { diffVersions, type StatementDiff, type StatementStatus } from '../../domain/instrument/diff';
import { versionLabels } from '../../domain/instrument/versionLabels';
import { versionIdOf } from '../../domain/instrument/versions';
import type { Instrument, Item, LocalizedText } from '../../domain/types';
import { directorMessages } from '../../i18n/directorMessages';
import { useLocalize, useMessages } from '../../i18n/useMessages';
import { versionChangeMessages } from '../../i18n/versionChangeMessages';
import { listInstrumentVersions, listStartingPoints } from '../../storage/instrumentRepository';
import { compareMessages } from './compareMessages';
import { BASE_VERSION, comparePath } from './comparePaths';
import { instrumentMessages } from './instrumentMessages';
import { useVersionLabel } from '../../ui/versionLabel';
import './instrument.css';

// `#/instruments/compare/<from>/<to>`: two versions side by side (docs/instrument-and-rounds.md,
// "Comparing versions"). The version ids are in the address, so a reload or a shared link shows
// the same pair; a missing `to` or `from` is chosen here.

interface VersionEntry {
  versionId: string;
  /** With its save time when the library holds it, for the label that tells equal names apart. */
  instrument: Instrument & { savedAt?: string };
  /** The version it was made from, when the library knows. */
  basedOnId: string | null;
}

/** Every version on the device (default, library, scans' snapshots), once each, grouped by questionnaire, newest number first. */
export async function loadCompareVersions(): Promise<VersionEntry[]> {
  const [points, records] = await Promise.all([listStartingPoints(), listInstrumentVersions()]);
  const byVersionId = new Map(records.map((r) => [r.versionId, r]));
  const entries = points.map((instrument) => {
    const versionId = versionIdOf(instrument);
    const record = byVersionId.get(versionId);
    const basedOn = record?.basedOn ?? null;
    // A reference without an id (written before versions had one) is found by its number.
    const byNumber = basedOn && points.find((p) => p.id === basedOn.id && p.version === basedOn.version);
    const basedOnId = basedOn?.versionId ?? (byNumber ? versionIdOf(byNumber) : null);
    return { versionId, instrument: record ? { ...instrument, savedAt: record.savedAt } : instrument, basedOnId };
  });
  return entries.sort((a, b) => a.instrument.id.localeCompare(b.instrument.id) || b.instrument.version - a.instrument.version);
}

/** The version to compare `entry` with by default: the one it was made from, else the next lower number of its questionnaire. */
export function baseVersionOf(entry: VersionEntry, entries: readonly VersionEntry[]): VersionEntry | null {
  const based = entry.basedOnId ? entries.find((e) => e.versionId === entry.basedOnId) : undefined;
  if (based) return based;
  const lower = entries.filter((e) => e.instrument.id === entry.instrument.id && e.instrument.version < entry.instrument.version);
  return lower.sort((a, b) => b.instrument.version - a.instrument.version)[0] ?? null;
}

/** Each version called as everywhere else (its name or "versie N", told apart where two read the same). */
function useEntryLabels(entries: readonly VersionEntry[] | undefined): (instrument: Instrument) => string {
  const label = useVersionLabel();
  const labels = useMemo(() => versionLabels((entries ?? []).map((e) => e.instrument)), [entries]);
  return (instrument: Instrument) => {
    const found = labels.get(versionIdOf(instrument));
    return label(found ?? { name: instrument.versionName ?? null, version: instrument.version, savedAt: null, idPart: null });
  };
}

export default function VersionComparePage({ from, to }: { from?: string; to?: string }) {
  const t = useMessages(compareMessages);
  const ti = useMessages(instrumentMessages);
  const localize = useLocalize();
  const [, navigate] = useLocation();
  const entries = useLiveQuery(loadCompareVersions, []);
  const versionLabel = useEntryLabels(entries);
  const olderId = useId();
  const newerId = useId();

  const toId = to ? decodeURIComponent(to) : undefined;
  const newer = entries?.find((e) => e.versionId === toId) ?? null;
  // From the library: "base" is the version `to` was made from (or itself, for a first version).
  const fromParam = from ? decodeURIComponent(from) : undefined;
  const fromId = fromParam === BASE_VERSION ? (newer && entries ? (baseVersionOf(newer, entries) ?? newer).versionId : undefined) : fromParam;
  const older = entries?.find((e) => e.versionId === fromId) ?? null;
  const known = useMemo(() => (entries ?? []).filter((e) => e.instrument.id === newer?.instrument.id).map((e) => e.instrument), [entries, newer]);
  const diff = useMemo(() => (older && newer ? diffVersions(older.instrument, newer.instrument, known) : null), [older, newer, known]);

  const choose = (side: 'from' | 'to', versionId: string) => {
    const nextFrom = side === 'from' ? versionId : (fromId ?? versionId);
    const nextTo = side === 'to' ? versionId : (toId ?? versionId);
    navigate(comparePath(nextFrom, nextTo), { replace: true });
  };

  const optionLabel = (entry: VersionEntry) => t('versionOption', { title: localize(entry.instrument.title), version: versionLabel(entry.instrument) });
  const missing = [fromParam === BASE_VERSION ? undefined : fromId, toId].filter((id): id is string => id !== undefined && entries !== undefined && !entries.some((e) => e.versionId === id));

  return (
    <section className="page version-compare" aria-labelledby="compare-title">
      <p>
        <Link href="/instruments">← {ti('backToLibrary')}</Link>
      </p>
      <h1 id="compare-title">{t('compareTitle')}</h1>
      <p>{t('compareIntro')}</p>
      {entries && (
        <div className="form__row version-compare__choice">
          <VersionSelect id={olderId} label={t('older')} placeholder={t('chooseTwo')} chosen={older} entries={entries} optionLabel={optionLabel} onChoose={(id) => choose('from', id)} />
          <VersionSelect id={newerId} label={t('newer')} placeholder={t('chooseTwo')} chosen={newer} entries={entries} optionLabel={optionLabel} onChoose={(id) => choose('to', id)} />
        </div>
      )}
      {missing.map((id) => (
        <p key={id} className="notice notice--error" role="alert">
          {t('unknownVersion', { id })}
        </p>
      ))}
      {entries && (!older || !newer) && missing.length === 0 && <p className="notice">{t('chooseTwo')}</p>}
      {older && newer && diff && (
        <>
          {older.instrument.id !== newer.instrument.id && <p className="notice notice--warning">{t('otherQuestionnaire')}</p>}
          {older.versionId === newer.versionId && <p className="notice">{t('sameVersion')}</p>}
          <DiffSummary counts={diff.counts} />
          <DimensionChanges diff={diff} />
          <DiffTable rows={diff.statements} older={older.instrument} newer={newer.instrument} label={versionLabel} />
        </>
      )}
    </section>
  );
}

const SUMMARY_ORDER: readonly StatementStatus[] = ['struck', 'added', 'reworded', 'new-meaning', 'moved', 'unchanged'];

function DiffSummary({ counts }: { counts: Record<StatementStatus, number> }) {
  const t = useMessages(compareMessages);
  const words = useMessages(versionChangeMessages);
  return (
    <section aria-labelledby="compare-summary" className="version-compare__summary">
      <h2 id="compare-summary">{t('summaryTitle')}</h2>
      <ul>
        {SUMMARY_ORDER.map((status) => (
          <li key={status} data-status={status}>
            {t('summaryCount', { count: counts[status], what: words(status) })}
          </li>
        ))}
      </ul>
    </section>
  );
}

function DimensionChanges({ diff }: { diff: ReturnType<typeof diffVersions> }) {
  const t = useMessages(compareMessages);
  const localize = useLocalize();
  const changed = diff.dimensions.filter((d) => d.status !== 'unchanged');
  if (changed.length === 0) return null;
  return (
    <section aria-labelledby="compare-dimensions">
      <h2 id="compare-dimensions">{t('dimensionsTitle')}</h2>
      <ul>
        {changed.map((d) => (
          <li key={d.id}>
            {t(`dimension_${d.status as 'renamed' | 'added' | 'removed'}`, { id: d.id, older: d.older ? localize(d.older.label) : '', newer: d.newer ? localize(d.newer.label) : '' })}
          </li>
        ))}
      </ul>
    </section>
  );
}

function changedLanguages(a: LocalizedText, b: LocalizedText): ('nl' | 'en')[] {
  return (['nl', 'en'] as const).filter((language) => a[language].trim() !== b[language].trim());
}

function DiffTable({ rows, older, newer, label }: { rows: StatementDiff[]; older: Instrument; newer: Instrument; label: (instrument: Instrument) => string }) {
  const t = useMessages(compareMessages);
  const ti = useMessages(instrumentMessages);
  const td = useMessages(directorMessages);
  const words = useMessages(versionChangeMessages);
  const localize = useLocalize();
  const dimensionName = (instrument: Instrument, id: string) => {
    const dimension = instrument.dimensions.find((d) => d.id === id);
    return dimension ? localize(dimension.label) || id : id;
  };
  const text = (item: Item | null, kind: 'older' | 'newer', status: StatementStatus) => {
    if (!item) return <span className="version-compare__absent">{t('absent')}</span>;
    const content = localize(item.text);
    if (kind === 'older' && (status === 'struck' || status === 'new-meaning')) return <del>{content}</del>;
    if (kind === 'newer' && (status === 'added' || status === 'new-meaning')) return <ins>{content}</ins>;
    return content;
  };
  const caption = t('tableCaption', { older: label(older), newer: label(newer) });
  // A narrow screen scrolls the table sideways: the region takes focus, so a keyboard can scroll it.
  return (
    <div className="version-compare__scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="data-table version-compare__table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('columnNumber')}</th>
            <th scope="col">{t('columnOlder', { version: label(older) })}</th>
            <th scope="col">{t('columnNewer', { version: label(newer) })}</th>
            <th scope="col">{t('columnChange')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const ids = row.older && row.newer && row.older.id !== row.newer.id ? `${row.older.id} → ${row.newer.id}` : (row.newer ?? row.older)!.id;
            const notes: string[] = [];
            if (row.status === 'reworded' && row.older && row.newer) {
              const languages = changedLanguages(row.older.text, row.newer.text).map((l) => td(l === 'nl' ? 'languageNl' : 'languageEn'));
              notes.push(t('textChangedIn', { languages: languages.join(', ') }));
            }
            if (row.moved) notes.push(t('movedFrom', { from: row.olderPosition ?? 0, to: row.newerPosition ?? 0 }));
            if (row.status === 'new-meaning' && row.replacementChain.length > 2) notes.push(t('replacedChain', { chain: row.replacementChain.join(' → ') }));
            if (row.dimensionChanged && row.older && row.newer) notes.push(t('dimensionChanged', { older: dimensionName(older, row.older.dimension), newer: dimensionName(newer, row.newer.dimension) }));
            if (row.kindChanged && row.older && row.newer) notes.push(t('kindChanged', { older: ti(`kind_${row.older.kind}`), newer: ti(`kind_${row.newer.kind}`) }));
            return (
              <tr key={`${row.older?.id ?? ''}>${row.newer?.id ?? ''}`} data-status={row.status} className={`version-compare__row version-compare__row--${row.status}`}>
                <th scope="row">{ids}</th>
                <td>{text(row.older, 'older', row.status)}</td>
                <td>{text(row.newer, 'newer', row.status)}</td>
                <td>
                  <strong className="version-compare__status">{words(row.status)}</strong>
                  {notes.map((note) => (
                    <span key={note} className="version-compare__note">
                      {note}
                    </span>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** One side of the pair: every version on the device, the chosen one selected. */
function VersionSelect(props: {
  id: string;
  label: string;
  placeholder: string;
  chosen: VersionEntry | null;
  entries: readonly VersionEntry[];
  optionLabel: (entry: VersionEntry) => string;
  onChoose: (versionId: string) => void;
}) {
  const { id, label, placeholder, chosen, entries, optionLabel, onChoose } = props;
  return (
    <label className="field field--inline" htmlFor={id}>
      <span className="field__label">{label}</span>
      <select id={id} value={chosen?.versionId ?? ''} onChange={(e) => onChoose(e.currentTarget.value)}>
        {!chosen && <option value="">{placeholder}</option>}
        {entries.map((entry) => (
          <option key={entry.versionId} value={entry.versionId}>
            {optionLabel(entry)}
          </option>
        ))}
      </select>
    </label>
  );
}
