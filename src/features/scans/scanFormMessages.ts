import { defineMessages } from '../../i18n/defineMessages';

// The texts both scan forms share, the new-scan form and a scan's set-up, in one place: the
// title, the date, the settings (shown by ScanSettingsFields.tsx) and what is wrong with them.
// Each form keeps only its own words (scansMessages.ts, manage/setupMessages.ts).
export const scanFormMessages = defineMessages(
  {
    fieldTitle: 'Titel',
    fieldDate: 'Datum',
    formErrors: 'Controleer het formulier:',
    'problem_title-missing': 'Geef de scan een titel.',
    'problem_date-invalid': 'Vul een geldige datum in.',
    fieldAskLevel: 'Vraag deelnemers naar hun niveau (uitvoering, management, bestuur)',
    fieldMinGroupSize: 'Minimale groepsgrootte',
    fieldMinGroupSizeHint: 'Een organisatie met minder deelnemers wordt nooit apart getoond (anonimiteit).',
    fieldGapThreshold: 'Drempel voor een bespreekpunt',
    fieldGapThresholdHint: 'Een stelling is een bespreekpunt als de gemiddelden van de partners minstens zoveel punten uiteenlopen.',
    extrasLegend: 'Wat deelnemers naast de stellingen mogen invullen',
    extrasHint: 'Wat uit staat, wordt niet gevraagd en niet getoond in de resultaten, het rapport en de presentatie.',
    extra_comments: 'Een toelichting bij elke stelling',
    extra_keywords: 'Drie woorden die de samenwerking typeren',
    extra_improvement: 'Het belangrijkste verbeterpunt',
    'problem_min-group-size-invalid': 'De minimale groepsgrootte is een heel getal van {min} tot en met {max}.',
    'problem_gap-threshold-invalid': 'De drempel voor een bespreekpunt is groter dan {above} en hoogstens {max}.',
  },
  {
    fieldTitle: 'Title',
    fieldDate: 'Date',
    formErrors: 'Please check the form:',
    'problem_title-missing': 'Give the scan a title.',
    'problem_date-invalid': 'Enter a valid date.',
    fieldAskLevel: 'Ask participants for their level (front line, management, board)',
    fieldMinGroupSize: 'Minimum group size',
    fieldMinGroupSizeHint: 'An organisation with fewer participants is never shown on its own (anonymity).',
    fieldGapThreshold: 'Threshold for a discussion point',
    fieldGapThresholdHint: "A statement is a discussion point when the partners' means differ by at least this many points.",
    extrasLegend: 'What participants may fill in besides the statements',
    extrasHint: 'What is switched off is not asked, and not shown in the results, the report or the presentation.',
    extra_comments: 'A comment on each statement',
    extra_keywords: 'Three words that describe the collaboration',
    extra_improvement: 'The most important point to improve',
    'problem_min-group-size-invalid': 'The minimum group size is a whole number from {min} to {max}.',
    'problem_gap-threshold-invalid': 'The threshold for a discussion point is above {above} and at most {max}.',
  },
);
