import { defineMessages } from '../../i18n/defineMessages';

// What is off at this page's address, and why: one sentence per capability, used wherever that
// capability is offered, so the director reads the same words everywhere. docs/origins.md
// Keys: `<capability>_<reason>` for a sentence said in place (origin.ts), `<capability>_item`
// for the list on the director's list of scans, under the intro that gives the reason once. Loaded by the director's pages only.
export const originMessages = defineMessages(
  {
    noticeTitle: 'Op dit adres staat een deel van Ketenscan uit',
    noticeIntro_insecure:
      'Deze pagina is geopend via gewoon http (zoals op het netwerk van de zaal). Het volgende staat de browser alleen toe via https of op het eigen adres van deze laptop (localhost); daarom staat het hier uit:',
    noticeIntro_missing: 'Deze browser biedt het volgende niet; daarom staat het hier uit:',
    offline_item: 'Werken zonder netwerk: Ketenscan opent hier alleen als het netwerk er is.',
    camera_item: 'QR-codes lezen met de camera: lees in plaats daarvan het bestand van de deelnemer in, of plak de tekst van de QR-code.',
    clipboard_item:
      'Rechtstreeks naar het klembord kopiëren: een kopieerknop probeert dan de oudere kopieerfunctie van de browser en zegt of dat lukte; zo niet, dan selecteert hij de tekst, zodat u die zelf kopieert.',
    camera_insecure:
      'Deze pagina is geopend via gewoon http (zoals op het netwerk van de zaal); daarom mag de browser de camera niet gebruiken om QR-codes te lezen. Dat kan alleen via https of op het eigen adres van deze laptop (localhost). Lees in plaats daarvan het bestand van de deelnemer in, of plak de tekst van de QR-code.',
    camera_missing: 'Deze browser geeft Ketenscan geen camera om QR-codes te lezen. Lees in plaats daarvan het bestand van de deelnemer in, of plak de tekst van de QR-code.',
    persistence_insecure:
      'Deze pagina is geopend via gewoon http (zoals op het netwerk van de zaal); daarom kan Ketenscan de browser niet vragen de gegevens blijvend te bewaren, en mag de browser ze wissen als de ruimte opraakt. Sla na elke workshop een reservekopie op en bewaar dat bestand op een veilige plek.',
    persistence_missing: 'Deze browser kan niet toezeggen de gegevens te bewaren. Sla daarom na elke workshop een reservekopie op en bewaar dat bestand op een veilige plek.',
    copyLink: 'Link kopiëren',
    copied: 'Gekopieerd: de link staat op het klembord.',
    copySelected: 'Kopiëren lukte niet. De link is geselecteerd: kopieer hem zelf met Ctrl+C (op een Mac ⌘C; op een telefoon: lang indrukken en Kopiëren).',
  },
  {
    noticeTitle: 'Part of Ketenscan is off at this address',
    noticeIntro_insecure:
      "This page was opened over plain http (as on the room's network). The browser allows the following only over https or at this laptop's own address (localhost); so it is off here:",
    noticeIntro_missing: 'This browser does not offer the following; so it is off here:',
    offline_item: 'Working without the network: Ketenscan opens here only while the network is there.',
    camera_item: "Reading QR codes with the camera: instead, read in the participant's file or paste the text of the QR code.",
    clipboard_item:
      "Copying straight to the clipboard: a copy button then tries the browser's older copy command and says whether that worked; if not, it selects the text so you can copy it yourself.",
    camera_insecure:
      "This page was opened over plain http (as on the room's network); so the browser may not use the camera to read QR codes. That works only over https or at this laptop's own address (localhost). Instead, read in the participant's file or paste the text of the QR code.",
    camera_missing: "This browser gives Ketenscan no camera to read QR codes. Instead, read in the participant's file or paste the text of the QR code.",
    persistence_insecure:
      "This page was opened over plain http (as on the room's network); so Ketenscan cannot ask the browser to keep the data permanently, and the browser may delete it when space runs low. Save a backup after every workshop and keep that file somewhere safe.",
    persistence_missing: 'This browser cannot promise to keep the data. So save a backup after every workshop and keep that file somewhere safe.',
    copyLink: 'Copy link',
    copied: 'Copied: the link is on the clipboard.',
    copySelected: 'Copying did not work. The link is selected: copy it yourself with Ctrl+C (⌘C on a Mac; on a phone: press and hold, then Copy).',
  },
);
