import { withPMethod } from '../../charts/pMethod';
import { getChartFormat } from '../../charts/format';
import { INDICATIVE_BELOW, POOLED_GROUP_ID, type FreeText, type ScanAnalysis, type StatementAnalysis } from '../../domain/analysis';
import type { Scan } from '../../domain/types';
import { useLocalize, useMessages } from '../../i18n/useMessages';
import { directorMessages } from '../../i18n/directorMessages';
import { formatList } from '../../i18n/format';
import { selectLanguage, useUiStore } from '../../state/uiStore';
import { FreeTextItem, labelGroupById, organisationNames } from '../results';
import { MiniDivergingBar } from './MiniDivergingBar';
import { chartMessages } from '../../charts/chartMessages';
import { presentMessages } from './presentMessages';

interface DiscussionSlideProps {
  scan: Scan;
  analysis: ScanAnalysis;
  statement: StatementAnalysis;
  /** What people wrote on this statement (collectFreeTexts), already under the anonymity rules; null when the scan does not ask for comments. */
  comments: readonly FreeText[] | null;
}

/** Comments that fit beside the figures at 24 px or more; the rest are on the next slide. */
const COMMENT_CHARS_ON_SLIDE = 300;
const COMMENTS_ON_SLIDE = 3;

/** The comments shown on the discussion slide itself: the first few, as long as they fit whole. */
export function commentsForSlide(comments: readonly FreeText[]): FreeText[] {
  const shown: FreeText[] = [];
  let chars = 0;
  for (const comment of comments) {
    if (shown.length >= COMMENTS_ON_SLIDE || chars + comment.text.length > COMMENT_CHARS_ON_SLIDE) break;
    shown.push(comment);
    chars += comment.text.length;
  }
  return shown;
}

/** The comments the discussion slide leaves for the slide(s) after it: the ones it does not show itself. */
export function commentsAfterSlide(comments: readonly FreeText[]): FreeText[] {
  return comments.slice(commentsForSlide(comments).length);
}

/**
 * One discussion point on the whole slide: which statement and why it is a point, every group's
 * mean with n, don't-knows and its answers, the chain's figures (mean of the groups, weighted by
 * respondents, consensus), who "other partners" are, what people wrote, and the question.
 */
export function DiscussionSlide({ scan, analysis, statement, comments }: DiscussionSlideProps) {
  const t = useMessages(presentMessages);
  const td = useMessages(directorMessages);
  const tc = useMessages(chartMessages);
  const localize = useLocalize();
  const language = useUiStore(selectLanguage);
  const format = getChartFormat(language);
  const number = scan.instrument.items.findIndex((i) => i.id === statement.itemId) + 1;
  const item = scan.instrument.items[number - 1];
  const dimension = scan.instrument.dimensions.find((d) => d.id === statement.dimensionId);
  const label = (id: string) => labelGroupById(analysis, id, td('pooledGroup'));
  // Names joined "A en B", and the verb agrees with them; "Overige partners" counts as plural (docs/language.md).
  const names = (ids: readonly string[] = []) => formatList(ids.map(label), language);
  const howMany = (ids: readonly string[] = []) => (ids.length === 1 && ids[0] === POOLED_GROUP_ID ? 2 : ids.length);
  const high = names(statement.highest?.groupIds);
  const low = names(statement.lowest?.groupIds);
  // Every group of the statement, highest first, so the room sees the whole spread.
  const rows = analysis.groups
    .map((group, index) => ({ group, cell: statement.cells[index] }))
    .filter((row): row is { group: (typeof analysis.groups)[number]; cell: NonNullable<typeof row.cell> } => row.cell !== undefined && (row.cell.n > 0 || row.cell.dk > 0 || row.cell.tooFewScores))
    .sort((a, b) => (b.cell.mean ?? 0) - (a.cell.mean ?? 0));
  const pool = analysis.groups.find((g) => g.id === POOLED_GROUP_ID);
  const poolShown = pool && rows.some((r) => r.group.id === POOLED_GROUP_ID) && pool.source.kind === 'pooled' ? pool.source.organisationIds : null;
  const shown = comments ? commentsForSlide(comments) : [];
  const hasIndicative = rows.some((r) => r.group.isIndicative);
  const hasTooFew = rows.some((r) => r.cell.tooFewScores);
  // The p with its plain words first, as the flag says (docs/presenter.md, "Plain words on the slides").
  const p = withPMethod(format.pStatement(statement.kruskalWallis?.p), language, statement.kruskalWallis);
  const chance = statement.gapClass === 'discussionPoint' ? t('pRare') : statement.gapClass === 'uncertainDifference' ? tc('couldBeChance') : null;

  return (
    <div className="discussion-slide" data-statement={statement.itemId}>
      <p className="discussion-slide__kind">
        {t('discussionKindLine', {
          number,
          kind: tc(statement.kind),
          dimension: dimension ? localize(dimension.label) : statement.dimensionId,
          gap: format.mean(statement.gap),
          p: chance ? t('pWithWords', { words: chance, p }) : p,
        })}
      </p>
      <blockquote className="discussion-slide__statement">{item ? localize(item.text) : statement.itemId}</blockquote>
      <div className="discussion-slide__main">
        <div className="discussion-slide__figures">
          <table className="discussion-slide__table">
            <thead>
              <tr>
                <th scope="col">{tc('group')}</th>
                <th scope="col" className="num">{tc('mean')}</th>
                <th scope="col" className="num">n</th>
                <th scope="col" className="num">{tc('dontKnow')}</th>
                <th scope="col">{t('distributionColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ group, cell }) => {
                const isHigh = statement.highest?.groupIds.includes(group.id) ?? false;
                const isLow = statement.lowest?.groupIds.includes(group.id) ?? false;
                const name = `${label(group.id)}${group.isIndicative ? '\u00a0*' : ''}`;
                return (
                  <tr key={group.id} className={isHigh ? 'is-high' : isLow ? 'is-low' : undefined} data-group={group.id}>
                    <th scope="row">
                      {name}
                      {isHigh && <span className="discussion-slide__tag">{t('discussionHigh')}</span>}
                      {isLow && <span className="discussion-slide__tag">{t('discussionLow')}</span>}
                    </th>
                    {cell.tooFewScores ? (
                      // Withheld (docs/analysis.md, "Too few scores"): words instead of mean, n and bar.
                      <td className="discussion-slide__too-few" colSpan={2} data-too-few-scores>
                        {tc('tooFewScores')}
                      </td>
                    ) : (
                      <>
                        <td className="num discussion-slide__mean">{format.mean(cell.mean)}</td>
                        <td className="num" data-n>{format.count(cell.n)}</td>
                      </>
                    )}
                    <td className="num" data-dk>{format.count(cell.dk)}</td>
                    <td>
                      {cell.tooFewScores ? null : (
                        <MiniDivergingBar counts={cell.counts} label={t('distributionLabel', { group: name, c1: cell.counts[0], c2: cell.counts[1], c3: cell.counts[2], c4: cell.counts[3], c5: cell.counts[4] })} />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="discussion-slide__chain" data-chain>
            {t('chainLine', {
              chain: format.mean(statement.chainMean),
              weighted: format.mean(statement.weightedMean),
            })}
          </p>
          <p className="discussion-slide__consensus" data-consensus>
            {t('consensusLine', { consensus: format.mean(statement.consensus) })}
          </p>
          {/* The colours are answers, the numbers in the bars are people: a "5" in a light-blue bar is five people who answered 4, not a score of 5. */}
          <p className="discussion-slide__legend" data-legend>
            <span aria-hidden="true">{tc('answerColours')}</span>
            {[1, 2, 3, 4, 5].map((answer) => (
              <span key={answer} className="discussion-slide__swatch" data-answer={answer} aria-hidden="true">
                {answer}
              </span>
            ))}
            <span aria-hidden="true">{t('distributionLegend')}</span>
            <span data-legend-counts>{t('distributionLegendCounts')}</span>
          </p>
          {(poolShown || hasIndicative || hasTooFew) && (
            <p className="discussion-slide__note">
              {[
                poolShown ? t('pooledMembers', { names: organisationNames(scan, poolShown) }) : null,
                hasIndicative ? t('indicativeNote', { n: INDICATIVE_BELOW }) : null,
                hasTooFew ? t('tooFewScoresNote', { min: analysis.settings.minGroupSize }) : null,
              ]
                .filter((part) => part !== null)
                .join(' · ')}
            </p>
          )}
        </div>
        {comments && (
          <section className="discussion-slide__comments" aria-labelledby="discussion-comments-title">
            <h2 id="discussion-comments-title">{t('commentsTitle', { count: comments.length })}</h2>
            {comments.length === 0 ? (
              <p>{t('commentsNone')}</p>
            ) : (
              <ul className="free-texts__list">
                {shown.map((text, i) => (
                  <FreeTextItem key={i} text={text} analysis={analysis} />
                ))}
              </ul>
            )}
            {comments.length > shown.length && <p className="discussion-slide__more">{t('commentsMore', { count: comments.length - shown.length })}</p>}
          </section>
        )}
      </div>
      <p className="discussion-slide__question">{t(`discussionQuestion_${statement.kind}`, { high, low, highCount: howMany(statement.highest?.groupIds), lowCount: howMany(statement.lowest?.groupIds) })}</p>
    </div>
  );
}
