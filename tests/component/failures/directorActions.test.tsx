import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { generateDemoScan } from '../../../src/domain/demo/generateDemoScan';
import { buildScan } from '../../fixtures/buildScan';
import { buildExchangeFile, serialiseExchangeFile } from '../../../src/domain/exchange';
import type { SubmittedResponse } from '../../../src/domain/types';
import ExportPanel from '../../../src/features/exchange/ExportPanel';
import HandoffPanel from '../../../src/features/exchange/HandoffPanel';
import { exchangeMessages } from '../../../src/features/exchange/exchangeMessages';
import ImportPage from '../../../src/features/exchange/ImportPage';
import NewScanPage from '../../../src/features/scans/NewScanPage';
import ScanListPage from '../../../src/features/scans/ScanListPage';
import ScanPage from '../../../src/features/scans/ScanPage';
import { useUiStore } from '../../../src/state/uiStore';
import { LAST_BACKUP_AT } from '../../../src/storage/backupRecord';
import { db } from '../../../src/storage/db';
import { seedDatabase } from '../seedDatabase';
import { refuseReads, refuseWrites } from './refuseStorage';

// Every director action whose storage (or download) is made to fail shows a translated
// role="alert" and leaves the database and the page as they were.

const now = new Date('2026-11-22T09:00:00.000Z');
const demo = generateDemoScan({ now });
const HANDOFF_SHOW = exchangeMessages.nl.handoffShow;
const HANDOFF_FILE = exchangeMessages.nl.handoffFile;
const FULL = 'De opslag van deze browser is vol';
const UNAVAILABLE = 'Deze browser laat Ketenscan nu niets opslaan';

async function dumpAll() {
  return { scans: await db.scans.toArray(), responses: await db.responses.toArray(), meta: await db.meta.toArray() };
}

function renderAt(path: string, page: ReactNode) {
  const location = memoryLocation({ path, record: true });
  render(
    <Router hook={location.hook}>
      <Suspense fallback={null}>{page}</Suspense>
    </Router>,
  );
  return location;
}

/** The rejected action's alert; the storage spies are lifted first so the database can be compared. */
async function expectAlert(text: string) {
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent(text);
  vi.restoreAllMocks();
  return alert;
}

beforeEach(async () => {
  useUiStore.setState({ language: 'nl' });
  await seedDatabase(demo.scan, demo.responses);
  await db.meta.put({ key: 'demoSeeded', value: true });
});

// jsdom has no object URLs; a test that gets as far as a download gives URL its own pair.
const ORIGINAL_URL_API = { createObjectURL: URL.createObjectURL, revokeObjectURL: URL.revokeObjectURL };
function stubObjectUrls(createObjectURL: (blob: Blob) => string) {
  Object.assign(URL, { createObjectURL, revokeObjectURL: () => {} });
}
afterEach(() => Object.assign(URL, ORIGINAL_URL_API));

describe('scans', () => {
  it('creating a scan on a full disk says so, stores nothing and stays on the form', async () => {
    const before = await dumpAll();
    const location = renderAt('/scans/new', <NewScanPage />);
    await userEvent.type(screen.getByRole('textbox', { name: /Titel/ }), 'Workshop Noord');
    refuseWrites();
    await userEvent.click(screen.getByRole('button', { name: 'Scan aanmaken' }));
    await expectAlert(FULL);
    expect(await dumpAll()).toEqual(before);
    expect(location.history).toEqual(['/scans/new']);
  });

  it('deleting a scan that storage refuses to delete keeps the scan and its responses', async () => {
    const before = await dumpAll();
    const location = renderAt(`/scans/${demo.scan.id}`, <ScanPage scanId={demo.scan.id} />);
    await screen.findByRole('heading', { level: 1, name: demo.scan.title });
    refuseWrites();
    await userEvent.click(screen.getByRole('button', { name: 'Scan verwijderen' }));
    await userEvent.click(within(screen.getByRole('dialog', { name: 'Scan verwijderen?' })).getByRole('button', { name: 'Verwijderen' }));
    await expectAlert(FULL);
    expect(await dumpAll()).toEqual(before);
    expect(location.history).toEqual([`/scans/${demo.scan.id}`]);
  });

  it('closing a scan that storage refuses to update keeps it open', async () => {
    const before = await dumpAll();
    renderAt(`/scans/${demo.scan.id}`, <ScanPage scanId={demo.scan.id} />);
    await screen.findByRole('heading', { level: 1, name: demo.scan.title });
    refuseWrites();
    await userEvent.click(screen.getByRole('button', { name: 'Scan sluiten' }));
    await expectAlert(FULL);
    expect(await dumpAll()).toEqual(before);
    expect((await db.scans.get(demo.scan.id))?.status).toBe('open');
  });

  it('re-creating the demo on a full disk keeps the old demo', async () => {
    const before = await dumpAll();
    renderAt('/', <ScanListPage />);
    await screen.findByRole('link', { name: demo.scan.title });
    refuseWrites();
    await userEvent.click(screen.getByRole('button', { name: 'Demo-workshop opnieuw aanmaken' }));
    await expectAlert(FULL);
    expect(await dumpAll()).toEqual(before);
    expect(screen.queryByText(/opnieuw aangemaakt/)).toBeNull();
  });
});

describe('backups and exports', () => {
  it('a backup that cannot read storage says so and records no backup', async () => {
    renderAt('/', <ScanListPage />);
    const button = await screen.findByRole('button', { name: 'Reservekopie van alle scans' });
    // Storage fails at the click, not while the page is still reading its list.
    await screen.findByRole('link', { name: demo.scan.title });
    refuseReads();
    await userEvent.click(button);
    await expectAlert(UNAVAILABLE);
    expect(await db.meta.get(LAST_BACKUP_AT)).toBeUndefined();
  });

  it('exporting the chosen scans when storage refuses says so and saves nothing', async () => {
    const createObjectURL = vi.fn(() => 'blob:test');
    stubObjectUrls(createObjectURL);
    renderAt('/', <ScanListPage />);
    await userEvent.click(await screen.findByRole('checkbox', { name: new RegExp(demo.scan.title) }));
    refuseReads();
    await userEvent.click(screen.getByRole('button', { name: 'Exporteer de gekozen scans (1)' }));
    await expectAlert(UNAVAILABLE);
    expect(createObjectURL).not.toHaveBeenCalled();
  });

  it('a backup that works is recorded, so the reminder knows', async () => {
    stubObjectUrls(() => 'blob:test');
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderAt('/', <ScanListPage />);
    await userEvent.click(await screen.findByRole('button', { name: 'Reservekopie van alle scans' }));
    expect(await screen.findByText(/is opgeslagen\./)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    await waitFor(async () => expect(await db.meta.get(LAST_BACKUP_AT)).toBeDefined());
  });

  for (const [label, name] of [
    ['JSON', 'Exporteren als JSON'],
    ['CSV long', 'CSV (één regel per antwoord)'],
    ['CSV wide', /^CSV \(één regel per deelnemer/],
  ] as const) {
    it(`${label} export: a refused read and a failed download are both said out loud`, async () => {
      renderAt(`/scans/${demo.scan.id}`, <ExportPanel scan={demo.scan} />);
      refuseReads();
      await userEvent.click(screen.getByRole('button', { name }));
      await expectAlert(UNAVAILABLE);

      stubObjectUrls(() => {
        throw new TypeError('downloads blocked');
      });
      await userEvent.click(screen.getByRole('button', { name }));
      await expectAlert('Het bestand kon niet worden gemaakt of opgeslagen');
      expect(screen.queryByText(/is opgeslagen/)).toBeNull();
    });
  }
});

describe('participant hand-off', () => {
  it('a response file that cannot be saved is said out loud on the participant’s device', async () => {
    const response = demo.responses.find((r) => r.status === 'submitted')!;
    renderAt(`/s/${demo.scan.id}/thanks`, <HandoffPanel scanId={demo.scan.id} responseId={response.id} />);
    await userEvent.click(await screen.findByRole('button', { name: HANDOFF_SHOW }));
    stubObjectUrls(() => {
      throw new TypeError('downloads blocked');
    });
    await userEvent.click(screen.getByRole('button', { name: HANDOFF_FILE }));
    await expectAlert('Het bestand kon niet worden gemaakt of opgeslagen');
  });
});

describe('import', () => {
  const incoming = generateDemoScan({ now: new Date('2026-10-01T09:00:00.000Z') });
  const fileText = serialiseExchangeFile(buildExchangeFile([{ scan: buildScan({ id: '11111111-1111-4111-8111-111111111111' }, incoming.scan), responses: (incoming.responses as SubmittedResponse[]).map((r) => ({ ...r, scanId: '11111111-1111-4111-8111-111111111111', id: r.id.replace(/^.{8}/, 'aaaaaaaa') })) }], now, 'test'));
  const fileInput = () => document.querySelector<HTMLInputElement>('input[type="file"]')!;

  function expectControlsUsable() {
    expect(screen.queryByText('Bezig met controleren…')).toBeNull();
    expect(fileInput()).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Tekst controleren' })).toBeEnabled();
  }

  it('a file that cannot be read is named, and the page is usable again at once', async () => {
    const before = await dumpAll();
    renderAt('/import', <ImportPage />);
    const gone = new File(['{}'], 'verplaatst.json', { type: 'application/json' });
    gone.arrayBuffer = () => Promise.reject(new DOMException('A requested file could not be found', 'NotFoundError'));
    await userEvent.upload(fileInput(), gone);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Een bestand kon niet worden gelezen');
    expect(alert).toHaveTextContent('verplaatst.json');
    await userEvent.type(screen.getByRole('textbox', { name: /plak de tekst/ }), 'x');
    expectControlsUsable();

    // Another file can be picked right away.
    await userEvent.upload(fileInput(), new File([fileText], 'goed.json', { type: 'application/json' }));
    expect(await screen.findByRole('heading', { name: 'Wat er gebeurt als u inleest' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(await dumpAll()).toEqual(before);
  });

  it('a check that storage refuses ends with the controls back and a working "try again"', async () => {
    renderAt('/import', <ImportPage />);
    await userEvent.click(screen.getByRole('textbox', { name: /plak de tekst/ }));
    await userEvent.paste(fileText);
    refuseReads();
    await userEvent.click(screen.getByRole('button', { name: 'Tekst controleren' }));
    const alert = await expectAlert(UNAVAILABLE);
    expectControlsUsable();
    await userEvent.click(within(alert).getByRole('button', { name: 'Opnieuw proberen' }));
    expect(await screen.findByRole('heading', { name: 'Wat er gebeurt als u inleest' })).toBeInTheDocument();
  });

  it('an import that storage refuses to write changes nothing and keeps the preview to try again', async () => {
    const before = await dumpAll();
    renderAt('/import', <ImportPage />);
    await userEvent.upload(fileInput(), new File([fileText], 'goed.json', { type: 'application/json' }));
    await screen.findByRole('heading', { name: 'Wat er gebeurt als u inleest' });
    refuseWrites();
    await userEvent.click(screen.getByRole('button', { name: 'Inlezen' }));
    await expectAlert(FULL);
    expect(await dumpAll()).toEqual(before);
    expect(screen.getByRole('button', { name: 'Inlezen' })).toBeEnabled();
    await userEvent.click(screen.getByRole('button', { name: 'Inlezen' }));
    expect(await screen.findByRole('heading', { name: 'Klaar met inlezen' })).toBeInTheDocument();
    expect(await db.scans.count()).toBe(before.scans.length + 1);
  });
});
