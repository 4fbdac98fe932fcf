import { describe, expect, it } from 'vitest';
import { analyseScanProtected, collectFreeTexts } from '../../../src/domain/analysis';
import { askedExtras, extrasSettings, isViewAsked } from '../../../src/domain/extras';
import { RESULT_VIEW_IDS } from '../../../src/features/results/views/viewIds';
import { extrasStep, reviewStep } from '../../../src/features/respond/steps';
import type { Response } from '../../../src/domain/types';
import { FIXTURE_INSTRUMENT, makeResponse } from '../../fixtures/analysis/handComputedScan';

describe('the optional extras of a scan', () => {
  it('are all asked when the settings do not mention them (scans and files from before)', () => {
    expect(askedExtras({})).toEqual({ comments: true, keywords: true, improvement: true });
  });

  it('are switched off by false only', () => {
    expect(askedExtras({ askComments: false, askKeywords: true })).toEqual({ comments: false, keywords: true, improvement: true });
    expect(askedExtras(extrasSettings({ comments: true, keywords: false, improvement: false }))).toEqual({ comments: true, keywords: false, improvement: false });
  });

  it('decide which results views are offered', () => {
    const none = { comments: false, keywords: false, improvement: false };
    expect(RESULT_VIEW_IDS.filter((id) => isViewAsked(id, none))).toEqual(['thermometer', 'thermostat', 'gap', 'distribution', 'heatmap', 'scatter']);
    expect(isViewAsked('texts', { ...none, improvement: true })).toBe(true);
    expect(isViewAsked('texts', { ...none, comments: true })).toBe(true);
    expect(isViewAsked('keywords', { ...none, keywords: true })).toBe(true);
  });

  it('leave the extras step out of the questionnaire when neither keywords nor improvement is asked', () => {
    expect(reviewStep(10)).toBe(12);
    expect(extrasStep(10)).toBe(11);
    expect(reviewStep(10, false)).toBe(11);
  });
});

describe('what people wrote, for a scan that does not ask every extra', () => {
  const organisations = [
    { id: 'pol', name: 'Politie' },
    { id: 'par', name: 'Parlan' },
  ];
  const written = (id: string, org: string): Response => ({ ...makeResponse(id, org, 'uitvoering', { s1: 3 }), comments: { s1: `toelichting ${id}` }, improvement: `verbeterpunt ${id}` });
  const responses = ['a', 'b', 'c'].flatMap((x) => [written(`pol-${x}`, 'pol'), written(`par-${x}`, 'par')]);
  const analysis = analyseScanProtected({ instrument: FIXTURE_INSTRUMENT, organisations, responses, settings: { minGroupSize: 3, gapThreshold: 1 } });

  it('offers comments and improvement points when both are asked', () => {
    const texts = collectFreeTexts(responses, analysis, askedExtras({}));
    expect(texts.comments[0]?.texts).toHaveLength(6);
    expect(texts.improvements).toHaveLength(6);
  });

  it('never offers a kind of text the scan does not ask, even when older answers hold it', () => {
    const noComments = collectFreeTexts(responses, analysis, askedExtras({ askComments: false }));
    expect(noComments.comments).toEqual([]);
    expect(noComments.improvements).toHaveLength(6);
    const noImprovement = collectFreeTexts(responses, analysis, askedExtras({ askImprovement: false }));
    expect(noImprovement.improvements).toEqual([]);
    expect(noImprovement.comments[0]?.texts).toHaveLength(6);
  });
});
