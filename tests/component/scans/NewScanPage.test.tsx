import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import NewScanPage from '../../../src/features/scans/NewScanPage';
import { useUiStore } from '../../../src/state/uiStore';

afterEach(() => useUiStore.setState(useUiStore.getInitialState()));

function renderForm() {
  const location = memoryLocation({ path: '/scans/new', record: true });
  render(
    <Router hook={location.hook}>
      <NewScanPage />
    </Router>,
  );
}

describe('NewScanPage', () => {
  it('takes an error away as soon as it is fixed, and shows new ones only on the next press', async () => {
    const user = userEvent.setup();
    renderForm();
    const minGroupSize = screen.getByLabelText(/Minimale groepsgrootte/);
    await user.clear(minGroupSize);
    await user.type(minGroupSize, '60');
    await user.click(screen.getByRole('button', { name: 'Scan aanmaken' }));

    const title = screen.getByLabelText(/Titel/);
    expect(screen.getByRole('alert')).toHaveTextContent('Geef de scan een titel.');
    // The bounds come from one place (src/domain/settingsLimits.ts).
    expect(screen.getByRole('alert')).toHaveTextContent('De minimale groepsgrootte is een heel getal van 1 tot en met 50.');
    expect(title).toHaveAttribute('aria-invalid', 'true');

    await user.type(title, 'Workshop Noord');
    expect(title).toHaveAttribute('aria-invalid', 'false');
    expect(screen.getByRole('alert')).not.toHaveTextContent('Geef de scan een titel.');
    expect(screen.getByRole('alert')).toHaveTextContent('De minimale groepsgrootte');

    await user.clear(minGroupSize);
    await user.type(minGroupSize, '3');
    expect(screen.queryByRole('alert')).toBeNull();

    // Emptying the title again does not show an error until the next press.
    await user.clear(title);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(title).toHaveAttribute('aria-invalid', 'false');
  });
});
