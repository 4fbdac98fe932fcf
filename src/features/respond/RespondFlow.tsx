import { useState } from 'react';
import { useLocation } from 'wouter';
import type { Scan } from '../../domain/types';
import { commonMessages } from '../../i18n/commonMessages';
import { useMessages } from '../../i18n/useMessages';
import { classifyStorageError } from '../../storage/db';
import { SubmissionError, submitResponse } from '../../storage/responseRepository';
import { ExtrasStep } from './ExtrasStep';
import { OrganisationStep } from './OrganisationStep';
import { respondMessages } from './respondMessages';
import { ResumeChoice } from './ResumeChoice';
import { ReviewStep } from './ReviewStep';
import { StatementStep } from './StatementStep';
import { rememberLastSubmitted } from './lastSubmitted';
import { clampStep, extrasStep, statementIndexOf } from './steps';
import { useDraftResponse } from './useDraftResponse';

export function RespondFlow({ scan }: { scan: Scan }) {
  const t = useMessages(respondMessages);
  // The shell's sentence about a full disk, already loaded: no new text on the participant's route.
  const tCommon = useMessages(commonMessages);
  const [, navigate] = useLocation();
  const controller = useDraftResponse(scan);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const { phase, draft } = controller;
  const items = scan.instrument.items;

  const saveAlert = controller.saveFailed ? (
    <p className="notice notice--error" role="alert">
      {t('saveFailed')}
    </p>
  ) : null;

  if (phase.kind === 'loading') return saveAlert;
  if (phase.kind === 'resume-choice') {
    return <ResumeChoice scan={scan} draft={phase.draft} onContinue={() => controller.resume(phase.draft)} onStartNew={controller.startAfresh} />;
  }
  if (phase.kind === 'new' || !draft) {
    return (
      <>
        {saveAlert}
        <OrganisationStep scan={scan} isFirstVisit onDone={(org, level) => controller.begin(org, level).catch(() => setSubmitError(t('submitProblem_other')))} />
      </>
    );
  }

  const step = clampStep(draft.position, items.length);
  const goTo = (next: number) => {
    setSubmitError(null);
    controller.goTo(clampStep(next, items.length));
  };

  const submit = async () => {
    try {
      await submitResponse(draft.id);
      controller.finish();
      rememberLastSubmitted(scan.id, draft.id);
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
  if (step === 0) {
    content = (
      <OrganisationStep
        scan={scan}
        isFirstVisit={false}
        initialOrganisationId={draft.organisationId}
        initialLevel={draft.level}
        onDone={(org, level) => {
          controller.setOrganisation(org, level);
          goTo(1);
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
        onAnswer={(answer) => controller.setAnswer(item.id, answer)}
        onComment={(comment) => controller.setComment(item.id, comment)}
        onPrevious={() => goTo(step - 1)}
        onNext={() => goTo(step + 1)}
      />
    );
  } else if (step === extrasStep(items.length)) {
    content = (
      <ExtrasStep
        keywords={draft.keywords}
        improvement={draft.improvement}
        onKeywords={controller.setKeywords}
        onImprovement={controller.setImprovement}
        onPrevious={() => goTo(step - 1)}
        onNext={() => goTo(step + 1)}
      />
    );
  } else {
    content = <ReviewStep scan={scan} draft={draft} onEdit={goTo} onPrevious={() => goTo(step - 1)} onSubmit={submit} submitError={submitError} />;
  }
  return (
    <>
      {saveAlert}
      {content}
    </>
  );
}
