import { useCallback } from 'react';
import type { VersionLabel } from '../domain/instrument/versionLabels';
import { directorMessages } from '../i18n/directorMessages';
import { useFormat } from '../i18n/useFormat';
import { useMessages } from '../i18n/useMessages';

/**
 * A version's label in the interface's words (docs/instrument-and-rounds.md, "Versions"): its
 * name or "versie N", with the save date and a short id only where the domain found them needed
 * (src/domain/instrument/versionLabels.ts). Every page that names a version uses this.
 */
export function useVersionLabel(): (label: VersionLabel) => string {
  const t = useMessages(directorMessages);
  const fmt = useFormat();
  return useCallback(
    (label: VersionLabel) => {
      const base = label.name ?? t('versionNumber', { version: label.version });
      if (label.savedAt !== null && label.idPart !== null) return t('versionLabelSavedId', { label: base, date: fmt.date(label.savedAt), id: label.idPart });
      if (label.savedAt !== null) return t('versionLabelSaved', { label: base, date: fmt.date(label.savedAt) });
      if (label.idPart !== null) return t('versionLabelId', { label: base, id: label.idPart });
      return base;
    },
    [t, fmt],
  );
}
