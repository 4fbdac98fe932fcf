import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { generateDemoScan } from '../../../src/domain/demo/generateDemoScan';
import { buildExchangeFile, serialiseExchangeFile } from '../../../src/domain/exchange';
import type { SubmittedResponse } from '../../../src/domain/types';
import ImportPage from '../../../src/features/exchange/ImportPage';
import { useUiStore } from '../../../src/state/uiStore';
import { db } from '../../../src/storage/db';
import { seedDatabase } from '../seedDatabase';

// What the import page tells the director: where the preview was read from, each conflict with
// scan, organisation, the full id and old against new, and afterwards what was kept.

const now = new Date('2026-11-22T09:00:00.000Z');
const demo = generateDemoScan({ now });
const stored = demo.responses as SubmittedResponse[];
const changed: SubmittedResponse = { ...stored[0]!, answers: { ...stored[0]!.answers, q03: stored[0]!.answers.q03 === 1 ? 2 : 1 } };
const added: SubmittedResponse = { ...stored[1]!, id: '0f0f0f0f-1111-4222-8333-444455556666' };

beforeEach(async () => {
  useUiStore.setState({ language: 'nl' });
  await seedDatabase(demo.scan, demo.responses);
});

function renderImport() {
  const location = memoryLocation({ path: '/import', record: true });
  render(
    <Router hook={location.hook}>
      <Suspense fallback={null}>
        <ImportPage />
      </Suspense>
    </Router>,
  );
}

describe('ImportPage', () => {
  it('names the file, shows a conflict in words, and says afterwards that the stored version was kept', async () => {
    const user = userEvent.setup();
    renderImport();
    expect(screen.getByRole('heading', { level: 1, name: 'Bestanden of QR-codes inlezen' })).toBeInTheDocument();
    const text = serialiseExchangeFile(buildExchangeFile([{ scan: demo.scan, responses: [changed, added] }], now, 'test'));
    await user.upload(document.querySelector<HTMLInputElement>('input[type="file"]')!, new File([text], 'telefoon-3.json', { type: 'application/json' }));

    expect(await screen.findByTestId('import-source')).toHaveTextContent('Gelezen uit: telefoon-3.json');
    expect(screen.getByTestId('import-totals')).toHaveTextContent('scans die er al zijn: 1');
    const organisation = demo.scan.organisations.find((o) => o.id === changed.organisationId)!.name;
    const conflict = screen.getByRole('group', { name: new RegExp(`^Antwoord van "${organisation}", ingestuurd op .+, in scan "${demo.scan.title}"$`) });
    expect(within(conflict).getByText(`Antwoord-id: ${changed.id}`)).toBeInTheDocument();
    const row = within(conflict).getByRole('row', { name: /Stelling 3/ });
    expect(row).toHaveTextContent(`Stelling 3${String(stored[0]!.answers.q03)}${String(changed.answers.q03)}`);
    expect(within(conflict).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Wat', 'De versie op dit apparaat', 'In bestand 1']);

    await user.click(screen.getByRole('button', { name: 'Inlezen' }));
    const done = await screen.findByRole('status');
    expect(within(done).getByRole('heading', { name: 'Klaar met inlezen' })).toBeInTheDocument();
    expect(done).toHaveTextContent('Toegevoegd: 0 scans en 1 antwoord. Vervangen: 0. Conflicten waarin de bestaande versie is gehouden: 1.');
    // The link names the scan by its title, also when only responses were added to it.
    expect(within(done).getByRole('link', { name: `Naar ${demo.scan.title}` })).toBeInTheDocument();
    expect((await db.responses.get(changed.id))?.answers.q03).toBe(stored[0]!.answers.q03);
  });

  it('in English, the page title, the button and the done heading are three different texts', async () => {
    useUiStore.setState({ language: 'en' });
    const user = userEvent.setup();
    renderImport();
    const text = serialiseExchangeFile(buildExchangeFile([{ scan: demo.scan, responses: [added] }], now, 'test'));
    await user.upload(document.querySelector<HTMLInputElement>('input[type="file"]')!, new File([text], 'phone.json', { type: 'application/json' }));
    const title = screen.getByRole('heading', { level: 1 }).textContent;
    const button = (await screen.findByRole('button', { name: /^Read in/ })).textContent;
    await user.click(screen.getByRole('button', { name: button! }));
    const done = within(await screen.findByRole('status')).getByRole('heading').textContent;
    expect(new Set([title, button, done]).size).toBe(3);
    expect(screen.getByText(/Nothing is stored until you press "Read in and store"/)).toBeInTheDocument();
  });
});
