import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_INSTRUMENT } from '../../../src/domain/instrument/defaultInstrument';
import type { Instrument } from '../../../src/domain/types';
import { InstrumentEditor } from '../../../src/features/instrument/InstrumentEditor';
import { previewMessages } from '../../../src/features/instrument/previewMessages';
import { respondMessages } from '../../../src/features/respond/respondMessages';
import { useUiStore } from '../../../src/state/uiStore';
import { db } from '../../../src/storage/db';
import { Router } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';

// The participant preview from the editor (docs/instrument-and-rounds.md, "Preview as a
// participant"): the unsaved draft in both languages, the participant's scale, nothing written,
// and back to the editor with its state and focus.

const base = structuredClone(DEFAULT_INSTRUMENT) as Instrument;
// The English of statement 1 is missing: participants in English see the Dutch text.
base.items[0] = { ...base.items[0]!, text: { nl: base.items[0]!.text.nl, en: '' } };

beforeEach(async () => {
  useUiStore.setState({ language: 'nl' });
  await db.delete();
  await db.open();
});

function showEditor() {
  // The editor restores a kept draft before it shows its fields, and guards leaving through the router.
  render(
    <Router hook={useHashLocation}>
      <InstrumentEditor base={base} knownIds={[]} draftKey="instrument:preview-test" busy={false} actions={[{ label: 'Opslaan', onSave: async () => undefined }]} />
    </Router>,
  );
}

// Rows in every table but the editor's own drafts (the editor may keep its draft as typed).
const writtenRows = async () => Object.fromEntries(await Promise.all(db.tables.filter((t) => t.name !== 'editorDrafts').map(async (t) => [t.name, await t.count()] as const)));

describe('the participant preview', () => {
  it('shows the unsaved wording one statement at a time with the participant scale, in Dutch and English', async () => {
    showEditor();
    const user = userEvent.setup();
    const fields = await screen.findAllByRole('textbox', { name: /Stelling 2 \(q02\)/ });
    fireEvent.change(fields[0]!, { target: { value: 'Onopgeslagen formulering' } });
    fireEvent.change(fields[1]!, { target: { value: 'Unsaved wording' } });
    const open = screen.getByRole('button', { name: 'Voorbeeld als deelnemer' });
    await user.click(open);
    const dialog = await screen.findByRole('dialog', { name: 'Voorbeeld als deelnemer' });
    expect(within(dialog).getByTestId('preview-banner')).toHaveTextContent('nergens bewaard of verstuurd');
    expect(within(dialog).getByText('Stelling 1 van 13')).toBeInTheDocument();
    // Statement 1 in Dutch; its answer scale is the participant's.
    const scale = within(dialog).getByRole('group', { name: base.items[0]!.text.nl });
    expect(within(scale).getAllByRole('radio').map((r) => r.closest('label')!.textContent)).toEqual(['1Helemaal oneens', '2Oneens', '3Neutraal', '4Eens', '5Helemaal eens', 'Weet niet / niet van toepassing']);
    await user.click(within(scale).getByRole('radio', { name: /Eens$/ }));
    await user.click(within(dialog).getByRole('button', { name: /Volgende/ }));
    expect(within(dialog).getByRole('heading', { name: 'Onopgeslagen formulering' })).toBeInTheDocument();
    // English: the unsaved English wording, the participant's English words.
    await user.click(within(dialog).getByRole('radio', { name: 'Engels' }));
    expect(within(dialog).getByRole('heading', { name: 'Unsaved wording' })).toBeInTheDocument();
    expect(within(dialog).getByText('Statement 2 of 13')).toBeInTheDocument();
    expect(within(dialog).getByRole('radio', { name: 'Strongly agree' })).toBeInTheDocument();
    // Statement 1 lacks English: the participant sees the Dutch text, and the director is told.
    await user.click(within(dialog).getByRole('button', { name: /Previous/ }));
    expect(within(dialog).getByRole('heading', { name: base.items[0]!.text.nl })).toBeInTheDocument();
    expect(within(dialog).getByText(/Vertaling ontbreekt — deelnemers zien hier de Nederlandse tekst/)).toBeInTheDocument();
    // The whole list at once.
    await user.click(within(dialog).getByRole('radio', { name: 'Alle stellingen onder elkaar' }));
    const shown = [...dialog.querySelectorAll('fieldset.statement legend')].map((legend) => legend.textContent);
    expect(shown).toHaveLength(13);
    expect(shown.slice(0, 2)).toEqual([base.items[0]!.text.nl, 'Unsaved wording']);
    // Nothing was written anywhere.
    const rows = await writtenRows();
    expect(Object.keys(rows)).toEqual(expect.arrayContaining(['responses', 'tallies', 'scans']));
    expect(Object.values(rows).every((n) => n === 0)).toBe(true);
  }, 30_000);

  it('closes with Escape or the close button, keeps the editor as it was, and puts focus back on the button', async () => {
    showEditor();
    const user = userEvent.setup();
    const field = (await screen.findAllByRole('textbox', { name: /Stelling 3 \(q03\)/ }))[0]!;
    fireEvent.change(field, { target: { value: 'Nog niet bewaard' } });
    const open = screen.getByRole('button', { name: 'Voorbeeld als deelnemer' });
    await user.click(open);
    await screen.findByRole('dialog');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(open).toHaveFocus();
    expect(screen.getAllByRole('textbox', { name: /Stelling 3 \(q03\)/ })[0]).toHaveValue('Nog niet bewaard');
    await user.click(open);
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Voorbeeld sluiten' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(open).toHaveFocus();
  }, 30_000);
});

describe('the participant words in the preview', () => {
  it('are the participant’s own, in both languages (copies, so the participant’s route keeps its budget)', () => {
    for (const language of ['nl', 'en'] as const) {
      const keys = ['progress', 'progressLabel', 'dimensionLabel', 'previous', 'next', 'scale1', 'scale2', 'scale3', 'scale4', 'scale5', 'dontKnow'] as const;
      for (const key of keys) expect(previewMessages[language][`participant_${key}`], `${language} ${key}`).toBe(respondMessages[language][key]);
    }
  });
});
