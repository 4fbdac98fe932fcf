import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { createScan } from '../../../src/domain/scan';
import { SETTINGS_LIMITS } from '../../../src/domain/settingsLimits';
import NewScanPage from '../../../src/features/scans/NewScanPage';
import { ScanSetupPanel } from '../../../src/features/scans/manage/ScanSetupPanel';
import { useUiStore } from '../../../src/state/uiStore';

afterEach(() => useUiStore.setState(useUiStore.getInitialState()));

const scan = createScan({ id: 'scan-1', title: 'Workshop', date: '2026-12-08', organisationNames: ['Politie', 'Parlan'], settings: { minGroupSize: 3, gapThreshold: 1 }, now: new Date('2026-12-08T10:00:00Z') });

function renderNewScan() {
  const location = memoryLocation({ path: '/scans/new', record: true });
  render(
    <Router hook={location.hook}>
      <NewScanPage />
    </Router>,
  );
}

// Both forms show a scan's settings through one component (src/features/scans/ScanSettingsFields.tsx).
describe('the settings of a scan, in the new-scan form and in the set-up', () => {
  it.each([
    ['the new-scan form', renderNewScan],
    ['the set-up of a scan', () => render(<ScanSetupPanel scan={scan} />)],
  ])('%s bounds the minimum group size by SETTINGS_LIMITS and explains both numbers', (_name, show) => {
    show();
    const minGroupSize = screen.getByLabelText(/Minimale groepsgrootte/);
    expect(minGroupSize).toHaveAttribute('min', String(SETTINGS_LIMITS.minGroupSize.min));
    expect(minGroupSize).toHaveAttribute('max', String(SETTINGS_LIMITS.minGroupSize.max));
    expect(minGroupSize.closest('label')).toHaveTextContent('Een organisatie met minder deelnemers wordt nooit apart getoond (anonimiteit).');
    expect(screen.getByLabelText(/Drempel voor een bespreekpunt/).closest('label')).toHaveTextContent('Een stelling is een bespreekpunt als de gemiddelden van de partners minstens zoveel punten uiteenlopen.');
    const extras = screen.getByRole('group', { name: 'Wat deelnemers naast de stellingen mogen invullen' });
    expect(within(extras).getAllByRole('checkbox')).toHaveLength(3);
    expect(screen.getByLabelText(/Vraag deelnemers naar hun niveau/)).toBeInTheDocument();
  });

  it('writes a refused setting of an existing scan under its field too, tied to it for a screen reader', async () => {
    const user = userEvent.setup();
    render(<ScanSetupPanel scan={scan} />);
    const gap = screen.getByLabelText(/Drempel voor een bespreekpunt/);
    expect(gap).toHaveValue('1');
    await user.clear(gap);
    await user.type(gap, '5');
    await user.click(screen.getByRole('button', { name: 'Opzet opslaan' }));

    const text = `De drempel voor een bespreekpunt is groter dan ${SETTINGS_LIMITS.gapThreshold.above} en hoogstens ${SETTINGS_LIMITS.gapThreshold.max}.`;
    expect(screen.getByRole('alert')).toHaveTextContent(text);
    expect(gap).toHaveAttribute('aria-invalid', 'true');
    expect(gap).toHaveAccessibleDescription(text);
    expect(screen.getByLabelText(/Minimale groepsgrootte/)).toHaveAttribute('aria-invalid', 'false');
  });

  it('keeps the set-up\'s own fields: open for answers and the start language', () => {
    render(<ScanSetupPanel scan={scan} />);
    expect(screen.getByLabelText('Open: deelnemers kunnen de scan invullen')).toBeChecked();
    expect(screen.getByLabelText('Taal waarin deelnemers beginnen')).toHaveValue('nl');
  });
});
