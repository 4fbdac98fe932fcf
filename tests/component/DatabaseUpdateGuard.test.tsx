import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DatabaseUpdateGuard } from '../../src/app/DatabaseUpdateGuard';
import { watchConnection } from '../../src/storage/connectionWatch';
import { KetenscanDatabase } from '../../src/storage/db';
import { CURRENT_SCHEMA_VERSION } from '../../src/storage/schemaHistory';
import { useUiStore } from '../../src/state/uiStore';
import { openAtVersion } from '../fixtures/db/fixtureDatabase';

const opened: Dexie[] = [];
afterEach(async () => {
  for (const database of opened.splice(0)) database.close();
  await Dexie.delete('guard-test');
  useUiStore.setState(useUiStore.getInitialState());
});

async function openThenUpgradeElsewhere() {
  const current = new KetenscanDatabase('guard-test');
  opened.push(current);
  const watch = watchConnection(current);
  await current.open();
  const onReload = vi.fn();
  render(
    <DatabaseUpdateGuard watch={watch} onReload={onReload}>
      <p>Stelling 4 van 13</p>
    </DatabaseUpdateGuard>,
  );
  expect(screen.getByText('Stelling 4 van 13')).toBeInTheDocument();
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  const newer = openAtVersion('guard-test', CURRENT_SCHEMA_VERSION);
  newer.version(CURRENT_SCHEMA_VERSION + 1).stores({ futureTable: 'id' });
  opened.push(newer);
  await act(() => newer.open());
  return { onReload };
}

describe('DatabaseUpdateGuard', () => {
  it('replaces the page by a banner asking for a reload when another tab opens a newer schema', async () => {
    const { onReload } = await openThenUpgradeElsewhere();
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Ketenscan is bijgewerkt in een ander tabblad — laad deze pagina opnieuw');
    expect(screen.queryByText('Stelling 4 van 13')).not.toBeInTheDocument();
    const reload = screen.getByRole('button', { name: 'Opnieuw laden' });
    await userEvent.click(reload);
    expect(onReload).toHaveBeenCalledTimes(1);
  });

  it('speaks English when the app does', async () => {
    useUiStore.setState({ language: 'en' });
    await openThenUpgradeElsewhere();
    expect(screen.getByRole('heading', { name: 'Ketenscan was updated in another tab — reload this page' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
  });
});
