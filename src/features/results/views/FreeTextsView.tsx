import { POOLED_GROUP_ID, type FreeText, type FreeTexts, type ScanAnalysis } from '../../../domain/analysis';
import type { Scan } from '../../../domain/types';
import { useLocalize, useMessages } from '../../../i18n/useMessages';
import { directorMessages } from '../../../i18n/directorMessages';
import { labelGroupById } from '../groupLabels';
import { resultsMessages } from '../resultsMessages';
import './freeTexts.css';

/** One text with the group it is shown under. React renders it as text: markup in it stays visible as typed. */
export function FreeTextItem({ text, analysis }: { text: FreeText; analysis: ScanAnalysis }) {
  const td = useMessages(directorMessages);
  return (
    <li className="free-text" data-group={text.groupId === POOLED_GROUP_ID ? 'pooled' : text.groupId}>
      <span className="free-text__group">{labelGroupById(analysis, text.groupId, td('pooledGroup'))}</span>
      <span className="free-text__text">{text.text}</span>
    </li>
  );
}

/** The "what people wrote" view: comments grouped per statement, then the improvement points. */
export function FreeTextsView({ scan, analysis, texts, headingLevel = 3 }: { scan: Scan; analysis: ScanAnalysis; texts: FreeTexts; headingLevel?: 2 | 3 }) {
  const t = useMessages(resultsMessages);
  const localize = useLocalize();
  const Heading = `h${headingLevel}` as const;
  const SubHeading = `h${headingLevel + 1}` as 'h3' | 'h4';
  if (texts.comments.length === 0 && texts.improvements.length === 0) return <p className="notice">{t('textsNone')}</p>;
  return (
    <div className="free-texts">
      {texts.comments.length > 0 && (
        <section className="free-texts__section">
          <Heading>{t('textsComments')}</Heading>
          {texts.comments.map(({ itemId, texts: items }) => {
            const index = scan.instrument.items.findIndex((i) => i.id === itemId);
            const item = scan.instrument.items[index];
            return (
              <section key={itemId} className="free-texts__statement" data-statement={itemId}>
                <SubHeading>
                  {index + 1}. {item ? localize(item.text) : itemId} <span className="free-texts__count">({t('textsCount', { count: items.length })})</span>
                </SubHeading>
                <ul className="free-texts__list">
                  {items.map((text, i) => (
                    <FreeTextItem key={i} text={text} analysis={analysis} />
                  ))}
                </ul>
              </section>
            );
          })}
        </section>
      )}
      {texts.improvements.length > 0 && (
        <section className="free-texts__section" data-part="improvements">
          <Heading>{t('textsImprovements')}</Heading>
          <ul className="free-texts__list">
            {texts.improvements.map((text, i) => (
              <FreeTextItem key={i} text={text} analysis={analysis} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
