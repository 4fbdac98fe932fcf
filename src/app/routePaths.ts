// Hash paths of the two pages whose chunks index.html starts fetching before the entry script
// has run (scripts/routePreloadPlugin.ts); routes.tsx preloads by the same patterns.

/** The participant's answer route: `#/s/<scan>` or `#/s/<scan>/<step>`. */
export const RESPOND_PATH = /^\/s\/[^/]+(\/\d+)?$/;

/** The director's results page: `#/scans/<scan>/results` or `…/results/<view>`. */
export const RESULTS_PATH = /^\/scans\/[^/]+\/results(\/[^/]+)?$/;
