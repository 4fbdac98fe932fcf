import { defineMessages } from '../i18n/defineMessages';

// The banner of DatabaseUpdateGuard: another tab opened a newer version of the database.
export const connectionMessages = defineMessages(
  {
    outdatedTitle: 'Ketenscan is bijgewerkt in een ander tabblad — laad deze pagina opnieuw',
    outdatedBody: 'Dit tabblad gebruikt nog de vorige versie en is gestopt met opslaan, zodat er niets door elkaar raakt. Wat al was ingevuld, staat veilig op dit apparaat; na het opnieuw laden gaat u verder waar u was.',
    reload: 'Opnieuw laden',
    blocked: 'Ketenscan wordt bijgewerkt, maar is nog geopend in een ander tabblad met een oudere versie. Sluit dat tabblad of laad het opnieuw; deze pagina gaat daarna vanzelf verder.',
  },
  {
    outdatedTitle: 'Ketenscan was updated in another tab — reload this page',
    outdatedBody: 'This tab still runs the previous version and has stopped saving, so nothing gets mixed up. What was already filled in is safe on this device; after reloading you continue where you were.',
    reload: 'Reload',
    blocked: 'Ketenscan is being updated, but it is still open in another tab with an older version. Close that tab or reload it; this page then continues by itself.',
  },
);
