import { scaleSqrt } from 'd3-scale';
import { useMemo } from 'react';
import type { Language } from '../domain/types';
import { ChartFigure } from './ChartFigure';
import { chartText, type CommonChartProps } from './common';
import { DataTable, type DataTableColumn } from './DataTable';
import { getChartFormat } from './format';
import { round } from './marks';
import { estimateTextWidth } from './text';
import { getChartTheme, type ChartTheme } from './theme';
import { useChartWidth } from './useChartWidth';
import type { KeywordCount } from './model/chartData';

export interface KeywordCloudProps extends CommonChartProps {
  words: readonly KeywordCount[];
  /** Only the most frequent words are drawn (default 40); the table lists the same words. */
  maxWords?: number;
}

const DEFAULT_MAX_WORDS = 40;
const getCount = (w: KeywordCount) => w.count;

/** Most frequent first, then alphabetical: the same words always land in the same places. */
export function rankKeywords(words: readonly KeywordCount[], language: Language, maxWords = DEFAULT_MAX_WORDS): KeywordCount[] {
  return words
    .filter((w) => w.count > 0 && w.text.trim() !== '')
    .slice()
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text, language))
    .slice(0, maxWords);
}

/** Keywords sized by count (area ∝ count), packed line by line and centred; counts printed. */
export function KeywordCloud({ title, language, size = 'screen', width: fixedWidth, description, words, maxWords = DEFAULT_MAX_WORDS }: KeywordCloudProps) {
  const { ref, width, isMeasured } = useChartWidth(fixedWidth);
  const theme = getChartTheme(size);
  const t = chartText(language);
  const f = getChartFormat(language);
  const ranked = useMemo(() => rankKeywords(words, language, maxWords), [words, language, maxWords]);
  const layout = useMemo(() => layoutKeywords(width, ranked, theme), [width, ranked, theme]);
  const describe = description ?? t('describeKeywords', { values: ranked.map((w) => `${w.text} (${f.count(w.count)})`).join(', ') });

  return (
    <ChartFigure kind="keywords" title={title} description={describe} width={width} height={layout.height} theme={theme} measureRef={ref} isMeasured={isMeasured}>
      {ranked.length === 0 ? (
        <text x={width / 2} y={layout.height / 2} textAnchor="middle" dominantBaseline="central" fontSize={theme.font.body} fill={theme.inkMuted} data-no-data>
          {t('noData')}
        </text>
      ) : null}
      {layout.lines.map((line, lineIndex) => (
        // One <text> per line, centred: the browser spaces the words, so estimates only decide
        // where a line breaks and words can never overlap.
        <text key={lineIndex} x={round(width / 2)} y={round(line.baseline)} textAnchor="middle" fill={theme.ink}>
          {line.pieces.map((piece, i) => (
            <tspan key={`${piece.word.text}-${i}`} data-word={piece.word.text}>
              <title>{`${piece.word.text}: ${t('timesMentioned', { count: f.count(piece.word.count) })}`}</title>
              <tspan dx={i === 0 ? 0 : round(layout.gap)} fontSize={round(piece.fontSize)} fontWeight={700}>
                {piece.word.text}
              </tspan>
              <tspan dx={round(layout.countSize * 0.3)} fontSize={layout.countSize} fill={theme.inkMuted} data-count>
                {f.count(piece.word.count)}
              </tspan>
            </tspan>
          ))}
        </text>
      ))}
    </ChartFigure>
  );
}

function layoutKeywords(width: number, words: readonly KeywordCount[], theme: ChartTheme) {
  const s = theme.scale;
  const counts = words.map(getCount);
  const min = Math.min(...counts, 1);
  const max = Math.max(...counts, 1);
  const fontOf = scaleSqrt().domain(min === max ? [0, max] : [min, max]).range(min === max ? [theme.font.label, theme.font.body * 2] : [theme.font.label, theme.font.body * 3]);
  const countSize = theme.font.small;
  const padding = 12 * s;
  const gap = theme.font.body * 1.2;
  // A tenth kept free: the widths are estimates, and a centred line may come out a little wider.
  const usable = (width - 2 * padding) * 0.9;

  type Piece = { word: KeywordCount; fontSize: number; wordWidth: number; width: number };
  const lines: Piece[][] = [];
  let line: Piece[] = [];
  let lineWidth = 0;
  for (const word of words) {
    const fontSize = fontOf(word.count);
    const wordWidth = estimateTextWidth(word.text, fontSize, true);
    const pieceWidth = wordWidth + countSize * 0.3 + estimateTextWidth(String(word.count), countSize);
    if (line.length > 0 && lineWidth + gap + pieceWidth > usable) {
      lines.push(line);
      line = [];
      lineWidth = 0;
    }
    lineWidth += (line.length > 0 ? gap : 0) + pieceWidth;
    line.push({ word, fontSize, wordWidth, width: pieceWidth });
  }
  if (line.length > 0) lines.push(line);

  const placedLines: { baseline: number; pieces: Piece[] }[] = [];
  let top = padding;
  for (const pieces of lines) {
    const tallest = Math.max(...pieces.map((p) => p.fontSize));
    placedLines.push({ baseline: top + tallest * 0.95, pieces });
    top += tallest * 1.3;
  }
  return { lines: placedLines, gap, countSize, height: Math.ceil(Math.max(top + padding, 80 * s)) };
}

/** The keywords as a table: word and count, in the same order. */
export function KeywordTable({ title, language, words, maxWords = DEFAULT_MAX_WORDS }: Pick<KeywordCloudProps, 'title' | 'language' | 'words' | 'maxWords'>) {
  const t = chartText(language);
  const f = getChartFormat(language);
  const columns: DataTableColumn<KeywordCount>[] = [
    { id: 'word', header: t('word'), isRowHeader: true, render: (w) => w.text },
    { id: 'count', header: t('count'), isNumeric: true, render: (w) => f.count(w.count) },
  ];
  return <DataTable caption={title} columns={columns} rows={rankKeywords(words, language, maxWords)} getRowKey={(w, index) => `${index}-${w.text}`} />;
}
