import { createContext, useContext } from 'react';

/**
 * Set by ChartFrame around its chart and table: the frame shows the title as a heading, so the
 * chart's own figure caption and the table's caption are kept for screen readers only.
 */
export interface ChartFrameContextValue {
  isInFrame: boolean;
}

export const ChartFrameContext = createContext<ChartFrameContextValue>({ isInFrame: false });

export function useIsInChartFrame(): boolean {
  return useContext(ChartFrameContext).isInFrame;
}
