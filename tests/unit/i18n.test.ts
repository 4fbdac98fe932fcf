import { describe, expect, it } from 'vitest';
import { formatMessage, type MessageBundle, type MessageTable } from '../../src/i18n/defineMessages';
import { commonMessages } from '../../src/i18n/commonMessages';
import { respondMessages } from '../../src/features/respond/respondMessages';
import { scansMessages } from '../../src/features/scans/scansMessages';
import { resultsMessages } from '../../src/features/results/resultsMessages';
import { presentMessages } from '../../src/features/present/presentMessages';
import { exchangeMessages } from '../../src/features/exchange/exchangeMessages';
import { chartMessages } from '../../src/charts/chartMessages';
import { connectionMessages } from '../../src/app/connectionMessages';
import { unreadableMessages } from '../../src/app/unreadableMessages';

const bundles: Record<string, MessageBundle<MessageTable>> = {
  commonMessages,
  respondMessages,
  scansMessages,
  resultsMessages,
  presentMessages,
  exchangeMessages,
  chartMessages,
  connectionMessages,
  unreadableMessages,
};

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

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

  it('fills placeholders and leaves an unknown one visible', () => {
    expect(formatMessage('Stelling {current} van {total}', { current: 4, total: 13 })).toBe('Stelling 4 van 13');
    expect(formatMessage('{missing} stays', {})).toBe('{missing} stays');
  });
});
