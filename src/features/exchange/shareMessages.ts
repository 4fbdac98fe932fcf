import { defineMessages } from '../../i18n/defineMessages';

// Texts of the two kinds of export: the full one for the director's own devices and the
// anonymised one for sharing (docs/shared-devices.md, "Exports").
export const shareMessages = defineMessages(
  {
    fullTitle: 'Volledige export — voor uw eigen apparaten',
    fullIntro: 'Alles wat er is: elke organisatie apart, tijden, niveaus en alle toelichtingen. Gebruik dit om resultaten tussen uw eigen apparaten te verplaatsen of te bewaren, niet om te delen.',
    sharedTitle: 'Geanonimiseerde export — om te delen',
    sharedIntro: 'Voor wie de resultaten buiten de ketenregie krijgt. Organisaties met minder dan {min} deelnemers zijn samengevoegd tot "Overige partners" of weggelaten, precies zoals in de resultaten; tijden zijn ingekort tot de dag; niveaus staan er alleen in waar ze niemand apart zetten; toelichtingen en verbeterpunten van samengevoegde organisaties zijn weggelaten.',
    sharedJson: 'Geanonimiseerd als JSON',
    sharedCsvLong: 'Geanonimiseerd als CSV (één regel per antwoord)',
    sharedCsvWide: 'Geanonimiseerd als CSV (één regel per deelnemer)',
    pooledName: 'Overige partners',
    titleSuffix: ' (geanonimiseerd)',
    sharedSaved: '{name} is opgeslagen (geanonimiseerd).',
    reportPooled: 'Samengevoegd tot "Overige partners": {names}.',
    reportLeftOut: 'Weggelaten: {names} ({count} deelnemer(s)), samen onder de minimale groepsgrootte.',
    reportLevels: 'Niveau weggelaten bij: {names}.',
    reportTexts: 'Toelichtingen of verbeterpunten weggelaten van {count} deelnemer(s).',
    reportNothing: 'Elke organisatie had genoeg deelnemers: niets samengevoegd of weggelaten.',
  },
  {
    fullTitle: 'Full export — for your own devices',
    fullIntro: 'Everything there is: every organisation on its own, times, levels and all comments. Use it to move or keep results between your own devices, not to share.',
    sharedTitle: 'Anonymised export — for sharing',
    sharedIntro: 'For people outside the chain coordination. Organisations with fewer than {min} participants are pooled into "Other partners" or left out, exactly as in the results; times are cut to the day; levels are kept only where they single nobody out; comments and improvement points of pooled organisations are left out.',
    sharedJson: 'Anonymised as JSON',
    sharedCsvLong: 'Anonymised as CSV (one row per answer)',
    sharedCsvWide: 'Anonymised as CSV (one row per participant)',
    pooledName: 'Other partners',
    titleSuffix: ' (anonymised)',
    sharedSaved: '{name} has been saved (anonymised).',
    reportPooled: 'Pooled into "Other partners": {names}.',
    reportLeftOut: 'Left out: {names} ({count} participant(s)), together under the minimum group size.',
    reportLevels: 'Level left out for: {names}.',
    reportTexts: 'Comments or improvement points left out for {count} participant(s).',
    reportNothing: 'Every organisation had enough participants: nothing pooled or left out.',
  },
);
