import { defineMessages } from '../i18n/defineMessages';

// How a p-value was found, shown beside it (docs/analysis.md, "Which p-value: exact, Monte Carlo
// or approximation"). Short: it sits in brackets after the number.

export const pMethodMessages = defineMessages(
  {
    pMethod_exact: 'exact',
    pMethod_monteCarlo: 'Monte Carlo, ± {error}',
    pMethod_asymptotic: 'benadering',
  },
  {
    pMethod_exact: 'exact',
    pMethod_monteCarlo: 'Monte Carlo, ± {error}',
    pMethod_asymptotic: 'approximation',
  },
);
