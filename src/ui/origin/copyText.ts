// Copying a field's text where the async clipboard is missing (plain http, docs/origins.md):
// the browser's older copy command, whose result is checked, and failing that the text is left
// selected so the person can copy it. The caller says which of the two happened.

export type CopyOutcome = 'copied' | 'selected';

export interface CopyEnvironment {
  clipboard?: Pick<Clipboard, 'writeText'>;
  /** document.execCommand('copy'): true only when the browser really copied. */
  copyCommand: () => boolean;
}

export function browserCopyEnvironment(): CopyEnvironment {
  return { clipboard: navigator.clipboard, copyCommand: () => document.execCommand('copy') };
}

export async function copyFieldText(field: HTMLInputElement | HTMLTextAreaElement, env: CopyEnvironment = browserCopyEnvironment()): Promise<CopyOutcome> {
  if (typeof env.clipboard?.writeText === 'function') {
    try {
      await env.clipboard.writeText(field.value);
      return 'copied';
    } catch {
      // Refused (no permission, page not focused): the older command below may still work.
    }
  }
  field.focus();
  field.select();
  field.setSelectionRange(0, field.value.length);
  try {
    return env.copyCommand() ? 'copied' : 'selected';
  } catch {
    return 'selected';
  }
}
