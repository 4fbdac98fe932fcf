import { exactRankTestP, type RankTable } from '../../domain/analysis/rankTestP';

// The exact p-values the results page's first view did not wait for (exactPValues.ts), computed
// here off the main thread, one message per table as each is done.

self.onmessage = (event: MessageEvent<RankTable[]>) => {
  for (const table of event.data) self.postMessage({ table, p: exactRankTestP(table) });
};
