import { useMessages } from '../../i18n/useMessages';
import { whyOff, type Capability } from './origin';
import { originMessages } from './originMessages';

/** Storage has its own sentence in the storage panel; these three are said here. */
const LISTED: readonly Capability[] = ['offline', 'camera', 'clipboard'];

/**
 * On the director's list of scans: what does not work at this page's address, and why
 * (docs/origins.md). Shows nothing on https or at this machine's own address.
 */
export default function OriginNotice() {
  const t = useMessages(originMessages);
  const off = LISTED.flatMap((capability) => {
    const reason = whyOff(capability);
    return reason ? [{ capability, sentence: t(`${capability}_${reason}`) }] : [];
  });
  if (off.length === 0) return null;
  return (
    <section className="notice origin-notice" aria-labelledby="origin-notice-title" data-testid="origin-notice">
      <h2 id="origin-notice-title">{t('noticeTitle')}</h2>
      <ul>
        {off.map(({ capability, sentence }) => (
          <li key={capability} data-capability={capability}>
            {sentence}
          </li>
        ))}
      </ul>
    </section>
  );
}
