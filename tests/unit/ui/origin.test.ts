import { describe, expect, it, vi } from 'vitest';
import { copyFieldText, type CopyEnvironment } from '../../../src/ui/origin/copyText';
import { CAPABILITIES, whyOff, type PageEnvironment } from '../../../src/ui/origin/origin';
import { originMessages } from '../../../src/ui/origin/originMessages';

// What is off at a page's address, and what a copy button does there (docs/origins.md).

/** Chromium on https or at 127.0.0.1: all four capabilities present. */
const secure: PageEnvironment = {
  isSecureContext: true,
  navigator: {
    serviceWorker: {} as ServiceWorkerContainer,
    mediaDevices: { getUserMedia: async () => new MediaStream() } as unknown as MediaDevices,
    storage: { persist: async () => true } as unknown as StorageManager,
    clipboard: { writeText: async () => undefined } as unknown as Clipboard,
  },
};
/** Chromium on plain http at a network name: the secure-context APIs are simply absent. */
const roomHttp: PageEnvironment = { isSecureContext: false, navigator: {} };

describe('whyOff', () => {
  it('nothing is off on a secure page that has every capability', () => {
    for (const capability of CAPABILITIES) expect(whyOff(capability, secure), capability).toBeNull();
  });

  it('everything is off on plain http, because of the address', () => {
    expect(CAPABILITIES).toEqual(['offline', 'camera', 'persistence', 'clipboard']);
    for (const capability of CAPABILITIES) expect(whyOff(capability, roomHttp), capability).toBe('insecure');
  });

  it('the address decides even when a browser exposes the API on http', () => {
    expect(whyOff('clipboard', { ...secure, isSecureContext: false })).toBe('insecure');
  });

  it('a secure page whose browser lacks one capability: only that one is off, as missing', () => {
    const noCamera: PageEnvironment = { ...secure, navigator: { ...secure.navigator, mediaDevices: undefined } };
    expect(whyOff('camera', noCamera)).toBe('missing');
    expect(whyOff('clipboard', noCamera)).toBeNull();
  });

  it('a browser that does not say whether it is secure: each capability is looked for', () => {
    expect(whyOff('offline', { ...secure, isSecureContext: undefined })).toBeNull();
    expect(whyOff('offline', { isSecureContext: undefined, navigator: {} })).toBe('missing');
  });

  it('each capability has its words in both languages: in place (camera, storage) or in the list (the rest); the http ones say http', () => {
    for (const table of [originMessages.nl, originMessages.en] as Record<string, string>[]) {
      for (const capability of ['camera', 'persistence']) {
        expect(table[`${capability}_insecure`], capability).toMatch(/http/);
        expect(table[`${capability}_missing`], capability).toBeTruthy();
      }
      for (const capability of ['offline', 'camera', 'clipboard']) expect(table[`${capability}_item`], capability).toBeTruthy();
      expect(table.noticeIntro_insecure).toMatch(/http/);
    }
  });
});

function linkField(value = 'http://room.test:4173/#/s/abc'): HTMLInputElement {
  const input = document.createElement('input');
  input.readOnly = true;
  input.value = value;
  document.body.append(input);
  return input;
}

const selectedText = (input: HTMLInputElement) => input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0);

describe('copyFieldText', () => {
  it('writes through the async clipboard where it exists', async () => {
    const writeText = vi.fn(async () => undefined);
    const copyCommand = vi.fn(() => true);
    expect(await copyFieldText(linkField(), { clipboard: { writeText }, copyCommand })).toBe('copied');
    expect(writeText).toHaveBeenCalledWith('http://room.test:4173/#/s/abc');
    expect(copyCommand).not.toHaveBeenCalled();
  });

  it('without the async clipboard (plain http): the copy command, when it reports success', async () => {
    const input = linkField();
    const env: CopyEnvironment = { copyCommand: vi.fn(() => selectedText(input) === input.value) };
    expect(await copyFieldText(input, env)).toBe('copied');
    expect(env.copyCommand).toHaveBeenCalledOnce();
  });

  it('when the copy command reports failure, the text is left selected and the outcome says so', async () => {
    const input = linkField();
    expect(await copyFieldText(input, { copyCommand: () => false })).toBe('selected');
    expect(selectedText(input)).toBe(input.value);
    expect(document.activeElement).toBe(input);
  });

  it('a copy command that throws is a failure too', async () => {
    const input = linkField();
    const outcome = await copyFieldText(input, {
      copyCommand: () => {
        throw new Error('not allowed');
      },
    });
    expect(outcome).toBe('selected');
    expect(selectedText(input)).toBe(input.value);
  });

  it('an async clipboard that refuses falls back to the copy command', async () => {
    const input = linkField();
    const copyCommand = vi.fn(() => false);
    expect(await copyFieldText(input, { clipboard: { writeText: async () => Promise.reject(new DOMException('denied', 'NotAllowedError')) }, copyCommand })).toBe('selected');
    expect(copyCommand).toHaveBeenCalledOnce();
  });
});
