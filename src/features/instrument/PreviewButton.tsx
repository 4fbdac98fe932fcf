import { useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { Instrument, Language } from '../../domain/types';
import { selectLanguage, useUiStore } from '../../state/uiStore';
import { useAction } from '../../ui/failures';
import { useMessages } from '../../i18n/useMessages';
import type { ParticipantPreviewProps } from './ParticipantPreview';
import { previewMessages } from './previewMessages';

type Loaded = { Preview: (props: ParticipantPreviewProps) => ReactNode; instrument: Instrument; startLanguage: Language };

/**
 * "Voorbeeld als deelnemer": opens the participant preview of `instrument()` (read at the press, so
 * the editor's unsaved draft is what is shown); closing puts focus back on this button. The preview
 * loads at the first press; a failed load says so beside the button.
 */
export function PreviewButton({ instrument, source, label }: { instrument: () => Instrument; source: ParticipantPreviewProps['source']; label?: string }) {
  const t = useMessages(previewMessages);
  const language = useUiStore(selectLanguage);
  const { run, pending, alert } = useAction();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState<Loaded | null>(null);

  const openPreview = () =>
    void run(async () => {
      const shown = instrument();
      const { default: Preview } = await import('./ParticipantPreview');
      setOpen({ Preview, instrument: shown, startLanguage: language });
    });
  const close = () => {
    setOpen(null);
    buttonRef.current?.focus();
  };

  return (
    <>
      <button ref={buttonRef} type="button" className="button button--secondary" onClick={openPreview} disabled={pending}>
        {t('previewOpen')}
        {label && <span className="visually-hidden">: {label}</span>}
      </button>
      {alert}
      {/* Outside the editor's form: the preview's answers are no part of it. */}
      {open && createPortal(<open.Preview instrument={open.instrument} source={source} startLanguage={open.startLanguage} onClose={close} />, document.body)}
    </>
  );
}
