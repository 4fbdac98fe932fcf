import { defineMessages } from '../../i18n/defineMessages';

// A phone joining by the QR code (`#/join/…`). Loaded only on that route.
export const joinMessages = defineMessages(
  {
    title: 'Meedoen met de scan',
    connecting: 'Verbinden met de sessie…',
    waitingForDefinition: 'Verbonden. De scan wordt opgehaald…',
    unreachable: 'De relay is niet bereikbaar. Controleer of deze telefoon op hetzelfde netwerk zit als de laptop van de ketenregisseur. Het opnieuw proberen gaat vanzelf.',
    refused: 'De relay laat deze telefoon niet toe. Vraag de ketenregisseur om een nieuwe QR-code.',
    badLink: 'Deze link om mee te doen is niet compleet of niet geldig. Scan de QR-code opnieuw of vraag de ketenregisseur om de link.',
    otherVersion: 'Deze link is gemaakt met een andere versie van Ketenscan. Vraag de ketenregisseur om de scan als bestand.',
    wrongKey: 'De scan in deze sessie kan met deze link niet worden geopend (verkeerde sleutel). Scan de QR-code opnieuw.',
    invalidDefinition: 'De scan in deze sessie is onleesbaar. Vraag de ketenregisseur om een nieuwe QR-code.',
    closedTitle: 'Deze sessie is gesloten',
    closedBody: 'De ketenregisseur heeft de live sessie gesloten. Er kunnen geen antwoorden meer worden ingestuurd.',
    storeFailed: 'De scan kon niet op deze telefoon worden bewaard. Is er nog opslagruimte?',
    keptNote: 'Uw antwoorden worden eerst op deze telefoon bewaard en verstuurd zodra de relay bereikbaar is.',
  },
  {
    title: 'Join the scan',
    connecting: 'Connecting to the session…',
    waitingForDefinition: 'Connected. Fetching the scan…',
    unreachable: 'The relay cannot be reached. Check that this phone is on the same network as the chain director’s laptop. It keeps trying.',
    refused: 'The relay does not let this phone in. Ask the chain director for a new QR code.',
    badLink: 'This join link is incomplete or not valid. Scan the QR code again or ask the chain director for the link.',
    otherVersion: 'This link was made with another version of Ketenscan. Ask the chain director for the scan as a file.',
    wrongKey: 'The scan in this session cannot be opened with this link (wrong key). Scan the QR code again.',
    invalidDefinition: 'The scan in this session cannot be read. Ask the chain director for a new QR code.',
    closedTitle: 'This session is closed',
    closedBody: 'The chain director has closed the live session. No more answers can be submitted.',
    storeFailed: 'The scan could not be kept on this phone. Is there storage space left?',
    keptNote: 'Your answers are kept on this phone first and sent as soon as the relay can be reached.',
  },
);
