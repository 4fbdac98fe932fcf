import { defineMessages } from './defineMessages';

// Words the director's pages share, each with one home (docs/language.md, "One home per text"):
// the same button, link or name reads the same on every page. Never loaded on the participant's
// route, which has its own small bundle (commonMessages.ts, features/respond/respondMessages.ts).
export const directorMessages = defineMessages(
  {
    cancel: 'Annuleren',
    backToScan: 'Terug naar de scan',
    present: 'Presenteren',
    /** The group of the partners too small to be shown on their own. */
    pooledGroup: 'Overige partners',
    level_uitvoering: 'Uitvoering',
    level_management: 'Management',
    level_bestuur: 'Bestuur',
    /** A language's name in the interface's language (not the language's own name, as on the switch). */
    languageNl: 'Nederlands',
    languageEn: 'Engels',
    /** A questionnaire version without a name (src/ui/versionLabel.ts). */
    versionNumber: 'versie {version}',
    versionLabelSaved: '{label} (opgeslagen {date})',
    versionLabelSavedId: '{label} (opgeslagen {date}, {id})',
    versionLabelId: '{label} ({id})',
  },
  {
    cancel: 'Cancel',
    backToScan: 'Back to the scan',
    present: 'Present',
    pooledGroup: 'Other partners',
    level_uitvoering: 'Front line',
    level_management: 'Management',
    level_bestuur: 'Board',
    languageNl: 'Dutch',
    languageEn: 'English',
    versionNumber: 'version {version}',
    versionLabelSaved: '{label} (saved {date})',
    versionLabelSavedId: '{label} (saved {date}, {id})',
    versionLabelId: '{label} ({id})',
  },
);
