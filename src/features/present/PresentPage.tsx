import '../../ui/director.css';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import { listGapStatements, orderByEvidence, type FreeText, type FreeTexts, type ScanAnalysis } from '../../domain/analysis';
import { askedExtras } from '../../domain/extras';
import type { PhoneVoteControl } from '../../domain/agreements/types';
import type { Scan } from '../../domain/types';
import { useLocalize, useMessages } from '../../i18n/useMessages';
import { selectIsRevealed, usePresenterStore } from '../../state/presenterStore';
import { ScanNotFound } from '../../ui/ScanNotFound';
import { commonMessages } from '../../i18n/commonMessages';
import { preloadablePart, preloadParts, retryFailedParts } from '../../ui/failures';
import { agreementsMessages, AgreementsSlide, ClosingAgreements, VoteSlide } from '../agreements';
import { explainMessages, resultsMessages, ResultView, type ResultViewId, type ResultViewPage, useFilterDescription, useFilterParams, useFreeTexts, useScanResults } from '../results';
import { commentsAfterSlide, DiscussionSlide } from './DiscussionSlide';
import { FreeTextSlide } from './FreeTextSlide';
import { LiveCountSlide } from './LiveCountSlide';
import { PresenterLanguage } from './PresenterLanguage';
import { ReadingSlide } from './ReadingSlide';
import { SlideSource } from './SlideSource';
import { presentMessages } from './presentMessages';
import { usePresenterKeys } from './usePresenterKeys';
import { SLIDE_HEIGHT, SLIDE_WIDTH, usePointerRecentlyMoved, useSlideScale } from './useSlideScale';
import './presenter.css';

// A live session's connection and join QR code: loaded with the presenter, never before.
const LivePresenterJoin = preloadablePart(() => import('../live/LivePresenterJoin'));
// The previous round's agreements, one slide each (docs/presenter.md, "Follow-up of the previous round's agreements").
const FollowUpSlides = preloadablePart(() => import('../rounds/FollowUpSlide'));
// The change since the previous round, and the two-group comparison (docs/presenter.md, "Rounds on the slides").
const RoundChangeSlides = preloadablePart(() => import('../rounds/RoundChangeSlide'));
const TrendSlides = preloadablePart(() => import('../rounds/TrendSlide'));
const GroupComparisonSlides = preloadablePart(() => import('../rounds/GroupComparisonSlide'));

// A vote on the phones (docs/live-sessions.md "Votes"): hands the vote slide its control.
const LivePhoneVote = preloadablePart(() => import('../live/LivePhoneVote'));

// The switch "Uitslag op de telefoons": only while a live session runs (docs/live-sessions.md "The results on the phones").
const PhoneSummarySwitch = preloadablePart(() => import('../live/PhoneSummarySwitch'));

/**
 * The presenter's parts, loaded with it (app/routes.tsx waits for them): the rounds' slides then
 * join the deck with the data they read, not a chunk later, and a part that cannot load is known
 * before the first slide (SlideSource).
 */
export function loadParts(): Promise<unknown> {
  return preloadParts([LivePresenterJoin, FollowUpSlides, RoundChangeSlides, TrendSlides, GroupComparisonSlides, LivePhoneVote, PhoneSummarySwitch]);
}

interface Slide {
  id: string;
  title: string;
  /**
   * A view slide's plain sentence under its title, in place of the scan's name: the figures keep
   * their room (docs/presenter.md, "Plain words on the slides").
   */
  lead?: string;
  render: (showTable: boolean) => ReactNode;
}

const NO_TEXTS: FreeTexts = { comments: [], improvements: [] };

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

interface ViewPage {
  viewId: ResultViewId;
  titleKey: `chartTitle_${ResultViewId | 'knobs'}`;
  page?: ResultViewPage;
}

/**
 * Every view cut into pages that fit one 1920×1080 slide at projector type sizes: a chart that
 * has to scroll cannot be read from the back of the room. Statement views show a few rows a slide.
 */
function pageViews(scan: Scan, analysis: ScanAnalysis): ViewPage[][] {
  const statementIds = analysis.statements.map((st) => st.itemId);
  // Discussion points first, then the large gaps that could be chance (marked as such), each by
  // evidence; without any, every statement by gap. Each slide keeps this order (the gap view on
  // the projector sorts by it too, and says so on the slide).
  const byEvidence = orderByEvidence(analysis.statements);
  const largeGaps = byEvidence.filter((st) => st.gapClass !== 'none').map((st) => st.itemId);
  const gapSlides = largeGaps.length > 0 ? largeGaps : byEvidence.map((st) => st.itemId);
  const dimensionIds = scan.instrument.dimensions.map((d) => d.id);
  return [
    [{ viewId: 'thermometer', titleKey: 'chartTitle_thermometer' }],
    [
      ...chunk(dimensionIds, 2).map((ids): ViewPage => ({ viewId: 'thermostat', titleKey: 'chartTitle_thermostat', page: { part: 'dial', dimensionIds: ids } })),
    ],
    [{ viewId: 'thermostat', titleKey: 'chartTitle_knobs', page: { part: 'knobs' } }],
    chunk(gapSlides, 3).map((ids): ViewPage => ({ viewId: 'gap', titleKey: 'chartTitle_gap', page: { statementIds: ids } })),
    // Five statements' answers fit one slide with room to spare (issue 25: four a slide made a fourth slide for one statement).
    chunk(statementIds, 5).map((ids): ViewPage => ({ viewId: 'distribution', titleKey: 'chartTitle_distribution', page: { statementIds: ids } })),
    chunk(statementIds, 5).map((ids): ViewPage => ({ viewId: 'heatmap', titleKey: 'chartTitle_heatmap', page: { statementIds: ids } })),
    [{ viewId: 'scatter', titleKey: 'chartTitle_scatter' }],
    askedExtras(scan.settings).keywords ? [{ viewId: 'keywords', titleKey: 'chartTitle_keywords' }] : [],
  ];
}

/**
 * Texts on a slide: at most 8, and about 16 lines of 80 characters at projector type sizes (a
 * text is at most 600 characters, 8 lines); more go on a next slide, never cut off.
 */
const TEXTS_PER_SLIDE = 8;
const LINES_PER_SLIDE = 16;
const CHARS_PER_LINE = 80;

function pageTexts(list: readonly FreeText[]): FreeText[][] {
  const pages: FreeText[][] = [];
  let page: FreeText[] = [];
  let lines = 0;
  for (const text of list) {
    const needed = Math.max(1, Math.ceil(text.text.length / CHARS_PER_LINE));
    if (page.length > 0 && (page.length >= TEXTS_PER_SLIDE || lines + needed > LINES_PER_SLIDE)) {
      pages.push(page);
      page = [];
      lines = 0;
    }
    page.push(text);
    lines += needed;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

function useSlides(scan: Scan | null, analysis: ScanAnalysis | null, isRevealed: boolean, texts: FreeTexts, followUps: readonly Slide[] = [], phoneVote: PhoneVoteControl | null = null, groupSlides: readonly Slide[] = []): Slide[] {
  const t = useMessages(presentMessages);
  const tr = useMessages(resultsMessages);
  const te = useMessages(explainMessages);
  const ta = useMessages(agreementsMessages);
  const localize = useLocalize();
  return useMemo(() => {
    if (!scan || !analysis) return [];
    const live: Slide = { id: 'live', title: t('liveTitle'), render: () => <LiveCountSlide scan={scan} analysis={analysis} /> };
    // Until the director reveals the results, the room sees who has answered, nothing more.
    if (!isRevealed) return [live];
    // How to read what follows, in plain words, before the first figure.
    const reading: Slide = { id: 'reading', title: te('readingTitle'), render: () => <ReadingSlide analysis={analysis} /> };
    const views: Slide[] = pageViews(scan, analysis).flatMap((pages) =>
      pages.map(({ viewId, titleKey, page }, index) => ({
        id: `${viewId}-${titleKey}-${index}`,
        title: pages.length > 1 ? `${tr(titleKey)} (${index + 1}/${pages.length})` : tr(titleKey),
        // The view's own plain sentence, as on the results page; the knobs say what a knob is.
        lead: titleKey === 'chartTitle_knobs' ? te('explain_knobs') : tr(`viewIntro_${viewId}`),
        render: (showTable: boolean) => <ResultView viewId={viewId} scan={scan} analysis={analysis} size="projector" showTable={showTable} page={page} />,
      })),
    );
    const points = listGapStatements(analysis.statements).discussionPoints;
    const asked = askedExtras(scan.settings);
    const statementLead = (itemId: string) => {
      const number = scan.instrument.items.findIndex((i) => i.id === itemId);
      const item = scan.instrument.items[number];
      return `${number + 1}. ${item ? localize(item.text) : itemId}`;
    };
    const textSlides = (id: string, title: string, lead: string, list: readonly FreeText[], intro?: string): Slide[] => {
      const pages = pageTexts(list);
      return pages.map((page, index) => ({
        id: `${id}-${index}`,
        title: pages.length > 1 ? `${title} (${index + 1}/${pages.length})` : title,
        render: () => <FreeTextSlide analysis={analysis} intro={intro} lead={lead} texts={page} />,
      }));
    };
    const discussion: Slide[] = points.length
      ? points.flatMap((statement, index) => [
          {
            id: `discussion-${statement.itemId}`,
            title: t('discussionTitle', { n: index + 1, total: points.length }),
            render: () => (
              <DiscussionSlide scan={scan} analysis={analysis} statement={statement} comments={asked.comments ? (texts.comments.find((c) => c.itemId === statement.itemId)?.texts ?? []) : null} />
            ),
          },
          // What people wrote on this statement beyond the comments the discussion slide shows
          // itself: a slide that repeats the one before is left out (docs/presenter.md, "Slides").
          ...textSlides(
            `texts-${statement.itemId}`,
            t('textsTitle', { n: index + 1 }),
            statementLead(statement.itemId),
            commentsAfterSlide(asked.comments ? (texts.comments.find((c) => c.itemId === statement.itemId)?.texts ?? []) : []),
            t('textsIntro'),
          ),
        ])
      : [{ id: 'discussion-none', title: tr('summaryDiscussionPoints', { count: 0 }), render: () => <p className="slide__lead">{t('noDiscussionPoints')}</p> }];
    const improvements = textSlides('improvements', tr('textsImprovements'), t('improvementsLead'), texts.improvements);
    const end: Slide = {
      id: 'end',
      title: t('endTitle'),
      // Once the room has agreed something, the closing slide lists it; until then it asks.
      render: () => (
        <ClosingAgreements
          scan={scan}
          fallback={
            <>
              <p className="slide__lead slide__lead--recap">{t('endLead', { count: points.length })}</p>
              <p className="slide__lead">{t('endBody')}</p>
            </>
          }
        />
      ),
    };
    // The room chooses what to take up and records who does what (docs/agreements.md): on the
    // phones while a live session runs (the live feature's control), else by a show of hands.
    const choose: Slide[] = [
      { id: 'vote', title: ta('voteTitle'), render: (showTable: boolean) => <VoteSlide scan={scan} analysis={analysis} showTable={showTable} phoneVote={phoneVote} /> },
      { id: 'agreements', title: ta('agreementsTitle'), render: () => <AgreementsSlide scan={scan} /> },
    ];
    // The previous round's agreements, after the reading slide and before the first figure (docs/presenter.md, "Slides").
    // The two-group comparison after the views, before the discussion points (docs/presenter.md, "Rounds on the slides").
    return [live, reading, ...followUps, ...views, ...groupSlides, ...discussion, ...improvements, ...choose, end];
  }, [scan, analysis, isRevealed, t, tr, te, ta, texts, localize, followUps, phoneVote, groupSlides]);
}

function toggleFullscreen() {
  if (document.fullscreenElement) void document.exitFullscreen();
  else void document.documentElement.requestFullscreen?.().catch(() => undefined);
}

export default function PresentPage({ scanId }: { scanId: string }) {
  // The vote slide's `phoneVote` (null: no live session, the room votes by show of hands).
  const [phoneVote, setPhoneVote] = useState<PhoneVoteControl | null>(null);
  const t = useMessages(presentMessages);
  const localize = useLocalize();
  const [, navigate] = useLocation();
  const [filters] = useFilterParams();
  const results = useScanResults(scanId, filters);
  const isRevealed = usePresenterStore(selectIsRevealed(scanId));
  const { slideIndex, isBlank, showTable, theme } = usePresenterStore();
  const store = usePresenterStore.getState;
  const ready = results.status === 'ready' ? results : null;
  // What people wrote is read only once the results are revealed (before that the room sees no
  // text slide), page by page beside the tally's figures (docs/scale.md).
  const texts = useFreeTexts(scanId, ready?.analysis ?? null, askedExtras(ready?.scan.settings ?? {}), isRevealed);
  const [followUps, setFollowUps] = useState<Slide[]>([]);
  // The change since the previous round follows the agreements' slides (docs/presenter.md, "Rounds on the slides").
  const [changeSlides, setChangeSlides] = useState<Slide[]>([]);
  const [trendSlides, setTrendSlides] = useState<Slide[]>([]);
  const [groupSlides, setGroupSlides] = useState<Slide[]>([]);
  const roundSlides = useMemo(() => [...followUps, ...changeSlides, ...trendSlides], [followUps, changeSlides, trendSlides]);
  const slides = useSlides(ready?.scan ?? null, ready?.analysis ?? null, isRevealed, texts ?? NO_TEXTS, roundSlides, phoneVote, groupSlides);
  const count = slides.length;
  const index = Math.min(slideIndex, Math.max(0, count - 1));
  const slide = slides[index];
  const headingRef = useRef<HTMLHeadingElement>(null);
  const fit = useSlideScale();
  const filterText = useFilterDescription(ready?.scan ?? null, filters);
  const isPointerMoving = usePointerRecentlyMoved();
  // A part that could not load (SlideSource): the deck goes on without it, the controls say so.
  const tc = useMessages(commonMessages);
  const [partsFailed, setPartsFailed] = useState(false);
  const [partsAttempt, setPartsAttempt] = useState(0);
  const onPartFailed = useCallback(() => setPartsFailed(true), []);
  const retryParts = () => {
    retryFailedParts();
    setPartsFailed(false);
    setPartsAttempt((n) => n + 1);
  };
  const source = (part: ReactNode) => (
    <SlideSource attempt={partsAttempt} onFailed={onPartFailed}>
      {part}
    </SlideSource>
  );

  useEffect(() => {
    document.body.classList.add('is-presenting');
    return () => document.body.classList.remove('is-presenting');
  }, []);
  useEffect(() => headingRef.current?.focus(), [slide?.id]);

  const actions = useMemo(
    () => ({
      next: () => store().nextSlide(count),
      previous: () => store().previousSlide(),
      first: () => store().goToSlide(0, count),
      last: () => store().goToSlide(count - 1, count),
      toggleFullscreen,
      toggleBlank: () => store().toggleBlank(),
      toggleTable: () => store().toggleTable(),
      toggleTheme: () => store().toggleTheme(),
      reveal: () => {
        store().reveal(scanId);
        store().goToSlide(1, count + 1);
      },
      hide: () => store().hide(scanId),
      leave: () => {
        if (document.fullscreenElement) void document.exitFullscreen();
        navigate(`/scans/${scanId}`);
      },
    }),
    [count, scanId, navigate, store],
  );
  usePresenterKeys(actions);

  if (results.status === 'loading') return null;
  if (results.status === 'missing' || !ready) return <ScanNotFound />;

  return (
    <div className={`presenter presenter--${theme}${isPointerMoving ? '' : ' is-idle'}`} data-testid="presenter">
      <div className="presenter__stage">
        <div
          className="presenter__canvas"
          data-testid="slide-canvas"
          data-scale={fit.scale}
          style={{ width: SLIDE_WIDTH, height: SLIDE_HEIGHT, transform: `translate(${fit.left}px, ${fit.top}px) scale(${fit.scale})` }}
        >
          {isBlank ? (
            <div className="presenter__blank" role="status">
              <span className="visually-hidden">{t('blankLabel')}</span>
            </div>
          ) : (
            <section className="slide" aria-roledescription="slide" aria-labelledby="slide-title" data-slide={slide?.id}>
              <header className={slide?.lead ? 'slide__header slide__header--lead' : 'slide__header'}>
                {slide?.lead ? (
                  // A view slide: the title and its plain sentence; a filter stays in sight.
                  filterText && (
                    <p className="slide__scan">
                      <span data-testid="slide-filter">{filterText}</span>
                    </p>
                  )
                ) : (
                  <p className="slide__scan">
                    {ready.scan.title} · {localize(ready.scan.instrument.title)}
                    {filterText && <span data-testid="slide-filter"> · {filterText}</span>}
                  </p>
                )}
                <h1 id="slide-title" ref={headingRef} tabIndex={-1}>
                  {slide?.title}
                </h1>
                {slide?.lead && (
                  <p className="slide__intro" data-testid="slide-lead">
                    {slide.lead}
                  </p>
                )}
              </header>
              <div className="slide__body">{slide?.render(showTable)}</div>
            </section>
          )}
          {source(<FollowUpSlides scanId={scanId} onSlides={setFollowUps} />)}
          {source(<RoundChangeSlides scanId={scanId} onSlides={setChangeSlides} />)}
          {source(<TrendSlides scanId={scanId} onSlides={setTrendSlides} />)}
          {isRevealed && source(<GroupComparisonSlides scan={ready.scan} analysis={ready.analysis} onSlides={setGroupSlides} />)}
          {source(<LivePresenterJoin scanId={scanId} show={!isBlank && slide?.id === 'live'} />)}
          {source(<LivePhoneVote scanId={scanId} onControl={setPhoneVote} />)}
        </div>
      </div>
      {partsFailed && (
        <div className="presenter__missing" role="status" data-failure="presenter-part">
          <span>{t('partsMissing')}</span>
          <button type="button" onClick={retryParts}>
            {tc('retry')}
          </button>
        </div>
      )}
      <nav className="presenter__controls" aria-label={t('presenterLabel')}>
        <button type="button" onClick={actions.previous} disabled={index === 0}>
          ← <span className="visually-hidden">{t('previous')}</span>
        </button>
        <span className="presenter__position" aria-live="polite">
          {t('slideOf', { current: index + 1, total: count })}
        </span>
        <button type="button" onClick={actions.next} disabled={index >= count - 1}>
          → <span className="visually-hidden">{t('next')}</span>
        </button>
        {isRevealed ? (
          <button type="button" onClick={actions.hide}>
            {t('hide')}
          </button>
        ) : (
          <button type="button" className="presenter__reveal" onClick={actions.reveal}>
            {t('reveal')}
          </button>
        )}
        {source(<PhoneSummarySwitch scanId={scanId} revealed={isRevealed} />)}
        <button type="button" onClick={actions.toggleTable} aria-pressed={showTable}>
          {showTable ? t('chart') : t('table')}
        </button>
        <button type="button" onClick={actions.toggleTheme}>
          {t('contrast')}
        </button>
        <button type="button" onClick={toggleFullscreen}>
          {t('fullscreen')}
        </button>
        <PresenterLanguage />
        <button type="button" onClick={actions.leave}>
          {t('leave')}
        </button>
        {/* The keys behind a button: on one row they no longer push the controls into the slide
            at 1024×768 (docs/presenter.md, "Controls"). */}
        <details className="presenter__keys">
          <summary>{t('keysTitle')}</summary>
          <p className="presenter__keys-list">
            {t('keysHelp')} · {isRevealed ? t('hideKeyHelp') : t('revealKeyHelp')}
          </p>
        </details>
      </nav>
    </div>
  );
}
