import { render, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { generateDemoScan } from '../../../src/domain/demo/generateDemoScan';
import { buildScan } from '../../fixtures/buildScan';
import ScanListPage from '../../../src/features/scans/ScanListPage';
import { useUiStore } from '../../../src/state/uiStore';
import { LAST_BACKUP_AT } from '../../../src/storage/backupRecord';
import { db } from '../../../src/storage/db';
import { seedDatabase } from '../seedDatabase';
import { reloadPage } from '../../../src/ui/failures/reloadPage';

// jsdom cannot load a page afresh; the stand-in counts the reloads a part asks for.
vi.mock('../../../src/ui/failures/reloadPage', () => ({ reloadPage: vi.fn() }));

// A part of a director's page that reads on its own (here the backup reminder) and fails says so
// in its place; the page and its other parts stay (docs/failures-and-storage.md).

const { scan, responses } = generateDemoScan({ now: new Date('2026-11-22T09:00:00.000Z') });
const PART_FAILED = 'De herinnering aan een reservekopie kon niet worden geladen; de rest van de pagina werkt gewoon.';

beforeEach(async () => {
  vi.mocked(reloadPage).mockClear();
  useUiStore.setState({ language: 'nl' });
  // Not a demo: its answers were never saved, so the reminder has something to say.
  await seedDatabase(buildScan({}, scan), responses);
});

describe('a part of the scan list that cannot read', () => {
  it('says so in its place, keeps the list and the backup, and comes back on "try again"', async () => {
    // The reminder's own read fails, once; other parts read the same table in whatever order they load.
    const get = db.meta.get.bind(db.meta);
    let refused = false;
    vi.spyOn(db.meta, 'get').mockImplementation(((key: string) => {
      if (refused || key !== LAST_BACKUP_AT) return get(key);
      refused = true;
      return Promise.reject(new DOMException('refused by the test', 'UnknownError'));
    }) as typeof db.meta.get);
    const location = memoryLocation({ path: '/', record: true });
    render(
      <Router hook={location.hook}>
        <ScanListPage />
      </Router>,
    );

    const failure = (await screen.findByText(new RegExp(PART_FAILED))).closest('div')!;
    expect(failure).toHaveTextContent('UnknownError: refused by the test');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('heading', { level: 1 })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: scan.title })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Reservekopie van alle scans' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Maak een reservekopie' })).toBeNull();

    await userEvent.click(within(failure).getByRole('button', { name: 'Opnieuw proberen' }));
    expect(await screen.findByRole('heading', { name: 'Maak een reservekopie' })).toBeInTheDocument();
    expect(screen.queryByText(new RegExp(PART_FAILED))).toBeNull();
  });
});

describe('a part whose code cannot be fetched', () => {
  it('says so in its place, and "try again" fetches it again instead of repeating the old failure', async () => {
    const { preloadablePart, PagePart } = await import('../../../src/ui/failures');
    let attempts = 0;
    let online = false;
    const Part = preloadablePart<object>((): Promise<{ default: () => ReactElement }> => {
      attempts++;
      if (!online) return Promise.reject(new TypeError('Failed to fetch dynamically imported module (by the test)'));
      return Promise.resolve({ default: () => <p>the part, loaded</p> });
    });
    await Part.preload().catch(() => undefined);
    expect(attempts).toBe(1);
    render(
      <PagePart name="Het onderdeel">
        <Part />
      </PagePart>,
    );
    // The page's own render tries once more (a lazy of its own), fails, and the part says so.
    const failure = await screen.findByText(/Het onderdeel kon niet worden geladen/);
    const failed = attempts;
    online = true;
    await userEvent.click(within(failure.closest('[data-failure="part"]') as HTMLElement).getByRole('button', { name: 'Opnieuw proberen' }));
    expect(await screen.findByText('the part, loaded')).toBeTruthy();
    expect(attempts).toBe(failed + 1);
    expect(reloadPage).not.toHaveBeenCalled();
  });

  it('loads the page afresh when the fresh fetch fails too: the browser keeps the failed module for the life of the page', async () => {
    const { preloadablePart, PagePart } = await import('../../../src/ui/failures');
    let attempts = 0;
    const Part = preloadablePart<object>((): Promise<{ default: () => ReactElement }> => {
      attempts++;
      return Promise.reject(new TypeError('Failed to fetch dynamically imported module (by the test)'));
    });
    render(
      <PagePart name="Het onderdeel">
        <Part />
      </PagePart>,
    );
    const failure = await screen.findByText(/Het onderdeel kon niet worden geladen/);
    // Failing by itself, before anyone asked to try again, reloads nothing.
    expect(reloadPage).not.toHaveBeenCalled();
    const failed = attempts;
    await userEvent.click(within(failure.closest('[data-failure="part"]') as HTMLElement).getByRole('button', { name: 'Opnieuw proberen' }));
    await vi.waitFor(() => expect(reloadPage).toHaveBeenCalledTimes(1));
    expect(attempts).toBe(failed + 1);
  });
});
