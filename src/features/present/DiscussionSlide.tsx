import type { ScanAnalysis, StatementAnalysis } from '../../domain/analysis';
import type { Scan } from '../../domain/types';
import { useLocalize, useMessages } from '../../i18n/useMessages';
import { selectLanguage, useUiStore } from '../../state/uiStore';
import { labelGroupById } from '../results/groupLabels';
import { resultsMessages } from '../results/resultsMessages';
import { getChartFormat } from '../../charts/format';
import { presentMessages } from './presentMessages';

interface DiscussionSlideProps {
  scan: Scan;
  analysis: ScanAnalysis;
  statement: StatementAnalysis;
}

/** One discussion point: the statement, who scores high and low, and a question to start the talk. */
export function DiscussionSlide({ scan, analysis, statement }: DiscussionSlideProps) {
  const t = useMessages(presentMessages);
  const tr = useMessages(resultsMessages);
  const localize = useLocalize();
  const format = getChartFormat(useUiStore(selectLanguage));
  const item = scan.instrument.items.find((i) => i.id === statement.itemId);
  const label = (id: string) => labelGroupById(analysis, id, tr('pooledGroup'));
  const high = statement.highest?.groupIds.map(label).join(', ') ?? '';
  const low = statement.lowest?.groupIds.map(label).join(', ') ?? '';
  // Every group of the statement, highest first, so the room sees the whole spread.
  const rows = analysis.groups
    .map((group, index) => ({ group, cell: statement.cells[index] }))
    .filter((row) => row.cell && row.cell.mean !== null)
    .sort((a, b) => (b.cell?.mean ?? 0) - (a.cell?.mean ?? 0));
  return (
    <div className="discussion-slide">
      <p className="discussion-slide__kind">
        {t(`kind_${statement.kind}`)} · {statement.gap !== null && t('discussionGap', { gap: format.mean(statement.gap) })}
      </p>
      <blockquote className="discussion-slide__statement">{item ? localize(item.text) : statement.itemId}</blockquote>
      <ol className="discussion-slide__groups">
        {rows.map(({ group, cell }) => (
          <li key={group.id} className={statement.highest?.groupIds.includes(group.id) ? 'is-high' : statement.lowest?.groupIds.includes(group.id) ? 'is-low' : ''}>
            <span className="discussion-slide__group">
              {label(group.id)}
              {group.isIndicative ? ' *' : ''}
            </span>
            <span className="discussion-slide__mean">{format.mean(cell?.mean)}</span>
            <span className="discussion-slide__n">n = {cell?.n ?? 0}</span>
            {statement.highest?.groupIds.includes(group.id) && <span className="discussion-slide__tag">{t('discussionHigh')}</span>}
            {statement.lowest?.groupIds.includes(group.id) && <span className="discussion-slide__tag">{t('discussionLow')}</span>}
          </li>
        ))}
      </ol>
      <p className="discussion-slide__question">{t(`discussionQuestion_${statement.kind}`, { high, low })}</p>
    </div>
  );
}
