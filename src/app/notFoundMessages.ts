import { defineMessages } from '../i18n/defineMessages';

// The not-found page's own texts: it loads as its own chunk, so a participant's first load
// carries none of it (docs/budgets.md).
export const notFoundMessages = defineMessages(
  {
    notFoundTitle: 'Deze pagina bestaat niet',
    notFoundBody: 'Het adres {path} hoort bij geen enkele pagina van Ketenscan. Misschien is de link verouderd of verkeerd overgenomen.',
  },
  {
    notFoundTitle: 'This page does not exist',
    notFoundBody: 'The address {path} does not belong to any page of Ketenscan. The link may be out of date or copied incorrectly.',
  },
);
