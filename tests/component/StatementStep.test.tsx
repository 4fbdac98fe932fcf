import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createScan } from '../../src/domain/scan';
import { StatementStep } from '../../src/features/respond/StatementStep';
import { useUiStore } from '../../src/state/uiStore';

const scan = createScan({ id: 's', title: 'T', date: '2026-11-22', organisationNames: ['A', 'B'], now: new Date() });
const item = scan.instrument.items[4]!;

function renderStep(answer?: 1 | 2 | 3 | 4 | 5 | 'dk') {
  const onAnswer = vi.fn();
  const onNext = vi.fn();
  render(
    <StatementStep scan={scan} item={item} index={4} answer={answer} comment="" onAnswer={onAnswer} onComment={vi.fn()} onPrevious={vi.fn()} onNext={onNext} />,
  );
  return { onAnswer, onNext };
}

afterEach(() => useUiStore.setState(useUiStore.getInitialState()));

describe('StatementStep', () => {
  it('names the radio group by the statement and offers five labelled points plus "don\'t know"', () => {
    renderStep();
    const group = screen.getByRole('group', { name: item.text.nl });
    expect(group).toBeInTheDocument();
    const radios = screen.getAllByRole('radio');
    expect(radios.map((r) => r.getAttribute('value'))).toEqual(['1', '2', '3', '4', '5', 'dk']);
    expect(screen.getByRole('radio', { name: 'Helemaal oneens' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Weet niet / niet van toepassing' })).toBeInTheDocument();
    expect(screen.getByText('Stelling 5 van 13')).toBeInTheDocument();
  });

  it('after a touch, puts focus on the statement itself and shows no keyboard tip', () => {
    fireEvent.pointerDown(window);
    renderStep();
    expect(screen.getByRole('heading', { level: 1, name: item.text.nl })).toHaveFocus();
    expect(screen.queryByText(/pijltjestoetsen/)).not.toBeInTheDocument();
  });

  it('for a keyboard user, puts focus on the scale and shows the keyboard tip', () => {
    fireEvent.keyDown(window, { key: 'Tab' });
    renderStep();
    expect(screen.getByRole('radio', { name: 'Helemaal oneens' })).toHaveFocus();
    expect(screen.getByText(/pijltjestoetsen/)).toBeInTheDocument();
  });

  it('reports "dk" for don\'t know and goes on with Enter', async () => {
    const user = userEvent.setup();
    const { onAnswer, onNext } = renderStep();
    await user.click(screen.getByRole('radio', { name: 'Weet niet / niet van toepassing' }));
    expect(onAnswer).toHaveBeenLastCalledWith('dk');
    await user.keyboard('{Enter}');
    expect(onNext).toHaveBeenCalledTimes(1);
  });

  it('shows the given answer checked and speaks English when asked', () => {
    useUiStore.setState({ language: 'en' });
    fireEvent.keyDown(window, { key: 'ArrowDown' });
    renderStep(4);
    expect(screen.getByRole('group', { name: item.text.en })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Agree' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Agree' })).toHaveFocus();
  });

  it('offers a comment only when the scan asks for comments', () => {
    const { unmount } = render(<StatementStep scan={scan} item={item} index={4} answer={undefined} comment="" onAnswer={vi.fn()} onComment={vi.fn()} onPrevious={vi.fn()} onNext={vi.fn()} />);
    expect(screen.getByText('Toelichting toevoegen (niet verplicht)')).toBeInTheDocument();
    unmount();
    const quiet = { ...scan, settings: { ...scan.settings, askComments: false } };
    render(<StatementStep scan={quiet} item={item} index={4} answer={undefined} comment="" onAnswer={vi.fn()} onComment={vi.fn()} onPrevious={vi.fn()} onNext={vi.fn()} />);
    expect(screen.queryByText('Toelichting toevoegen (niet verplicht)')).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });
});
