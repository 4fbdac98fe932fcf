import { Link, useLocation } from 'wouter';
import { commonMessages } from '../i18n/commonMessages';
import { useMessages } from '../i18n/useMessages';
import { notFoundMessages } from './notFoundMessages';

export default function NotFoundPage() {
  const t = useMessages(notFoundMessages);
  const common = useMessages(commonMessages);
  const [path] = useLocation();
  return (
    <section className="page" aria-labelledby="not-found-title">
      <h1 id="not-found-title">{t('notFoundTitle')}</h1>
      <p>{t('notFoundBody', { path })}</p>
      <p>
        <Link href="/" className="button button--primary">
          {common('backToScans')}
        </Link>
      </p>
    </section>
  );
}
