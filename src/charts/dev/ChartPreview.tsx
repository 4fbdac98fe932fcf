import { useMemo, useState } from 'react';
import type { Language } from '../../domain/types';
import { ChartFrame } from '../ChartFrame';
import { DistributionTable, DivergingBars } from '../DivergingBars';
import { GapDotPlot, GapTable } from '../GapDotPlot';
import { Heatmap, HeatmapTable } from '../Heatmap';
import { IndexScatter, IndexScatterTable } from '../IndexScatter';
import { KeywordCloud, KeywordTable } from '../KeywordCloud';
import { KnobList, KnobTable } from '../KnobList';
import { ThermometerChart, ThermometerTable } from '../ThermometerChart';
import { ThermostatDial, ThermostatDialTable } from '../ThermostatDial';
import type { ChartSize } from '../theme';
import { buildDemoData } from './demoData';

// Development only: every chart with fixed demo figures, to look at (and save) them side by side.
// Import it lazily (`lazy(() => import('./charts/dev/ChartPreview'))`) so it never reaches the
// participant's bundle. The titles are demo fixtures, not product texts, hence not in i18n.

export default function ChartPreview() {
  const [language, setLanguage] = useState<Language>('nl');
  const [size, setSize] = useState<ChartSize>('screen');
  const data = useMemo(() => buildDemoData(language), [language]);
  const common = { language, size };

  return (
    <div className="chart-preview" style={{ maxWidth: size === 'projector' ? 'none' : '64rem', margin: '0 auto', padding: '1rem', background: '#fff' }}>
      <h1>Chart preview</h1>
      <p>
        <button type="button" className="button button--secondary" onClick={() => setLanguage(language === 'nl' ? 'en' : 'nl')}>
          {language === 'nl' ? 'English' : 'Nederlands'}
        </button>{' '}
        <button type="button" className="button button--secondary" aria-pressed={size === 'projector'} onClick={() => setSize(size === 'screen' ? 'projector' : 'screen')}>
          Projector
        </button>
      </p>

      <ChartFrame title="Thermometer" language={language} table={<ThermometerTable title="Thermometer" language={language} columns={data.thermometerColumns} />}>
        <ThermometerChart title="Thermometer" {...common} columns={data.thermometerColumns} chainMean={data.chainThermometer} />
      </ChartFrame>

      <ChartFrame title="Thermostat" language={language} table={<ThermostatDialTable title="Thermostat" language={language} groups={data.groups} dimensions={data.dialDimensions} />}>
        <ThermostatDial title="Thermostat" {...common} groups={data.groups} dimensions={data.dialDimensions} />
      </ChartFrame>

      <ChartFrame title="Knobs" language={language} canExport={false} table={<KnobTable title="Knobs" language={language} knobs={data.knobs} maxItems={5} />}>
        <KnobList title="Knobs" {...common} knobs={data.knobs} maxItems={5} />
      </ChartFrame>

      <ChartFrame title="Perception gap" language={language} table={<GapTable title="Perception gap" language={language} groups={data.groups} rows={data.gapRows} />}>
        <GapDotPlot title="Perception gap" {...common} groups={data.groups} rows={data.gapRows} />
      </ChartFrame>

      <ChartFrame title="Distribution" language={language} table={<DistributionTable title="Distribution" language={language} rows={data.distributionRows} />}>
        <DivergingBars title="Distribution" {...common} rows={data.distributionRows} />
      </ChartFrame>

      <ChartFrame title="Heatmap" language={language} table={<HeatmapTable title="Heatmap" language={language} groups={data.groups} rows={data.heatmapRows} chainLabel={language === 'nl' ? 'Keten' : 'Chain'} />}>
        <Heatmap title="Heatmap" {...common} groups={data.groups} rows={data.heatmapRows} chainLabel={language === 'nl' ? 'Keten' : 'Chain'} />
      </ChartFrame>

      <ChartFrame title="Thermometer × thermostat" language={language} table={<IndexScatterTable title="Thermometer × thermostat" language={language} points={data.scatterPoints} />}>
        <IndexScatter title="Thermometer × thermostat" {...common} points={data.scatterPoints} groups={data.groups} />
      </ChartFrame>

      <ChartFrame title="Keywords" language={language} table={<KeywordTable title="Keywords" language={language} words={data.keywords} />}>
        <KeywordCloud title="Keywords" {...common} words={data.keywords} />
      </ChartFrame>
    </div>
  );
}
