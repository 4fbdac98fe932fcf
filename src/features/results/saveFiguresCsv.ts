import type { ChartLabels } from '../../charts/model/chartData';
import type { ScanAnalysis } from '../../domain/analysis';
import { localDate } from '../../domain/format';
import { slugify } from '../../domain/scan';
import type { Language, Scan } from '../../domain/types';
import { saveFile } from '../../ui/saveFile';
import { buildFiguresCsv } from './figuresCsv';

// Loaded on the first click of "Figures as CSV" (FiguresCsvButton), never with the results page.

export function figuresCsvFileName(scan: Pick<Scan, 'title'>, language: Language, date: Date): string {
  return `ketenscan-${slugify(scan.title) || 'scan'}-${language === 'nl' ? 'cijfers' : 'figures'}-${localDate(date)}.csv`;
}

/** Saves the figures of the shown analysis as CSV. Returns the file name. */
export function saveFiguresCsv(scan: Pick<Scan, 'title' | 'instrument'>, analysis: ScanAnalysis, language: Language, labels: ChartLabels, now = new Date()): string {
  const name = figuresCsvFileName(scan, language, now);
  saveFile(name, buildFiguresCsv(scan, analysis, language, labels), 'text/csv;charset=utf-8');
  return name;
}
