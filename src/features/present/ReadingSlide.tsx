import type { ScanAnalysis } from '../../domain/analysis';
import { useMessages } from '../../i18n/useMessages';
import { ALL_TOPICS, explainMessages, ExplanationList } from '../results';

/**
 * "Zo leest u de resultaten", before the first figure: the plain sentence of each idea the deck
 * uses, the same words and list as the results page and the report, without the statistical
 * detail. The asterisk only when a group is indicative (docs/presenter.md, "Slides").
 */
export function ReadingSlide({ analysis }: { analysis: Pick<ScanAnalysis, 'statements' | 'groups' | 'settings'> }) {
  const t = useMessages(explainMessages);
  return (
    <div className="reading-slide">
      <p className="reading-slide__lead">{t('readingLead')}</p>
      <ExplanationList topics={ALL_TOPICS} analysis={analysis} plainOnly className="reading-slide" />
    </div>
  );
}
