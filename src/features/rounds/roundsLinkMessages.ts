import { defineMessages } from '../../i18n/defineMessages';

// The rounds link's own texts, apart from the rounds page's bundle (roundsMessages.ts): the
// results page's frame and the scan page show the link, and loading the whole page's texts for
// one label cost the results frame 3.7 KiB before its heading (docs/budgets.md).
export const roundsLinkMessages = defineMessages(
  {
    linkToRounds: 'Verandering tussen rondes',
  },
  {
    linkToRounds: 'Change between rounds',
  },
);
