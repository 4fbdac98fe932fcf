import { useEffect, useRef, useState } from 'react';
import { addHandoffPart, isHandoffPart, type HandoffParts } from '../../domain/exchange';
import { useMessages } from '../../i18n/useMessages';
import { useOffSentence } from '../../ui/origin/origin';
import { exchangeMessages } from './exchangeMessages';

/**
 * Reads a QR code from the camera: frames go through jsQR (loaded only when the camera opens).
 * The camera stream stays on this device; nothing is sent anywhere. A hand-off shown as several
 * codes (handoffParts.ts) is read part by part, in any order, and handed on once whole.
 */
export function QrScanner({ onRead, onClose }: { onRead: (text: string) => void; onClose: () => void }) {
  const t = useMessages(exchangeMessages);
  const videoRef = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [partsRead, setPartsRead] = useState<{ have: number; total: number } | null>(null);
  // On plain http the browser refuses the camera: do not ask, say why (docs/origins.md).
  const cameraOff = useOffSentence('camera');

  useEffect(() => {
    if (cameraOff) return;
    let stream: MediaStream | null = null;
    let frame = 0;
    let stopped = false;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    let parts: HandoffParts | null = null;
    /** True when the text is whole (handed on), false when the camera should go on reading. */
    const take = (text: string): boolean => {
      if (!isHandoffPart(text)) {
        onRead(text);
        return true;
      }
      const result = addHandoffPart(parts, text);
      if (result.kind === 'complete') {
        onRead(result.text);
        return true;
      }
      if (result.kind === 'partial') {
        parts = result.parts;
        if (result.added) setPartsRead({ have: result.have, total: result.total });
      }
      return false;
    };
    (async () => {
      try {
        if (!navigator.mediaDevices?.getUserMedia) throw new Error('getUserMedia is not available');
        const [{ default: jsQR }, media] = await Promise.all([import('jsqr'), navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } })]);
        stream = media;
        if (stopped) return;
        const video = videoRef.current;
        if (!video || !context) return;
        video.srcObject = media;
        await video.play();
        const scan = () => {
          if (stopped) return;
          if (video.readyState >= 2 && video.videoWidth > 0) {
            canvas.width = video.videoWidth;
            canvas.height = video.videoHeight;
            context.drawImage(video, 0, 0);
            const image = context.getImageData(0, 0, canvas.width, canvas.height);
            const code = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
            if (code?.data && take(code.data)) return;
          }
          frame = requestAnimationFrame(scan);
        };
        scan();
      } catch (error) {
        setProblem(error instanceof Error ? error.message : String(error));
      }
    })();
    return () => {
      stopped = true;
      cancelAnimationFrame(frame);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [onRead, cameraOff]);

  return (
    <div className="qr-scanner">
      {cameraOff ? (
        <p className="notice notice--warning" role="alert">
          {cameraOff}
        </p>
      ) : problem ? (
        <p className="notice notice--warning" role="alert">
          {t('cameraUnavailable', { detail: problem })}
        </p>
      ) : (
        <>
          <p className="hint" aria-live="polite">
            {partsRead ? t('cameraPartRead', partsRead) : t('cameraHint')}
          </p>
          <video ref={videoRef} className="qr-scanner__video" muted playsInline aria-label={t('cameraHint')} />
        </>
      )}
      <button type="button" className="button button--secondary" onClick={onClose}>
        {t('stopCamera')}
      </button>
    </div>
  );
}
