import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { AnalysisFilters } from '../../../src/domain/analysis';
import { createScan } from '../../../src/domain/scan';
import { ResultsFilters } from '../../../src/features/results/ResultsFilters';

const scan = createScan({ id: 's', title: 'T', date: '2026-11-22', organisationNames: ['Politie', 'Gemeente', 'Parlan'], now: new Date() });

function Filters() {
  const [filters, setFilters] = useState<AnalysisFilters>({});
  return <ResultsFilters scan={scan} filters={filters} onChange={setFilters} />;
}

describe('ResultsFilters', () => {
  it('stays open when the last filter is cleared, with the focus still in the panel', async () => {
    const user = userEvent.setup();
    const { container } = render(<Filters />);
    const details = container.querySelector('details')!;
    expect(details.open).toBe(false);
    await user.click(screen.getByText('Filters'));
    expect(details.open).toBe(true);

    await user.click(screen.getByRole('checkbox', { name: 'Parlan' }));
    await user.click(screen.getByRole('button', { name: 'Filters wissen' }));
    expect(screen.getByRole('checkbox', { name: 'Parlan' })).toBeChecked();
    expect(screen.queryByRole('button', { name: 'Filters wissen' })).toBeNull();
    expect(details.open).toBe(true);
    expect(document.activeElement).toBe(container.querySelector('summary'));

    // Closing stays the director's own choice.
    await user.click(screen.getByText('Filters'));
    expect(details.open).toBe(false);
  });
});
