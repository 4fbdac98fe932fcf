import { describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n/defineMessages';
import { formatDate, formatDateTime, formatList } from '../../src/i18n/format';
import { presentMessages } from '../../src/features/present/presentMessages';
import { resultsMessages } from '../../src/features/results/resultsMessages';
import { instrumentMessages } from '../../src/features/instrument/instrumentMessages';
import { manageMessages } from '../../src/features/scans/manage/manageMessages';
import { setupMessages } from '../../src/features/scans/manage/setupMessages';
import { scansMessages } from '../../src/features/scans/scansMessages';
import { roundsMessages } from '../../src/features/rounds/roundsMessages';

describe('formatDate', () => {
  it('writes a scan date as a long date in the chosen language', () => {
    expect(formatDate('2026-12-08', 'nl')).toBe('8 december 2026');
    expect(formatDate('2026-12-08', 'en')).toBe('8 December 2026');
    expect(formatDate('2027-01-31', 'nl')).toBe('31 januari 2027');
  });

  it('keeps a calendar date on its day whatever the time zone', () => {
    // Parsed as UTC midnight and written in UTC: never the day before west of Greenwich.
    expect(formatDate('2026-01-01', 'en')).toBe('1 January 2026');
  });

  it('writes a stored timestamp as its date', () => {
    expect(formatDate('2026-06-15T12:00:00.000Z', 'nl')).toBe('15 juni 2026');
  });

  it('shows text that is not a date as it is', () => {
    expect(formatDate('gisteren', 'nl')).toBe('gisteren');
  });
});

describe('formatDateTime', () => {
  it('writes a timestamp with its date and time', () => {
    const text = formatDateTime('2026-06-15T12:00:00.000Z', 'nl');
    expect(text).toMatch(/15 jun 2026/);
    expect(text).toMatch(/\d{2}:\d{2}/);
  });
});

describe('formatList', () => {
  it('joins names the way the language does', () => {
    expect(formatList(['Openbaar Ministerie', 'Parlan'], 'nl')).toBe('Openbaar Ministerie en Parlan');
    expect(formatList(['Politie', 'Parlan', 'Veiligheidshuis'], 'nl')).toBe('Politie, Parlan en Veiligheidshuis');
    expect(formatList(['Police', 'Parlan', 'Safety house'], 'en')).toBe('Police, Parlan and Safety house');
    expect(formatList(['Politie', 'Parlan'], 'nl', 'or')).toBe('Politie of Parlan');
  });

  it('writes one name as itself and none as nothing', () => {
    expect(formatList(['Politie'], 'nl')).toBe('Politie');
    expect(formatList([], 'en')).toBe('');
  });
});

describe('verbs that agree with a list of names', () => {
  const question = (kind: 'thermometer' | 'thermostat', language: 'nl' | 'en', high: string[], low: string[]) =>
    translate(presentMessages, language, `discussionQuestion_${kind}`, { high: formatList(high, language), highCount: high.length, low: formatList(low, language), lowCount: low.length });

  it('asks the room in a sentence whose verbs fit one name or several', () => {
    expect(question('thermometer', 'nl', ['Gemeente Zaanstad'], ['Politie', 'Parlan'])).toMatch(/^Wat ziet Gemeente Zaanstad in de praktijk dat Politie en Parlan anders ervaren\?/);
    expect(question('thermometer', 'nl', ['Politie', 'Parlan'], ['Gemeente Zaanstad'])).toMatch(/^Wat zien Politie en Parlan in de praktijk dat Gemeente Zaanstad anders ervaart\?/);
    expect(question('thermostat', 'nl', ['Politie'], ['Openbaar Ministerie', 'Parlan'])).toMatch(/^Wat hebben Openbaar Ministerie en Parlan nodig om deze voorwaarde net zo te ervaren als Politie\?/);
    expect(question('thermostat', 'en', ['Police', 'Parlan'], ['Municipality'])).toMatch(/^What does Municipality need to experience this condition the same way as Police and Parlan\?/);
    expect(question('thermometer', 'en', ['Police'], ['Parlan', 'Safety house'])).toMatch(/^What does Police see in practice that Parlan and Safety house experience differently\?/);
  });

  it('says who is pooled with a verb for one name or several', () => {
    const pooled = (language: 'nl' | 'en', names: string[]) => translate(resultsMessages, language, 'anonymityPooled', { names: formatList(names, language), count: names.length, min: 3 });
    expect(pooled('nl', ['Openbaar Ministerie', 'Parlan'])).toBe('Openbaar Ministerie en Parlan hebben elk minder dan 3 deelnemers en staan samen in de groep "Overige partners".');
    expect(pooled('nl', ['Parlan'])).toBe('Parlan heeft minder dan 3 deelnemers en staat in de groep "Overige partners".');
    expect(pooled('en', ['Public Prosecution', 'Parlan'])).toBe('Public Prosecution and Parlan each have fewer than 3 participants and are shown together as "Other partners".');
  });
});

describe('count phrases that read right for one', () => {
  it('writes one text, one response and one translation in the singular', () => {
    expect(translate(resultsMessages, 'nl', 'textsCount', { count: 1 })).toBe('1 tekst');
    expect(translate(resultsMessages, 'nl', 'textsCount', { count: 3 })).toBe('3 teksten');
    expect(translate(resultsMessages, 'en', 'textsCount', { count: 1 })).toBe('1 text');
    expect(translate(setupMessages, 'nl', 'responsesOf', { count: 1 })).toBe('1 antwoord');
    expect(translate(setupMessages, 'en', 'merged', { from: 'A', into: 'B', count: 1 })).toBe('A has been merged with B; 1 response moved.');
    expect(translate(instrumentMessages, 'nl', 'missingTranslations', { count: 1 })).toMatch(/^1 tekst heeft nog geen vertaling;/);
    expect(translate(manageMessages, 'nl', 'dialogText', { title: 'X', count: 1 })).toMatch(/^Scan "X" met het ene antwoord van dit apparaat verwijderen\?/);
    expect(translate(manageMessages, 'en', 'dialogText', { title: 'X', count: 26 })).toMatch(/^Delete scan "X" with all 26 responses from this device\?/);
    expect(translate(resultsMessages, 'nl', 'summaryRespondents', { count: 1 })).toBe('1 ingevulde scan');
    expect(translate(resultsMessages, 'nl', 'summaryUncertain', { count: 1 })).toBe('1 groot verschil dat toeval kan zijn');
    expect(translate(resultsMessages, 'en', 'summaryDiscussionPoints', { count: 1 })).toBe('1 discussion point');
    expect(translate(scansMessages, 'nl', 'organisationCount', { count: 1 })).toBe('1 partner');
    expect(translate(instrumentMessages, 'nl', 'dimensionStatements', { count: 1 })).toBe('1 stelling');
    expect(translate(roundsMessages, 'nl', 'groupsExcluded', { count: 1, min: 5 })).toBe('1 organisatie is buiten beide groepen gelaten, omdat haar deel anders minder dan 5 mensen zou tonen.');
  });

  it('says that nothing moved instead of "0 antwoorden verplaatst"', () => {
    expect(translate(setupMessages, 'nl', 'merged', { from: 'A', into: 'B', count: 0 })).toBe('A is samengevoegd met B; er waren geen antwoorden te verplaatsen.');
    expect(translate(setupMessages, 'en', 'merged', { from: 'A', into: 'B', count: 0 })).toBe('A has been merged with B; there were no responses to move.');
  });
});
