import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { RESUME_WINDOW_MS } from '../../domain/resume';
import type { Scan } from '../../domain/types';
import { commonMessages } from '../../i18n/commonMessages';
import { useMessages } from '../../i18n/useMessages';
import { classifyStorageError } from '../../storage/storageProblem';
import { SubmissionError, submitResponse } from '../../storage/responseRepository';
import { ExtrasStep } from './ExtrasStep';
import { OrganisationStep } from './OrganisationStep';
import { endParticipantSession, rememberJustSubmitted } from './participantSession';
import { respondMessages } from './respondMessages';
import { ResumeChoice } from './ResumeChoice';
import { ReviewStep } from './ReviewStep';
import { StatementStep } from './StatementStep';
import { extrasStep, ORGANISATION_STEP, reviewStep, statementIndexOf, stepPath } from './steps';
import { useDraftResponse } from './useDraftResponse';
import { useIdleTimeout } from './useIdleTimeout';
import { resumeLiveDelivery } from './liveDelivery';

/**
 * The questionnaire. The step on screen comes from the address (`urlStep`, null on the welcome
 * screen), so the browser's back and forward move between steps; the draft remembers it as
 * `position` for resuming in another tab.
 */
export function RespondFlow({ scan, urlStep }: { scan: Scan; urlStep: number | null }) {
  const t = useMessages(respondMessages);
  // The shell's sentence about a full disk, already loaded: no new text on the participant's route.
  const tCommon = useMessages(commonMessages);
  const [, navigate] = useLocation();
  const controller = useDraftResponse(scan);
  const [submitError, setSubmitError] = useState<string | null>(null);
  // Set by *Wijzig* on the review: the changed step's forward button leads back to the review,
  // not on through every later step (src/features/respond/CONTEXT.md).
  const [editingFromReview, setEditingFromReview] = useState(false);
  const { phase, draft, apply } = controller;
  const items = scan.instrument.items;
  // Extras switched off are never asked: no extras step when neither is on (src/domain/extras.ts).
  const { askKeywords, askImprovement } = scan.settings;
  const hasExtras = askKeywords !== false || askImprovement !== false;
  const lastStep = reviewStep(items.length, hasExtras);
  const isAnswering = phase.kind === 'answering' && draft !== null;
  const step = Math.min(urlStep ?? ORGANISATION_STEP, lastStep);

  // An address that does not fit the state is corrected in place: a step without this
  // participant's draft (back from the thank-you screen, or an old entry of someone before)
  // shows the welcome screen, never anyone's answers.
  useEffect(() => {
    if (phase.kind === 'loading') return;
    if (!isAnswering && urlStep !== null) navigate(stepPath(scan.id, ORGANISATION_STEP), { replace: true });
    else if (isAnswering && urlStep !== null && urlStep > lastStep) navigate(stepPath(scan.id, lastStep), { replace: true });
  }, [phase.kind, isAnswering, urlStep, lastStep, scan.id, navigate]);

  // Opening the questionnaire's plain address with this tab's own draft (a new visit, not a
  // reload, which keeps its step address) continues where the participant was.
  const isFirstAnswer = useRef(true);
  useEffect(() => {
    if (phase.kind === 'loading' || !isFirstAnswer.current) return;
    isFirstAnswer.current = false;
    if (isAnswering && urlStep === null && draft.position !== ORGANISATION_STEP) navigate(stepPath(scan.id, Math.min(draft.position, lastStep)), { replace: true });
  }, [phase.kind, isAnswering, urlStep, draft, lastStep, scan.id, navigate]);

  const position = draft?.position;
  useEffect(() => {
    if (isAnswering && position !== step) apply({ kind: 'position', position: step });
  }, [isAnswering, position, step, apply]);

  // Left open and untouched for as long as a closed tab's questionnaire may be resumed, the
  // questionnaire is set aside for the director and the screen starts afresh: whoever touches
  // the device next is someone else (the same rule as decideResume, docs/shared-devices.md).
  useIdleTimeout(isAnswering ? RESUME_WINDOW_MS : null, () => {
    if (!draft) return;
    endParticipantSession(scan.id, scan);
    void controller.startAfresh(draft);
    navigate(stepPath(scan.id, ORGANISATION_STEP), { replace: true });
  });

  // The thank-you screen's code is fetched while the participant answers, so submitting shows it
  // even when the network went away before the service worker had stored everything.
  useEffect(() => {
    if (isAnswering) void import('./ThanksPage').catch(() => undefined);
  }, [isAnswering]);

  // Each step starts at the top, with the progress line and the header in view.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [step]);

  const saveAlert = controller.saveFailed ? (
    <p className="notice notice--error" role="alert">
      {t('saveFailed')}
    </p>
  ) : null;

  const goTo = (next: number) => {
    setSubmitError(null);
    navigate(stepPath(scan.id, Math.max(ORGANISATION_STEP, Math.min(next, lastStep))));
  };
  const editFromReview = (target: number) => {
    setEditingFromReview(true);
    goTo(target);
  };
  // Forward from a step: back to the review after an edit from there, otherwise the next step.
  // Going back a step ends the edit: the participant is walking the steps again.
  const forwardFrom = (current: number) => {
    const target = editingFromReview ? lastStep : current + 1;
    setEditingFromReview(false);
    goTo(target);
  };
  const backFrom = (current: number) => {
    setEditingFromReview(false);
    goTo(current - 1);
  };
  const forwardLabel = editingFromReview ? (
    <>
      {t('backToReview')}
      <span aria-hidden="true"> →</span>
    </>
  ) : undefined;

  // While the drafts are read the flow is empty; the marker keeps the way out below it hidden
  // until the flow has its height, so it does not jump down (styles.css, `.respond-loading`).
  if (phase.kind === 'loading') return <>{saveAlert}<span className="respond-loading" /></>;
  if (phase.kind === 'resume-choice') {
    const offered = phase.draft;
    return (
      <ResumeChoice
        scan={scan}
        draft={offered}
        onContinue={() => {
          controller.resume(offered);
          if (offered.position !== ORGANISATION_STEP) goTo(offered.position);
        }}
        onStartNew={() => {
          endParticipantSession(scan.id, scan);
          void controller.startAfresh(offered);
        }}
      />
    );
  }
  if (!isAnswering) {
    return (
      <>
        {saveAlert}
        <OrganisationStep
          scan={scan}
          isFirstVisit
          onDone={(org, level) =>
            controller.begin(org, level).then(
              () => goTo(1),
              () => setSubmitError(t('submitProblem_other')),
            )
          }
        />
        {submitError && (
          <p className="notice notice--error" role="alert">
            {submitError}
          </p>
        )}
      </>
    );
  }

  const submit = async () => {
    try {
      await submitResponse(draft.id);
      // A phone that joined a live session also sends it (loaded only on such a phone).
      resumeLiveDelivery(scan.id);
      controller.finish();
      rememberJustSubmitted(scan.id, draft.id);
      // Replace, so the back button cannot lead to the submitted answers.
      navigate(`/s/${scan.id}/thanks`, { replace: true });
    } catch (error) {
      const problem = error instanceof SubmissionError ? error.problem : null;
      setSubmitError(
        problem === 'scan-closed'
          ? t('submitProblem_scan_closed')
          : problem === 'unknown-organisation'
            ? t('submitProblem_unknown_organisation')
            : classifyStorageError(error) === 'quota'
              ? `${t('submitProblem_other')} ${tCommon('storageQuota')}`
              : t('submitProblem_other'),
      );
    }
  };

  const statementIndex = statementIndexOf(step, items.length);
  const item = statementIndex === null ? undefined : items[statementIndex];
  let content;
  if (step === ORGANISATION_STEP) {
    content = (
      <OrganisationStep
        scan={scan}
        isFirstVisit={false}
        initialOrganisationId={draft.organisationId}
        initialLevel={draft.level}
        nextLabel={forwardLabel}
        onDone={(organisationId, level) => {
          apply({ kind: 'organisation', organisationId, level });
          forwardFrom(ORGANISATION_STEP);
        }}
      />
    );
  } else if (item && statementIndex !== null) {
    content = (
      <StatementStep
        key={item.id}
        scan={scan}
        item={item}
        index={statementIndex}
        answer={draft.answers[item.id]}
        comment={draft.comments[item.id] ?? ''}
        onAnswer={(answer) => apply({ kind: 'answer', itemId: item.id, answer })}
        onComment={(comment) => apply({ kind: 'comment', itemId: item.id, comment })}
        onPrevious={() => backFrom(step)}
        onNext={() => forwardFrom(step)}
        nextLabel={forwardLabel}
      />
    );
  } else if (hasExtras && step === extrasStep(items.length)) {
    content = (
      <ExtrasStep
        settings={scan.settings}
        keywords={draft.keywords}
        improvement={draft.improvement}
        onKeywords={(keywords) => apply({ kind: 'keywords', keywords })}
        onImprovement={(improvement) => apply({ kind: 'improvement', improvement })}
        onPrevious={() => backFrom(step)}
        onNext={() => forwardFrom(step)}
        nextLabel={forwardLabel}
      />
    );
  } else {
    content = <ReviewStep scan={scan} draft={draft} onEdit={editFromReview} onPrevious={() => backFrom(step)} onSubmit={submit} submitError={submitError} />;
  }
  return (
    <>
      {saveAlert}
      {content}
    </>
  );
}
