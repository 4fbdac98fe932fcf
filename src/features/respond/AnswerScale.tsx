import type { Answer, Score } from '../../domain/types';
import { SCORES } from '../../domain/types';
import { useMessages } from '../../i18n/useMessages';
import { respondMessages } from './respondMessages';

const SCALE_KEYS = ['scale1', 'scale2', 'scale3', 'scale4', 'scale5'] as const;

export function scaleLabelKey(score: Score): (typeof SCALE_KEYS)[number] {
  return SCALE_KEYS[score - 1] ?? 'scale3';
}

interface AnswerScaleProps {
  /** Unique per statement, so radio groups of different statements never share a name. */
  name: string;
  value: Answer | undefined;
  onChange: (answer: Answer) => void;
}

/**
 * The fully labelled 5-point scale plus "don't know", as one native radio group: the browser
 * gives arrow-key movement, one tab stop and the screen reader's "3 of 6" for free.
 * The surrounding fieldset's legend (the statement) names the group.
 */
export function AnswerScale({ name, value, onChange }: AnswerScaleProps) {
  const t = useMessages(respondMessages);
  return (
    <div className="answer-scale">
      <div className="answer-scale__points">
        {SCORES.map((score) => (
          <label key={score} className="answer-option" data-score={score}>
            <input type="radio" name={name} value={score} checked={value === score} onChange={() => onChange(score)} />
            <span className="answer-option__number" aria-hidden="true">
              {score}
            </span>
            <span className="answer-option__label">{t(scaleLabelKey(score))}</span>
          </label>
        ))}
      </div>
      <label className="answer-option answer-option--dk">
        <input type="radio" name={name} value="dk" checked={value === 'dk'} onChange={() => onChange('dk')} />
        <span className="answer-option__label">{t('dontKnow')}</span>
      </label>
    </div>
  );
}
