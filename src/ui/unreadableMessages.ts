import { defineMessages } from '../i18n/defineMessages';

// Reports of stored rows that could not be read and were set aside (docs/storage-and-migrations.md).
export const unreadableMessages = defineMessages(
  {
    database: '{count, plural, one {# record kon niet worden gelezen en is} other {# records konden niet worden gelezen en zijn}} apart gezet.',
    databaseHint: 'Zo’n record is beschadigd in de opslag van deze browser. Het telt nergens mee: niet in de aantallen, niet in de resultaten en niet in een export. Alle andere scans en antwoorden werken gewoon.',
    scan: '{count, plural, one {# antwoord op deze scan kon niet worden gelezen en is apart gezet. Het telt} other {# antwoorden op deze scan konden niet worden gelezen en zijn apart gezet. Ze tellen}} niet mee.',
    export: '{count, plural, one {# record kon niet worden gelezen en staat} other {# records konden niet worden gelezen en staan}} niet in het bestand.',
  },
  {
    database: '{count, plural, one {# record could not be read and was} other {# records could not be read and were}} set aside.',
    databaseHint: 'Such a record is damaged in this browser’s storage. It counts nowhere: not in the counts, not in the results and not in an export. All other scans and responses work as usual.',
    scan: '{count, plural, one {# response to this scan could not be read and was set aside. It is} other {# responses to this scan could not be read and were set aside. They are}} not counted.',
    export: '{count, plural, one {# record could not be read and is} other {# records could not be read and are}} not in the file.',
  },
);
