import { defineMessages } from '../i18n/defineMessages';

// The banner of DatabaseUpdateGuard: another tab opened a newer version of the database.
export const connectionMessages = defineMessages(
  {
    outdatedTitle: 'Ketenscan is bijgewerkt in een ander tabblad — laad deze pagina opnieuw',
    outdatedBody: 'Dit tabblad slaat niets meer op. Wat al was ingevuld, staat veilig op dit apparaat; na het opnieuw laden gaat u verder waar u was.',
    reload: 'Opnieuw laden',
  },
  {
    outdatedTitle: 'Ketenscan was updated in another tab — reload this page',
    outdatedBody: 'This tab no longer saves anything. What was filled in is safe on this device; after reloading you continue where you were.',
    reload: 'Reload',
  },
);
