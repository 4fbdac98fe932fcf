import { defineMessages } from '../../i18n/defineMessages';

// Rounds and the two-group comparison in the presenter and the report (docs/presenter.md,
// "Rounds on the slides"; docs/instrument-and-rounds.md, "In the presenter and the report").
// The figures' own words (table headers, verdicts, refusals) are roundsMessages'.
export const stageMessages = defineMessages(
  {
    changeTitle: 'Verandering sinds ronde {round}',
    changeLegend: 'Open rondje: ronde {earlier} · dicht rondje: ronde {later} · gestreept: kan toeval zijn',
    changeFailed: 'De verandering sinds de vorige ronde kon niet worden gelezen.',
    trendFailed: 'Het verloop over alle rondes kon niet worden gelezen.',
    notComparedSlideTitle: 'Verandering sinds ronde {round}: partners die niet vergeleken worden',
    groupsSlideTitle: 'Twee groepen vergelijken',
    groupsLegend: 'Open rondje: {a} · dicht rondje: {b} · gestreept: kan toeval zijn',
    groupsPick: 'Kies met Tab en de pijltjestoetsen twee groepen; daarna → voor de volgende dia.',
    reportChangeIntro: 'De hele keten: per stelling het gemiddelde in ronde {earlier} en in ronde {later}, dezelfde cijfers als op de pagina Verandering tussen rondes.',
    reportGroupsNone: 'Geen',
    reportGroupsHint: 'Kies twee groepen om hun vergelijking in het rapport op te nemen. Deze keuze wordt niet afgedrukt; ze staat in het adres, zodat een herladen pagina haar houdt.',
    toReport: 'Deze vergelijking in het rapport opnemen',
  },
  {
    changeTitle: 'Change since round {round}',
    changeLegend: 'Open circle: round {earlier} · filled circle: round {later} · dashed: could be chance',
    changeFailed: 'The change since the previous round could not be read.',
    trendFailed: 'The course over all rounds could not be read.',
    notComparedSlideTitle: 'Change since round {round}: partners not compared',
    groupsSlideTitle: 'Comparing two groups',
    groupsLegend: 'Open circle: {a} · filled circle: {b} · dashed: could be chance',
    groupsPick: 'Use Tab and the arrow keys to choose two groups; then → for the next slide.',
    reportChangeIntro: 'The whole chain: per statement the mean in round {earlier} and in round {later}, the same figures as on the Change between rounds page.',
    reportGroupsNone: 'None',
    reportGroupsHint: 'Choose two groups to include their comparison in the report. This choice is not printed; it is kept in the address, so a reloaded page keeps it.',
    toReport: 'Include this comparison in the report',
  },
);
