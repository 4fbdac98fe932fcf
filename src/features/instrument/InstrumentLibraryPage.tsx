import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';
import { DEFAULT_INSTRUMENT } from '../../domain/instrument/defaultInstrument';
import { useLocalize, useMessages } from '../../i18n/useMessages';
import { useFormat } from '../../i18n/useFormat';
import { QuestionnaireExports } from '../exchange';
import { scansMessages } from '../scans';
import { CompareLink } from './CompareLink';
import { PreviewButton } from './PreviewButton';
import { instrumentMessages } from './instrumentMessages';
import { loadLibrary } from './loadInstruments';
import './instrument.css';

/** `#/instruments`: every instrument version on this device, to start an edit from. */
export default function InstrumentLibraryPage() {
  const t = useMessages(instrumentMessages);
  const scans = useMessages(scansMessages);
  const localize = useLocalize();
  const fmt = useFormat();
  const entries = useLiveQuery(loadLibrary, []);
  return (
    <section className="page" aria-labelledby="library-title">
      <p>
        <Link href="/">← {scans('backToList')}</Link>
      </p>
      <h1 id="library-title">{t('libraryTitle')}</h1>
      <p>{t('libraryIntro')}</p>
      <ul className="instrument-library">
        {entries?.map(({ instrument, record }) => {
          const title = t('libraryVersion', { title: localize(instrument.title), version: instrument.version });
          const isDefault = instrument.id === DEFAULT_INSTRUMENT.id && instrument.version === DEFAULT_INSTRUMENT.version;
          return (
            <li key={`${instrument.id}@${instrument.version}`}>
              <h2>{title}</h2>
              <p className="scan-card__meta">
                {isDefault && <span className="badge">{t('libraryDefault')}</span>}
                <span>{t('libraryStatements', { count: instrument.items.length })}</span>
                {record && <span>{t('librarySaved', { date: fmt.date(record.savedAt) })}</span>}
                {record?.basedOn && <span>{t('libraryBasedOn', { version: record.basedOn.version })}</span>}
                {!record && !isDefault && <span>{t('libraryInScan')}</span>}
              </p>
              <Link href={`/instruments/${encodeURIComponent(instrument.id)}/${instrument.version}`} className="button button--secondary">
                {t('editFrom')}
                <span className="visually-hidden">: {title}</span>
              </Link>{' '}
              <CompareLink instrument={instrument} title={title} /> <PreviewButton instrument={() => instrument} source={{ kind: 'version', label: title }} label={title} />
            </li>
          );
        })}
      </ul>
      <QuestionnaireExports versions={entries?.map((entry) => entry.record ?? entry.instrument) ?? []} />
    </section>
  );
}
