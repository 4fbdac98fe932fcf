import type { Instrument, Item, ItemKind } from '../types';

// The default instrument exactly as agreed in the chain partners' workshops (README, "Ketenscan";
// tests/unit/domain/defaultInstrument.test.ts holds the kinds and dimensions).
// Ids are stable: a statement whose meaning changes gets a new id in a new instrument version.

const TM: ItemKind = 'thermometer';
const TS: ItemKind = 'thermostat';

function item(id: string, dimension: string, kind: ItemKind, nl: string, en: string): Item {
  return { id, dimension, kind, text: { nl, en } };
}

export const DEFAULT_INSTRUMENT: Instrument = Object.freeze({
  id: 'quickscan-ketensamenwerking',
  version: 1,
  title: { nl: 'QuickScan ketensamenwerking', en: 'QuickScan chain collaboration' },
  dimensions: [
    { id: 'doel', label: { nl: 'Doel & visie', en: 'Goals & vision' } },
    { id: 'relatie', label: { nl: 'Relatie & vertrouwen', en: 'Relationship & trust' } },
    { id: 'regie', label: { nl: 'Regie & mandaat', en: 'Coordination & mandate' } },
    { id: 'informatie', label: { nl: 'Informatiedeling', en: 'Information sharing' } },
    { id: 'uitvoering', label: { nl: 'Uitvoering', en: 'Joint execution' } },
    { id: 'leren', label: { nl: 'Leren & verbeteren', en: 'Learning & improving' } },
  ],
  items: [
    item('q01', 'doel', TS,
      'We hebben als ketenpartners een gezamenlijk en concreet geformuleerd doel voor de aanpak van gezinnen.',
      'As chain partners we share a concrete, written-down goal for how we work with families.'),
    item('q02', 'doel', TM,
      'In de praktijk gaat het belang van het gezin voor het belang van de eigen organisatie.',
      "In practice the family's interest comes before the interest of one's own organisation."),
    item('q03', 'relatie', TS,
      'Ik weet welke taken en bevoegdheden de andere ketenpartners hebben.',
      'I know the tasks and mandates of the other chain partners.'),
    item('q04', 'relatie', TM,
      'Ik kan erop rekenen dat ketenpartners gemaakte afspraken nakomen.',
      'I can count on chain partners to keep the agreements we make.'),
    item('q05', 'regie', TS,
      'Per gezin is duidelijk wie de regie voert en met welk mandaat.',
      'For each family it is clear who coordinates, and with what mandate.'),
    item('q06', 'regie', TM,
      'Als de aanpak van een gezin vastloopt, wordt er snel opgeschaald en doorgepakt.',
      'When the work with a family gets stuck, it is escalated and acted on quickly.'),
    item('q07', 'informatie', TS,
      'Er zijn werkbare afspraken over welke informatie we wanneer met elkaar delen.',
      'There are workable agreements about which information we share with each other, and when.'),
    item('q08', 'informatie', TM,
      'Ik krijg de informatie die ik nodig heb op tijd van de ketenpartners.',
      'I receive the information I need from chain partners in time.'),
    item('q09', 'uitvoering', TM,
      'Voor elk gezin is er één gezamenlijk plan dat alle betrokken partners uitvoeren.',
      'For each family there is one joint plan that all partners involved carry out.'),
    item('q10', 'uitvoering', TM,
      'Gezinnen worden actief betrokken bij het opstellen en bijstellen van hun plan.',
      'Families are actively involved in drawing up and adjusting their plan.'),
    item('q11', 'uitvoering', TS,
      'Mijn organisatie maakt voldoende tijd en capaciteit vrij voor de ketensamenwerking.',
      'My organisation frees up enough time and capacity for the chain collaboration.'),
    item('q12', 'leren', TS,
      'We bespreken regelmatig met de ketenpartners wat werkt en passen onze werkwijze daarop aan.',
      'We regularly discuss with the chain partners what works, and adapt how we work.'),
    item('q13', 'leren', TM,
      'Samen bereiken we resultaten voor gezinnen die geen partner alleen had kunnen bereiken.',
      'Together we achieve results for families that no partner could have achieved alone.'),
  ],
});

/** A deep copy for a new scan: the scan keeps its own snapshot of the instrument. */
export function copyDefaultInstrument(): Instrument {
  return structuredClone(DEFAULT_INSTRUMENT);
}
