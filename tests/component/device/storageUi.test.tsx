import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { generateDemoScan } from '../../../src/domain/demo/generateDemoScan';
import { buildScan } from '../../fixtures/buildScan';
import type { Response } from '../../../src/domain/types';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import NewScanPage from '../../../src/features/scans/NewScanPage';
import BackupReminder from '../../../src/features/device/BackupReminder';
import PersistenceNotice from '../../../src/features/device/PersistenceNotice';
import StoragePanel from '../../../src/features/device/StoragePanel';
import { useUiStore } from '../../../src/state/uiStore';
import { LAST_BACKUP_AT } from '../../../src/storage/backupRecord';
import { db } from '../../../src/storage/db';
import { PERSISTENCE_ANSWER, PERSISTENCE_ASKED_FOR, type StorageApi } from '../../../src/storage/persistence';

const demo = generateDemoScan({ now: new Date('2026-11-22T09:00:00Z') });
const real = buildScan({ id: 'real-scan', title: 'Workshop Zuid' }, demo.scan);

function installStorage(storage: StorageApi | undefined) {
  Object.defineProperty(navigator, 'storage', { value: storage, configurable: true });
}

function fakeStorage({ persisted = false, grants = false, usage = 1_234_567, quota = 2 * 1024 ** 3 } = {}) {
  let isPersisted = persisted;
  return {
    persisted: vi.fn(async () => isPersisted),
    persist: vi.fn(async () => (isPersisted = isPersisted || grants)),
    estimate: vi.fn(async () => ({ usage, quota })),
  } satisfies StorageApi;
}

function submitted(n: number, submittedAt: string): Response {
  return { ...structuredClone(demo.responses[0]!), id: `real-${n}`, scanId: real.id, status: 'submitted', submittedAt };
}

beforeEach(async () => {
  useUiStore.setState({ language: 'nl' });
  await db.delete();
  await db.open();
  await db.scans.bulkAdd([structuredClone(demo.scan), structuredClone(real)]);
  await db.responses.bulkAdd(structuredClone(demo.responses));
});

const ORIGINAL_URL_API = { createObjectURL: URL.createObjectURL, revokeObjectURL: URL.revokeObjectURL };
afterEach(() => {
  installStorage(undefined);
  Object.assign(URL, ORIGINAL_URL_API);
});

describe('StoragePanel', () => {
  it('shows usage and quota in plain units, and that the data is kept permanently', async () => {
    installStorage(fakeStorage({ persisted: true }));
    render(<StoragePanel />);
    expect(await screen.findByText('Ketenscan gebruikt 1,2 MB van de 2 GB die deze browser beschikbaar stelt.')).toBeInTheDocument();
    expect(screen.getByText(/^Blijvend bewaard/)).toBeInTheDocument();
    expect(screen.queryByTestId('private-warning')).toBeNull();
  });

  it('says the browser may clear the data, what to do, and can ask again', async () => {
    const storage = fakeStorage({ grants: true });
    installStorage(storage);
    render(<StoragePanel />);
    expect(await screen.findByText(/^Niet blijvend bewaard.*reservekopie/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Vraag de browser om blijvende opslag' }));
    expect(storage.persist).toHaveBeenCalledTimes(1);
    expect(await screen.findByText(/^Blijvend bewaard/)).toBeInTheDocument();
  });

  it('explains a probably private window and a nearly full disk in plain words', async () => {
    installStorage(fakeStorage({ usage: 95 * 1024 ** 2, quota: 100 * 1024 ** 2 }));
    render(<StoragePanel />);
    expect(await screen.findByTestId('private-warning')).toHaveTextContent('privé- of incognitovenster: de browser geeft Ketenscan maar 100 MB. Alles wat hier wordt ingevuld, verdwijnt zodra dit venster sluit.');
    expect(screen.getByText(/De opslag is bijna vol/)).toBeInTheDocument();
  });

  it('without the storage API says it cannot tell and that backups are the answer', async () => {
    installStorage(undefined);
    render(<StoragePanel />);
    expect(await screen.findByText('Deze browser zegt niet hoeveel ruimte Ketenscan gebruikt.')).toBeInTheDocument();
    expect(screen.getByText(/kan niet toezeggen.*reservekopie/)).toBeInTheDocument();
  });
});

describe('BackupReminder', () => {
  it('says nothing while only the demo has answers', async () => {
    render(<BackupReminder />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('heading', { name: 'Maak een reservekopie' })).toBeNull();
  });

  it('reminds after a workshop, saves the backup from right there, and goes quiet', async () => {
    Object.assign(URL, { createObjectURL: () => 'blob:test', revokeObjectURL: () => {} });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await db.responses.bulkAdd([submitted(1, '2026-11-22T10:00:00Z'), submitted(2, '2026-11-22T10:02:00Z')]);
    render(<BackupReminder />);
    expect(await screen.findByRole('heading', { name: 'Maak een reservekopie' })).toBeInTheDocument();
    expect(screen.getByText(/2 deelnemers hebben de vragenlijst ingevuld, en op dit apparaat is nog geen reservekopie gemaakt/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Nu een reservekopie opslaan' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Maak een reservekopie' })).toBeNull());
    expect(screen.getByRole('status')).toHaveTextContent('is opgeslagen. Bewaar het bestand op een veilige plek.');
    expect(await db.meta.get(LAST_BACKUP_AT)).toBeDefined();

    await db.responses.add(submitted(3, new Date(Date.now() + 60_000).toISOString()));
    expect(await screen.findByText(/1 deelnemer heeft de vragenlijst ingevuld sinds de laatste reservekopie \(/)).toBeInTheDocument();
  });

  it('on a scan page counts that scan only', async () => {
    await db.responses.add(submitted(1, '2026-11-22T10:00:00Z'));
    render(<BackupReminder scanId={demo.scan.id} />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('heading', { name: 'Maak een reservekopie' })).toBeNull();
  });
});

describe('asking for persistent storage', () => {
  it('creating the first real scan asks the browser once and keeps the answer for its page', async () => {
    await db.scans.delete(real.id);
    const storage = fakeStorage({ grants: true });
    installStorage(storage);
    const location = memoryLocation({ path: '/scans/new', record: true });
    render(
      <Router hook={location.hook}>
        <NewScanPage />
      </Router>,
    );
    await userEvent.type(screen.getByRole('textbox', { name: /Titel/ }), 'Workshop Noord');
    await userEvent.click(screen.getByRole('button', { name: 'Scan aanmaken' }));
    await waitFor(() => expect(location.history.at(-1)).not.toBe('/scans/new'));
    const created = (await db.scans.toArray()).find((s) => s.title === 'Workshop Noord')!;
    expect(location.history.at(-1)).toBe(`/scans/${created.id}`);
    expect(storage.persist).toHaveBeenCalledTimes(1);
    expect((await db.meta.get(PERSISTENCE_ANSWER))?.value).toBe('persisted');
    expect((await db.meta.get(PERSISTENCE_ASKED_FOR))?.value).toBe(created.id);
  });
});

describe('PersistenceNotice', () => {
  it('shows the browser’s answer on the page of the scan that asked, until it is read', async () => {
    await db.meta.bulkPut([
      { key: PERSISTENCE_ANSWER, value: 'best-effort' },
      { key: PERSISTENCE_ASKED_FOR, value: real.id },
    ]);
    const { rerender } = render(<PersistenceNotice scanId={demo.scan.id} />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByText(/heeft niet toegezegd/)).toBeNull();
    rerender(<PersistenceNotice scanId={real.id} />);
    expect(await screen.findByText(/maar heeft niet toegezegd ze te houden/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Begrepen' }));
    await waitFor(() => expect(screen.queryByText(/heeft niet toegezegd/)).toBeNull());
    expect((await db.meta.get(PERSISTENCE_ANSWER))?.value).toBe('best-effort');
  });
});
