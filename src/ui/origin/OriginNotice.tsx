import { useMessages } from '../../i18n/useMessages';
import { currentPage, whyOff, type Capability } from './origin';
import { originMessages } from './originMessages';

/** Storage has its own sentence in the storage panel; these three are listed here. */
const LISTED = ['offline', 'camera', 'clipboard'] as const satisfies readonly Capability[];

/**
 * On the director's list of scans: what does not work at this page's address, and why, the
 * reason said once above the list (docs/origins.md). Shows nothing on https or at this machine's
 * own address.
 */
export default function OriginNotice() {
  const t = useMessages(originMessages);
  const page = currentPage();
  const off = LISTED.filter((capability) => whyOff(capability, page) !== null);
  if (off.length === 0) return null;
  return (
    <section className="notice origin-notice" aria-labelledby="origin-notice-title">
      <h2 id="origin-notice-title">{t('noticeTitle')}</h2>
      <p>{t(page.isSecureContext === false ? 'noticeIntro_insecure' : 'noticeIntro_missing')}</p>
      <ul>
        {off.map((capability) => (
          <li key={capability} data-capability={capability}>
            {t(`${capability}_item`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
