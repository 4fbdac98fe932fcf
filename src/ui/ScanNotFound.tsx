import { Link } from 'wouter';
import { commonMessages } from '../i18n/commonMessages';
import { useMessages } from '../i18n/useMessages';

export function ScanNotFound() {
  const t = useMessages(commonMessages);
  return (
    <section className="page" aria-labelledby="scan-missing-title">
      <h1 id="scan-missing-title">{t('scanNotFoundTitle')}</h1>
      <p>{t('scanNotFoundBody')}</p>
      <p>
        <Link href="/">{t('backToScans')}</Link>
      </p>
    </section>
  );
}
