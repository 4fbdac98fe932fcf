import { chartMessages } from '../../charts/chartMessages';
import { getChartFormat } from '../../charts/format';
import { EVIDENCE_P_BELOW, INDICATIVE_BELOW, type ScanAnalysis } from '../../domain/analysis';
import { MONTE_CARLO_PERMUTATIONS } from '../../domain/analysis/rankTestP';
import { useMessages } from '../../i18n/useMessages';
import { selectLanguage, useUiStore } from '../../state/uiStore';
import { ChanceNote } from './ChanceNote';
import { explainMessages, type ExplainTopic } from './explainMessages';
import type { ResultViewId } from './views/viewIds';

/**
 * The ideas each view needs to be read: only those, so the paragraph about p and discussion points
 * stands where flags and p are shown, not above every view (docs/language.md, "Plain words first").
 */
export const VIEW_TOPICS: Readonly<Record<ResultViewId, readonly ExplainTopic[]>> = {
  thermometer: ['thermometer', 'mean'],
  thermostat: ['thermostat', 'mean', 'knobs'],
  gap: ['gap', 'p', 'mean', 'consensus'],
  distribution: ['consensus'],
  heatmap: ['mean'],
  scatter: ['thermometer', 'thermostat'],
  keywords: [],
  texts: [],
};

type Analysed = Pick<ScanAnalysis, 'statements' | 'groups' | 'settings'>;

/** Topics that are named by a chart's own word: the word has one home, src/charts/chartMessages.ts. */
const CHART_WORD = { thermometer: 'thermometer', thermostat: 'thermostat', gap: 'gap', consensus: 'consensus' } as const satisfies Partial<Record<ExplainTopic, keyof typeof chartMessages.nl>>;
const isChartWord = (topic: ExplainTopic): topic is keyof typeof CHART_WORD => topic in CHART_WORD;

/**
 * The topics' texts as a list of terms; the plain sentence first, the detail after it. The deck's
 * reading slide shows the plain sentences alone (`plainOnly`), in its own type sizes (`className`).
 */
export function ExplanationList({ topics, analysis, plainOnly = false, className = 'explain' }: { topics: readonly ExplainTopic[]; analysis: Analysed; plainOnly?: boolean; className?: string }) {
  const t = useMessages(explainMessages);
  const tc = useMessages(chartMessages);
  const format = getChartFormat(useUiStore(selectLanguage));
  const shown = analysis.groups.some((g) => g.isIndicative) ? [...topics, 'indicative' as const] : topics;
  return (
    <dl className={`${className}__list`}>
      {shown.map((topic) => (
        <div key={topic} className={`${className}__item`} data-topic={topic}>
          <dt>{isChartWord(topic) ? tc(CHART_WORD[topic]) : t(`topic_${topic}`)}</dt>
          <dd>
            <p>{t(`explain_${topic}`, { gap: format.mean(analysis.settings.gapThreshold), n: INDICATIVE_BELOW, alpha: format.mean(EVIDENCE_P_BELOW) })}</p>
            {!plainOnly && topic === 'mean' && <p className="hint">{t('explain_meanDetail')}</p>}
            {!plainOnly && topic === 'p' && (
              <>
                <ChanceNote analysis={analysis} />
                <p className="hint">{t('explain_pDetail', { draws: format.count(MONTE_CARLO_PERMUTATIONS) })}</p>
              </>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** "What does this mean?" under a view's plain sentence: one click away, closed at first. */
export function ViewExplanations({ viewId, analysis }: { viewId: ResultViewId; analysis: Analysed }) {
  const t = useMessages(explainMessages);
  const topics = VIEW_TOPICS[viewId];
  if (topics.length === 0) return null;
  return (
    <details className="explain" data-testid="view-explanations">
      <summary>{t('explainTitle')}</summary>
      <ExplanationList topics={topics} analysis={analysis} />
    </details>
  );
}
