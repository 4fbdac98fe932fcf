import './handoff.css';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { buildSingleResponseFile, describeHandoffOmission, encodeResponseHandoff, isSubmitted, responseFileName, serialiseExchangeFile, splitHandoff } from '../../domain/exchange';
import { useAction } from '../../ui/failures';
import { useMessages } from '../../i18n/useMessages';
import { selectLanguage, useUiStore } from '../../state/uiStore';
import { getResponse } from '../../storage/responseRepository';
import { getScan } from '../../storage/scanRepository';
import { exchangeMessages } from './exchangeMessages';
import { QrCode } from '../../ui/QrCode';
import { GENERATOR, saveFile } from '../../ui/saveFile';

/**
 * On the participant's own device, after submitting: the answers as a QR code for the director's
 * camera, or as a small file. Hidden behind a button, so a passed-around device shows nothing.
 */
export default function HandoffPanel({ scanId, responseId }: { scanId: string; responseId: string }) {
  const t = useMessages(exchangeMessages);
  const language = useUiStore(selectLanguage);
  const [isOpen, setOpen] = useState(false);
  const [partIndex, setPartIndex] = useState(0);
  const { run, alert } = useAction();
  const data = useLiveQuery(async () => {
    const [scan, response] = await Promise.all([getScan(scanId), getResponse(responseId)]);
    return scan && response && isSubmitted(response) ? { scan, response } : null;
  }, [scanId, responseId]);
  if (!data) return null;
  const { scan, response } = data;
  const handoff = isOpen ? encodeResponseHandoff(scan, response) : null;
  // A long code is shown as a few smaller ones that a camera reads from a distance (handoffParts.ts).
  const codes = handoff ? splitHandoff(handoff.text) : [];
  const shown = Math.min(partIndex, Math.max(0, codes.length - 1));

  const saveAsFile = () =>
    run(() => {
      const now = new Date();
      saveFile(responseFileName(scan, response, now), serialiseExchangeFile(buildSingleResponseFile(scan, response, now, GENERATOR)), 'application/json');
    });

  return (
    <section className="handoff" aria-labelledby="handoff-title">
      <h2 id="handoff-title">{t('handoffTitle')}</h2>
      <p className="hint">{t('handoffIntro')}</p>
      <button type="button" className="button button--secondary" aria-expanded={isOpen} onClick={() => {
          setOpen(!isOpen);
          setPartIndex(0);
        }}>
        {isOpen ? t('handoffHide') : t('handoffShow')}
      </button>
      {handoff && (
        <div className="handoff__body">
          {codes.length > 1 && <p className="hint">{t('handoffPartsHint', { n: codes.length })}</p>}
          <figure className="handoff__qr">
            <QrCode
              text={codes[shown]!}
              label={codes.length > 1 ? `${t('handoffQrLabel')}, ${t('handoffPart', { k: shown + 1, n: codes.length })}` : t('handoffQrLabel')}
            />
            {codes.length > 1 && (
              <figcaption className="handoff__parts">
                <strong aria-live="polite">{t('handoffPart', { k: shown + 1, n: codes.length })}</strong>
                <button type="button" className="button button--secondary" disabled={shown === 0} onClick={() => setPartIndex(shown - 1)}>
                  <span aria-hidden="true">← </span>
                  {t('handoffPreviousPart')}
                </button>
                <button type="button" className="button button--primary" disabled={shown === codes.length - 1} onClick={() => setPartIndex(shown + 1)}>
                  {t('handoffNextPart')}
                  <span aria-hidden="true"> →</span>
                </button>
              </figcaption>
            )}
          </figure>
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
