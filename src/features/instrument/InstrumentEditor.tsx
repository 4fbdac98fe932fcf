import { useEffect, useId, useMemo, useRef, useState, type DragEvent, type FormEvent, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import {
  addDimension,
  addStatement,
  checkDraft,
  finishDraft,
  hasChanges,
  isReformulated,
  moveStatement,
  moveStatementTo,
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
import { storedEditorDraft } from '../../domain/instrument/editorDraft';
import { canRedo, canUndo, createHistory, recordStep, redo, sealHistory, undo, type History } from '../../domain/instrument/history';
import { countMissingTranslations } from '../../domain/instrument/validate';
import { VERSION_NAME_MAX, versionIdOf } from '../../domain/instrument/versions';
import { ITEM_KINDS, type Instrument, type ItemKind } from '../../domain/types';
import { useFormat } from '../../i18n/useFormat';
import { useLocalize, useMessages, type Translate } from '../../i18n/useMessages';
import { FAILURE_MESSAGE, failureMessages, type Failure } from '../../ui/failures';
import { instrumentMessages } from './instrumentMessages';
import { PreviewButton } from './PreviewButton';

import { LeaveDialog } from './LeaveDialog';
import { TextPair } from './TextPair';
import { useKeptDraft, type KeptDraft } from './useKeptDraft';
import { useLeaveGuard, type LeaveAttempt } from './useLeaveGuard';
import './instrument.css';

type Messages = typeof instrumentMessages.nl;

/** One editing step, as undo and redo announce it. */
type Step =
  | { kind: 'title' }
  | { kind: 'text' | 'dimension' | 'kind' | 'meaning' | 'remove' | 'add' | 'dimensionAdd' | 'dimensionRename' | 'dimensionRemove'; id: string }
  | { kind: 'move'; id: string; position: number };

type EditorHistory = History<InstrumentDraft, Step>;

function describeStep(step: Step, t: Translate<Messages>): string {
  switch (step.kind) {
    case 'title':
      return t('step_title');
    case 'move':
      return t('step_move', { id: step.id, position: step.position });
    default:
      return t(`step_${step.kind}`, { id: step.id });
  }
}

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

/** A text field, where Ctrl+Z belongs to the browser's own undo of that field's text. */
const isTextField = (target: EventTarget | null): boolean =>
  target instanceof HTMLTextAreaElement ||
  (target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type)) ||
  (target instanceof HTMLElement && target.isContentEditable);

/** Whether a drag is over the lower half of the element it is over: a drop lands after it. */
const isLowerHalf = (event: DragEvent): boolean => {
  const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
  return event.clientY > box.top + box.height / 2;
};

export interface InstrumentEditorProps {
  base: Instrument;
  /** Statement ids of every other known version of this instrument: never handed out again. */
  knownIds: readonly string[];
  /** Where the unsaved work is kept in `editorDrafts` (editorDraftKey). */
  draftKey: string;
  /**
   * Save buttons: each gets the finished instrument (version still the base's; the library numbers
   * it) with the typed version name. A result other than false counts as saved: the kept draft goes.
   */
  actions: readonly { label: string; primary?: boolean; onSave: (instrument: Instrument) => Promise<boolean | void> }[];
  busy: boolean;
  /** More controls for the editor's toolbar, after undo and redo (e.g. a participant preview). */
  toolbar?: ReactNode;
}

/**
 * The form in which a director adapts an instrument; saving hands the finished instrument to
 * `actions`. Its work is kept as it is typed and restored when the editor opens again; leaving
 * with changes asks first; every editing step can be undone (docs/instrument-and-rounds.md).
 */
export function InstrumentEditor(props: InstrumentEditorProps) {
  const { base, draftKey } = props;
  const baseVersionId = versionIdOf(base);
  const kept = useKeptDraft(draftKey, { baseVersionId, instrumentId: base.id });
  if (kept.start.status === 'loading') return null;
  return <EditorForm {...props} kept={kept} baseVersionId={baseVersionId} />;
}

function EditorForm({ base, knownIds, actions, busy, toolbar, kept, baseVersionId }: InstrumentEditorProps & { kept: KeptDraft; baseVersionId: string }) {
  const t = useMessages(instrumentMessages);
  const tf = useMessages(failureMessages);
  const format = useFormat();
  const localize = useLocalize();
  const [, navigate] = useLocation();
  const start = kept.start.status === 'ready' ? kept.start : null;
  const [history, setHistory] = useState<EditorHistory>(() => createHistory(start?.restored?.value.draft ?? startDraft(base, knownIds)));
  const [versionName, setVersionName] = useState(start?.restored?.value.versionName ?? '');
  const [restoredAt, setRestoredAt] = useState<string | null>(start?.restored?.updatedAt ?? null);
  const [discarded, setDiscarded] = useState(false);
  const [showProblems, setShowProblems] = useState(false);
  const [newDimension, setNewDimension] = useState('');
  const [notice, setNotice] = useState('');
  const [announcement, setAnnouncement] = useState({ text: '', n: 0 });
  const [focusRequest, setFocusRequest] = useState<{ key: string; control: string; n: number } | null>(null);
  const [dragKey, setDragKey] = useState<string | null>(null);
  const [dropAt, setDropAt] = useState<{ key: string; after: boolean } | null>(null);
  const [leaving, setLeaving] = useState<LeaveAttempt | null>(null);
  const [leaveProblem, setLeaveProblem] = useState<string | null>(null);
  const [leaveBusy, setLeaveBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const versionNameId = useId();
  const draft = history.present.value;
  const problems = useMemo(() => checkDraft(draft), [draft]);
  const missing = countMissingTranslations(finishDraft(draft, base.version));
  const changed = useMemo(() => hasChanges(draft, base) || versionName.trim() !== '', [draft, base, versionName]);
  const failureText = (failure: Failure) => tf(FAILURE_MESSAGE[failure]);
  const announce = (text: string) => setAnnouncement((a) => ({ text, n: a.n + 1 }));

  // Kept as typed: every change after the start is written a moment later; no changes, no draft.
  const initial = useRef({ draft, versionName });
  const { keep } = kept;
  useEffect(() => {
    if (draft === initial.current.draft && versionName === initial.current.versionName) return;
    keep(changed ? storedEditorDraft(baseVersionId, draft, versionName) : null);
  }, [draft, versionName, changed, baseVersionId, keep]);

  const guard = useLeaveGuard(changed && !busy, (attempt) => {
    setLeaveProblem(null);
    setLeaving(attempt);
  });

  const doUndo = () => {
    const result = undo(history);
    if (result.undone === null) return;
    setHistory(result.history);
    announce(t('undone', { step: describeStep(result.undone, t) }));
  };
  const doRedo = () => {
    const result = redo(history);
    if (result.redone === null) return;
    setHistory(result.history);
    announce(t('redone', { step: describeStep(result.redone, t) }));
  };
  const shortcuts = useRef({ undo: doUndo, redo: doRedo });
  useEffect(() => {
    shortcuts.current = { undo: doUndo, redo: doRedo };
  });
  // Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z and Ctrl+Y anywhere in the editor but in a text field, where the
  // keys undo the typing of that field itself (docs/instrument-and-rounds.md, "Undo and redo").
  useEffect(() => {
    if (leaving) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || !(event.ctrlKey || event.metaKey) || isTextField(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        shortcuts.current.undo();
      } else if ((key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey)) {
        event.preventDefault();
        shortcuts.current.redo();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [leaving]);

  /** One editing step; `group` joins consecutive typing in one field into one step. */
  const edit = (change: (d: InstrumentDraft) => InstrumentDraft, describe: (next: InstrumentDraft) => Step, group: string | null = null) =>
    setHistory((h) => {
      const next = change(h.present.value);
      return next === h.present.value ? h : recordStep(h, next, describe(next), group);
    });
  const seal = () => setHistory((h) => sealHistory(h));
  const idOf = (d: InstrumentDraft, key: string) => d.statements.find((s) => s.key === key)?.id ?? '';

  /** A move, announced, with focus kept on the moved statement's `control` (or its position field). */
  const move = (key: string, change: (d: InstrumentDraft) => InstrumentDraft, control: string) => {
    const next = change(draft);
    if (next === draft) return;
    const index = next.statements.findIndex((s) => s.key === key);
    const id = next.statements[index]!.id;
    setHistory((h) => recordStep(h, next, { kind: 'move', id, position: index + 1 }));
    announce(t('moved', { id, position: index + 1, count: next.statements.length }));
    setFocusRequest((r) => ({ key, control, n: (r?.n ?? 0) + 1 }));
  };
  useEffect(() => {
    if (!focusRequest) return;
    const item = listRef.current?.querySelector(`[data-statement-key="${focusRequest.key}"]`);
    const wanted = item?.querySelector<HTMLButtonElement | HTMLSelectElement>(`[data-focus="${focusRequest.control}"]`);
    const target = wanted && !wanted.disabled ? wanted : item?.querySelector<HTMLElement>('[data-focus="moveTo"]');
    target?.focus();
  }, [focusRequest]);

  const onDrop = (event: DragEvent, targetKey: string) => {
    event.preventDefault();
    const from = draft.statements.findIndex((s) => s.key === dragKey);
    const over = draft.statements.findIndex((s) => s.key === targetKey);
    // Where the pointer is now, not the last indicator: a drop can follow its dragover before a render.
    const after = isLowerHalf(event);
    setDropAt(null);
    setDragKey(null);
    if (from < 0 || over < 0 || dragKey === null) return;
    const index = over + (after ? 1 : 0) - (from < over + (after ? 1 : 0) ? 1 : 0);
    move(dragKey, (d) => moveStatementTo(d, dragKey, index), 'moveTo');
  };

  const discard = async () => {
    await kept.forget();
    setHistory(createHistory(startDraft(base, knownIds)));
    setVersionName('');
    setRestoredAt(null);
    setDiscarded(true);
  };

  const save = async (onSave: (instrument: Instrument) => Promise<boolean | void>, event?: FormEvent) => {
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
    const instrument = finishDraft(draft, base.version);
    if (versionName.trim() !== '') instrument.versionName = versionName.trim().slice(0, VERSION_NAME_MAX);
    // Saved as a version: the kept draft has done its work.
    if ((await onSave(instrument)) !== false) await kept.forget();
  };

  const stay = () => {
    setLeaving(null);
    setLeaveProblem(null);
  };
  const leave = async (keepDraft: boolean) => {
    if (!leaving) return;
    setLeaveBusy(true);
    let ok: boolean;
    if (keepDraft) {
      keep(storedEditorDraft(baseVersionId, draft, versionName));
      ok = await kept.flush();
    } else ok = await kept.forget();
    setLeaveBusy(false);
    if (!ok) {
      setLeaveProblem(t('leaveKeepFailed', { problem: failureText(kept.writeFailure ?? 'unknown') }));
      return;
    }
    guard.leave(leaving, navigate);
  };

  const statementsIn = (dimensionId: string) => draft.statements.filter((s) => s.dimension === dimensionId).length;
  const lastDimension = draft.dimensions.at(-1)?.id ?? '';
  const count = draft.statements.length;

  return (
    <form className="form instrument-editor" onSubmit={(event) => void save(actions[0]!.onSave, event)} noValidate>
      {restoredAt && (
        <div className="notice instrument-editor__restored">
          <p>{t('draftRestored', { time: format.dateTime(restoredAt) })}</p>
          <button type="button" className="button button--secondary" onClick={() => void discard()}>
            {t('discardDraft')}
          </button>
        </div>
      )}
      {discarded && <p className="notice">{t('draftDiscarded')}</p>}
      {start?.setAside && (
        <p className="notice notice--warning" role="alert">
          {start.setAside.problem === 'other-base' ? t('draftSetAsideOtherBase') : t('draftSetAsideUnreadable', { field: start.setAside.field || '—' })}
        </p>
      )}
      {start?.readFailure && (
        <p className="notice notice--error" role="alert">
          {t('draftReadFailed', { problem: failureText(start.readFailure) })}
        </p>
      )}
      {kept.writeFailure && (
        <p className="notice notice--error" role="alert">
          {t('draftWriteFailed', { problem: failureText(kept.writeFailure) })}
        </p>
      )}
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
      <div className="instrument-editor__toolbar">
        <div className="button-row" role="group" aria-label={t('historyGroup')} aria-describedby="instrument-editor-keys">
          <button type="button" className="button button--secondary" onClick={doUndo} disabled={!canUndo(history)} aria-keyshortcuts="Control+Z Meta+Z">
            ↶ {t('undo')}
          </button>
          <button type="button" className="button button--secondary" onClick={doRedo} disabled={!canRedo(history)} aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y">
            ↷ {t('redo')}
          </button>
        </div>
        {/* Room for more of the editor's tools (the participant preview). */}
        <div className="button-row instrument-editor__tools">{toolbar}</div>
        <p id="instrument-editor-keys" className="hint instrument-editor__keys">
          {t('historyKeys')}
        </p>
      </div>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="editor-announcement">
        {announcement.text}
        {announcement.n % 2 === 1 ? '\u00a0' : ''}
      </div>
      <fieldset className="instrument-editor__block">
        <legend>{t('titleLegend')}</legend>
        <TextPair label={t('titleLegend')} value={draft.title} onBlur={seal} onChange={(title, language) => edit((d) => ({ ...d, title }), () => ({ kind: 'title' }), `title:${language}`)} />
      </fieldset>

      <section aria-labelledby="dimensions-title" className="instrument-editor__block">
        <h2 id="dimensions-title">{t('dimensionsTitle')}</h2>
        <p className="hint">{t('dimensionsIntro')}</p>
        <ul className="instrument-editor__dimensions">
          {draft.dimensions.map((dimension) => {
            const inDimension = statementsIn(dimension.id);
            return (
              <li key={dimension.id} className="instrument-editor__dimension">
                <fieldset>
                  <legend>
                    {t('dimensionLegend', { id: dimension.id })} · {t('dimensionStatements', { count: inDimension })}
                  </legend>
                  <TextPair
                    label={localize(dimension.label) || dimension.id}
                    value={dimension.label}
                    onBlur={seal}
                    onChange={(label, language) => edit((d) => renameDimension(d, dimension.id, label), () => ({ kind: 'dimensionRename', id: dimension.id }), `dimension:${dimension.id}:${language}`)}
                  />
                  {inDimension === 0 ? (
                    <button type="button" className="button button--danger" onClick={() => edit((d) => removeDimension(d, dimension.id), () => ({ kind: 'dimensionRemove', id: dimension.id }))}>
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
              edit((d) => addDimension(d, { nl: newDimension.trim(), en: '' }), (d) => ({ kind: 'dimensionAdd', id: d.dimensions.at(-1)?.id ?? '' }));
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
        <ol className="instrument-editor__statements" ref={listRef}>
          {draft.statements.map((statement, index) => (
            <StatementEditor
              key={statement.key}
              statement={statement}
              number={index + 1}
              count={count}
              dimensions={draft.dimensions.map((d) => ({ id: d.id, label: localize(d.label) || d.id }))}
              onChange={(patch, group) =>
                edit(
                  (d) => updateStatement(d, statement.key, patch),
                  (d) => ({ kind: patch.text ? 'text' : patch.kind ? 'kind' : 'dimension', id: idOf(d, statement.key) }),
                  group,
                )
              }
              onBlur={seal}
              onMeaning={(meaning) => edit((d) => setMeaning(d, statement.key, meaning), (d) => ({ kind: 'meaning', id: idOf(d, statement.key) }))}
              onMove={(delta) => move(statement.key, (d) => moveStatement(d, statement.key, delta), delta < 0 ? 'up' : 'down')}
              onMoveTo={(position) => move(statement.key, (d) => moveStatementTo(d, statement.key, position - 1), 'moveToButton')}
              onRemove={() => edit((d) => removeStatement(d, statement.key), () => ({ kind: 'remove', id: statement.id }))}
              drag={{
                dragging: dragKey === statement.key,
                dropBefore: dragKey !== null && dropAt?.key === statement.key && !dropAt.after,
                dropAfter: dragKey !== null && dropAt?.key === statement.key && dropAt.after,
                onDragStart: (event) => {
                  event.dataTransfer.effectAllowed = 'move';
                  event.dataTransfer.setData('text/plain', statement.id);
                  const item = (event.currentTarget as HTMLElement).closest('li');
                  if (item) event.dataTransfer.setDragImage(item, 16, 16);
                  setDragKey(statement.key);
                },
                onDragOver: (event) => {
                  if (dragKey === null) return;
                  event.preventDefault();
                  event.dataTransfer.dropEffect = 'move';
                  const after = isLowerHalf(event);
                  if (dropAt?.key !== statement.key || dropAt.after !== after) setDropAt({ key: statement.key, after });
                },
                onDrop: (event) => onDrop(event, statement.key),
                onDragEnd: () => {
                  setDragKey(null);
                  setDropAt(null);
                },
              }}
              t={t}
            />
          ))}
        </ol>
        <button type="button" className="button button--secondary" onClick={() => edit((d) => addStatement(d, lastDimension), (d) => ({ kind: 'add', id: d.statements.at(-1)?.id ?? '' }))} disabled={!lastDimension}>
          {t('addStatement')}
        </button>
      </section>

      <div className="field instrument-editor__version-name">
        <label className="field__label" htmlFor={versionNameId}>
          {t('versionName')}
        </label>
        <input id={versionNameId} type="text" maxLength={VERSION_NAME_MAX} value={versionName} onChange={(e) => setVersionName(e.currentTarget.value)} aria-describedby={`${versionNameId}-hint`} />
        <span id={`${versionNameId}-hint`} className="hint">
          {t('versionNameHint', { max: VERSION_NAME_MAX })}
        </span>
      </div>
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
      {kept.keptAt && changed && <p className="hint">{t('draftKept', { time: format.dateTime(kept.keptAt) })}</p>}
      {leaving && <LeaveDialog onStay={stay} onKeep={() => void leave(true)} onDiscard={() => void leave(false)} problem={leaveProblem} busy={leaveBusy} />}
    </form>
  );
}

interface DragHandlers {
  dragging: boolean;
  dropBefore: boolean;
  dropAfter: boolean;
  onDragStart: (event: DragEvent) => void;
  onDragOver: (event: DragEvent) => void;
  onDrop: (event: DragEvent) => void;
  onDragEnd: () => void;
}

interface StatementEditorProps {
  statement: DraftStatement;
  number: number;
  count: number;
  dimensions: readonly { id: string; label: string }[];
  onChange: (patch: { dimension?: string; kind?: ItemKind; text?: DraftStatement['text'] }, group: string | null) => void;
  onBlur: () => void;
  onMeaning: (meaning: 'same' | 'changed') => void;
  onMove: (delta: -1 | 1) => void;
  onMoveTo: (position: number) => void;
  onRemove: () => void;
  drag: DragHandlers;
  t: Translate<Messages>;
}

function StatementEditor({ statement, number, count, dimensions, onChange, onBlur, onMeaning, onMove, onMoveTo, onRemove, drag, t }: StatementEditorProps) {
  const label = t('statementLegend', { number, id: statement.id });
  const reformulated = isReformulated(statement);
  // The chosen position is reset to the statement's own when it moves by other means.
  const [choice, setChoice] = useState({ at: number, position: number });
  const position = choice.at === number ? choice.position : number;
  const setPosition = (value: number) => setChoice({ at: number, position: value });
  const className = [
    'instrument-editor__statement',
    drag.dragging ? 'instrument-editor__statement--dragging' : '',
    drag.dropBefore ? 'instrument-editor__statement--drop-before' : '',
    drag.dropAfter ? 'instrument-editor__statement--drop-after' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <li className={className} data-statement-id={statement.id} data-statement-key={statement.key} onDragOver={drag.onDragOver} onDrop={drag.onDrop}>
      <fieldset>
        <legend>
          {/* Mouse and touch only; the keyboard moves by position below. */}
          <span className="instrument-editor__drag" draggable onDragStart={drag.onDragStart} onDragEnd={drag.onDragEnd} title={t('dragHandle')} aria-hidden="true">
            ⠿
          </span>
          {label}
          {statement.originId === null && <span className="badge badge--open"> {t('statementNew')}</span>}
        </legend>
        <TextPair label={label} value={statement.text} onBlur={onBlur} onChange={(text, language) => onChange({ text }, `text:${statement.key}:${language}`)} multiline />
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
            <select value={statement.dimension} onChange={(e) => onChange({ dimension: e.currentTarget.value }, null)}>
              {dimensions.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.label}
                </option>
              ))}
            </select>
          </label>
          <label className="field field--inline">
            <span className="field__label">{t('statementKind')}</span>
            <select value={statement.kind} onChange={(e) => onChange({ kind: e.currentTarget.value as ItemKind }, null)}>
              {ITEM_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`kind_${kind}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="button-row instrument-editor__actions" role="group" aria-label={t('statementActions', { number })}>
          <button type="button" className="button button--secondary" data-focus="up" onClick={() => onMove(-1)} disabled={number === 1} aria-label={`${t('moveUp')}: ${label}`}>
            ↑ {t('moveUp')}
          </button>
          <button type="button" className="button button--secondary" data-focus="down" onClick={() => onMove(1)} disabled={number === count} aria-label={`${t('moveDown')}: ${label}`}>
            ↓ {t('moveDown')}
          </button>
          <span className="instrument-editor__move-to">
            <label className="field field--inline">
              <span className="field__label">{t('moveTo')}</span>
              <select data-focus="moveTo" aria-label={`${t('moveTo')}: ${label}`} value={position} onChange={(e) => setPosition(Number(e.currentTarget.value))}>
                {Array.from({ length: count }, (_, i) => (
                  <option key={i} value={i + 1}>
                    {i + 1}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="button button--secondary" data-focus="moveToButton" onClick={() => onMoveTo(position)} disabled={position === number} aria-label={`${t('moveToButton')}: ${label}`}>
              {t('moveToButton')}
            </button>
          </span>
          <button type="button" className="button button--danger" onClick={onRemove} aria-label={`${t('removeStatement')}: ${label}`}>
            {t('removeStatement')}
          </button>
        </div>
      </fieldset>
    </li>
  );
}
