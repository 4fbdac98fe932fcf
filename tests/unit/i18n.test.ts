import { describe, expect, it } from 'vitest';
import { formatMessage, type MessageBundle, type MessageTable } from '../../src/i18n/defineMessages';

// Every bundle in the app, found by file name, so a new feature's texts are checked without
// anyone having to remember to list them here.
const modules = import.meta.glob<Record<string, unknown>>(['../../src/**/*Messages.ts'], { eager: true });

function isBundle(value: unknown): value is MessageBundle<MessageTable> {
  return typeof value === 'object' && value !== null && 'nl' in value && 'en' in value;
}

const bundles: Record<string, MessageBundle<MessageTable>> = {};
for (const module of Object.values(modules)) {
  for (const [name, value] of Object.entries(module)) if (isBundle(value)) bundles[name] = value;
}

it('finds the bundles of every feature', () => {
  for (const name of ['commonMessages', 'respondMessages', 'scansMessages', 'resultsMessages', 'presentMessages', 'exchangeMessages', 'chartMessages', 'kioskMessages', 'shareMessages', 'failureMessages', 'storageMessages', 'offlineMessages', 'connectionMessages', 'unreadableMessages', 'originMessages']) {
    expect(Object.keys(bundles)).toContain(name);
  }
});

// A plain `{name}` and the number of a plural `{name, plural, …}` are both placeholders; a
// branch's text (`one {haar}`) is not, though it is a word in braces too.
const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/(?<!(?:=\d+|\b(?:zero|one|two|few|many|other))\s*)\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]))].sort();

describe('message bundles', () => {
  for (const [name, bundle] of Object.entries(bundles)) {
    it(`${name}: every Dutch text has a non-empty English text with the same placeholders`, () => {
      expect(Object.keys(bundle.en).sort()).toEqual(Object.keys(bundle.nl).sort());
      for (const key of Object.keys(bundle.nl)) {
        const nl = bundle.nl[key]!;
        const en = bundle.en[key]!;
        expect(nl.trim(), `${name}.${key} (nl)`).not.toBe('');
        expect(en.trim(), `${name}.${key} (en)`).not.toBe('');
        expect(placeholders(en), `${name}.${key}`).toEqual(placeholders(nl));
      }
    });
  }

  for (const [name, bundle] of Object.entries(bundles)) {
    it(`${name}: no text hedges a plural with "(s)", "(en)" or "(n)": counts choose their words`, () => {
      for (const language of ['nl', 'en'] as const) {
        for (const [key, text] of Object.entries(bundle[language])) {
          expect(text, `${name}.${key} (${language})`).not.toMatch(/\w\((s|en|n|es)\)/);
        }
      }
    });
  }

  // The read-through of issue 25 (docs/language.md, "Read through (issue 25)") found each of these
  // at least once; a check keeps them from coming back.
  const everyText = () =>
    Object.entries(bundles).flatMap(([name, bundle]) =>
      (['nl', 'en'] as const).flatMap((language) => Object.entries(bundle[language]).map(([key, text]) => ({ where: `${name}.${key} (${language})`, key, language, text }))),
    );

  // The nouns the app counts. A count in front of one of them takes the plural syntax, even where
  // it is rarely 1: "{count} stellingen" once read "1 stellingen"; a written figure ("1 record")
  // is a second message that drifts from the first.
  const COUNTED = /(?:\{\w+\}|\b\d+) (?:stellingen|statements|deelnemers|participants|mensen|people|antwoorden|answers|responses|records|teksten|texts|tekens|characters|minuten|minutes|organisaties|organisations|partners|groepen|groups|bespreekpunten|toetsen|tests|scores|problemen|problems|QR-codes|QR codes)\b/;

  it('a count in front of a counted noun chooses its words by the plural syntax', () => {
    for (const { where, text } of everyText()) expect(text, where).not.toMatch(COUNTED);
    // The check itself: the texts the read-through fixed would fail it.
    expect('U krijgt {count} stellingen over de samenwerking').toMatch(COUNTED);
    expect('{count} records konden niet worden gelezen').toMatch(COUNTED);
    expect('Dit kost 3 minuten').toMatch(COUNTED);
    expect('U krijgt {count, plural, one {# stelling} other {# stellingen}} over de samenwerking').not.toMatch(COUNTED);
  });

  it('addresses people in Dutch with "u", never "je" or "jij"', () => {
    for (const { where, language, text } of everyText()) if (language === 'nl') expect(text, where).not.toMatch(/\b(?:je|jij|jouw)\b/i);
  });

  it('writes Dutch without the English words the read-through found: gap, respons', () => {
    for (const { where, language, text } of everyText()) if (language === 'nl') expect(text.replace(/\{\w+\}/g, ''), where).not.toMatch(/\b(?:gap|respons|responsen)\b/i);
  });

  it('picks the plural form by the rules of the language, with # as the number', () => {
    const template = '{count, plural, one {# stelling} other {# stellingen}} nog niet beantwoord';
    expect(formatMessage(template, { count: 1 }, 'nl')).toBe('1 stelling nog niet beantwoord');
    expect(formatMessage(template, { count: 0 }, 'nl')).toBe('0 stellingen nog niet beantwoord');
    expect(formatMessage(template, { count: 2 }, 'nl')).toBe('2 stellingen nog niet beantwoord');
    const two = 'Added: {scans, plural, =0 {no scan} one {# scan} other {# scans}} and {responses, plural, one {# response} other {# responses}} from {names}.';
    expect(formatMessage(two, { scans: 0, responses: 1, names: 'A' }, 'en')).toBe('Added: no scan and 1 response from A.');
    expect(formatMessage(two, { scans: 3, responses: 26, names: 'A' }, 'en')).toBe('Added: 3 scans and 26 responses from A.');
    // Placeholders inside a branch are filled too.
    expect(formatMessage('{count, plural, one {# deelnemer van {org}} other {# deelnemers van {org}}}', { count: 1, org: 'Politie' }, 'nl')).toBe('1 deelnemer van Politie');
    // A plural whose number is missing stays visible, like any missing placeholder.
    expect(formatMessage('{count, plural, one {# x} other {# xs}}', {}, 'nl')).toContain('{count, plural,');
  });

  it('tells a placeholder from the text of a plural branch', () => {
    expect(placeholders('{count, plural, one {haar} other {hun}} deel, minder dan {min}')).toEqual(['count', 'min']);
    expect(placeholders('{count, plural, =0 {geen} one {# van {org}} other {# van {org}}}')).toEqual(['count', 'org']);
  });

  it('fills placeholders and leaves an unknown one visible', () => {
    expect(formatMessage('Stelling {current} van {total}', { current: 4, total: 13 })).toBe('Stelling 4 van 13');
    expect(formatMessage('{missing} stays', {})).toBe('{missing} stays');
  });
});
