// The result views' ids on their own, without the charts: the results page needs them for its tabs
// before the (lazily loaded) chart code has arrived (docs/budgets.md).
export const RESULT_VIEW_IDS = ['thermometer', 'thermostat', 'gap', 'distribution', 'heatmap', 'scatter', 'keywords', 'texts'] as const;
export type ResultViewId = (typeof RESULT_VIEW_IDS)[number];

export function isResultViewId(value: string): value is ResultViewId {
  return (RESULT_VIEW_IDS as readonly string[]).includes(value);
}
