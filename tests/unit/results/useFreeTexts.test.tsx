import { render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { analyseScanProtected } from '../../../src/domain/analysis';
import { generateDemoScan } from '../../../src/domain/demo/generateDemoScan';
import { ALL_EXTRAS } from '../../../src/domain/extras';
import { db } from '../../../src/storage/db';
import * as pages from '../../../src/storage/submittedPages';
import { useFreeTexts } from '../../../src/features/results/useScanResults';

// Texts are read only when a text is shown or asked for (the presenter before the results are
// revealed reads none), and then page by page (docs/scale.md "What people wrote").

const demo = generateDemoScan({ now: new Date('2026-11-22T09:00:00.000Z') });
const responses = demo.responses.map((r, i) => (r.status === 'submitted' && i % 2 === 0 ? { ...r, improvement: `Punt ${i}` } : r));
const analysis = analyseScanProtected({ instrument: demo.scan.instrument, organisations: demo.scan.organisations, responses, settings: demo.scan.settings });

function Probe({ enabled }: { enabled: boolean }) {
  const texts = useFreeTexts(demo.scan.id, analysis, ALL_EXTRAS, enabled);
  return <p data-testid="probe">{texts === null ? 'none' : `${texts.improvements.length}`}</p>;
}

beforeEach(async () => {
  await db.delete();
  await db.open();
  await db.scans.add(demo.scan);
  await db.responses.bulkAdd(responses);
});

describe('useFreeTexts', () => {
  it('reads nothing while not enabled', async () => {
    const read = vi.spyOn(pages, 'readSubmittedInPages');
    render(<Probe enabled={false} />);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(screen.getByTestId('probe').textContent).toBe('none');
    expect(read).not.toHaveBeenCalled();
    read.mockRestore();
  });

  it('reads the texts page by page once enabled', async () => {
    const read = vi.spyOn(pages, 'readSubmittedInPages');
    const expected = responses.filter((r) => r.status === 'submitted' && r.improvement !== '').length;
    render(<Probe enabled />);
    await waitFor(() => expect(screen.getByTestId('probe').textContent).toBe(String(expected)));
    expect(read).toHaveBeenCalledWith(demo.scan.id, expect.any(Function));
    read.mockRestore();
  });
});
