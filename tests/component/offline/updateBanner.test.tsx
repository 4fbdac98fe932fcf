import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerServiceWorker, type ServiceWorkerControl } from '../../../src/app/offline/registerServiceWorker';
import { isQuestionnaireRoute, useUpdateStore } from '../../../src/app/offline/updateStore';
import { useUiStore } from '../../../src/state/uiStore';

/** A stand-in for workbox-window: the test decides when a new version is waiting. */
function fakeWorkbox() {
  const listeners: (() => void)[] = [];
  return {
    control: {
      addEventListener: (_type: 'waiting', listener: () => void) => listeners.push(listener),
      register: vi.fn(async () => undefined),
      update: vi.fn(async () => undefined),
      messageSkipWaiting: vi.fn(),
    } satisfies ServiceWorkerControl,
    announceWaiting: () => act(() => listeners.forEach((listener) => listener())),
  };
}

function fakeContainer() {
  const target = new EventTarget();
  return {
    container: { addEventListener: target.addEventListener.bind(target) } as Pick<ServiceWorkerContainer, 'addEventListener'>,
    changeController: () => target.dispatchEvent(new Event('controllerchange')),
  };
}

function goTo(hash: string) {
  act(() => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

const bannerText = () => screen.queryByText('Er staat een nieuwe versie van Ketenscan klaar.');

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  useUpdateStore.setState(useUpdateStore.getInitialState());
  useUiStore.setState({ language: 'nl' });
  window.location.hash = '#/';
});

afterEach(() => {
  document.querySelectorAll('.update-banner-host').forEach((host) => host.remove());
  vi.useRealTimers();
});

describe('isQuestionnaireRoute', () => {
  it('is true on the participant routes only', () => {
    expect(isQuestionnaireRoute('#/s/3f0c')).toBe(true);
    expect(isQuestionnaireRoute('#/s/3f0c/thanks')).toBe(true);
    expect(isQuestionnaireRoute('#/')).toBe(false);
    expect(isQuestionnaireRoute('#/scans/3f0c')).toBe(false);
    expect(isQuestionnaireRoute('#/scans/3f0c/present')).toBe(false);
    expect(isQuestionnaireRoute('')).toBe(false);
  });
});

describe('the update banner', () => {
  it('shows nothing until a new version waits', async () => {
    const { control } = fakeWorkbox();
    await act(() => registerServiceWorker(control, fakeContainer().container, vi.fn()));
    expect(control.register).toHaveBeenCalledOnce();
    expect(screen.getByRole('status', { hidden: true })).toBeEmptyDOMElement();
    expect(bannerText()).toBeNull();
  });

  it('waits while a questionnaire is open, then offers the update, and hides again inside a questionnaire', async () => {
    const { control, announceWaiting } = fakeWorkbox();
    goTo('#/s/3f0c');
    await act(() => registerServiceWorker(control, fakeContainer().container, vi.fn()));
    announceWaiting();
    expect(bannerText()).toBeNull();
    goTo('#/s/3f0c/thanks');
    expect(bannerText()).toBeNull();
    goTo('#/');
    expect(screen.getByRole('status')).toHaveTextContent('Er staat een nieuwe versie van Ketenscan klaar.');
    expect(screen.getByRole('button', { name: 'Nu herladen' })).toBeVisible();
    goTo('#/s/3f0c');
    expect(bannerText()).toBeNull();
  });

  it('reloads only after the user asks, once the new version controls the page', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const { control, announceWaiting } = fakeWorkbox();
    const { container, changeController } = fakeContainer();
    const reload = vi.fn();
    await act(() => registerServiceWorker(control, container, reload));
    // The first install takes control too: that is no reason to reload.
    changeController();
    announceWaiting();
    expect(reload).not.toHaveBeenCalled();
    expect(control.messageSkipWaiting).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Nu herladen' }));
    expect(control.messageSkipWaiting).toHaveBeenCalledOnce();
    expect(reload).not.toHaveBeenCalled();
    changeController();
    expect(reload).toHaveBeenCalledOnce();
  });

  it('"Later" puts it away, and it speaks the chosen language', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const { control, announceWaiting } = fakeWorkbox();
    await act(() => registerServiceWorker(control, fakeContainer().container, vi.fn()));
    announceWaiting();
    act(() => useUiStore.setState({ language: 'en' }));
    expect(screen.getByRole('status')).toHaveTextContent('A new version of Ketenscan is ready.');
    await user.click(screen.getByRole('button', { name: 'Later' }));
    expect(screen.getByRole('status', { hidden: true })).toBeEmptyDOMElement();
  });

  it('asks for a new version every hour while online', async () => {
    const { control } = fakeWorkbox();
    await act(() => registerServiceWorker(control, fakeContainer().container, vi.fn()));
    expect(control.update).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60 * 60 * 1000);
    expect(control.update).toHaveBeenCalledOnce();
  });
});
