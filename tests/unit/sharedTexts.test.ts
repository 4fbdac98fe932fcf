import { expect, it } from 'vitest';
import type { MessageBundle, MessageTable } from '../../src/i18n/defineMessages';
import { chartMessages } from '../../src/charts/chartMessages';
import { commonMessages } from '../../src/i18n/commonMessages';
import { directorMessages } from '../../src/i18n/directorMessages';
import { scanFormMessages } from '../../src/features/scans/scanFormMessages';

// One home per shared text (docs/language.md): a word the director's pages share lives in
// directorMessages, the scan forms' words in scanFormMessages, what every page may say (retry,
// reload, the technical line) in commonMessages, the charts' own words (axes, table headers,
// legends, chart names) in chartMessages, and no other bundle carries a copy that could drift.
// The participant's answers bundle (respondMessages) keeps its own words: the answer route loads
// no director or chart texts.
const modules = import.meta.glob<Record<string, unknown>>(['../../src/**/*Messages.ts'], { eager: true });
const PARTICIPANT_ROUTE = new Set(['commonMessages', 'respondMessages']);
// The same words in another role, or on a page that loads no chart code.
const OTHER_ROLE = new Set([
  // The heading over the answers in the results, not the setting.
  'resultsMessages.textsImprovements',
  // The view tabs of the results page's frame, which draws before any chart code loads.
  'resultsMessages.view_thermometer',
  'resultsMessages.view_thermostat',
  // A column of the scan list, which loads no chart code.
  'scansMessages.countColumn',
  // The participant's answer scale in the director's participant preview (features/instrument, which
  // may not borrow from the charts), held equal to respondMessages by ParticipantPreview.test.tsx.
  ...['scale1', 'scale2', 'scale3', 'scale4', 'scale5', 'dontKnow'].map((key) => `previewMessages.participant_${key}`),
]);
const SHARED: readonly (readonly [string, MessageBundle<MessageTable>])[] = [
  ['directorMessages', directorMessages],
  ['scanFormMessages', scanFormMessages],
  ['commonMessages', commonMessages],
  ['chartMessages', chartMessages],
];

const others: [string, MessageBundle<MessageTable>][] = [];
for (const module of Object.values(modules)) {
  for (const [name, value] of Object.entries(module)) {
    if (typeof value !== 'object' || value === null || !('nl' in value) || !('en' in value)) continue;
    if (SHARED.some(([, shared]) => shared === value) || PARTICIPANT_ROUTE.has(name)) continue;
    others.push([name, value as MessageBundle<MessageTable>]);
  }
}

it.each(SHARED)('%s is the only bundle with its texts', (name, shared) => {
  expect(others.length).toBeGreaterThan(10);
  // Every other bundle, the other shared ones included.
  const candidates = [...others, ...SHARED.filter(([otherName]) => otherName !== name)];
  const copies = candidates.flatMap(([name, bundle]) =>
    Object.entries(bundle.nl)
      .filter(([key, nl]) => Object.entries(shared.nl).some(([sharedKey, text]) => text === nl && (shared.en as Record<string, string>)[sharedKey] === bundle.en[key]))
      .map(([key]) => `${name}.${key}`)
      .filter((where) => !OTHER_ROLE.has(where)),
  );
  expect(copies).toEqual([]);
});
