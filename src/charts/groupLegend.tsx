import { markIndicative, type GroupStyle } from './common';
import type { GroupRef } from './model/chartData';
import type { LegendItem } from './Legend';
import { GroupSymbol } from './marks';
import type { ChartTheme } from './theme';

/** One legend entry per group: its symbol in its colour, "Pol = Politie *" when abbreviated. */
export function groupLegendItems(groups: readonly GroupRef[], styles: Map<string, GroupStyle>, theme: ChartTheme): LegendItem[] {
  return groups.map((group) => {
    const style = styles.get(group.id) as GroupStyle;
    const name = markIndicative(group.label, group.isIndicative);
    return {
      key: group.id,
      label: style.shortLabel === group.label ? name : `${style.shortLabel} = ${name}`,
      swatch: (size: number) => <GroupSymbol type={style.symbol} x={size / 2} y={size / 2} radius={size / 2.2} fill={style.colour} outline={theme.markOutline} strokeWidth={theme.stroke.thin} />,
    };
  });
}
