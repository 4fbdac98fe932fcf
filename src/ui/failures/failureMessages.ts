import { defineMessages } from '../../i18n/defineMessages';
import type { Failure } from './failure';

// What a director is told when an action fails: what happened, whether anything changed, and
// what to do next. Loaded only with the director's pages (never in the participant's first load).
export const failureMessages = defineMessages(
  {
    storageFull:
      'De opslag van deze browser is vol, daarom kon dit niet worden uitgevoerd; er is niets veranderd. Sla een reservekopie op en verwijder oude scans, of maak ruimte vrij op het apparaat, en probeer het opnieuw.',
    storageUnavailable:
      'Deze browser laat Ketenscan nu niets opslaan; er is niets veranderd. Dat gebeurt in sommige privé- of incognitovensters en als opslag voor websites is uitgeschakeld. Open Ketenscan in een gewoon browservenster.',
    databaseClosed:
      'Ketenscan is in een ander tabblad met een nieuwere versie geopend, daarom is de opslag hier gesloten; er is niets veranderd. Laad deze pagina opnieuw.',
    notFound: 'Dit staat niet (meer) op dit apparaat; misschien is het in een ander tabblad verwijderd. Er is niets veranderd.',
    fileUnreadable:
      'Een bestand kon niet worden gelezen: misschien is het intussen verplaatst, verwijderd of gewijzigd. Er is niets ingelezen. Kies het bestand opnieuw.',
    downloadFailed: 'Het bestand kon niet worden gemaakt of opgeslagen. Probeer het opnieuw; lukt dat niet, kijk dan of de browser downloads toestaat.',
    unknown: 'Er ging iets mis; deze handeling is niet uitgevoerd. Probeer het opnieuw of laad de pagina opnieuw.',
    partFailed: '{part} kon niet worden geladen; de rest van de pagina werkt gewoon. Probeer het opnieuw of laad de pagina opnieuw.',
    dismiss: 'Melding sluiten',
  },
  {
    storageFull:
      "This browser's storage is full, so this could not be done; nothing has changed. Save a backup and delete old scans, or free up space on the device, and try again.",
    storageUnavailable:
      'This browser does not let Ketenscan store anything right now; nothing has changed. This happens in some private or incognito windows and when site storage is switched off. Open Ketenscan in a normal browser window.',
    databaseClosed: 'Ketenscan was opened in another tab with a newer version, so storage was closed here; nothing has changed. Reload this page.',
    notFound: 'This is not (or no longer) on this device; it may have been deleted in another tab. Nothing has changed.',
    fileUnreadable: 'A file could not be read: it may have been moved, deleted or changed in the meantime. Nothing was read in. Choose the file again.',
    downloadFailed: 'The file could not be made or saved. Try again; if that fails, check whether the browser allows downloads.',
    unknown: 'Something went wrong; this action was not carried out. Try again or reload the page.',
    partFailed: '{part} could not be loaded; the rest of the page works as usual. Try again or reload the page.',
    dismiss: 'Close this message',
  },
);

type FailureMessageKey = keyof typeof failureMessages.nl;

/** One message per failure kind: the compiler refuses a kind without a message. */
export const FAILURE_MESSAGE = {
  'storage-full': 'storageFull',
  'storage-unavailable': 'storageUnavailable',
  'database-closed': 'databaseClosed',
  'not-found': 'notFound',
  'file-unreadable': 'fileUnreadable',
  'download-failed': 'downloadFailed',
  unknown: 'unknown',
} as const satisfies Record<Failure, FailureMessageKey>;
