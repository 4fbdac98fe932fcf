import type { FreeText, ScanAnalysis } from '../../domain/analysis';
import { FreeTextItem } from '../results';

/** A page of texts on a slide: a plain sentence on what they are, the statement (or question) they answer, then the texts with their group. */
export function FreeTextSlide({ analysis, intro, lead, texts }: { analysis: ScanAnalysis; intro?: string; lead: string; texts: readonly FreeText[] }) {
  return (
    <div className="free-text-slide">
      {intro && <p className="free-text-slide__intro">{intro}</p>}
      <p className="free-text-slide__lead">{lead}</p>
      <ul className="free-texts__list free-text-slide__list">
        {texts.map((text, i) => (
          <FreeTextItem key={i} text={text} analysis={analysis} />
        ))}
      </ul>
    </div>
  );
}
