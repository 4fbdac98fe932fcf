import type { ScanSettings } from './types';

// The optional extras of the questionnaire: a comment per statement, three keywords and the
// most important point to improve. Each can be switched off per scan (docs/instrument-and-rounds.md,
// "Optional extras"). A setting that is absent means "asked": scans stored and files written
// before these settings existed keep asking everything. Only the value `false` switches an extra
// off; the participant's route checks exactly that (`!== false`) without importing this module.

export interface AskedExtras {
  comments: boolean;
  keywords: boolean;
  improvement: boolean;
}

export const ALL_EXTRAS: AskedExtras = { comments: true, keywords: true, improvement: true };

export function askedExtras(settings: Pick<ScanSettings, 'askComments' | 'askKeywords' | 'askImprovement'>): AskedExtras {
  return { comments: settings.askComments !== false, keywords: settings.askKeywords !== false, improvement: settings.askImprovement !== false };
}

/** The settings fields for the given extras, written out in full (a new or edited scan states all three). */
export function extrasSettings(asked: AskedExtras): Required<Pick<ScanSettings, 'askComments' | 'askKeywords' | 'askImprovement'>> {
  return { askComments: asked.comments, askKeywords: asked.keywords, askImprovement: asked.improvement };
}

/** Whether a results view has anything to show for what was asked: the keyword cloud needs keywords, the texts view comments or improvement points. */
export function isViewAsked(viewId: string, asked: AskedExtras): boolean {
  if (viewId === 'keywords') return asked.keywords;
  if (viewId === 'texts') return asked.comments || asked.improvement;
  return true;
}
