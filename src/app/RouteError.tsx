import { commonMessages } from '../i18n/commonMessages';
import { useMessages } from '../i18n/useMessages';

export function RouteError({ error }: { error: Error }) {
  const t = useMessages(commonMessages);
  return (
    <section className="page" role="alert">
      <h1>{t('errorTitle')}</h1>
      <p>{t('errorBody')}</p>
      <p className="hint">{error.message}</p>
      <button type="button" className="button button--primary" onClick={() => location.reload()}>
        {t('reload')}
      </button>
    </section>
  );
}
