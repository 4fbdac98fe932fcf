import { render, screen } from '@testing-library/react';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { StorageGate } from '../../src/app/StorageGate';
import { db } from '../../src/storage/db';
import { CURRENT_SCHEMA_VERSION } from '../../src/storage/schemaHistory';
import { openAtVersion } from '../fixtures/db/fixtureDatabase';

afterEach(async () => {
  db.close();
  await Dexie.delete('ketenscan');
});

describe('StorageGate', () => {
  it('refuses a database written by a newer build with a plain message, and shows nothing of the app', async () => {
    const newer = openAtVersion('ketenscan', CURRENT_SCHEMA_VERSION);
    newer.version(CURRENT_SCHEMA_VERSION + 1).stores({ futureTable: 'id' });
    await newer.open();
    await newer.table('meta').put({ key: 'demoSeeded', value: true });
    newer.close();

    render(
      <StorageGate>
        <p>De app</p>
      </StorageGate>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Op dit apparaat is een nieuwere versie van Ketenscan gebruikt. Laad de pagina opnieuw om die versie te krijgen.');
    expect(alert).toHaveTextContent(`schema version ${CURRENT_SCHEMA_VERSION + 1}`);
    expect(screen.queryByText('De app')).not.toBeInTheDocument();
  });
});
