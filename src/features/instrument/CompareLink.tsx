import { Link } from 'wouter';
import { versionIdOf } from '../../domain/instrument/versions';
import type { Instrument } from '../../domain/types';
import { useMessages } from '../../i18n/useMessages';
import { compareMessages } from './compareMessages';
import { BASE_VERSION, comparePath } from './comparePaths';

/** The library's "Vergelijken" on one version: opens the comparison with the version it was made from. */
export function CompareLink({ instrument, title }: { instrument: Instrument; title: string }) {
  const t = useMessages(compareMessages);
  return (
    <Link href={comparePath(BASE_VERSION, versionIdOf(instrument))} className="button button--secondary">
      {t('compareAction')}
      <span className="visually-hidden">
        : {title}, {t('compareActionWith')}
      </span>
    </Link>
  );
}
