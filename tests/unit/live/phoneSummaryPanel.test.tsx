import { render, screen, within } from '@testing-library/react';
import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PhoneSummaryV1 } from '../../../src/domain/agreements/phoneSummary';
import { DEFAULT_INSTRUMENT } from '../../../src/domain/instrument/defaultInstrument';
import PhoneSummaryPanel from '../../../src/features/live/PhoneSummaryPanel';
import { useUiStore } from '../../../src/state/uiStore';
import { db } from '../../../src/storage/db';
import { addScan } from '../../../src/storage/scanRepository';
import { buildScan } from '../../fixtures/buildScan';

// The results on a joined phone (docs/live-sessions.md "The results on the phones"), in the
// phone's language: statement texts from the scan it holds, figures and agreements from the summary.

const scan = buildScan({ id: 'scan-phone', instrument: DEFAULT_INSTRUMENT, organisations: [{ id: 'pol', name: 'Politie' }, { id: 'gem', name: 'Gemeente' }] });
const [first, second, third] = DEFAULT_INSTRUMENT.items;

const summary: PhoneSummaryV1 = {
  v: 1,
  thermometer: { value: 3.45, band: 'attention' },
  thermostat: { value: 4.1, band: 'strong' },
  statements: [
    { itemId: first!.id, kind: first!.kind, chainMean: 2.5, band: 'concern', gapClass: 'discussionPoint', gap: 1.5, high: [{ name: 'Politie' }], low: [{ pooled: true }] },
    { itemId: second!.id, kind: second!.kind, chainMean: 3.8, band: 'attention', gapClass: 'uncertainDifference', gap: 1, high: [{ name: 'Gemeente' }], low: [{ name: 'Politie' }] },
    { itemId: third!.id, kind: third!.kind, chainMean: null, band: null, gapClass: 'none', gap: null, high: [], low: [] },
  ],
  agreements: [{ itemId: first!.id, what: 'Eén overleg per gezin', partners: ['Politie', 'Gemeente'], due: '2027-03-01', votes: 4 }],
  omittedAgreements: 2,
};

beforeEach(async () => {
  await db.delete();
  await db.open();
  await addScan(structuredClone(scan));
});

function show(language: 'nl' | 'en', value: PhoneSummaryV1 | null = summary) {
  act(() => useUiStore.setState({ language }));
  return render(<PhoneSummaryPanel scanId={scan.id} summary={value} />);
}

describe('the results panel on a phone', () => {
  it('reads in Dutch: indexes and bands in words, the large gaps with who is high and low, the agreements, every statement', async () => {
    show('nl');
    const panel = screen.getByTestId('phone-summary');
    expect(within(panel).getByRole('heading', { level: 2 })).toHaveTextContent('Uitslag');
    expect(screen.getByTestId('phone-summary-thermometer')).toHaveTextContent('3,45, aandacht');
    expect(screen.getByTestId('phone-summary-thermostat')).toHaveTextContent('4,10, sterk');
    // The statement's text comes from the stored scan, in the phone's language.
    expect((await within(panel).findAllByText(`1. ${first!.text.nl}`)).length).toBeGreaterThan(0);
    expect(panel).toHaveTextContent('Bespreekpunt: groot verschil, zelden toeval');
    expect(panel).toHaveTextContent('Verschil 1,50: hoogst Politie, laagst Overige partners');
    expect(panel).toHaveTextContent('Groot verschil, maar het kan toeval zijn');
    const agreement = screen.getByTestId('phone-summary-agreement');
    expect(agreement).toHaveTextContent('Eén overleg per gezin');
    expect(agreement).toHaveTextContent('Wie: Politie en Gemeente');
    expect(agreement).toHaveTextContent('Uiterlijk: 1 maart 2027');
    expect(agreement).toHaveTextContent('4 stemmen');
    expect(panel).toHaveTextContent('2 afspraken passen niet op de telefoon');
    expect(screen.getAllByTestId('phone-summary-figures').map((e) => e.textContent)).toEqual([
      'Gemiddeld in de keten 2,50, zorg',
      'Gemiddeld in de keten 3,80, aandacht',
      'nog geen cijfer',
    ]);
  });

  it('reads in English', async () => {
    show('en');
    const panel = screen.getByTestId('phone-summary');
    expect(within(panel).getByRole('heading', { level: 2 })).toHaveTextContent('Results');
    expect(screen.getByTestId('phone-summary-thermometer')).toHaveTextContent('3.45, attention');
    expect((await within(panel).findAllByText(`1. ${first!.text.en}`)).length).toBeGreaterThan(0);
    expect(panel).toHaveTextContent('Difference 1.50: highest Politie, lowest Other partners');
    const agreement = screen.getByTestId('phone-summary-agreement');
    expect(agreement).toHaveTextContent('Who: Politie and Gemeente');
    expect(agreement).toHaveTextContent('By: 1 March 2027');
    expect(agreement).toHaveTextContent('4 votes');
    expect(screen.getAllByTestId('phone-summary-figures')[0]).toHaveTextContent('Chain average 2.50, concern');
  });

  it('says when the results are there but cannot be read, and shows no figure', () => {
    show('nl', null);
    const panel = screen.getByTestId('phone-summary');
    expect(panel).toHaveTextContent('kan op deze telefoon niet worden gelezen');
    expect(screen.queryByTestId('phone-summary-thermometer')).toBeNull();
  });
});
