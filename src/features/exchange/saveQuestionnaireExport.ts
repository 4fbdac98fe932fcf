import { buildExchangeFile, questionnaireFileName, serialiseExchangeFile } from '../../domain/exchange';
import { newestVersionOf } from '../../domain/instrument/versions';
import { loadInstrumentVersionsForExport } from '../../storage/exchangeRepository';
import { GENERATOR, saveFile } from '../../ui/saveFile';
import type { SavedExport } from './saveJsonExport';

/**
 * Saves a questionnaire file: every version of one questionnaire (library and scans' snapshots,
 * each with its version id) and no scans, as `ketenscan-vragenlijst-<title>-<date>.json`
 * (docs/exchange-format.md, "Questionnaire versions"). Null when there is no version to write.
 */
export async function saveQuestionnaireExport(lineageId: string, now: Date = new Date()): Promise<SavedExport | null> {
  const { versions, unreadable } = await loadInstrumentVersionsForExport([lineageId]);
  const newest = newestVersionOf(lineageId, versions);
  if (newest === null) return null;
  const name = questionnaireFileName(newest, now);
  saveFile(name, serialiseExchangeFile(buildExchangeFile([], now, GENERATOR, { instrumentVersions: versions })), 'application/json');
  return { name, unreadable };
}
