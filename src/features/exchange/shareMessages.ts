import { defineMessages } from '../../i18n/defineMessages';

// Texts of the two kinds of export: the full one for the director's own devices and the
// anonymised one for sharing (docs/shared-devices.md, "Exports").
export const shareMessages = defineMessages(
  {
    fullTitle: 'Volledige export — voor uw eigen apparaten',
    fullIntro: 'Alles wat er is: elke organisatie apart, tijden, niveaus en alle toelichtingen. Gebruik dit om resultaten tussen uw eigen apparaten te verplaatsen of te bewaren, niet om te delen.',
    sharedTitle: 'Geanonimiseerde export — om te delen',
    sharedIntro: 'Voor wie de resultaten buiten de ketenregie krijgt. Organisaties met minder dan {min, plural, one {# deelnemer} other {# deelnemers}} zijn samengevoegd tot "Overige partners" of weggelaten, precies zoals in de resultaten; de scores van een organisatie op een stelling zijn weggelaten als het er minder dan {min} zijn, zoals de resultaten ze ook niet tonen; tijden zijn ingekort tot de dag; elke scan en elk antwoord krijgt een nieuw nummer, zodat het bestand niet aan de volledige export te koppelen is; niveaus staan er alleen in waar ze niemand apart zetten; toelichtingen en verbeterpunten van samengevoegde organisaties zijn weggelaten.',
    sharedJson: 'Geanonimiseerd als JSON',
    sharedCsvLong: 'Geanonimiseerd als CSV (één regel per antwoord)',
    sharedCsvWide: 'Geanonimiseerd als CSV (één regel per deelnemer)',
    titleSuffix: ' (geanonimiseerd)',
    sharedSaved: '{name} is opgeslagen (geanonimiseerd).',
    reportPooled: 'Samengevoegd tot "Overige partners": {names}.',
    reportLeftOut: 'Weggelaten: {names} ({count, plural, one {# deelnemer} other {# deelnemers}}), samen onder de minimale groepsgrootte.',
    reportLevels: 'Niveau weggelaten bij: {names}.',
    reportTexts: 'Toelichtingen of verbeterpunten weggelaten van {count, plural, one {# deelnemer} other {# deelnemers}}.',
    reportNothing: 'Elke organisatie had genoeg deelnemers: niets samengevoegd of weggelaten.',
    reportScores: 'Te weinig scores (minder dan {min}) om te tonen, dus weggelaten: {cells}.',
    reportScoresCell: '{name} bij stelling {statement} ({count, plural, one {# score} other {# scores}})',
    reportIds: 'De scan en alle antwoorden hebben nieuwe nummers; ingelezen op een ander apparaat wordt het bestand een eigen scan.',
  },
  {
    fullTitle: 'Full export — for your own devices',
    fullIntro: 'Everything there is: every organisation on its own, times, levels and all comments. Use it to move or keep results between your own devices, not to share.',
    sharedTitle: 'Anonymised export — for sharing',
    sharedIntro: 'For people outside the chain coordination. Organisations with fewer than {min, plural, one {# participant} other {# participants}} are pooled into "Other partners" or left out, exactly as in the results; an organisation’s scores on a statement are left out when there are fewer than {min}, as the results do not show them either; times are cut to the day; the scan and every answer get a new number, so the file cannot be joined to the full export; levels are kept only where they single nobody out; comments and points to improve of pooled organisations are left out.',
    sharedJson: 'Anonymised as JSON',
    sharedCsvLong: 'Anonymised as CSV (one row per answer)',
    sharedCsvWide: 'Anonymised as CSV (one row per participant)',
    titleSuffix: ' (anonymised)',
    sharedSaved: '{name} has been saved (anonymised).',
    reportPooled: 'Pooled into "Other partners": {names}.',
    reportLeftOut: 'Left out: {names} ({count, plural, one {# participant} other {# participants}}), together under the minimum group size.',
    reportLevels: 'Level left out for: {names}.',
    reportTexts: 'Comments or points to improve left out for {count, plural, one {# participant} other {# participants}}.',
    reportNothing: 'Every organisation had enough participants: nothing pooled or left out.',
    reportScores: 'Too few scores (fewer than {min}) to show, so left out: {cells}.',
    reportScoresCell: '{name} on statement {statement} ({count, plural, one {# score} other {# scores}})',
    reportIds: 'The scan and every answer have new numbers; read on another device, the file becomes a scan of its own.',
  },
);
