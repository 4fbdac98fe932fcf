import type { FreeText, ScanAnalysis } from '../../domain/analysis';
import { FreeTextItem } from '../results/views/FreeTextsView';

/** A page of texts on a slide: the statement (or question) they answer, then the texts with their group. */
export function FreeTextSlide({ analysis, lead, texts }: { analysis: ScanAnalysis; lead: string; texts: readonly FreeText[] }) {
  return (
    <div className="free-text-slide">
      <p className="free-text-slide__lead">{lead}</p>
      <ul className="free-texts__list free-text-slide__list">
        {texts.map((text, i) => (
          <FreeTextItem key={i} text={text} analysis={analysis} />
        ))}
      </ul>
    </div>
  );
}
