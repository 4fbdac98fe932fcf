import { useMemo, useRef, useState, type FormEvent } from 'react';
import {
  addDimension,
  addStatement,
  checkDraft,
  hasChanges,
  isReformulated,
  moveStatement,
  removeDimension,
  removeStatement,
  renameDimension,
  setMeaning,
  startDraft,
  updateStatement,
  type DraftProblem,
  type DraftStatement,
  type InstrumentDraft,
} from '../../domain/instrument/draft';
import { countMissingTranslations } from '../../domain/instrument/validate';
import { finishDraft } from '../../domain/instrument/draft';
import { ITEM_KINDS, type Instrument, type ItemKind } from '../../domain/types';
import { useLocalize, useMessages, type Translate } from '../../i18n/useMessages';
import { instrumentMessages } from './instrumentMessages';
import { PreviewButton } from './PreviewButton';
import { TextPair } from './TextPair';
import './instrument.css';

type Messages = typeof instrumentMessages.nl;

function describeProblem(problem: DraftProblem, t: Translate<Messages>): string {
  switch (problem.code) {
    case 'no-statements':
    case 'title-empty':
      return t(`problem_${problem.code}`);
    case 'duplicate-statement-id':
    case 'duplicate-dimension-id':
      return t(`problem_${problem.code}`, { id: problem.id });
    case 'statement-id-invalid':
      return t('problem_statement-id-invalid', { number: problem.index + 1 });
    case 'statement-without-dimension':
    case 'statement-text-empty':
    case 'meaning-unanswered':
      return t(`problem_${problem.code}`, { id: problem.itemId });
    case 'dimension-label-empty':
    case 'dimension-without-statements':
      return t(`problem_${problem.code}`, { id: problem.dimensionId });
  }
}

export interface InstrumentEditorProps {
  base: Instrument;
  /** Statement ids of every other known version of this instrument: never handed out again. */
  knownIds: readonly string[];
  /** Save buttons: each gets the finished instrument (version still the base's; the library numbers it). */
  actions: readonly { label: string; primary?: boolean; onSave: (instrument: Instrument) => Promise<void> }[];
  busy: boolean;
}

/** The form in which a director adapts an instrument; saving hands the finished instrument to `actions`. */
export function InstrumentEditor({ base, knownIds, actions, busy }: InstrumentEditorProps) {
  const t = useMessages(instrumentMessages);
  const localize = useLocalize();
  const [draft, setDraft] = useState<InstrumentDraft>(() => startDraft(base, knownIds));
  const [showProblems, setShowProblems] = useState(false);
  const [newDimension, setNewDimension] = useState('');
  const [notice, setNotice] = useState('');
  const summaryRef = useRef<HTMLDivElement>(null);
  const problems = useMemo(() => checkDraft(draft), [draft]);
  const missing = countMissingTranslations(finishDraft(draft, base.version));

  const save = async (onSave: (instrument: Instrument) => Promise<void>, event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    setNotice('');
    if (problems.length > 0) {
      setShowProblems(true);
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    if (!hasChanges(draft, base)) {
      setNotice(t('noChanges'));
      return;
    }
    await onSave(finishDraft(draft, base.version));
  };

  const statementsIn = (dimensionId: string) => draft.statements.filter((s) => s.dimension === dimensionId).length;
  const lastDimension = draft.dimensions.at(-1)?.id ?? '';

  return (
    <form className="form instrument-editor" onSubmit={(event) => void save(actions[0]!.onSave, event)} noValidate>
      {showProblems && problems.length > 0 && (
        <div className="notice notice--error" ref={summaryRef} tabIndex={-1} role="alert">
          <p>{t('problemsTitle')}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{describeProblem(p, t)}</li>
            ))}
          </ul>
        </div>
      )}
      <fieldset className="instrument-editor__block">
        <legend>{t('titleLegend')}</legend>
        <TextPair label={t('titleLegend')} value={draft.title} onChange={(title) => setDraft((d) => ({ ...d, title }))} />
      </fieldset>

      <section aria-labelledby="dimensions-title" className="instrument-editor__block">
        <h2 id="dimensions-title">{t('dimensionsTitle')}</h2>
        <p className="hint">{t('dimensionsIntro')}</p>
        <ul className="instrument-editor__dimensions">
          {draft.dimensions.map((dimension) => {
            const count = statementsIn(dimension.id);
            return (
              <li key={dimension.id} className="instrument-editor__dimension">
                <fieldset>
                  <legend>
                    {t('dimensionLegend', { id: dimension.id })} · {t('dimensionStatements', { count })}
                  </legend>
                  <TextPair label={localize(dimension.label) || dimension.id} value={dimension.label} onChange={(label) => setDraft((d) => renameDimension(d, dimension.id, label))} />
                  {count === 0 ? (
                    <button type="button" className="button button--danger" onClick={() => setDraft((d) => removeDimension(d, dimension.id))}>
                      {t('removeDimension')}
                      <span className="visually-hidden"> {localize(dimension.label)}</span>
                    </button>
                  ) : (
                    <p className="hint">{t('removeDimensionBlocked')}</p>
                  )}
                </fieldset>
              </li>
            );
          })}
        </ul>
        <div className="instrument-editor__add">
          <label className="field">
            <span className="field__label">{t('newDimension')}</span>
            <input type="text" value={newDimension} onChange={(e) => setNewDimension(e.currentTarget.value)} />
          </label>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              if (!newDimension.trim()) return;
              setDraft((d) => addDimension(d, { nl: newDimension.trim(), en: '' }));
              setNewDimension('');
            }}
          >
            {t('addDimension')}
          </button>
        </div>
      </section>

      <section aria-labelledby="statements-title" className="instrument-editor__block">
        <h2 id="statements-title">{t('statementsTitle')}</h2>
        {missing > 0 && <p className="notice notice--warning">{t('missingTranslations', { count: missing })}</p>}
        <ol className="instrument-editor__statements">
          {draft.statements.map((statement, index) => (
            <StatementEditor
              key={statement.key}
              statement={statement}
              number={index + 1}
              isFirst={index === 0}
              isLast={index === draft.statements.length - 1}
              dimensions={draft.dimensions.map((d) => ({ id: d.id, label: localize(d.label) || d.id }))}
              onChange={(patch) => setDraft((d) => updateStatement(d, statement.key, patch))}
              onMeaning={(meaning) => setDraft((d) => setMeaning(d, statement.key, meaning))}
              onMove={(delta) => setDraft((d) => moveStatement(d, statement.key, delta))}
              onRemove={() => setDraft((d) => removeStatement(d, statement.key))}
              t={t}
            />
          ))}
        </ol>
        <button type="button" className="button button--secondary" onClick={() => setDraft((d) => addStatement(d, lastDimension))} disabled={!lastDimension}>
          {t('addStatement')}
        </button>
      </section>

      <p role="status" className="status-line">
        {notice}
      </p>
      <div className="button-row">
        {actions.map((action, i) =>
          i === 0 ? (
            <button key={action.label} type="submit" className={action.primary === false ? 'button button--secondary' : 'button button--primary'} disabled={busy}>
              {action.label}
            </button>
          ) : (
            <button key={action.label} type="button" className={action.primary ? 'button button--primary' : 'button button--secondary'} disabled={busy} onClick={() => void save(action.onSave)}>
              {action.label}
            </button>
          ),
        )}
        <PreviewButton instrument={() => finishDraft(draft, base.version)} source={{ kind: 'draft' }} />
      </div>
    </form>
  );
}

interface StatementEditorProps {
  statement: DraftStatement;
  number: number;
  isFirst: boolean;
  isLast: boolean;
  dimensions: readonly { id: string; label: string }[];
  onChange: (patch: { dimension?: string; kind?: ItemKind; text?: DraftStatement['text'] }) => void;
  onMeaning: (meaning: 'same' | 'changed') => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  t: Translate<Messages>;
}

function StatementEditor({ statement, number, isFirst, isLast, dimensions, onChange, onMeaning, onMove, onRemove, t }: StatementEditorProps) {
  const label = t('statementLegend', { number, id: statement.id });
  const reformulated = isReformulated(statement);
  return (
    <li className="instrument-editor__statement" data-statement-id={statement.id}>
      <fieldset>
        <legend>
          {label}
          {statement.originId === null && <span className="badge badge--open"> {t('statementNew')}</span>}
        </legend>
        <TextPair label={t('statementLegend', { number, id: statement.id })} value={statement.text} onChange={(text) => onChange({ text })} multiline />
        {reformulated && (
          <fieldset className="instrument-editor__meaning">
            <legend>{t('meaningQuestion')}</legend>
            <label className="checkbox">
              <input type="radio" name={`meaning-${statement.key}`} checked={statement.meaning === 'same'} onChange={() => onMeaning('same')} />
              <span>{t('meaningSame', { id: statement.originId ?? '' })}</span>
            </label>
            <label className="checkbox">
              <input type="radio" name={`meaning-${statement.key}`} checked={statement.meaning === 'changed'} onChange={() => onMeaning('changed')} />
              <span>{t('meaningChanged')}</span>
            </label>
          </fieldset>
        )}
        <div className="form__row">
          <label className="field field--inline">
            <span className="field__label">{t('statementDimension')}</span>
            <select value={statement.dimension} onChange={(e) => onChange({ dimension: e.currentTarget.value })}>
              {dimensions.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.label}
                </option>
              ))}
            </select>
          </label>
          <label className="field field--inline">
            <span className="field__label">{t('statementKind')}</span>
            <select value={statement.kind} onChange={(e) => onChange({ kind: e.currentTarget.value as ItemKind })}>
              {ITEM_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`kind_${kind}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="button-row instrument-editor__actions" role="group" aria-label={t('statementActions', { number })}>
          <button type="button" className="button button--secondary" onClick={() => onMove(-1)} disabled={isFirst} aria-label={`${t('moveUp')}: ${label}`}>
            ↑ {t('moveUp')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => onMove(1)} disabled={isLast} aria-label={`${t('moveDown')}: ${label}`}>
            ↓ {t('moveDown')}
          </button>
          <button type="button" className="button button--danger" onClick={onRemove} aria-label={`${t('removeStatement')}: ${label}`}>
            {t('removeStatement')}
          </button>
        </div>
      </fieldset>
    </li>
  );
}
