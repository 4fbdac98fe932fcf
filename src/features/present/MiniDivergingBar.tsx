import { pickTextColour } from '../../charts/contrast';
import { LIKERT_COLOURS } from '../../charts/theme';
import type { ScoreCounts } from '../../domain/analysis';

const WIDTH = 300;
const HEIGHT = 40;
/** A count is written in its segment only when it has room at 24 px (the slide's smallest text). */
const MIN_LABEL_WIDTH = 34;

/**
 * One group's answers 1–5 as a small diverging bar: disagree (1, 2) to the left of the centre line,
 * agree (4, 5) to the right, neutral (3) split over both sides, as in the distribution view.
 * Each side spans 100 % of the group's answers. The counts are in the label for screen readers,
 * and written in the segments that have room.
 */
export function MiniDivergingBar({ counts, label }: { counts: ScoreCounts; label: string }) {
  const n = counts.reduce((sum, c) => sum + c, 0);
  const half = WIDTH / 2;
  const unit = n > 0 ? half / n : 0;
  // Left side, from the centre outwards: half of 3, then 2, then 1. Right side: half of 3, 4, 5.
  const left = [
    { answer: 3, width: (counts[2] / 2) * unit, count: null },
    { answer: 2, width: counts[1] * unit, count: counts[1] },
    { answer: 1, width: counts[0] * unit, count: counts[0] },
  ];
  const right = [
    { answer: 3, width: (counts[2] / 2) * unit, count: counts[2] },
    { answer: 4, width: counts[3] * unit, count: counts[3] },
    { answer: 5, width: counts[4] * unit, count: counts[4] },
  ];
  const segments: { answer: number; x: number; width: number; count: number | null; labelX: number }[] = [];
  let x = half;
  for (const part of left) {
    x -= part.width;
    segments.push({ ...part, x, labelX: x + part.width / 2 });
  }
  x = half;
  for (const part of right) {
    // The neutral count is written across the centre line, over both halves of its segment.
    const labelX = part.answer === 3 ? half : x + part.width / 2;
    const labelWidth = part.answer === 3 ? part.width * 2 : part.width;
    segments.push({ ...part, x, labelX, count: labelWidth >= MIN_LABEL_WIDTH ? part.count : null });
    x += part.width;
  }
  return (
    <svg className="mini-bar" width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
      {segments.map((s, i) =>
        s.width > 0 ? <rect key={i} x={s.x} y={0} width={s.width} height={HEIGHT} fill={LIKERT_COLOURS[s.answer - 1]} stroke="#ffffff" strokeWidth={1} /> : null,
      )}
      <line x1={half} x2={half} y1={-2} y2={HEIGHT + 2} stroke="currentColor" strokeWidth={2} />
      {segments.map((s, i) =>
        s.count !== null && s.count > 0 && (s.answer === 3 || s.width >= MIN_LABEL_WIDTH) ? (
          <text key={`t${i}`} x={s.labelX} y={HEIGHT / 2} textAnchor="middle" dominantBaseline="central" fontSize={24} fontWeight={700} fill={pickTextColour(LIKERT_COLOURS[s.answer - 1] ?? '#ffffff')}>
            {s.count}
          </text>
        ) : null,
      )}
    </svg>
  );
}
