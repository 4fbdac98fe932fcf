import { getChartFormat } from '../../charts/format';
import { EVIDENCE_P_BELOW, flagsByChance, type ScanAnalysis } from '../../domain/analysis';
import type { Language } from '../../domain/types';
import { translate } from '../../i18n/defineMessages';
import { selectLanguage, useUiStore } from '../../state/uiStore';
import { resultsMessages } from './resultsMessages';

/** The statements a Kruskal–Wallis test ran on: only these can be flagged, by evidence or by chance. */
export function countTestedStatements(analysis: Pick<ScanAnalysis, 'statements'>): number {
  return analysis.statements.filter((s) => s.kruskalWallis !== null).length;
}

/**
 * What p < 0.10 means for this many statements, in one sentence: how many discussion points
 * chance alone gives when the partners in fact agree (docs/analysis.md, "Chance in plain words").
 * Null when no statement was tested.
 */
export function chanceSentence(language: Language, tests: number): string | null {
  const chance = flagsByChance(tests);
  if (chance.tests === 0) return null;
  // count 0 is "less than one" (belowOne); the plural rules pick the rest (src/i18n/defineMessages.ts).
  return translate(resultsMessages, language, 'chance', { tests: chance.tests, count: chance.count, alpha: getChartFormat(language).mean(EVIDENCE_P_BELOW) });
}

/** The chance sentence wherever discussion points are listed or flagged: results, slides, report. */
export function ChanceNote({ analysis }: { analysis: Pick<ScanAnalysis, 'statements'> }) {
  const language = useUiStore(selectLanguage);
  const text = chanceSentence(language, countTestedStatements(analysis));
  return text ? (
    <p className="hint chance-note" data-testid="chance-note">
      {text}
    </p>
  ) : null;
}
