import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useAction } from '../../../src/ui/failures';
import { useUiStore } from '../../../src/state/uiStore';

function Harness({ action, onResult }: { action: () => Promise<unknown>; onResult?: (ok: boolean) => void }) {
  const { run, pending, failure, alert } = useAction();
  return (
    <div>
      <button type="button" onClick={() => void run(action).then(onResult)}>
        Doe het
      </button>
      <span data-testid="pending">{String(pending)}</span>
      <span data-testid="failure">{failure ?? 'none'}</span>
      {alert}
    </div>
  );
}

beforeEach(() => useUiStore.setState({ language: 'nl' }));

describe('useAction', () => {
  it('shows a rejected action as a translated alert, with its kind and the technical line', async () => {
    const onResult = vi.fn();
    render(<Harness action={() => Promise.reject(new DOMException('disk full', 'QuotaExceededError'))} onResult={onResult} />);
    expect(screen.queryByRole('alert')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Doe het' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('De opslag van deze browser is vol');
    expect(alert).toHaveTextContent('Technische melding: QuotaExceededError: disk full');
    expect(screen.getByTestId('failure')).toHaveTextContent('storage-full');
    expect(onResult).toHaveBeenCalledWith(false);
  });

  it('is in English when the app is', async () => {
    useUiStore.setState({ language: 'en' });
    render(<Harness action={() => Promise.reject(new TypeError('boom'))} />);
    await userEvent.click(screen.getByRole('button', { name: 'Doe het' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong; this action was not carried out.');
  });

  it('is pending while the action runs and resolves true on success, without an alert', async () => {
    let finish = () => {};
    const onResult = vi.fn();
    render(<Harness action={() => new Promise<void>((resolve) => (finish = resolve))} onResult={onResult} />);
    await userEvent.click(screen.getByRole('button', { name: 'Doe het' }));
    expect(screen.getByTestId('pending')).toHaveTextContent('true');
    await act(async () => finish());
    expect(screen.getByTestId('pending')).toHaveTextContent('false');
    expect(onResult).toHaveBeenCalledWith(true);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('can be dismissed, and "try again" runs the same action again', async () => {
    const action = vi.fn().mockRejectedValueOnce(new TypeError('first')).mockRejectedValueOnce(new TypeError('second')).mockResolvedValue(undefined);
    render(<Harness action={action} />);
    await userEvent.click(screen.getByRole('button', { name: 'Doe het' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Melding sluiten' }));
    expect(screen.queryByRole('alert')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Doe het' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Opnieuw proberen' }));
    expect(action).toHaveBeenCalledTimes(3);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('offers a reload, not a retry, when the database was closed by another tab', async () => {
    render(<Harness action={() => Promise.reject(Object.assign(new Error('closed'), { name: 'DatabaseClosedError' }))} />);
    await userEvent.click(screen.getByRole('button', { name: 'Doe het' }));
    expect(await screen.findByRole('button', { name: 'Pagina opnieuw laden' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Opnieuw proberen' })).toBeNull();
  });
});
