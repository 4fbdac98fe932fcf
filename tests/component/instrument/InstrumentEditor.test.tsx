import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Link, Router } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { copyDefaultInstrument } from '../../../src/domain/instrument/defaultInstrument';
import { startDraft, updateStatement } from '../../../src/domain/instrument/draft';
import { storedEditorDraft } from '../../../src/domain/instrument/editorDraft';
import { versionIdOf } from '../../../src/domain/instrument/versions';
import type { Instrument } from '../../../src/domain/types';
import { InstrumentEditor } from '../../../src/features/instrument/InstrumentEditor';
import { useUiStore } from '../../../src/state/uiStore';
import { db } from '../../../src/storage/db';

// The editor's undo/redo, move to a position, leave guard and kept drafts
// (docs/instrument-and-rounds.md, "Edit without fear").

const base = copyDefaultInstrument();
const KEY = `instrument:${versionIdOf(base)}`;
const FIRST_TEXT = base.items[0]!.text.nl;
const FIRST_KIND = base.items[0]!.kind;
const OTHER_KIND = FIRST_KIND === 'thermometer' ? 'thermostat' : 'thermometer';

beforeEach(async () => {
  useUiStore.setState({ language: 'nl' });
  await db.delete();
  await db.open();
  history.replaceState(null, '', '#/instruments/x/1');
});

function renderEditor(onSave: (instrument: Instrument) => Promise<boolean | void> = async () => true) {
  render(
    <Router hook={useHashLocation}>
      <Link href="/instruments">← Alle vragenlijsten</Link>
      <InstrumentEditor base={base} knownIds={[]} draftKey={KEY} busy={false} actions={[{ label: 'Opslaan als nieuwe versie', onSave }]} />
    </Router>,
  );
}

const announcement = () => screen.getByTestId('editor-announcement');
const statementItems = () => Array.from(document.querySelectorAll<HTMLElement>('[data-statement-key]'));

// The whole editor (13 statements, 26 text fields) renders slowly on a busy machine.
describe('InstrumentEditor', { timeout: 20_000 }, () => {
  it('undoes and redoes steps with the buttons, and says which step', async () => {
    renderEditor();
    const undo = await screen.findByRole('button', { name: /Ongedaan maken/ });
    const redo = screen.getByRole('button', { name: /Opnieuw/ });
    expect(undo).toBeDisabled();
    expect(redo).toBeDisabled();

    const text = screen.getByRole('textbox', { name: 'Stelling 1 (q01) — Nederlands' });
    fireEvent.change(text, { target: { value: 'Eerst' } });
    fireEvent.change(text, { target: { value: 'Eerst dit' } });
    const kind = within(statementItems()[0]!).getByRole('combobox', { name: 'Soort' });
    fireEvent.change(kind, { target: { value: OTHER_KIND } });

    fireEvent.click(undo);
    expect(kind).toHaveValue(FIRST_KIND);
    expect(announcement()).toHaveTextContent('Ongedaan gemaakt: soort van stelling q01 gewijzigd.');
    // Both keystrokes in the one field are one step.
    fireEvent.click(undo);
    expect(text).toHaveValue(FIRST_TEXT);
    expect(announcement()).toHaveTextContent('Ongedaan gemaakt: tekst van stelling q01 gewijzigd.');
    expect(undo).toBeDisabled();

    fireEvent.click(redo);
    expect(text).toHaveValue('Eerst dit');
    expect(announcement()).toHaveTextContent('Opnieuw gedaan: tekst van stelling q01 gewijzigd.');
    fireEvent.click(redo);
    expect(kind).toHaveValue(OTHER_KIND);
    expect(redo).toBeDisabled();
  });

  it('undoes by keyboard outside text fields only, where the field keeps its own undo', async () => {
    renderEditor();
    const text = await screen.findByRole('textbox', { name: 'Stelling 1 (q01) — Nederlands' });
    fireEvent.change(text, { target: { value: 'Anders' } });
    fireEvent.keyDown(text, { key: 'z', ctrlKey: true });
    expect(text).toHaveValue('Anders');
    const undo = screen.getByRole('button', { name: /Ongedaan maken/ });
    fireEvent.keyDown(undo, { key: 'z', ctrlKey: true });
    expect(text).toHaveValue(FIRST_TEXT);
    fireEvent.keyDown(undo, { key: 'y', ctrlKey: true });
    expect(text).toHaveValue('Anders');
    fireEvent.keyDown(undo, { key: 'Z', metaKey: true, shiftKey: true });
    expect(text).toHaveValue('Anders');
    fireEvent.keyDown(undo, { key: 'z', metaKey: true });
    expect(text).toHaveValue(FIRST_TEXT);
    fireEvent.keyDown(undo, { key: 'Z', metaKey: true, shiftKey: true });
    expect(text).toHaveValue('Anders');
  });

  it('moves statement 13 to position 1 in one action, announces it and keeps focus on it', async () => {
    renderEditor();
    const select = await screen.findByRole('combobox', { name: 'Verplaats naar positie: Stelling 13 (q13)' });
    fireEvent.change(select, { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verplaatsen: Stelling 13 (q13)' }));
    expect(statementItems().map((li) => li.dataset.statementId)).toEqual(['q13', ...base.items.slice(0, 12).map((i) => i.id)]);
    expect(announcement()).toHaveTextContent('Stelling q13 staat nu op positie 1 van 13');
    await waitFor(() => expect(statementItems()[0]!.contains(document.activeElement)).toBe(true));
    // Its controls now name it by its new position.
    expect(screen.getByRole('combobox', { name: 'Verplaats naar positie: Stelling 1 (q13)' })).toHaveValue('1');
    fireEvent.click(screen.getByRole('button', { name: /Ongedaan maken/ }));
    expect(statementItems()[0]!.dataset.statementId).toBe('q01');
    expect(announcement()).toHaveTextContent('Ongedaan gemaakt: stelling q13 verplaatst naar positie 1.');
  });

  it('drags a statement by its handle: a line shows where it lands, and the drop moves it there', async () => {
    renderEditor();
    await screen.findByRole('button', { name: /Ongedaan maken/ });
    const dataTransfer = { effectAllowed: '', dropEffect: '', setData: vi.fn(), setDragImage: vi.fn() };
    const handle = statementItems()[4]!.querySelector('.instrument-editor__drag')!;
    fireEvent.dragStart(handle, { dataTransfer });
    expect(dataTransfer.setData).toHaveBeenCalledWith('text/plain', 'q05');
    // jsdom has no drag events with coordinates: the pointer counts as on the upper half.
    const target = statementItems()[1]!;
    fireEvent.dragOver(target, { dataTransfer });
    expect(target).toHaveClass('instrument-editor__statement--drop-before');
    fireEvent.drop(target, { dataTransfer });
    expect(statementItems().map((li) => li.dataset.statementId).slice(0, 4)).toEqual(['q01', 'q05', 'q02', 'q03']);
    expect(announcement()).toHaveTextContent('Stelling q05 staat nu op positie 2 van 13');
    expect(target).not.toHaveClass('instrument-editor__statement--drop-before');
  });

  it('leaves without a question when nothing changed', async () => {
    renderEditor();
    await screen.findByRole('button', { name: /Ongedaan maken/ });
    fireEvent.click(screen.getByRole('link', { name: '← Alle vragenlijsten' }));
    expect(location.hash).toBe('#/instruments');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('asks before leaving with changes; leaving keeps the draft', async () => {
    renderEditor();
    const text = await screen.findByRole('textbox', { name: 'Stelling 1 (q01) — Nederlands' });
    fireEvent.change(text, { target: { value: 'Nog niet opgeslagen' } });
    fireEvent.click(screen.getByRole('link', { name: '← Alle vragenlijsten' }));
    const dialog = screen.getByRole('dialog', { name: 'Wijzigingen nog niet opgeslagen' });
    expect(dialog).toHaveAccessibleDescription(/blijven de wijzigingen op dit apparaat bewaard als concept/);
    expect(location.hash).toBe('#/instruments/x/1');
    expect(within(dialog).getByRole('button', { name: 'Blijven' })).toHaveFocus();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Blijven' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(location.hash).toBe('#/instruments/x/1');

    fireEvent.click(screen.getByRole('link', { name: '← Alle vragenlijsten' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Verlaten, concept bewaren' }));
    await waitFor(() => expect(location.hash).toBe('#/instruments'));
    const row = await db.editorDrafts.get(KEY);
    expect((row?.value as { draft: { statements: { text: { nl: string } }[] } }).draft.statements[0]!.text.nl).toBe('Nog niet opgeslagen');
  });

  it('asks on the browser Back too, and stays on the editor', async () => {
    history.pushState(null, '', '#/instruments/x/1');
    renderEditor();
    const text = await screen.findByRole('textbox', { name: 'Stelling 1 (q01) — Nederlands' });
    fireEvent.change(text, { target: { value: 'Nog niet opgeslagen' } });
    // What a Back does: the address changes, then popstate.
    act(() => {
      history.replaceState(null, '', '#/');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(location.hash).toBe('#/instruments/x/1');
    expect(screen.getByRole('dialog', { name: 'Wijzigingen nog niet opgeslagen' })).toBeInTheDocument();
  });

  it('restores a kept draft and says so; Weggooien starts again from the version', async () => {
    const draft = updateStatement(startDraft(base), 's0', { text: { nl: 'Bewaard concept', en: base.items[0]!.text.en } });
    await db.editorDrafts.put({ key: KEY, value: storedEditorDraft(versionIdOf(base), draft, 'Najaar'), updatedAt: '2026-12-07T10:15:00.000Z' });
    renderEditor();
    expect(await screen.findByText(/Uw niet-opgeslagen wijzigingen van .* zijn teruggezet\./)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Stelling 1 (q01) — Nederlands' })).toHaveValue('Bewaard concept');
    expect(screen.getByRole('textbox', { name: 'Naam van deze versie' })).toHaveValue('Najaar');
    fireEvent.click(screen.getByRole('button', { name: 'Weggooien' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Stelling 1 (q01) — Nederlands' })).toHaveValue(FIRST_TEXT));
    await waitFor(async () => expect(await db.editorDrafts.get(KEY)).toBeUndefined());
  });

  it('sets an unreadable kept draft aside with a message instead of failing', async () => {
    await db.editorDrafts.put({ key: KEY, value: { format: 'ketenscan-editor-draft', version: 1, baseVersionId: versionIdOf(base), versionName: '', draft: { nope: true } }, updatedAt: '2026-12-07T10:15:00.000Z' });
    renderEditor();
    expect(await screen.findByText(/was onleesbaar \(bij "draft.instrumentId"\) en is apart gezet/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Stelling 1 (q01) — Nederlands' })).toHaveValue(FIRST_TEXT);
    expect(await db.editorDrafts.get(KEY)).toBeUndefined();
    expect((await db.editorDrafts.get(`set-aside:${KEY}`))?.value).toMatchObject({ draft: { nope: true } });
  });

  it('hands the version name to the save, and a save deletes the kept draft', async () => {
    const onSave = vi.fn(async (instrument: Instrument) => {
      void instrument;
      return true;
    });
    renderEditor(onSave);
    const text = await screen.findByRole('textbox', { name: 'Stelling 1 (q01) — Nederlands' });
    fireEvent.change(text, { target: { value: 'Nieuwe tekst' } });
    fireEvent.click(screen.getByRole('radio', { name: /Nee, dezelfde betekenis/ }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Naam van deze versie' }), { target: { value: '  Voorjaar 2027  ' } });
    await waitFor(async () => expect(await db.editorDrafts.get(KEY)).toBeDefined());
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan als nieuwe versie' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]![0]).toMatchObject({ versionName: 'Voorjaar 2027', items: expect.arrayContaining([expect.objectContaining({ id: 'q01', text: expect.objectContaining({ nl: 'Nieuwe tekst' }) })]) });
    await waitFor(async () => expect(await db.editorDrafts.get(KEY)).toBeUndefined());
  });
});
