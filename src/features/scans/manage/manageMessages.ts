import { defineMessages } from '../../../i18n/defineMessages';

export const manageMessages = defineMessages(
  {
    title: 'Gegevens beheren',
    nextRound: 'Opzet kopiëren voor een nieuwe ronde',
    nextRoundHint: 'Een nieuwe scan met dezelfde partners, instellingen en vragenlijst, zonder antwoorden, als volgende ronde gekoppeld aan deze scan.',
    saveSetup: 'Opzet opslaan als bestand (zonder antwoorden)',
    saveSetupHint: 'Een ander apparaat leest dit bestand in via Importeren en kan dan dezelfde scan afnemen. Er staat geen enkel antwoord in.',
    setupSaved: 'Opzet opgeslagen als {name}.',
    deleteScan: 'Scan verwijderen',
    dialogTitle: 'Scan verwijderen?',
    dialogText: 'Scan "{title}" {count, plural, =0 {van dit apparaat verwijderen? Er zijn nog geen antwoorden.} one {met het ene antwoord van dit apparaat verwijderen?} other {met alle # antwoorden van dit apparaat verwijderen?}} Dit kan niet ongedaan worden gemaakt.',
    dialogCopyHint: 'Bewaar eerst een kopie als u de antwoorden later nog wilt bekijken of op een ander apparaat wilt inlezen.',
    saveCopy: 'Eerst een kopie opslaan',
    copySaved: 'Kopie opgeslagen als {name}. U kunt de scan nu verwijderen.',
    confirmDelete: 'Verwijderen',
  },
  {
    title: 'Manage data',
    nextRound: 'Copy set-up for a new round',
    nextRoundHint: 'A new scan with the same partners, settings and questionnaire, without answers, linked to this scan as its next round.',
    saveSetup: 'Save set-up as a file (without answers)',
    saveSetupHint: 'Another device reads this file through Import and can then run the same scan. It holds no answer at all.',
    setupSaved: 'Set-up saved as {name}.',
    deleteScan: 'Delete scan',
    dialogTitle: 'Delete scan?',
    dialogText: 'Delete scan "{title}" {count, plural, =0 {from this device? It has no responses yet.} one {with its one response from this device?} other {with all # responses from this device?}} This cannot be undone.',
    dialogCopyHint: 'Save a copy first if you want to look at the answers later or read them into another device.',
    saveCopy: 'Save a copy first',
    copySaved: 'Copy saved as {name}. You can delete the scan now.',
    confirmDelete: 'Delete',
  },
);
