import { useState } from 'react';
import { anonymiseForSharing, buildExchangeFile, exchangeFileName, serialiseExchangeFile, type AnonymisedScan } from '../../domain/exchange';
import type { Language, Scan } from '../../domain/types';
import { useAction } from '../../ui/failures';
import { useMessages, type Translate } from '../../i18n/useMessages';
import { directorMessages } from '../../i18n/directorMessages';
import { formatList } from '../../i18n/format';
import { selectLanguage, useUiStore } from '../../state/uiStore';
import { RecordNotFoundError } from '../../storage/errors';
import { loadInstrumentVersionsForExport, loadScansForExport } from '../../storage/exchangeRepository';
import { saveCsvExport } from './saveCsvExport';
import { GENERATOR, saveFile } from '../../ui/saveFile';
import { shareMessages } from './shareMessages';

type Format = 'json' | 'csv-long' | 'csv-wide';

function describeReport(shared: AnonymisedScan, scan: Scan, t: Translate<typeof shareMessages.nl>, language: Language, pooledName: string): string[] {
  const { report } = shared;
  const names = (ids: readonly string[]) => formatList(ids.map(nameOf), language);
  const nameOf = (id: string) => (id === report.pooledGroupId ? pooledName : (scan.organisations.find((o) => o.id === id)?.name ?? id));
  const statementOf = (itemId: string) => scan.instrument.items.findIndex((i) => i.id === itemId) + 1;
  const lines: string[] = [];
  if (report.pooledOrganisationIds.length > 0) lines.push(t('reportPooled', { names: names(report.pooledOrganisationIds) }));
  if (report.leftOutOrganisationIds.length > 0)
    lines.push(t('reportLeftOut', { names: names(report.leftOutOrganisationIds), count: report.leftOutRespondents }));
  if (report.levelsRemovedIn.length > 0) lines.push(t('reportLevels', { names: names(report.levelsRemovedIn) }));
  if (report.freeTextsRemoved > 0) lines.push(t('reportTexts', { count: report.freeTextsRemoved }));
  if (report.scoresRemoved.length > 0)
    lines.push(
      t('reportScores', {
        min: scan.settings.minGroupSize,
        cells: report.scoresRemoved.map((c) => t('reportScoresCell', { name: nameOf(c.groupId), statement: statementOf(c.itemId), count: c.scores })).join('; '),
      }),
    );
  const room: string[] = [];
  if (shared.votes.length + shared.agreements.length > 0) room.push(t('reportRoom', { votes: shared.votes.length, agreements: shared.agreements.length }));
  if (report.agreementsLeftOut > 0) room.push(t('reportAgreementsLeftOut', { count: report.agreementsLeftOut }));
  return [...(lines.length > 0 ? lines : [t('reportNothing')]), ...room, t('reportIds')];
}

/** The anonymised export of one scan, for sharing beyond the chain director. */
export function SharedExport({ scan, separator }: { scan: Scan; separator: ';' | ',' }) {
  const t = useMessages(shareMessages);
  const td = useMessages(directorMessages);
  const language = useUiStore(selectLanguage);
  const [lines, setLines] = useState<string[] | null>(null);
  const { run, alert } = useAction();

  const save = (format: Format) =>
    run(async () => {
      setLines(null);
      const now = new Date();
      const [data] = (await loadScansForExport([scan.id])).scans;
      if (!data) throw new RecordNotFoundError('scan', scan.id);
      const shared = anonymiseForSharing(data.scan, data.responses, {
        pooledName: td('pooledGroup'),
        titleSuffix: t('titleSuffix'),
        // A scan stores no time zone: the exporting device's (docs/shared-devices.md, "Exports").
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      }, { votes: data.votes, agreements: data.agreements });
      let name: string;
      if (format === 'json') {
        name = exchangeFileName([shared.scan], now);
        // The versions of its questionnaire go along: they hold no personal data (docs/shared-devices.md, "Exports").
        const { versions } = await loadInstrumentVersionsForExport([shared.scan.instrument.id]);
        saveFile(name, serialiseExchangeFile(buildExchangeFile([shared], now, GENERATOR, { instrumentVersions: versions })), 'application/json');
      } else {
        name = saveCsvExport(shared.scan, shared.responses, format === 'csv-long' ? 'long' : 'wide', { separator, lang: language }, now);
      }
      setLines([t('sharedSaved', { name }), ...describeReport(shared, data.scan, t, language, td('pooledGroup'))]);
    });

  return (
    <div className="export-kind">
      <h3>{t('sharedTitle')}</h3>
      <p className="hint">{t('sharedIntro', { min: scan.settings.minGroupSize })}</p>
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={() => void save('json')}>
          {t('sharedJson')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void save('csv-long')}>
          {t('sharedCsvLong')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void save('csv-wide')}>
          {t('sharedCsvWide')}
        </button>
      </div>
      {alert}
      {lines && (
        <div className="notice" role="status" data-testid="shared-export-result">
          {lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
    </div>
  );
}
