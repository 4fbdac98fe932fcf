import { getChartFormat } from '../../charts/format';
import { INDICATIVE_BELOW, type ScanAnalysis } from '../../domain/analysis';
import { useMessages } from '../../i18n/useMessages';
import { selectLanguage, useUiStore } from '../../state/uiStore';
import { ALL_TOPICS, explainMessages } from '../results/explainMessages';

/**
 * "Zo leest u de resultaten", before the first figure: the plain sentence of each idea the deck
 * uses, the same words as the results page and the report (explainMessages), without the
 * statistical detail. The asterisk only when a group is indicative (docs/presenter.md, "Slides").
 */
export function ReadingSlide({ analysis }: { analysis: Pick<ScanAnalysis, 'groups' | 'settings'> }) {
  const t = useMessages(explainMessages);
  const format = getChartFormat(useUiStore(selectLanguage));
  const topics = analysis.groups.some((g) => g.isIndicative) ? [...ALL_TOPICS, 'indicative' as const] : ALL_TOPICS;
  return (
    <div className="reading-slide">
      <p className="reading-slide__lead">{t('readingLead')}</p>
      <dl className="reading-slide__list">
        {topics.map((topic) => (
          <div key={topic} className="reading-slide__item" data-topic={topic}>
            <dt>{t(`topic_${topic}`)}</dt>
            <dd>{t(`explain_${topic}`, { gap: format.mean(analysis.settings.gapThreshold), n: INDICATIVE_BELOW })}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
