import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { LEVELS, type Level, type Scan } from '../../domain/types';
import { useLocalize, useMessages } from '../../i18n/useMessages';
import { respondMessages } from './respondMessages';
import { StepNavigation, submitOnEnterInRadio } from './StepNavigation';

interface OrganisationStepProps {
  scan: Scan;
  initialOrganisationId?: string;
  initialLevel?: Level | null;
  /** True before a draft exists: the button then says "Start". */
  isFirstVisit: boolean;
  onDone: (organisationId: string, level: Level | null) => void;
  /** The forward button's text when it does not lead to the next step (back to the review). */
  nextLabel?: ReactNode;
}

export function OrganisationStep({ scan, initialOrganisationId, initialLevel = null, isFirstVisit, onDone, nextLabel }: OrganisationStepProps) {
  const t = useMessages(respondMessages);
  const localize = useLocalize();
  const [organisationId, setOrganisationId] = useState(initialOrganisationId ?? '');
  const [level, setLevel] = useState<Level | null>(initialLevel);
  const [showMissing, setShowMissing] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Only organisations of this scan are offered; the repository checks it again on start and submit.
    if (!scan.organisations.some((o) => o.id === organisationId)) {
      setShowMissing(true);
      return;
    }
    onDone(organisationId, scan.settings.askLevel ? level : null);
  };

  return (
    <form className="step step--welcome" onSubmit={submit} onKeyDown={submitOnEnterInRadio} noValidate>
      <h1 ref={headingRef} tabIndex={-1}>
        {t('welcomeTitle')}
      </h1>
      <p className="step__scan-title">{scan.title} · {localize(scan.instrument.title)}</p>
      <p>{t('welcomeIntro', { count: scan.instrument.items.length })}</p>
      <p className="note">{t('anonymityNote', { min: scan.settings.minGroupSize })}</p>
      <p className="note">{t('savedNote')}</p>

      <fieldset className="choice-group" aria-describedby={showMissing ? 'organisation-missing' : undefined}>
        <legend>{t('organisationLegend')}</legend>
        <div className="choice-grid">
          {scan.organisations.map((organisation) => (
            <label key={organisation.id} className="choice">
              <input
                type="radio"
                name="organisation"
                value={organisation.id}
                checked={organisationId === organisation.id}
                onChange={() => {
                  setOrganisationId(organisation.id);
                  setShowMissing(false);
                }}
              />
              <span>{organisation.name}</span>
            </label>
          ))}
        </div>
        {showMissing && (
          <p id="organisation-missing" className="field-error" role="alert">
            {t('chooseOrganisationFirst')}
          </p>
        )}
      </fieldset>

      {scan.settings.askLevel && (
        <fieldset className="choice-group">
          <legend>
            {t('levelLegend')} <span className="optional">{t('levelOptional')}</span>
          </legend>
          <div className="choice-grid">
            {LEVELS.map((option) => (
              <label key={option} className="choice">
                <input type="radio" name="level" value={option} checked={level === option} onChange={() => setLevel(option)} />
                <span>{t(`level_${option}`)}</span>
              </label>
            ))}
            <label className="choice">
              <input type="radio" name="level" value="" checked={level === null} onChange={() => setLevel(null)} />
              <span>{t('levelNone')}</span>
            </label>
          </div>
        </fieldset>
      )}
      <StepNavigation nextLabel={isFirstVisit ? t('start') : nextLabel} />
    </form>
  );
}
