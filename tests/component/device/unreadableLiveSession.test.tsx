import { render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { generateDemoScan } from '../../../src/domain/demo/generateDemoScan';
import ScanListPage from '../../../src/features/scans/ScanListPage';
import { useUiStore } from '../../../src/state/uiStore';
import { db } from '../../../src/storage/db';
import { liveSessionKey } from '../../../src/storage/liveSessions';
import { rebuildTallies } from '../../../src/storage/tallyCheck';
import { seedDatabase } from '../seedDatabase';

// A damaged live-session record is reported on the scan list like any other record set aside
// (docs/storage-and-migrations.md "Corrupt rows"); the scans themselves list as before.

const demo = generateDemoScan({ now: new Date('2026-11-22T09:00:00.000Z') });

function renderList() {
  const location = memoryLocation({ path: '/', record: true });
  render(
    <Router hook={location.hook}>
      <Suspense fallback={null}>
        <ScanListPage />
      </Suspense>
    </Router>,
  );
}

beforeEach(async () => {
  useUiStore.setState({ language: 'nl' });
  await seedDatabase(demo.scan, demo.responses);
  // Seeded around the repositories: the tally is counted as "check the data" repairs it.
  await rebuildTallies([demo.scan.id]);
  await db.meta.put({ key: 'demoSeeded', value: true });
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('the scan list and live-session records', () => {
  it('says nothing when every live-session record reads', async () => {
    await db.meta.put({ key: liveSessionKey(demo.scan.id), value: JSON.stringify({ scanId: demo.scan.id, sessionId: 's', key: 'k', secret: 'x', relayUrl: 'ws://r', startedAt: '2026-11-22T09:00:00.000Z', closedAt: null }) });
    renderList();
    await screen.findByRole('link', { name: demo.scan.title });
    expect(screen.queryByText(/apart gezet/)).toBeNull();
  });

  it('counts a damaged one among the records set aside', async () => {
    await db.meta.put({ key: liveSessionKey(demo.scan.id), value: '{"scanId":' });
    renderList();
    await screen.findByRole('link', { name: demo.scan.title });
    expect(await screen.findByText('1 record kon niet worden gelezen en is apart gezet.')).toBeInTheDocument();
  });
});
