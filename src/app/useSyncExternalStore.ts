// wouter imports `use-sync-external-store/shim`, a polyfill for React before 18. React 19 has
// the hook itself; vite.config.ts points the shim here so the participant's route does not
// carry the polyfill (docs/budgets.md).
export { useSyncExternalStore } from 'react';
