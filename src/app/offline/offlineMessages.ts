import { defineMessages } from '../../i18n/defineMessages';

// Texts of the update banner. Loaded with the service-worker registration, after the app has
// rendered, so they are not part of the participant's first download.
export const offlineMessages = defineMessages(
  {
    updateReady: 'Er staat een nieuwe versie van Ketenscan klaar.',
    updateReload: 'Nu herladen',
    updateLater: 'Later',
  },
  {
    updateReady: 'A new version of Ketenscan is ready.',
    updateReload: 'Reload now',
    updateLater: 'Later',
  },
);
