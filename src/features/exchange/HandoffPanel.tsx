import './handoff.css';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { buildSingleResponseFile, describeHandoffOmission, encodeResponseHandoff, isSubmitted, responseFileName, serialiseExchangeFile } from '../../domain/exchange';
import { useAction } from '../../ui/failures';
import { useMessages } from '../../i18n/useMessages';
import { selectLanguage, useUiStore } from '../../state/uiStore';
import { getResponse } from '../../storage/responseRepository';
import { getScan } from '../../storage/scanRepository';
import { exchangeMessages } from './exchangeMessages';
import { QrCode } from './QrCode';
import { GENERATOR, saveFile } from './saveFile';

/**
 * On the participant's own device, after submitting: the answers as a QR code for the director's
 * camera, or as a small file. Hidden behind a button, so a passed-around device shows nothing.
 */
export default function HandoffPanel({ scanId, responseId }: { scanId: string; responseId: string }) {
  const t = useMessages(exchangeMessages);
  const language = useUiStore(selectLanguage);
  const [isOpen, setOpen] = useState(false);
  const { run, alert } = useAction();
  const data = useLiveQuery(async () => {
    const [scan, response] = await Promise.all([getScan(scanId), getResponse(responseId)]);
    return scan && response && isSubmitted(response) ? { scan, response } : null;
  }, [scanId, responseId]);
  if (!data) return null;
  const { scan, response } = data;
  const handoff = isOpen ? encodeResponseHandoff(scan, response) : null;

  const saveAsFile = () =>
    run(() => {
      const now = new Date();
      saveFile(responseFileName(scan, response, now), serialiseExchangeFile(buildSingleResponseFile(scan, response, now, GENERATOR)), 'application/json');
    });

  return (
    <section className="handoff" aria-labelledby="handoff-title">
      <h2 id="handoff-title">{t('handoffTitle')}</h2>
      <p className="hint">{t('handoffIntro')}</p>
      <button type="button" className="button button--secondary" aria-expanded={isOpen} onClick={() => setOpen(!isOpen)}>
        {isOpen ? t('handoffHide') : t('handoffShow')}
      </button>
      {handoff && (
        <div className="handoff__body">
          <div className="handoff__qr">
            <QrCode text={handoff.text} label={t('handoffQrLabel')} />
          </div>
          {handoff.omitted.length > 0 && <p className="hint">{t('handoffOmitted', { fields: describeHandoffOmission(handoff.omitted, language) ?? '' })}</p>}
          <button type="button" className="button button--secondary" onClick={() => void saveAsFile()}>
            {t('handoffFile')}
          </button>
          {alert}
          <details>
            <summary>{t('handoffText')}</summary>
            <p className="handoff__text" data-testid="handoff-text">
              {handoff.text}
            </p>
          </details>
        </div>
      )}
    </section>
  );
}
