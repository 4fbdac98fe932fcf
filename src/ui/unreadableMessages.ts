import { defineMessages } from '../i18n/defineMessages';

// Reports of stored rows that could not be read and were set aside (docs/storage-and-migrations.md).
export const unreadableMessages = defineMessages(
  {
    databaseOne: '1 record kon niet worden gelezen en is apart gezet.',
    databaseMany: '{count} records konden niet worden gelezen en zijn apart gezet.',
    databaseHint: 'Zo’n record is beschadigd in de opslag van deze browser. Het telt nergens mee: niet in de aantallen, niet in de resultaten en niet in een export. Alle andere scans en antwoorden werken gewoon.',
    scanOne: '1 antwoord op deze scan kon niet worden gelezen en is apart gezet. Het telt niet mee.',
    scanMany: '{count} antwoorden op deze scan konden niet worden gelezen en zijn apart gezet. Ze tellen niet mee.',
    exportOne: '1 record kon niet worden gelezen en staat niet in het bestand.',
    exportMany: '{count} records konden niet worden gelezen en staan niet in het bestand.',
  },
  {
    databaseOne: '1 record could not be read and was set aside.',
    databaseMany: '{count} records could not be read and were set aside.',
    databaseHint: 'Such a record is damaged in this browser’s storage. It counts nowhere: not in the counts, not in the results and not in an export. All other scans and responses work as usual.',
    scanOne: '1 response to this scan could not be read and was set aside. It is not counted.',
    scanMany: '{count} responses to this scan could not be read and were set aside. They are not counted.',
    exportOne: '1 record could not be read and is not in the file.',
    exportMany: '{count} records could not be read and are not in the file.',
  },
);
